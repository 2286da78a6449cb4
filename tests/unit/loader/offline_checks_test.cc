// Offline checks against Aiven's schemas compiled into aivenctl: the service type list
// (warnings: plan decides with the live catalog) and topic config keys and values (errors
// at the key's line and column), and the positions the loader keeps for every key.

#include <gtest/gtest.h>

#include <fstream>

#include "model/aiven_schemas.h"
#include "spec_helpers.h"

namespace aivenctl::loader {
namespace {

TEST(OfflineChecks, TypesAivenDoesNotListWarnAndAreAccepted) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - {name: new, type: lakehouse, plan: startup-4}
      - {name: old, type: m3db, plan: startup-4}
      - {name: gone, type: cassandra, plan: startup-4}
      - {name: df, type: dragonfly, plan: startup-4}
)");
  EXPECT_TRUE(r.ok()) << Lines(r);
  EXPECT_EQ(
      "6:27: warning: service type \"lakehouse\" is not in Aiven's list of 2026-08-20 that "
      "aivenctl knows offline; plan checks it against the live catalog\n"
      "7:27: warning: service type \"m3db\" has reached end of life at Aiven (not in its list of "
      "2026-08-20); plan refuses it when the live catalog does not offer it; use \"thanos\"\n"
      "8:28: warning: service type \"cassandra\" has reached end of life at Aiven (not in its list "
      "of 2026-08-20); plan refuses it when the live catalog does not offer it\n",
      Lines(r));
}

TEST(OfflineChecks, TopicConfigKeysAndValuesAtTheKey) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - name: events
        type: kafka
        plan: business-4
        topics:
          - name: orders
            config:
              retention_ms: 604800000
              cleanup_policy: compact,delete
              segment_bytes: "big"
              unclean_leader_election_enable: true
              retention.bytes: 5
              retentoin_bytes: 5
)");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(
      "14:15: error: topic config \"segment_bytes\": expected integer, got string \"big\"\n"
      "16:15: error: topic config key \"retention.bytes\" uses Kafka's dotted form; Aiven "
      "expects \"retention_bytes\"\n"
      "17:15: error: topic config \"retentoin_bytes\": unknown key (did you mean "
      "\"retention_bytes\"?)\n",
      Lines(r));
}

TEST(OfflineChecks, KeyPositionsCoverNestedKeysItemsAndTheVersionShorthand) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - name: pg
        type: pg
        plan: startup-4
        version: "16"
        user_config:
          pg:
            max_connections: 100
          ip_filter: [10.0.0.0/8, 192.168.0.0/16]
)");
  ASSERT_TRUE(r.ok()) << Lines(r);
  const model::Service& s = r.plan->projects[0].services[0];
  auto at = [&](const std::string& path) {
    core::SourcePos p = model::PosOf(s.key_pos, path, s.pos);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  };
  EXPECT_EQ(at("type"), "7:15");
  EXPECT_EQ(at("user_config.pg"), "11:11");
  EXPECT_EQ(at("user_config.pg.max_connections"), "12:13");
  EXPECT_EQ(at("user_config.pg.max_connections.deeper"), "12:13");
  EXPECT_EQ(at("user_config.ip_filter[1]"), "13:35");
  EXPECT_EQ(at("user_config.pg_version"), "9:18");
  EXPECT_EQ(at("user_config.absent"), "6:9");
}

TEST(OfflineChecks, TheCompiledTableIsTheCommittedFile) {
  std::ifstream in(std::string(AIVENCTL_TEST_SOURCE_DIR) + "/schemas/aiven/user_config.json");
  const nlohmann::json file = nlohmann::json::parse(in);
  for (const auto& [name, schema] : file["service_types"].items()) {
    ASSERT_NE(model::OfflineServiceSchema(name), nullptr) << name;
    EXPECT_EQ(*model::OfflineServiceSchema(name), schema) << name;
  }
  for (const auto& [name, schema] : file["integration_types"].items()) {
    ASSERT_NE(model::OfflineIntegrationSchema(name), nullptr) << name;
    EXPECT_EQ(*model::OfflineIntegrationSchema(name), schema) << name;
  }
  EXPECT_EQ(model::TopicConfigSchema(), file["topic_config"]);
  EXPECT_EQ(model::CurrentServiceTypes().size(), file["service_types"].size());
  EXPECT_EQ(model::EndOfLifeSuccessor("redis"), "valkey");
  EXPECT_EQ(model::EndOfLifeSuccessor("pg"), std::nullopt);
}

}  // namespace
}  // namespace aivenctl::loader
