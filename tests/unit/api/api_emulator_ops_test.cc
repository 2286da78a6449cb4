// Every typed operation of api::Api against the real aiven-emulator over HTTP: the JSON
// it maps, the conventions (404 read = absent, 404 delete = done, a retried create that
// meets its own 409 = done), error texts, and that no secret reaches a log or an error.

#include <gtest/gtest.h>

#include <cstdio>

#include "api/live_json.h"
#include "api_fixture.h"
#include "log_capture.h"

namespace aivenctl::api {
namespace {

using nlohmann::json;
using testing::ApiFixture;
using testing::kToken;

class ApiOpsTest : public ApiFixture {
 protected:
  // A project with one service of `type`, RUNNING.
  void ProjectWithService(const std::string& project, const std::string& service,
                          const std::string& type, const std::string& plan) {
    ASSERT_TRUE(api_->CreateProject({{"project", project}}).ok());
    auto s = api_->CreateService(
        project, {{"service_name", service}, {"service_type", type}, {"plan", plan}});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->state, "REBUILDING");
    Advance(600);
  }

  testing::LogCapture logs_;
};

TEST_F(ApiOpsTest, CloudsAreSortedWithProviderAndRegion) {
  auto clouds = api_->ListClouds();
  ASSERT_TRUE(clouds.ok()) << clouds.status().ToString();
  ASSERT_EQ(clouds->size(), 27u);
  EXPECT_TRUE(std::is_sorted(clouds->begin(), clouds->end(),
                             [](const auto& a, const auto& b) { return a.name < b.name; }));
  const model::Cloud* c = nullptr;
  for (const auto& cloud : *clouds) {
    if (cloud.name == "google-europe-west1") c = &cloud;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->provider, "google");
  EXPECT_EQ(c->geo_region, "europe");
}

TEST_F(ApiOpsTest, CatalogIsReadOnceAndCached) {
  ASSERT_TRUE(api_->CreateProject({{"project", "cat"}}).ok());
  ResetRequests();
  auto catalog = api_->GetCatalog("cat");
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_EQ(catalog->clouds.size(), 27u);
  const model::ServiceType* pg = catalog->FindServiceType("pg");
  ASSERT_NE(pg, nullptr);
  ASSERT_NE(pg->FindPlan("startup-4"), nullptr);
  EXPECT_GT(catalog->HourlyPrice("pg", "startup-4", "google-europe-west1").value_or(0), 0.0);
  EXPECT_EQ(pg->FindPlan("startup-4")->node_count, 1);
  EXPECT_TRUE(pg->user_config_schema.contains("properties"));
  const model::IntegrationType* metrics = catalog->FindIntegrationType("metrics");
  ASSERT_NE(metrics, nullptr);
  EXPECT_EQ(metrics->dest_service_types, (std::vector<std::string>{"pg", "thanos"}));
  ASSERT_TRUE(api_->GetCatalog("cat").ok());
  ASSERT_TRUE(api_->GetCatalog().ok());
  json counts = Requests();
  EXPECT_EQ(counts["total"], 3) << counts.dump();
  EXPECT_EQ(counts["by_route"]["GET /v1/clouds"], 1);
  EXPECT_EQ(counts["by_route"]["GET /v1/service_types"], 1);
  EXPECT_EQ(counts["by_route"]["GET /v1/project/{project}/integration_types"], 1);
}

TEST_F(ApiOpsTest, ProjectLifecycle) {
  auto created = api_->CreateProject(
      {{"project", "p1"}, {"cloud", "aws-eu-west-1"}, {"tags", {{"team", "data"}}}});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->name, "p1");
  EXPECT_EQ(created->default_cloud, "aws-eu-west-1");
  EXPECT_EQ(created->tags, (model::Tags{{"team", "data"}}));
  EXPECT_EQ(created->address.ToString(), "project:p1");
  EXPECT_FALSE(created->billing_group_id.empty());

  auto projects = api_->ListProjects();
  ASSERT_TRUE(projects.ok());
  ASSERT_EQ(projects->size(), 1u);
  EXPECT_EQ((*projects)[0].name, "p1");
  EXPECT_EQ((*projects)[0].roles, (std::vector<std::string>{"admin"}));
  EXPECT_EQ((*projects)[0].default_cloud, "aws-eu-west-1");

