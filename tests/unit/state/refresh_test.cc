// state::Refresh against a seeded aiven-emulator over HTTP: the live model it builds
// (printed canonically and compared word for word), the exact number of requests, absent
// and forbidden projects, and the reaper's RefreshProjects. A scripted transport covers
// the database list that the emulator never needs.

#include "state/refresh.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "../api/api_fixture.h"
#include "../api/fake_transport.h"

namespace aivenctl::state {
namespace {

using api::testing::ApiFixture;
using nlohmann::json;

std::string TagsText(const model::Tags& tags) {
  std::string out;
  for (const auto& [k, v] : tags) out += (out.empty() ? "" : ",") + k + "=" + v;
  return "{" + out + "}";
}

/// One line per object, children indented: the live model as a test reads it.
std::string Describe(const model::LiveState& live) {
  std::ostringstream out;
  for (const auto& p : live.projects) {
    out << "project " << p.name << " cloud=" << p.default_cloud << " tags=" << TagsText(p.tags)
        << "\n";
    for (const auto& s : p.services) {
      out << "  service " << s.name << " " << s.type << " " << s.plan << " " << s.cloud << " "
          << s.state << " tags=" << TagsText(s.tags) << "\n";
      for (const auto& u : s.users) {
        out << "    user " << u.name << " " << u.type;
        if (u.authentication) out << " auth=" << *u.authentication;
        if (!u.access_control.is_null()) out << " acl=" << u.access_control.dump();
        out << "\n";
      }
      if (s.databases_read) {
        out << "    databases:";
        for (const auto& d : s.databases) out << " " << d.name;
        out << "\n";
      }
      if (s.topics_read) {
        out << "    topics:";
        for (const auto& t : s.topics) {
          out << " " << t.name << "(" << t.partitions << "x" << t.replication << "," << t.state
              << ")";
        }
        out << "\n";
      }
      for (const auto& i : s.integrations) {
        out << "    integration " << i.type << " " << i.source_project << "/" << i.source_service
            << "->" << i.dest_project << "/" << i.dest_service << (i.active ? " active" : "")
            << "\n";
      }
    }
  }
  for (const auto& a : live.absent_projects) out << "absent " << a << "\n";
  return out.str();
}

model::Plan PlanFor(std::vector<std::string> projects) {
  model::Plan plan;
  for (auto& name : projects) {
    model::Project p;
    p.name = name;
    plan.projects.push_back(std::move(p));
  }
  return plan;
}

class RefreshTest : public ApiFixture {
 protected:
  void Ok(const core::Status& s) { ASSERT_TRUE(s.ok()) << s.ToString(); }
  template <typename T>
  void Ok(const core::Result<T>& r) {
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  void Service(const std::string& project, const std::string& name, const std::string& type,
               const std::string& plan) {
    Ok(api_->CreateService(project,
                           {{"service_name", name}, {"service_type", type}, {"plan", plan}}));
  }

  // alpha: pg, mysql, kafka, valkey, grafana with children and integrations; beta: a pg
  // that alpha's Kafka sends metrics to, and a Kafka still building; other: out of scope.
  void Seed() {
    Ok(api_->CreateProject({{"project", "alpha"}, {"tags", {{"env", "ci"}}}}));
    Ok(api_->CreateProject({{"project", "beta"}, {"cloud", "aws-eu-west-1"}}));
    Ok(api_->CreateProject({{"project", "other"}}));
    Service("alpha", "db", "pg", "startup-4");
    Service("alpha", "my", "mysql", "startup-4");
    Service("alpha", "events", "kafka", "startup-2");
    Service("alpha", "cache", "valkey", "hobbyist");
    Service("alpha", "graf", "grafana", "startup-1");
    Service("beta", "metricsdb", "pg", "startup-4");
    Service("other", "x", "pg", "hobbyist");
    Advance(600);
    Ok(api_->CreateDatabase("alpha", "db", {{"database", "app"}}));
    Ok(api_->CreateDatabase("alpha", "db", {{"database", "reports"}}));
    Ok(api_->CreateDatabase("alpha", "my", {{"database", "shop"}}));
    Ok(api_->CreateUser("alpha", "db", {{"username", "app"}}));
    Ok(api_->CreateUser("alpha", "my",
                        {{"username", "shop"}, {"authentication", "mysql_native_password"}}));
    Ok(api_->CreateUser("alpha", "events", {{"username", "producer"}}));
    Ok(api_->CreateTopic("alpha", "events",
                         {{"topic_name", "orders"}, {"partitions", 3}, {"replication", 2}}));
    Ok(api_->CreateTopic("alpha", "events", {{"topic_name", "audit"}, {"replication", 3}}));
    Ok(api_->PutServiceTags("alpha", "db", {{"owner", "team-a"}}));
    Ok(api_->CreateIntegration(
        "alpha",
        {{"integration_type", "datasource"}, {"source_service", "graf"}, {"dest_service", "db"}}));
    Ok(api_->CreateIntegration("alpha", {{"integration_type", "metrics"},
                                         {"source_service", "events"},
                                         {"dest_project", "beta"},
                                         {"dest_service", "metricsdb"}}));
    Advance(100);
    Service("beta", "late", "kafka", "startup-2");  // REBUILDING: its topics are not listed
  }

  // alpha and gamma (absent), plus beta through the integration's destination.
  model::Plan SeededPlan() {
    model::Plan plan = PlanFor({"alpha", "gamma"});
    model::Integration i;
    i.type = "metrics";
    i.source = {.project = "alpha", .service = "events", .in_plan = true};
    i.destination = {.project = "beta", .service = "metricsdb"};
    plan.projects[0].integrations.push_back(i);
    return plan;
  }
};

constexpr const char* kExpected =
    "project alpha cloud=google-europe-west1 tags={env=ci}\n"
    "  service cache valkey hobbyist google-europe-west1 RUNNING tags={}\n"
    "    user default primary acl={\"valkey_acl_categories\":[\"+@all\"],"
    "\"valkey_acl_channels\":[\"*\"],\"valkey_acl_commands\":[],\"valkey_acl_keys\":[\"*\"]}\n"
    "  service db pg startup-4 google-europe-west1 RUNNING tags={owner=team-a}\n"
    "    user app regular\n"
    "    user avnadmin primary\n"
    "    databases: app defaultdb reports\n"
    "    integration datasource alpha/graf->alpha/db active\n"
    "  service events kafka startup-2 google-europe-west1 RUNNING tags={}\n"
    "    user avnadmin primary\n"
    "    user producer regular\n"
    "    topics: audit(1x3,ACTIVE) orders(3x2,ACTIVE)\n"
    "    integration metrics alpha/events->beta/metricsdb active\n"
    "  service graf grafana startup-1 google-europe-west1 RUNNING tags={}\n"
    "    user avnadmin primary\n"
    "    integration datasource alpha/graf->alpha/db active\n"
    "  service my mysql startup-4 google-europe-west1 RUNNING tags={}\n"
    "    user avnadmin primary auth=caching_sha2_password\n"
    "    user shop regular auth=mysql_native_password\n"
    "    databases: defaultdb shop\n"
    "project beta cloud=aws-eu-west-1 tags={}\n"
    "  service late kafka startup-2 aws-eu-west-1 REBUILDING tags={}\n"
    "    user avnadmin primary\n"
    "  service metricsdb pg startup-4 aws-eu-west-1 RUNNING tags={}\n"
    "    user avnadmin primary\n"
    "    databases: defaultdb\n"
    "    integration metrics alpha/events->beta/metricsdb active\n"
    "absent gamma\n";

TEST_F(RefreshTest, ScopeIncludesIntegrationEndpointProjects) {
  EXPECT_EQ(ScopeOf(SeededPlan()), (std::vector<std::string>{"alpha", "beta", "gamma"}));
}

TEST_F(RefreshTest, SeededEmulatorGivesTheExpectedModelWithMinimalRequests) {
  Seed();
  ResetRequests();
  const int64_t before = client_->GetStats().requests;
  auto result = Refresh(*api_, SeededPlan(), {.concurrency = 8});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(Describe(result->live), kExpected);
  // 1 project list + 3 service lists (gamma's is the 404) + 1 topic list (events; late is
  // still building; every pg/mysql object carries its databases) + catalog 3.
  json counts = Requests();
  EXPECT_EQ(counts["total"], 8) << counts.dump(2);
  EXPECT_EQ(counts["by_route"]["GET /v1/project"], 1);
  EXPECT_EQ(counts["by_route"]["GET /v1/project/{project}/service"], 3);
  EXPECT_EQ(counts["by_route"]["GET /v1/project/{project}/service/{service_name}/topic"], 1);
  EXPECT_EQ(counts["by_route"]["GET /v1/clouds"], 1);
  EXPECT_EQ(counts["by_route"]["GET /v1/service_types"], 1);
  EXPECT_EQ(counts["by_route"]["GET /v1/project/{project}/integration_types"], 1);
  EXPECT_EQ(client_->GetStats().requests - before, 8) << "the client counts the same";
  EXPECT_EQ(result->catalog.clouds.size(), 27u);
  EXPECT_NE(result->catalog.FindServiceType("kafka"), nullptr);
  EXPECT_NE(result->catalog.FindIntegrationType("metrics"), nullptr);
  const model::LiveTopic* orders = result->live.FindService("alpha", "events")->FindTopic("orders");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->config["cleanup_policy"], "delete");

