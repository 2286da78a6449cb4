// Specifications of the loader: plan text in, model or exact diagnostics out.

#include <gtest/gtest.h>

#include "spec_helpers.h"

namespace aivenctl::loader {
namespace {

constexpr const char* kPipeline = R"(version: 1
name: ci-kafka-pipeline
vars:
  run: ${env:CI_PIPELINE_ID:-local}
defaults:
  cloud: google-europe-north1
  ttl: 6h
  tags: {owner: ci}
projects:
  - name: ci-${run}
    tags: {team: data}
    services:
      - name: events
        type: kafka
        plan: business-4
        version: "3.8"
        cloud: aws-eu-west-1
        topics:
          - name: orders
            partitions: 6
            replication: 3
            config: {retention_ms: 604800000, cleanup_policy: delete}
      - name: connect
        type: kafka_connect
        plan: startup-4
        ttl: 2h
      - name: pg
        type: pg
        plan: startup-4
        user_config: {pg_version: "16"}
        maintenance: {dow: sunday, time: "03:00:00"}
        databases: [app, {name: reports, lc_collate: C}]
        users: [app, {name: reporter}]
    integrations:
      - {type: kafka_connect, source: events, destination: connect}
      - {type: metrics, source: pg, destination: shared/grafana, external: true}
)";

TEST(Loader, BuildsTheModelWithResolvedDefaultsAndPositions) {
  LoadResult r = LoadSpec(kPipeline);
  ASSERT_TRUE(r.ok()) << Lines(r);
  EXPECT_EQ("", Lines(r));
  const model::Plan& plan = *r.plan;
  EXPECT_EQ("ci-kafka-pipeline", plan.name);
  EXPECT_EQ("local", plan.vars.at("run"));
  ASSERT_EQ(1u, plan.projects.size());
  const model::Project& p = plan.projects[0];
  EXPECT_EQ("ci-local", p.name);
  EXPECT_EQ("project:ci-local", p.address.ToString());
  EXPECT_EQ((model::Tags{{"owner", "ci"}, {"team", "data"}}), p.tags);
  ASSERT_EQ(3u, p.services.size());

  const model::Service& events = p.services[0];
  EXPECT_EQ("service:ci-local/events", events.address.ToString());
  EXPECT_EQ((core::SourcePos{"plan.yaml", 13, 9}), events.pos);
  EXPECT_EQ("aws-eu-west-1", *events.cloud.value);
  EXPECT_EQ(model::Origin::kExplicit, events.cloud.origin);
  EXPECT_EQ(core::Seconds(6 * 3600), *events.ttl.value);
  EXPECT_EQ(model::Origin::kDefaults, events.ttl.origin);
  EXPECT_EQ((core::SourcePos{"plan.yaml", 7, 8}), events.ttl.pos);
  EXPECT_EQ("3.8", events.user_config.at("kafka_version"));
  ASSERT_EQ(1u, events.topics.size());
  EXPECT_EQ("topic:ci-local/events/orders", events.topics[0].address.ToString());
  EXPECT_EQ(6, *events.topics[0].partitions);
  EXPECT_EQ("delete", events.topics[0].config.at("cleanup_policy"));

  const model::Service& connect = p.services[1];
  EXPECT_EQ("google-europe-north1", *connect.cloud.value);
  EXPECT_EQ(model::Origin::kDefaults, connect.cloud.origin);
  EXPECT_EQ(core::Seconds(2 * 3600), *connect.ttl.value);
  EXPECT_TRUE(connect.ttl.is_explicit());

  const model::Service& pg = p.services[2];
  ASSERT_EQ(2u, pg.databases.size());
  EXPECT_EQ("reports", pg.databases[1].name);
  EXPECT_EQ("C", *pg.databases[1].lc_collate);
  EXPECT_EQ("user:ci-local/pg/reporter", pg.users[1].address.ToString());
  EXPECT_EQ("sunday", pg.maintenance->dow);

  ASSERT_EQ(2u, p.integrations.size());
  EXPECT_EQ("integration:ci-local/kafka_connect:events->connect",
            p.integrations[0].address.ToString());
  EXPECT_TRUE(p.integrations[0].source.in_plan);
  EXPECT_EQ("shared", p.integrations[1].destination.project);
  EXPECT_FALSE(p.integrations[1].destination.in_plan);
}

TEST(Loader, CommandLineVariablesAndEnvironmentFeedInterpolation) {
  core::MapEnvironment env = Env({{"CI_PIPELINE_ID", "4711"}});
  LoadResult from_env = LoadSpec(kPipeline, {}, env);
  ASSERT_TRUE(from_env.ok()) << Lines(from_env);
  EXPECT_EQ("ci-4711", from_env.plan->projects[0].name);

  LoadResult from_cli = LoadSpec(kPipeline, {{"run", "pr-9"}}, env);
  ASSERT_TRUE(from_cli.ok()) << Lines(from_cli);
  EXPECT_EQ("ci-pr-9", from_cli.plan->projects[0].name);
}

TEST(Loader, ProjectSettingsAreInheritedWithTheirOrigin) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    cloud: aws-eu-west-1
    ttl: 1d
    services:
      - {name: pg, type: pg, plan: hobbyist}
)");
  ASSERT_TRUE(r.ok()) << Lines(r);
  const model::Service& pg = r.plan->projects[0].services[0];
  EXPECT_EQ(model::Origin::kProject, pg.cloud.origin);
  EXPECT_EQ("aws-eu-west-1", *pg.cloud.value);
  EXPECT_EQ(model::Origin::kProject, pg.ttl.origin);
  EXPECT_EQ((core::SourcePos{"plan.yaml", 6, 10}), pg.ttl.pos);
}

