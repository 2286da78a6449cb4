// `aivenctl destroy` reads only what it needs: the project and service lists and the
// catalog, no topic (or database) lists: an owned service's topics go with it. Counted by
// the emulator, next to `plan` on the same state, which does read the topics.

#include <gtest/gtest.h>

#include <fstream>

#include "../api/api_fixture.h"
#include "run_with.h"
#include "support/temp_dir.h"

namespace aivenctl::cli {
namespace {

using api::testing::kToken;
using nlohmann::json;

constexpr char kPlan[] = R"(version: 1
name: teardown
projects:
  - name: td
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics:
          - {name: orders, config: {retention_ms: 86400000}}
          - {name: audit}
      - name: db
        type: pg
        plan: startup-4
        databases: [app]
)";

class DestroyReadsTest : public api::testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (HasFatalFailure()) return;
    const json owned = {{"managed-by", "aivenctl"}, {"aivenctl-plan", "teardown"}};
    ASSERT_TRUE(api_->CreateProject({{"project", "td"}, {"tags", owned}}).ok());
    ASSERT_TRUE(api_->CreateService("td", {{"service_name", "events"},
                                           {"service_type", "kafka"},
                                           {"plan", "startup-2"},
                                           {"tags", owned}})
                    .ok());
    ASSERT_TRUE(api_->CreateService("td", {{"service_name", "db"},
                                           {"service_type", "pg"},
                                           {"plan", "startup-4"},
                                           {"tags", owned}})
                    .ok());
    Advance(600);
    const json topic_tags = {{{"key", "managed-by"}, {"value", "aivenctl"}},
                             {{"key", "aivenctl-plan"}, {"value", "teardown"}}};
    for (const char* topic : {"orders", "audit"}) {
      ASSERT_TRUE(
          api_->CreateTopic("td", "events",
                            {{"topic_name", topic}, {"replication", 2}, {"tags", topic_tags}})
              .ok());
    }
    Advance(120);
    std::ofstream(plan_) << kPlan;
  }

  testing::Outcome Aivenctl(std::vector<std::string> args) {
    args.insert(args.begin(), {"--api-url", emulator_.base_url()});
    return testing::RunWith(args, {{"AIVEN_TOKEN", kToken}});
  }

  aivenctl::testing::TempDir dir_{"destroy-reads"};
  const std::string plan_ = dir_.File("teardown.yaml");
};

TEST_F(DestroyReadsTest, DestroyReadsNoTopicsWhilePlanReadsThem) {
  ResetRequests();
  const testing::Outcome planned = Aivenctl({"plan", plan_});
  ASSERT_EQ(planned.code, 0) << planned.err;
  const json plan_reads = Requests();
  // plan: project list, service list, clouds, service types, integration types, the topic
  // list and one batch read (retention_ms is not in the list's items).
  EXPECT_EQ(
      plan_reads["by_route"].value("GET /v1/project/{project}/service/{service_name}/topic", 0), 1)
      << plan_reads.dump();
  EXPECT_EQ(plan_reads["total"], 7) << plan_reads.dump();

  ResetRequests();
  const testing::Outcome destroyed = Aivenctl({"destroy", plan_, "--yes"});
  ASSERT_EQ(destroyed.code, 0) << destroyed.err;
  const json counts = Requests();
  const json& routes = counts["by_route"];
  for (const auto& [route, n] : routes.items()) {
    EXPECT_EQ(route.find("/topic"), std::string::npos) << route << " x" << n;
    EXPECT_EQ(route.find("/db"), std::string::npos) << route << " x" << n;
  }
  // The refresh is the project list, the service list and the catalog's three reads: 5
  // requests, where reading the topics made it 7 (a topic list and a batch read). Then
  // the two service deletes, their gone reads (a GET each, or one service list when both
  // deletes returned in the same tick of the executor), and the project delete.
  json rest = routes;
  const int gets = rest.value("GET /v1/project/{project}/service/{service_name}", 0);
  const int lists = rest.value("GET /v1/project/{project}/service", 0) - 1;
  rest.erase("GET /v1/project/{project}/service/{service_name}");
  rest.erase("GET /v1/project/{project}/service");
  EXPECT_EQ(rest, json({{"GET /v1/project", 1},
                        {"GET /v1/clouds", 1},
                        {"GET /v1/service_types", 1},
                        {"GET /v1/project/{project}/integration_types", 1},
                        {"DELETE /v1/project/{project}/service/{service_name}", 2},
                        {"DELETE /v1/project/{project}", 1}}));
  EXPECT_TRUE((gets == 2 && lists == 0) || (gets == 0 && lists == 1)) << counts.dump();
  EXPECT_EQ(counts["total"], 5 + 2 + gets + lists + 1);
  // The services are gone, with their topics; the preview listed the services.
  EXPECT_NE(destroyed.out.find("service:td/events"), std::string::npos) << destroyed.out;
  EXPECT_EQ(api_->GetProject("td").status().code(), core::Code::kNotFound);
}

}  // namespace
}  // namespace aivenctl::cli