  ASSERT_TRUE(api_->PutProjectTags("p1", {{"owner", "ci"}}).ok());
  auto got = api_->GetProject("p1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->tags, (model::Tags{{"owner", "ci"}}));

  auto duplicate = api_->CreateProject({{"project", "p1"}});
  EXPECT_EQ(duplicate.status().code(), core::Code::kAlreadyExists);
  EXPECT_EQ(duplicate.status().message(),
            "POST /v1/project: 409 Project 'p1' already exists (project_already_exists) "
            "[project:p1]");

  ASSERT_TRUE(api_->DeleteProject("p1").ok());
  auto gone = api_->GetProject("p1");
  EXPECT_EQ(gone.status().code(), core::Code::kNotFound);
  EXPECT_EQ(gone.status().message(),
            "GET /v1/project/p1: 404 Project does not exist (project_not_found) [project:p1]");
  EXPECT_TRUE(api_->DeleteProject("p1").ok()) << "a delete of what is gone is done";
  EXPECT_EQ(api_->PutProjectTags("p1", {}).code(), core::Code::kNotFound);
}

TEST_F(ApiOpsTest, ServiceUsersAndDatabases) {
  ProjectWithService("p2", "pg", "pg", "startup-4");
  auto pg = api_->GetService("p2", "pg");
  ASSERT_TRUE(pg.ok()) << pg.status().ToString();
  EXPECT_EQ(pg->state, "RUNNING");
  EXPECT_EQ(pg->address.ToString(), "service:p2/pg");
  EXPECT_EQ(pg->cloud, "google-europe-west1");
  EXPECT_TRUE(pg->databases_read);
  ASSERT_EQ(pg->users.size(), 1u);
  EXPECT_EQ(pg->users[0].name, "avnadmin");
  EXPECT_EQ(pg->users[0].type, "primary");

  ASSERT_TRUE(api_->CreateDatabase("p2", "pg", {{"database", "app"}}).ok());
  auto dbs = api_->ListDatabases("p2", "pg");
  ASSERT_TRUE(dbs.ok()) << dbs.status().ToString();
  ASSERT_EQ(dbs->size(), 2u);
  EXPECT_EQ((*dbs)[0].name, "app");
  EXPECT_EQ((*dbs)[0].lc_collate, "en_US.UTF-8");
  EXPECT_EQ((*dbs)[1].name, "defaultdb");

  auto user = api_->CreateUser("p2", "pg", {{"username", "app"}});
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_EQ(user->name, "app");
  EXPECT_EQ(user->type, "regular");
  ASSERT_TRUE(api_->SetUserAccessControl("p2", "pg", "app", {{"pg_allow_replication", true}}).ok());

  auto secrets = api_->GetServiceSecrets("p2", "pg");
  ASSERT_TRUE(secrets.ok()) << secrets.status().ToString();
  std::string password;
  for (const auto& u : (*secrets)["users"]) {
    if (u["username"] == "app") password = u["password"];
  }
  ASSERT_EQ(password.rfind("AVNS_", 0), 0u) << "include_secrets reveals the password";

  pg = api_->GetService("p2", "pg");
  ASSERT_TRUE(pg.ok());
  ASSERT_NE(pg->FindUser("app"), nullptr);
  EXPECT_EQ(pg->FindUser("app")->access_control, json({{"pg_allow_replication", true}}));
  ASSERT_NE(pg->FindDatabase("app"), nullptr);

  auto updated = api_->UpdateService("p2", "pg", {{"termination_protection", true}});
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_TRUE(updated->termination_protection);
  auto protected_delete = api_->DeleteService("p2", "pg");
  EXPECT_EQ(protected_delete.code(), core::Code::kPermissionDenied);
  EXPECT_NE(protected_delete.message().find("[service:p2/pg]"), std::string::npos);
  ASSERT_TRUE(api_->UpdateService("p2", "pg", {{"termination_protection", false}}).ok());
  ASSERT_TRUE(api_->PutServiceTags("p2", "pg", {{"env", "ci"}}).ok());
  auto services = api_->ListServices("p2");
  ASSERT_TRUE(services.ok());
  ASSERT_EQ(services->size(), 1u);
  EXPECT_EQ((*services)[0].tags, (model::Tags{{"env", "ci"}}));

  ASSERT_TRUE(api_->DeleteUser("p2", "pg", "app").ok());
  ASSERT_TRUE(api_->DeleteUser("p2", "pg", "app").ok());
  ASSERT_TRUE(api_->DeleteDatabase("p2", "pg", "app").ok());
  ASSERT_TRUE(api_->DeleteDatabase("p2", "pg", "app").ok());
  ASSERT_TRUE(api_->DeleteService("p2", "pg").ok());
  EXPECT_EQ(api_->GetService("p2", "pg").status().code(), core::Code::kNotFound);
  EXPECT_TRUE(api_->DeleteService("p2", "pg").ok());
  EXPECT_EQ(logs_.text().find(password), std::string::npos) << "password logged";
}

TEST_F(ApiOpsTest, KafkaTopics) {
  ProjectWithService("p3", "events", "kafka", "startup-2");
  ASSERT_TRUE(api_->CreateTopic("p3", "events",
                                {{"topic_name", "orders"},
                                 {"partitions", 3},
                                 {"replication", 2},
                                 {"config", {{"retention_ms", 3600000}}},
                                 {"tags", {{{"key", "team"}, {"value", "shop"}}}},
                                 {"topic_description", "all orders"}})
                  .ok());
  auto topics = api_->ListTopics("p3", "events");
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  ASSERT_EQ(topics->size(), 1u);
  const model::LiveTopic& t = (*topics)[0];
  EXPECT_EQ(t.name, "orders");
  EXPECT_EQ(t.partitions, 3);
  EXPECT_EQ(t.replication, 2);
  EXPECT_EQ(t.min_insync_replicas, 1);
  EXPECT_EQ(t.state, "CONFIGURING");
  EXPECT_EQ(t.tags, (model::Tags{{"team", "shop"}}));
  EXPECT_EQ(t.description, "all orders");
  EXPECT_EQ(t.config["cleanup_policy"], "delete");

  ASSERT_TRUE(api_->UpdateTopic("p3", "events", "orders", {{"partitions", 4}}).ok());
  Advance(100);
  auto got = api_->GetTopic("p3", "events", "orders");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->partitions, 4);
  EXPECT_EQ(got->state, "ACTIVE");
  EXPECT_EQ(got->config["retention_ms"], 3600000);
  EXPECT_EQ(got->config["segment_bytes"], 209715200);