TEST(Loader, ReportsEveryProblemAtOnceSortedByPosition) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - name: events
        type: kafka
        plan: business-4
        topics:
          - {name: orders, partitions: 6, replcias: 3}
          - {name: orders}
      - name: pg
        type: pg
        plan: startup-4
        topics: [{name: x}]
    integrations:
      - {type: kafka_connect, source: events, destination: conect}
)");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(
      "10:43: error: unknown field \"replcias\" (did you mean \"replication\"?)\n"
      "11:13: error: duplicate topic \"orders\" in service \"events\" (first defined at 10:13)\n"
      "15:9: error: service \"pg\" of type pg cannot have topics (only kafka services have "
      "topics)\n"
      "17:60: error: integration destination \"conect\" is not a service in this plan (set "
      "external: true on the integration if it lives elsewhere)\n",
      Lines(r));
}

TEST(Loader, VersionShorthandMustAgreeWithUserConfig) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - name: pg
        type: pg
        plan: startup-4
        version: 16
        user_config: {pg_version: "15"}
)");
  EXPECT_EQ(
      "9:18: error: version \"16\" disagrees with user_config.pg_version \"15\"; keep one of "
      "them\n",
      Lines(r));
}

TEST(Loader, VersionShorthandKeepsTheTextAsWritten) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - {name: k, type: kafka, plan: business-4, version: 3.10}
)");
  ASSERT_TRUE(r.ok()) << Lines(r);
  EXPECT_EQ("3.10", r.plan->projects[0].services[0].user_config.at("kafka_version"));
}

TEST(Loader, WarningsDoNotMakeAPlanInvalid) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
vars: {spare: x}
projects:
  - name: a
    services:
      - {name: cache, type: redis, plan: startup-4}
)");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(
      "3:8: warning: variable \"spare\" is defined but never used\n"
      "7:29: warning: service type \"redis\" has reached end of life at Aiven (not in its list "
      "of 2026-08-20); plan refuses it when the live catalog does not offer it; use \"valkey\"\n",
      Lines(r));
}

TEST(Loader, NamesAreCheckedAfterInterpolation) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
projects:
  - name: a
    services:
      - {name: "pg-${who}", type: pg, plan: startup-4}
      - {name: "$${literal}", type: pg, plan: startup-4}
)",
                          {{"who", "Alice"}});
  EXPECT_EQ(
      "6:16: error: invalid service name \"pg-Alice\": a service name is 1-64 characters: "
      "lowercase letters, digits and '-', starting with a letter\n"
      "7:16: error: invalid service name \"${literal}\": a service name is 1-64 characters: "
      "lowercase letters, digits and '-', starting with a letter\n",
      Lines(r));
}

TEST(Loader, ExternalEndpointsAreAllowedOnlyWhenMarked) {
  const std::string head = R"(version: 1
name: p
projects:
  - name: a
    services:
      - {name: pg, type: pg, plan: startup-4}
    integrations:
)";
  EXPECT_EQ(
      "8:50: error: integration destination \"obs/grafana\" is not a service in this plan (set "
      "external: true on the integration if it lives elsewhere)\n",
      Lines(LoadSpec(head + "      - {type: metrics, source: pg, destination: obs/grafana}\n")));
  EXPECT_EQ("", Lines(LoadSpec(head + "      - {type: metrics, source: pg, destination: "
                                      "{project: obs, service: grafana}, external: true}\n")));
}

TEST(Loader, IntegerLikeStringsFromVariablesBecomeNumbersInPlainScalars) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
vars: {parts: "12"}
projects:
  - name: a
    services:
      - name: k
        type: kafka
        plan: business-4
        topics:
          - name: t
            partitions: ${parts}
            description: "${parts}"
)");
  ASSERT_TRUE(r.ok()) << Lines(r);
  EXPECT_EQ(12, *r.plan->projects[0].services[0].topics[0].partitions);
  EXPECT_EQ("12", *r.plan->projects[0].services[0].topics[0].description);
}