  // Same answer with one worker; the catalog is cached, so 5 requests this time.
  ResetRequests();
  auto serial = Refresh(*api_, SeededPlan(), {.concurrency = 1});
  ASSERT_TRUE(serial.ok()) << serial.status().ToString();
  EXPECT_EQ(Describe(serial->live), kExpected);
  EXPECT_EQ(Requests()["total"], 5);
}

TEST_F(RefreshTest, WithoutChildrenNoTopicOrDatabaseListIsRead) {
  // What destroy reads: the same model without the topic lists (they go with the service).
  Seed();
  ResetRequests();
  auto result = Refresh(*api_, SeededPlan(), {.children = false});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::string expected = kExpected;
  const size_t topics = expected.find("    topics:");
  ASSERT_NE(topics, std::string::npos);
  expected.erase(topics, expected.find('\n', topics) + 1 - topics);
  EXPECT_EQ(Describe(result->live), expected);
  const json counts = Requests();
  EXPECT_EQ(counts["total"], 7) << counts.dump(2);  // 8 less the topic list
  for (const auto& [route, n] : counts["by_route"].items()) {
    EXPECT_EQ(route.find("/topic"), std::string::npos) << route;
    EXPECT_EQ(route.find("/db"), std::string::npos) << route;
  }
  EXPECT_FALSE(result->live.FindService("alpha", "events")->topics_read);
}

// A plan of Kafka services in `project` whose topics set `config`, by "service/topic".
model::Plan PlanWithTopicConfig(const std::string& project,
                                const std::vector<std::pair<std::string, json>>& topics) {
  model::Plan plan = PlanFor({project});
  for (const auto& [path, config] : topics) {
    const std::string service = path.substr(0, path.find('/'));
    auto& services = plan.projects[0].services;
    auto it = std::find_if(services.begin(), services.end(),
                           [&](const model::Service& s) { return s.name == service; });
    if (it == services.end()) {
      model::Service svc;
      svc.name = service;
      svc.project = project;
      svc.type = "kafka";
      services.push_back(std::move(svc));
      it = services.end() - 1;
    }
    model::Topic topic;
    topic.name = path.substr(path.find('/') + 1);
    topic.config = config;
    it->topics.push_back(std::move(topic));
  }
  return plan;
}

class RefreshTopicConfigTest : public RefreshTest {
 protected:
  // kp: Kafka k with clicks (retention_ms set) and orders, Kafka k2 with logs.
  void SetUp() override {
    RefreshTest::SetUp();
    if (IsSkipped()) return;
    Ok(api_->CreateProject({{"project", "kp"}}));
    Service("kp", "k", "kafka", "startup-2");
    Service("kp", "k2", "kafka", "startup-2");
    Advance(600);
    Ok(api_->CreateTopic(
        "kp", "k",
        {{"topic_name", "clicks"}, {"replication", 2}, {"config", {{"retention_ms", 3600000}}}}));
    Ok(api_->CreateTopic("kp", "k", {{"topic_name", "orders"}, {"replication", 2}}));
    Ok(api_->CreateTopic("kp", "k2", {{"topic_name", "logs"}, {"replication", 2}}));
  }
  static constexpr const char* kBatch = "POST /v2/project/{project}/service/{service_name}/topic";
};

TEST_F(RefreshTopicConfigTest, PlanConfigKeysTheListLacksAreReadInOneBatchForThatService) {
  // k/clicks sets retention_ms (not a list key): read in full. k/orders sets no config,
  // k2/logs only list keys, k/future is not created yet: no extra read for them.
  const model::Plan plan = PlanWithTopicConfig(
      "kp", {{"k/clicks", {{"retention_ms", 3600000}, {"cleanup_policy", "delete"}}},
             {"k/orders", json::object()},
             {"k/future", {{"segment_bytes", 1048576}}},
             {"k2/logs", {{"cleanup_policy", "delete"}, {"retention_bytes", -1}}}});
  for (int concurrency : {8, 1}) {
    SCOPED_TRACE(concurrency);
    api_ = std::make_unique<api::Api>(*client_);  // a fresh catalog cache each time
    ResetRequests();
    auto result = Refresh(*api_, plan, {.concurrency = concurrency});
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    // 1 project list + 1 service list + 2 topic lists + 1 batch read (k) + catalog 3.
    json counts = Requests();
    EXPECT_EQ(counts["total"], 8) << counts.dump(2);
    EXPECT_EQ(counts["by_route"][kBatch], 1);
    const model::LiveService* k = result->live.FindService("kp", "k");
    ASSERT_NE(k, nullptr);
    ASSERT_EQ(k->topics.size(), 2u);
    const model::LiveTopic* clicks = k->FindTopic("clicks");
    ASSERT_NE(clicks, nullptr);
    EXPECT_EQ(clicks->config["retention_ms"], 3600000);
    EXPECT_EQ(clicks->config["segment_bytes"], 209715200) << "the full effective config";
    EXPECT_EQ(clicks->config.size(), 27u);
    EXPECT_EQ(clicks->partitions, 1) << "the list's fields stay";
    EXPECT_EQ(clicks->replication, 2);
    EXPECT_EQ(clicks->state, "CONFIGURING");
    EXPECT_EQ(k->FindTopic("orders")->config.dump(),
              R"({"cleanup_policy":"delete","min_insync_replicas":1,"remote_storage_enable":false,)"
              R"("retention_bytes":-1})")
        << "not asked for: the list's keys only";
    EXPECT_EQ(result->live.FindService("kp", "k2")->FindTopic("logs")->config.size(), 4u);
  }
}

TEST_F(RefreshTopicConfigTest, PlanConfigOfListKeysOnlyAddsNoRequest) {
  const model::Plan plan = PlanWithTopicConfig(
      "kp", {{"k/clicks", {{"cleanup_policy", "delete"}, {"min_insync_replicas", 1}}},
             {"k2/logs", {{"retention_bytes", -1}, {"remote_storage_enable", false}}}});
  ResetRequests();
  auto result = Refresh(*api_, plan);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  json counts = Requests();
  EXPECT_EQ(counts["total"], 7) << counts.dump(2);
  EXPECT_FALSE(counts["by_route"].contains(kBatch));
  EXPECT_FALSE(
      result->live.FindService("kp", "k")->FindTopic("clicks")->config.contains("retention_ms"));
}

TEST_F(RefreshTest, OnlyAbsentProjects) {
  Ok(api_->CreateProject({{"project", "seen"}}));
  ResetRequests();
  auto result = Refresh(*api_, PlanFor({"new-1", "new-2"}));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(Describe(result->live), "absent new-1\nabsent new-2\n");
  // Integration types come from a project the token sees, even outside the scope.
  EXPECT_EQ(Requests()["total"], 6);
  EXPECT_NE(result->catalog.FindIntegrationType("metrics"), nullptr);
}

TEST_F(RefreshTest, ForbiddenProjectIsAnErrorNamingItAndThePermission) {
  Ok(api_->CreateProject({{"project", "locked"}}));
  Fault(R"({"method":"GET","path":"/v1/project/locked/service","count":1,"action":"error",)"
        R"("status":403,"message":"Not a member of project locked","error_code":"forbidden"})");
  auto result = Refresh(*api_, PlanFor({"locked"}));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), core::Code::kPermissionDenied);
  EXPECT_EQ(result.status().message(),
            "project:locked: the token may not read project locked (it needs a project "
            "membership, read_only or higher, or the project:services:read permission): "
            "GET /v1/project/locked/service: 403 Not a member of project locked (forbidden) "
            "[project:locked]");
}