  auto bad = api_->UpdateTopic("p3", "events", "orders", {{"partitions", 2}});
  EXPECT_EQ(bad.code(), core::Code::kInvalidArgument);
  EXPECT_EQ(bad.message(),
            "PUT /v1/project/p3/service/events/topic/orders: 400 The number of partitions "
            "cannot be decreased (kafka_topic_invalid_config) [topic:p3/events/orders]");
  ASSERT_TRUE(api_->DeleteTopic("p3", "events", "orders").ok());
  EXPECT_TRUE(api_->DeleteTopic("p3", "events", "orders").ok());
  EXPECT_EQ(api_->GetTopic("p3", "events", "orders").status().code(), core::Code::kNotFound);
}

// The v2 batch read: at most 100 names per request, full config, idempotent (a 503 is
// retried), and a batch that 404s (a topic vanished) read again topic by topic.
TEST_F(ApiOpsTest, BatchReadTopics) {
  ProjectWithService("p7", "k", "kafka", "startup-2");
  std::vector<std::string> names;
  for (int i = 0; i < 101; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "t%03d", i);
    names.push_back(name);
    json body = {{"topic_name", name}, {"replication", 2}};
    if (i == 100) body["config"] = {{"retention_ms", 3600000}};
    ASSERT_TRUE(api_->CreateTopic("p7", "k", body).ok()) << name;
  }
  const char* kBatch = "POST /v2/project/{project}/service/{service_name}/topic";
  const char* kGet = "GET /v1/project/{project}/service/{service_name}/topic/{topic_name}";

  ResetRequests();
  std::vector<std::string> reversed(names.rbegin(), names.rend());
  reversed.push_back("t000");  // duplicates are read once
  auto all = api_->BatchReadTopics("p7", "k", reversed);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  json counts = Requests();
  EXPECT_EQ(counts["total"], 2) << counts.dump(2);
  EXPECT_EQ(counts["by_route"][kBatch], 2) << "101 names: 100 + 1";
  ASSERT_EQ(all->size(), 101u);
  EXPECT_EQ(all->front().name, "t000");
  const model::LiveTopic& last = all->back();
  EXPECT_EQ(last.name, "t100");
  EXPECT_EQ(last.partitions, 1);
  EXPECT_EQ(last.replication, 2);
  EXPECT_EQ(last.config["retention_ms"], 3600000);
  EXPECT_EQ(last.config["segment_bytes"], 209715200);
  EXPECT_EQ(last.config["cleanup_policy"], "delete");
  EXPECT_EQ(last.config["preallocate"], false);
  EXPECT_EQ(last.config.size(), 27u) << "every key of the GET shape";
  EXPECT_EQ(all->front().config["retention_ms"], 604800000);

  // "zz-gone" vanished: its batch (names are sorted: the second) answers 404 and is read
  // topic by topic.
  ResetRequests();
  names.push_back("zz-gone");
  auto some = api_->BatchReadTopics("p7", "k", names);
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  counts = Requests();
  EXPECT_EQ(counts["total"], 4) << counts.dump(2);
  EXPECT_EQ(counts["by_route"][kBatch], 2);
  EXPECT_EQ(counts["by_route"][kGet], 2) << "t100 and zz-gone";
  ASSERT_EQ(some->size(), 101u);
  EXPECT_EQ(some->back().name, "t100");
  EXPECT_EQ(some->back().config["retention_ms"], 3600000);

  // A read: a 503 is retried; another error names the call and the service.
  ResetRequests();
  Fault(R"({"method":"POST","path":"/v2/project/p7/service/k/topic","count":1,"status":503})");
  auto retried = api_->BatchReadTopics("p7", "k", {"t001"});
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  ASSERT_EQ(retried->size(), 1u);
  EXPECT_EQ(Requests()["by_route"][kBatch], 2);
  Fault(R"({"method":"POST","path":"/v2/project/p7/service/k/topic","count":1,"status":403,)"
        R"("message":"Not allowed"})");
  auto denied = api_->BatchReadTopics("p7", "k", {"t001"});
  EXPECT_EQ(denied.status().code(), core::Code::kPermissionDenied);
  EXPECT_EQ(denied.status().message(),
            "POST /v2/project/p7/service/k/topic: 403 Not allowed [service:p7/k]");
  ResetRequests();
  auto none = api_->BatchReadTopics("p7", "k", {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(Requests()["total"], 0);
}

TEST_F(ApiOpsTest, Integrations) {
  ProjectWithService("p4", "pg", "pg", "startup-4");
  ASSERT_TRUE(
      api_->CreateService(
              "p4", {{"service_name", "graf"}, {"service_type", "grafana"}, {"plan", "startup-1"}})
          .ok());
  auto created = api_->CreateIntegration(
      "p4",
      {{"integration_type", "datasource"}, {"source_service", "graf"}, {"dest_service", "pg"}});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->type, "datasource");
  EXPECT_EQ(created->source_project, "p4");
  EXPECT_EQ(created->source_service, "graf");
  EXPECT_EQ(created->dest_service, "pg");
  EXPECT_FALSE(created->active);

  auto again = api_->CreateIntegration(
      "p4",
      {{"integration_type", "datasource"}, {"source_service", "graf"}, {"dest_service", "pg"}});
  EXPECT_EQ(again.status().code(), core::Code::kAlreadyExists);
  EXPECT_NE(again.status().message().find("[integration:p4/datasource:graf->pg]"),
            std::string::npos)
      << again.status().message();

  Advance(100);
  auto got = api_->GetIntegration("p4", created->id);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->active);
  auto updated = api_->UpdateIntegration("p4", created->id, {{"any", 1}});
  EXPECT_TRUE(updated.ok() || updated.status().code() == core::Code::kInvalidArgument)
      << updated.status().ToString();
  auto pg = api_->GetService("p4", "pg");
  ASSERT_TRUE(pg.ok());
  ASSERT_EQ(pg->integrations.size(), 1u);
  EXPECT_EQ(pg->integrations[0].id, created->id);

  ASSERT_TRUE(api_->DeleteIntegration("p4", created->id).ok());
  EXPECT_TRUE(api_->DeleteIntegration("p4", created->id).ok());
  auto gone = api_->GetIntegration("p4", created->id);
  EXPECT_EQ(gone.status().code(), core::Code::kNotFound);
  EXPECT_NE(gone.status().message().find("(service_integration_not_found)"), std::string::npos);
}