TEST(Loader, ExtensionFieldsHoldAnchorsForMergeKeys) {
  LoadResult r = LoadSpec(R"(version: 1
name: p
x-small-pg: &small-pg {type: pg, plan: startup-4, version: "16"}
projects:
  - name: a
    services:
      - <<: *small-pg
        name: pg
      - <<: *small-pg
        name: pg2
        plan: business-4
)");
  ASSERT_TRUE(r.ok()) << Lines(r);
  const auto& services = r.plan->projects[0].services;
  ASSERT_EQ(2u, services.size());
  EXPECT_EQ("startup-4", services[0].plan);
  EXPECT_EQ("business-4", services[1].plan);
  EXPECT_EQ("16", services[1].user_config.at("pg_version"));
  EXPECT_EQ((core::SourcePos{"plan.yaml", 9, 9}), services[1].pos);
}

}  // namespace
}  // namespace aivenctl::loader

namespace aivenctl::loader {
namespace {

constexpr const char* kConnectors = R"(version: 1
name: connect
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: business-4
        user_config: {kafka_connect: true}
        connectors:
          - name: pg-sink
            class: io.aiven.connect.jdbc.JdbcSinkConnector
            config:
              topics: orders
              tasks.max: 2
              auto.create: true
              connection.password: ${env:PG_PASSWORD}
)";

TEST(Loader, ConnectorsKeepSecretsAsVariableNamesOnly) {
  core::MapEnvironment env = Env({{"PG_PASSWORD", "s3cret"}});
  LoadResult r = LoadSpec(kConnectors, {}, env);
  ASSERT_TRUE(r.ok()) << Lines(r);
  const model::Service& s = r.plan->projects[0].services[0];
  ASSERT_EQ(s.connectors.size(), 1u);
  const model::Connector& k = s.connectors[0];
  EXPECT_EQ(k.address.ToString(), "connector:ci/events/pg-sink");
  EXPECT_EQ(k.class_name, "io.aiven.connect.jdbc.JdbcSinkConnector");
  EXPECT_EQ(k.config.dump(), R"({"auto.create":"true","tasks.max":"2","topics":"orders"})")
      << "values as Kafka Connect takes them (strings), the secret left out";
  EXPECT_EQ(k.config_env,
            (std::map<std::string, std::string>{{"connection.password", "PG_PASSWORD"}}));
  EXPECT_EQ(k.key_pos.at("config.topics").line, 14);
  EXPECT_EQ(model::Count(*r.plan).connectors, 1);
}

TEST(Loader, ConnectorConfigRefusesNameAndClassKeysAndNestedValues) {
  LoadResult r = LoadSpec(R"(version: 1
name: connect
projects:
  - name: ci
    services:
      - name: connect
        type: kafka_connect
        plan: startup-4
        connectors:
          - name: pg-sink
            class: io.aiven.connect.jdbc.JdbcSinkConnector
            config: {name: other, connector.class: x, topics: [a, b], api.token: "${env:TOKEN}x"}
          - {name: pg-sink, class: io.aiven.connect.jdbc.JdbcSinkConnector}
)",
                          {}, Env({{"TOKEN", "t"}}));
  EXPECT_EQ(Lines(r),
            "12:22: error: connector \"pg-sink\": config.name is set by its `name:`; remove it "
            "from config\n"
            "12:35: error: connector \"pg-sink\": config.connector.class is set by its `class:`; "
            "remove it from config\n"
            "12:63: error: expected boolean, number or string for \"topics\", got a list\n"
            "12:71: error: connector \"pg-sink\": config.api.token reads the environment inside a "
            "longer value; a value from the environment is a secret re-read at apply, so write "
            "exactly ${env:NAME} and put the whole value in the variable\n"
            "13:13: error: duplicate connector \"pg-sink\" in service \"connect\" (first defined "
            "at 10:13)\n");
}

TEST(Loader, SecretConnectorKeyNames) {
  for (const char* key : {"connection.password", "aws.secret.access.key", "ssl.key.password",
                          "private.key", "api_key", "access-token", "sasl.jaas.secret"}) {
    EXPECT_TRUE(model::IsSecretConnectorKey(key)) << key;
  }
  for (const char* key : {"key.converter", "key.converter.schemas.enable", "topics", "tasks.max",
                          "aws.access.key.id", "pk.fields", "ssl.keystore.location"}) {
    EXPECT_FALSE(model::IsSecretConnectorKey(key)) << key;
  }
}

}  // namespace
}  // namespace aivenctl::loader