TEST_F(RefreshTest, EveryFailureIsReported) {
  Ok(api_->CreateProject({{"project", "a"}}));
  Ok(api_->CreateProject({{"project", "b"}}));
  Fault(R"({"method":"GET","path":"/v1/project/*/service","count":2,"action":"error",)"
        R"("status":400,"message":"bad"})");
  auto result = Refresh(*api_, PlanFor({"a", "b"}));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), core::Code::kInvalidArgument);
  EXPECT_EQ(result.status().message(),
            "GET /v1/project/a/service: 400 bad [project:a]\n"
            "GET /v1/project/b/service: 400 bad [project:b]");
}

TEST_F(RefreshTest, StopRequestedCancels) {
  std::stop_source stop;
  stop.request_stop();
  auto result = Refresh(*api_, PlanFor({"a"}), {.stop = stop.get_token()});
  EXPECT_EQ(result.status().code(), core::Code::kCancelled);
}

TEST_F(RefreshTest, RefreshProjectsForTheReaper) {
  Seed();
  ResetRequests();
  auto all = RefreshProjects(*api_, {});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->projects.size(), 3u);
  EXPECT_EQ(all->projects[2].name, "other");
  EXPECT_EQ(all->FindService("alpha", "db")->tags, (model::Tags{{"owner", "team-a"}}));
  EXPECT_FALSE(all->FindService("alpha", "events")->topics_read);
  EXPECT_EQ(Requests()["total"], 4) << "1 project list + 3 service lists";

  ResetRequests();
  auto some = RefreshProjects(*api_, {"beta", "gone", "beta"});
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  ASSERT_EQ(some->projects.size(), 1u);
  EXPECT_EQ(some->projects[0].name, "beta");
  EXPECT_EQ(some->absent_projects, (std::vector<std::string>{"gone"}));
  EXPECT_EQ(Requests()["total"], 3);
}

// The emulator's service objects always carry `databases`; the real API's may not. Then
// (and only then) the refresh lists them, for the pg/mysql services that serve.
TEST(RefreshScripted, DatabaseListOnlyWhereTheServiceObjectLacksIt) {
  api::testing::FakeTransport transport;
  transport.SetHandler([](const api::HttpRequest& r) {
    if (r.path == "/v1/project") {
      return api::testing::Answer(200, R"({"projects":[{"project_name":"p"}]})");
    }
    if (r.path == "/v1/project/p/service") {
      return api::testing::Answer(200, R"({"services":[
        {"service_name":"a","service_type":"pg","state":"RUNNING"},
        {"service_name":"b","service_type":"pg","state":"RUNNING","databases":["x"]},
        {"service_name":"c","service_type":"mysql","state":"REBUILDING"},
        {"service_name":"d","service_type":"valkey","state":"RUNNING"}]})");
    }
    if (r.path == "/v1/clouds") return api::testing::Answer(200, R"({"clouds":[]})");
    if (r.path == "/v1/service_types") return api::testing::Answer(200, R"({"service_types":{}})");
    if (r.path == "/v1/project/p/integration_types") {
      return api::testing::Answer(200, R"({"integration_types":[]})");
    }
    if (r.path == "/v1/project/p/service/a/db") {
      return api::testing::Answer(200, R"({"databases":[{"database_name":"defaultdb"}]})");
    }
    return api::testing::Answer(404, R"({"message":"nope"})");
  });
  core::FakeClock clock;
  api::RateBudget budget(clock);
  api::Client client(transport, clock, budget);
  api::Api api(client);
  auto result = RefreshProjects(api, {"p"});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(transport.count(), 2) << "RefreshProjects reads no children";
  auto full = RefreshScope(api, {"p"});
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  std::vector<std::string> paths;
  for (const auto& r : transport.requests()) paths.push_back(r.path);
  EXPECT_EQ(std::count(paths.begin(), paths.end(), "/v1/project/p/service/a/db"), 1);
  EXPECT_EQ(transport.count(), 2 + 7)
      << "projects, services, a/db, integration endpoints, clouds, service types, integration "
         "types";
  const model::LiveService* a = full->live.FindService("p", "a");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->databases_read);
  ASSERT_EQ(a->databases.size(), 1u);
  EXPECT_EQ(a->databases[0].name, "defaultdb");
  EXPECT_FALSE(full->live.FindService("p", "c")->databases_read);
}

// A topic deleted between the topic list and the batch read: the batch answers 404, the
// topics are read one by one, and the vanished one leaves the live model.
TEST(RefreshScripted, TopicVanishedBeforeTheBatchReadIsGone) {
  api::testing::FakeTransport transport;
  transport.SetHandler([](const api::HttpRequest& r) {
    if (r.path == "/v1/project") {
      return api::testing::Answer(200, R"({"projects":[{"project_name":"p"}]})");
    }
    if (r.path == "/v1/project/p/service") {
      return api::testing::Answer(
          200, R"({"services":[{"service_name":"k","service_type":"kafka","state":"RUNNING"}]})");
    }
    if (r.path == "/v1/clouds") return api::testing::Answer(200, R"({"clouds":[]})");
    if (r.path == "/v1/service_types") return api::testing::Answer(200, R"({"service_types":{}})");
    if (r.path == "/v1/project/p/integration_types") {
      return api::testing::Answer(200, R"({"integration_types":[]})");
    }
    if (r.path == "/v1/project/p/service/k/topic") {
      return api::testing::Answer(200, R"({"topics":[
        {"topic_name":"a","partitions":2,"replication":3,"cleanup_policy":"delete"},
        {"topic_name":"b","partitions":1,"replication":3,"cleanup_policy":"delete"},
        {"topic_name":"c","partitions":1,"replication":3,"cleanup_policy":"delete"}]})");
    }
    if (r.path == "/v1/project/p/service/k/topic/a") {
      return api::testing::Answer(200, R"({"topic":{"topic_name":"a","partitions":[{},{}],
        "replication":3,"config":{"retention_ms":{"value":1000,"source":"topic_config"},
        "cleanup_policy":{"value":"delete","source":"default_config"}}}})");
    }
    return api::testing::Answer(404, R"({"message":"Topic does not exist"})");
  });
  core::FakeClock clock;
  api::RateBudget budget(clock);
  api::Client client(transport, clock, budget);
  api::Api api(client);
  model::Plan plan = PlanWithTopicConfig(
      "p", {{"k/a", {{"retention_ms", 1000}}}, {"k/b", {{"retention_ms", 1000}}}});
  auto result = Refresh(api, plan);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::vector<std::string> calls;
  for (const auto& r : transport.requests()) {
    if (r.path.find("/service/k/topic") != std::string::npos) {
      calls.push_back(r.method + " " + r.path + (r.body.empty() ? "" : " " + r.body));
    }
  }
  std::sort(calls.begin(), calls.end());
  EXPECT_EQ(calls, (std::vector<std::string>{
                       "GET /v1/project/p/service/k/topic",
                       "GET /v1/project/p/service/k/topic/a",
                       "GET /v1/project/p/service/k/topic/b",
                       R"(POST /v2/project/p/service/k/topic {"topic_names":["a","b"]})",
                   }));
  const model::LiveService* k = result->live.FindService("p", "k");
  ASSERT_NE(k, nullptr);
  ASSERT_EQ(k->topics.size(), 2u) << "b is gone; c was not asked for and stays";
  EXPECT_EQ(k->topics[0].name, "a");
  EXPECT_EQ(k->topics[0].partitions, 2);
  EXPECT_EQ(k->topics[0].config.dump(), R"({"cleanup_policy":"delete","retention_ms":1000})");
  EXPECT_EQ(k->topics[1].name, "c");
}

}  // namespace
}  // namespace aivenctl::state

namespace aivenctl::state {
namespace {

// Subjects are read only where the Schema Registry is on: the list, then per subject its
// versions, the latest one and its own level (404 40408: none of its own; a subject gone
// between the reads is left out).
TEST(RefreshScripted, SubjectsOnlyWhereTheRegistryIsOn) {
  api::testing::FakeTransport transport;
  transport.SetHandler([](const api::HttpRequest& r) {
    using api::testing::Answer;
    const std::string sr = "/v1/project/p/service/k/kafka/schema";
    if (r.path == "/v1/project") return Answer(200, R"({"projects":[{"project_name":"p"}]})");
    if (r.path == "/v1/project/p/service") {
      return Answer(200, R"({"services":[
        {"service_name":"k","service_type":"kafka","state":"RUNNING",
         "user_config":{"schema_registry":true}},
        {"service_name":"plain","service_type":"kafka","state":"RUNNING"}]})");
    }
    if (r.path == "/v1/clouds") return Answer(200, R"({"clouds":[]})");
    if (r.path == "/v1/service_types") return Answer(200, R"({"service_types":{}})");
    if (r.path == "/v1/project/p/integration_types") {
      return Answer(200, R"({"integration_types":[]})");
    }
    if (r.path.find("/topic") != std::string::npos) return Answer(200, R"({"topics":[]})");
    if (r.path == sr + "/subjects") return Answer(200, R"({"subjects":["b","a","gone"]})");
    if (r.path == sr + "/subjects/a/versions") return Answer(200, R"({"versions":[1,3,2]})");
    if (r.path == sr + "/subjects/a/versions/3") {
      return Answer(200, R"({"version":{"subject":"a","version":3,"id":9,"schema":"\"int\""}})");
    }
    if (r.path == sr + "/config/a") return Answer(200, R"({"compatibilityLevel":"FULL"})");
    if (r.path == sr + "/subjects/b/versions") return Answer(200, R"({"versions":[1]})");
    if (r.path == sr + "/subjects/b/versions/1") {
      return Answer(200, R"({"version":{"subject":"b","version":1,"id":4,"schema":"{}",
        "schemaType":"JSON"}})");
    }
    return Answer(404, R"({"message":"Subject not found.","errors":[{"error_code":"40401"}]})");
  });
  core::FakeClock clock;
  api::RateBudget budget(clock);
  api::Client client(transport, clock, budget);
  api::Api api(client);
  auto result = Refresh(api, PlanFor({"p"}));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const model::LiveService* k = result->live.FindService("p", "k");
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(k->schemas_read);
  ASSERT_EQ(k->schemas.size(), 2u);
  EXPECT_EQ(k->schemas[0].name, "a");
  EXPECT_EQ(k->schemas[0].version, 3);
  EXPECT_EQ(k->schemas[0].id, 9);
  EXPECT_EQ(k->schemas[0].type, "AVRO");
  EXPECT_EQ(k->schemas[0].compatibility.value_or(""), "FULL");
  EXPECT_EQ(k->schemas[1].name, "b");
  EXPECT_EQ(k->schemas[1].type, "JSON");
  EXPECT_FALSE(k->schemas[1].compatibility.has_value());
  EXPECT_FALSE(result->live.FindService("p", "plain")->schemas_read);
  int registry_reads = 0;
  for (const auto& r : transport.requests()) {
    if (r.path.find("/kafka/schema/") != std::string::npos) ++registry_reads;
    EXPECT_EQ(r.path.find("/service/plain/kafka/schema/"), std::string::npos) << r.path;
  }
  EXPECT_EQ(registry_reads, 1 + 3 + 3 + 1);  // list; a: 3; b: 3; gone: versions only
}

}  // namespace
}  // namespace aivenctl::state