TEST_F(ApiOpsTest, RetriedCreateMeetingItsOwn409IsSuccessConfirmedByARead) {
  ASSERT_TRUE(api_->CreateProject({{"project", "p5"}}).ok());
  // Our first attempt was applied but its answer was a 503: the service exists already.
  const json body = {{"service_name", "pg"}, {"service_type", "pg"}, {"plan", "startup-4"}};
  ASSERT_TRUE(api_->CreateService("p5", body).ok());
  Fault(R"({"method":"POST","path":"/v1/project/p5/service","count":1,"action":"error",)"
        R"("status":503})");
  ResetRequests();
  auto created = api_->CreateService("p5", body);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->name, "pg");
  json counts = Requests();
  EXPECT_EQ(counts["by_route"]["POST /v1/project/{project}/service"], 2) << counts.dump();
  EXPECT_EQ(counts["by_route"]["GET /v1/project/{project}/service/{service_name}"], 1);

  // Without an ambiguous first attempt a 409 stays an error.
  EXPECT_EQ(api_->CreateService("p5", body).status().code(), core::Code::kAlreadyExists);
}

TEST_F(ApiOpsTest, LaggingServiceNotFoundAfterCreateIsRetried) {
  ProjectWithService("p6", "k", "kafka", "startup-2");
  Fault(R"({"method":"POST","path":"/v1/project/p6/service/k/topic","count":1,)"
        R"("action":"error","status":404,"message":"Service k does not exist"})");
  ASSERT_TRUE(api_->CreateTopic("p6", "k", {{"topic_name", "t1"}, {"replication", 2}}).ok());
  EXPECT_EQ(Requests()["by_route"]["POST /v1/project/{project}/service/{service_name}/topic"], 2);
  // A read's 404 is "absent", not retried.
  ResetRequests();
  EXPECT_EQ(api_->GetService("p6", "nope").status().code(), core::Code::kNotFound);
  EXPECT_EQ(Requests()["total"], 1);
}

TEST_F(ApiOpsTest, TokenAndPasswordsNeverInLogsOrErrors) {
  Fault(R"({"method":"GET","path":"/v1/project/**","count":2,"action":"error","status":503})");
  std::vector<core::Status> failures;
  failures.push_back(api_->GetProject("nope").status());
  failures.push_back(api_->PutServiceTags("nope", "x", {{"a", "b"}}));
  failures.push_back(api_->CreateTopic("nope", "x", {{"topic_name", "t"}}));
  ProjectWithService("p7", "pg", "pg", "startup-4");
  auto user = api_->CreateUser("p7", "pg", {{"username", "app"}});
  ASSERT_TRUE(user.ok());
  auto secrets = api_->GetServiceSecrets("p7", "pg");
  ASSERT_TRUE(secrets.ok());
  CurlTransport wrong({.base_url = emulator_.base_url(), .token = "wrong-SECRET-token-77"});
  Client wrong_client(wrong, clock_, budget_);
  Api wrong_api(wrong_client);
  failures.push_back(wrong_api.ListProjects().status());
  std::string log = logs_.text();
  for (const auto& s : failures) {
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.message().find(kToken), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find("wrong-SECRET-token-77"), std::string::npos) << s.message();
  }
  EXPECT_EQ(failures.back().code(), core::Code::kPermissionDenied);
  EXPECT_NE(log.find("GET /v1/project/nope -> 503"), std::string::npos) << log;
  EXPECT_EQ(log.find(kToken), std::string::npos) << log;
  for (const auto& u : (*secrets)["users"]) {
    EXPECT_EQ(log.find(u["password"].get<std::string>()), std::string::npos);
  }
}

}  // namespace
}  // namespace aivenctl::api
