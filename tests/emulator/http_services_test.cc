// Services over real HTTP: create/get/list/update/delete, validation, secrets,
// connection details per type, tags, VPC placement and the clock-driven lifecycle.

#include <algorithm>

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class Services : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1", {{"cloud", "aws-eu-west-1"}});
  }
};

TEST_F(Services, CreateWithAvnBodyUsesProjectCloudAndStartsRebuilding) {
  const ApiResponse r = CreateService("p1", "pg1", "pg", "startup-4");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json& s = r.body["service"];
  EXPECT_EQ(s["service_name"], "pg1");
  EXPECT_EQ(s["service_type"], "pg");
  EXPECT_EQ(s["plan"], "startup-4");
  EXPECT_EQ(s["cloud_name"], "aws-eu-west-1");
  EXPECT_EQ(s["state"], "REBUILDING");
  EXPECT_TRUE(s["project_vpc_id"].is_null());
  EXPECT_EQ(s["group_list"], json::array({"default"}));
  EXPECT_EQ(s["user_config"], json::object());
  EXPECT_EQ(s["termination_protection"], false);
  EXPECT_TRUE(s["service_integrations"].is_array());
  EXPECT_TRUE(s["disk_space_mb"].is_number_integer());
  EXPECT_GT(s["disk_space_mb"].get<int64_t>(), 0);
  // avnadmin and defaultdb exist from creation.
  ASSERT_EQ(s["users"].size(), 1u);
  EXPECT_EQ(s["users"][0]["username"], "avnadmin");
  EXPECT_EQ(s["users"][0]["type"], "primary");
  EXPECT_EQ(s["databases"], json::array({"defaultdb"}));
  for (const auto& n : s["node_states"]) {
    EXPECT_TRUE(n.contains("name") && n.contains("state") && n.contains("progress_updates"));
  }
  // Explicit cloud.
  const ApiResponse r2 = CreateService("p1", "pg2", "pg", "hobbyist", {{"cloud", "do-fra"}});
  ASSERT_EQ(r2.status, 200) << r2.Describe();
  EXPECT_EQ(r2.body["service"]["cloud_name"], "do-fra");
  EXPECT_GE(TestApi::ValidatedCount("ServiceCreate"), 2);
}

// The handlers' own checks: strict mode would answer most of these bodies first.
class LenientServices : public Services {
 protected:
  bool Strict() const override { return false; }
};

TEST_F(LenientServices, CreateValidation) {
  for (const std::string& bad :
       std::vector<std::string>{"Upper", "1abc", "under_score", std::string(65, 'a')}) {
    ExpectError(CreateService("p1", bad, "pg", "startup-4"), 400,
                "Service name must consist of 1-64 alphanumerical characters");
  }
  EXPECT_EQ(CreateService("p1", std::string(64, 'a'), "pg", "startup-4").status, 200);
  ExpectErrorContaining(CreateService("p1", "x1", "nosuchdb", "startup-4"), 400, "nosuchdb");
  ExpectErrorContaining(CreateService("p1", "x1", "pg", "gigantic-9"), 400, "gigantic-9");
  ExpectErrorContaining(CreateService("p1", "x1", "pg", "startup-4", {{"cloud", "moon-1"}}), 400,
                        "moon-1");
  ExpectErrorContaining(
      CreateService("p1", "x1", "pg", "startup-4", {{"user_config", {{"no_such_key", 1}}}}), 400,
      "no_such_key");
  ExpectErrorContaining(
      CreateService("p1", "x1", "pg", "startup-4", {{"termination_protection", "yes"}}), 400,
      "termination_protection");
  ExpectErrorContaining(CreateService("p1", "x1", "pg", "startup-4", {{"plan", 4}}), 400, "plan");
  ExpectErrorContaining(CreateService("p1", "x1", "pg", "startup-4", {{"user_config", "x"}}), 400,
                        "user_config");
  ExpectErrorContaining(CreateService("p1", "x1", "pg", "startup-4", {{"disk_space_mb", "big"}}),
                        400, "disk_space_mb");
  const ApiResponse missing = api().Post("/v1/project/p1/service", {{"service_name", "x1"}});
  ExpectErrorContaining(missing, 400, "service_type");
  const ApiResponse malformed =
      api().Send("POST", "/v1/project/p1/service", std::string("{\"service_name\":"),
                 "application/json", {.validate = false});
  EXPECT_EQ(malformed.status, 400) << malformed.Describe();
  EXPECT_TRUE(CheckErrorBody(400, malformed.body).empty()) << malformed.Describe();
  EXPECT_EQ(api().Get(ServicePath("p1", "x1")).status, 404);

  ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4").status, 200);
  ExpectErrorContaining(CreateService("p1", "pg1", "pg", "startup-4"), 409, "already exists");
  EXPECT_EQ(CreateService("nope", "pg1", "pg", "startup-4").status, 404);
}

TEST_F(Services, GetListAndSecrets) {
  ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4").status, 200);
  const json plain = GetService("p1", "pg1");
  EXPECT_EQ(plain["users"][0]["password"], "<redacted>");
  EXPECT_EQ(plain["service_uri_params"]["password"], "<redacted>");
  EXPECT_EQ(plain["connection_info"]["pg_params"][0]["password"], "<redacted>");
  EXPECT_EQ(plain["service_uri"].get<std::string>().find("AVNS_"), std::string::npos);
  const json secret = GetService("p1", "pg1", true);
  const std::string pw = secret["users"][0]["password"];
  EXPECT_NE(pw, "<redacted>");
  EXPECT_GE(pw.size(), 8u);
  EXPECT_EQ(secret["service_uri_params"]["password"], pw);
  EXPECT_NE(secret["service_uri"].get<std::string>().find(pw), std::string::npos);

  ASSERT_EQ(CreateService("p1", "k1", "kafka", "startup-2").status, 200);
  const ApiResponse list = api().Get("/v1/project/p1/service");
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.body["services"].size(), 2u);
  for (const auto& s : list.body["services"]) {
    for (const char* key : {"service_name", "service_type", "state", "cloud_name", "plan",
                            "create_time", "update_time", "users", "node_states"})
      EXPECT_TRUE(s.contains(key)) << key;
    for (const auto& u : s["users"]) EXPECT_EQ(u["password"], "<redacted>");
  }
  const ApiResponse list_secret = api().Get("/v1/project/p1/service?include_secrets=true");
  for (const auto& s : list_secret.body["services"])
    for (const auto& u : s["users"]) EXPECT_NE(u["password"], "<redacted>");
  ExpectErrorContaining(api().Get(ServicePath("p1", "nope")), 404, "nope");
  EXPECT_EQ(api().Get("/v1/project/nope/service").status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ServiceGet"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceList"), 2);
}

TEST_F(Services, ConnectionDetailsPerType) {
  struct Case {
    const char* type;
    const char* plan;
    const char* info_key;  // a connection_info key that must be present
    const char* component;
  };
  const Case cases[] = {
      {"pg", "startup-4", "pg_params", "pg"},
      {"kafka", "startup-2", "kafka", "kafka"},
      {"mysql", "startup-4", "mysql_params", "mysql"},
      {"valkey", "startup-4", "valkey", "valkey"},
      {"opensearch", "startup-4", "opensearch", "opensearch"},
      {"grafana", "startup-4", "grafana", "grafana"},
      {"clickhouse", "startup-16", "clickhouse", "clickhouse"},
      {"kafka_connect", "startup-4", "kafka_connect", "kafka_connect"},
      {"flink", "business-4", "flink", "flink"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.type);
    const std::string name = std::string("s-") + c.type;
    std::string svc = name;
    for (char& ch : svc)
      if (ch == '_') ch = '-';
    const ApiResponse r = CreateService("p1", svc, c.type, c.plan);
    ASSERT_EQ(r.status, 200) << r.Describe();
    const json s = GetService("p1", svc, true);
    ASSERT_TRUE(s["service_uri"].is_string());
    EXPECT_NE(s["service_uri"].get<std::string>().find(".aivencloud.com"), std::string::npos)
        << s["service_uri"];
    EXPECT_TRUE(s["service_uri_params"].contains("host"));
    EXPECT_TRUE(s["service_uri_params"]["port"].is_string());
    EXPECT_TRUE(s["connection_info"].contains(c.info_key)) << s["connection_info"].dump();
    bool found = false;
    for (const auto& comp : s["components"]) {
      EXPECT_TRUE(comp["port"].is_number_integer());
      EXPECT_TRUE(comp["host"].is_string());
      if (comp["component"] == c.component) found = true;
    }
    EXPECT_TRUE(found) << s["components"].dump();
  }
  // Type-specific details avn and TF read.
  const json pg = GetService("p1", "s-pg", true);
  EXPECT_EQ(pg["connection_info"]["pg_params"][0]["sslmode"], "require");
  EXPECT_TRUE(pg["connection_info"]["pg_params"][0]["port"].is_string());
  const json my = GetService("p1", "s-mysql", true);
  EXPECT_TRUE(my["connection_info"]["mysql_params"][0].contains("ssl-mode"));
  const json k = GetService("p1", "s-kafka", true);
  EXPECT_TRUE(k["connection_info"].contains("kafka_access_cert"));
  bool sasl = false;
  for (const auto& comp : k["components"])
    if (comp.value("kafka_authentication_method", "") == "sasl") sasl = true;
  EXPECT_TRUE(sasl);
  const json kr = GetService("p1", "s-kafka");
  EXPECT_EQ(kr["connection_info"]["kafka_access_key"], "<redacted>");
  const json v = GetService("p1", "s-valkey");
  EXPECT_EQ(v["users"][0]["username"], "default");
  EXPECT_EQ(v["connection_info"]["valkey_password"], "<redacted>");
  const json os = GetService("p1", "s-opensearch");
  EXPECT_EQ(os["connection_info"]["opensearch_password"], "<redacted>");
  // Kafka has no databases.
  EXPECT_FALSE(k.contains("databases") && !k["databases"].empty());
}

TEST_F(Services, LifecycleRebuildingToRunningWithNodeStatesAndBackups) {
  ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4").status, 200);
  json s = GetService("p1", "pg1");
  EXPECT_EQ(s["state"], "REBUILDING");
  ASSERT_FALSE(s["node_states"].empty());
  EXPECT_EQ(s["node_states"][0]["state"], "setting_up_vm");
  EXPECT_TRUE(s["backups"].empty());
  Advance(2);  // 2/3 of the build
  s = GetService("p1", "pg1");
  EXPECT_EQ(s["state"], "REBUILDING");
  EXPECT_EQ(s["node_states"][0]["state"], "syncing_data");
  EXPECT_FALSE(s["node_states"][0]["progress_updates"].empty());
  Advance(1.1);
  s = GetService("p1", "pg1");
  EXPECT_EQ(s["state"], "RUNNING");
  EXPECT_EQ(s["node_states"][0]["state"], "running");
  ASSERT_FALSE(s["backups"].empty()) << "TF waits for pg backups once RUNNING";
  EXPECT_TRUE(s["backups"][0]["backup_time"].is_string());
  // TF needs it to stay RUNNING for 5 polls.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(State("p1", "pg1"), "RUNNING");
}

TEST_F(Services, BuildTimeScalesWithTypeMultiplier) {
  // kafka x1.5 (catalog build_multipliers): 3 s * 1.5 = 4.5 s.
  ASSERT_EQ(CreateService("p1", "k1", "kafka", "startup-2").status, 200);
  Advance(4);
  EXPECT_EQ(State("p1", "k1"), "REBUILDING");
  Advance(0.6);
  EXPECT_EQ(State("p1", "k1"), "RUNNING");
  EXPECT_EQ(GetService("p1", "k1")["node_states"].size(), 3u);
}

class JitteredServices : public Services {
 protected:
  std::vector<std::string> ExtraArgs() const override {
    return {"--build-jitter", "0.3", "--seed", "7"};
  }
  /// Seconds the service's record says it builds (ready_at - build_start).
  double BuildOf(const std::string& project, const std::string& service) {
    const ApiResponse r = api().Get("/_emulator/state");
    EXPECT_EQ(r.status, 200) << r.Describe();
    const json& rec = r.body["projects"][project]["services"][service];
    return rec.value("ready_at", 0.0) - rec.value("build_start", 0.0);
  }
};

TEST_F(JitteredServices, EachServiceBuildsWithinThirtyPercentByASeededFactorOfItsName) {
  std::vector<double> builds;
  for (int i = 0; i < 12; ++i) {
    const std::string name = "pg" + std::to_string(i);
    ASSERT_EQ(CreateService("p1", name, "pg", "startup-4").status, 200);
    builds.push_back(BuildOf("p1", name));
  }
  const auto [lo, hi] = std::minmax_element(builds.begin(), builds.end());
  EXPECT_GE(*lo, 3 * 0.7);
  EXPECT_LE(*hi, 3 * 1.3);
  EXPECT_GT(*hi - *lo, 3 * 0.3) << "12 services should spread over more than half the range";
  // The factor is the name's: a service made again builds as long; the lifecycle follows.
  ASSERT_EQ(api().Delete(ServicePath("p1", "pg3")).status, 200);
  ASSERT_EQ(CreateService("p1", "pg3", "pg", "startup-4").status, 200);
  EXPECT_DOUBLE_EQ(BuildOf("p1", "pg3"), builds[3]);
  Advance(builds[3] - 1);  // a second to spare for real time passing on a loaded machine
  EXPECT_EQ(State("p1", "pg3"), "REBUILDING");
  Advance(1.05);
  EXPECT_EQ(State("p1", "pg3"), "RUNNING");
}

TEST_F(Services, UpdatePlanDiskAndUserConfig) {
  RunningService("p1", "pg1", "pg", "startup-4");
  // avn sends the current plan and an empty user_config on every update: no change.
  ApiResponse r =
      api().Put(ServicePath("p1", "pg1"), {{"plan", "startup-4"}, {"user_config", json::object()}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["state"], "RUNNING");

  r = api().Put(ServicePath("p1", "pg1"),
                {{"plan", "business-4"}, {"user_config", json::object()}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["plan"], "business-4");
  EXPECT_EQ(r.body["service"]["state"], "REBALANCING");
  EXPECT_EQ(r.body["service"]["node_count"], 2);
  ASSERT_GE(WaitRunning("p1", "pg1"), 1);

  // user_config merges, nulls remove.
  r = api().Put(ServicePath("p1", "pg1"), {{"user_config", {{"backup_hour", 3}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  r = api().Put(ServicePath("p1", "pg1"), {{"user_config", {{"backup_minute", 30}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["user_config"], json({{"backup_hour", 3}, {"backup_minute", 30}}));
  r = api().Put(ServicePath("p1", "pg1"), {{"user_config", {{"backup_hour", nullptr}}}});
  EXPECT_EQ(r.body["service"]["user_config"], json({{"backup_minute", 30}}));
  ExpectErrorContaining(api().Put(ServicePath("p1", "pg1"), {{"user_config", {{"bogus", 1}}}}), 400,
                        "bogus");

  // Disk grows: REBALANCING.
  const int64_t disk = r.body["service"]["disk_space_mb"];
  r = api().Put(ServicePath("p1", "pg1"), {{"disk_space_mb", disk + 10240}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["disk_space_mb"], disk + 10240);
  EXPECT_EQ(r.body["service"]["state"], "REBALANCING");
  ExpectErrorContaining(api().Put(ServicePath("p1", "pg1"), {{"disk_space_mb", 1}}), 400,
                        "disk_space_mb");
  ExpectErrorContaining(api().Put(ServicePath("p1", "pg1"), {{"plan", "gigantic-9"}}), 400,
                        "gigantic-9");
  ExpectErrorContaining(api().Put(ServicePath("p1", "pg1"), {{"powered", "no"}}), 400, "powered");
  EXPECT_EQ(api().Put(ServicePath("p1", "nope"), {{"plan", "startup-4"}}).status, 404);

  // Maintenance.
  r = api().Put(ServicePath("p1", "pg1"),
                {{"maintenance", {{"dow", "monday"}, {"time", "03:00:00"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["maintenance"]["dow"], "monday");
  EXPECT_EQ(r.body["service"]["maintenance"]["time"], "03:00:00");
  ExpectErrorContaining(api().Put(ServicePath("p1", "pg1"), {{"maintenance", {{"dow", "funday"}}}}),
                        400, "dow");
  ExpectErrorContaining(api().Put(ServicePath("p1", "pg1"), {{"maintenance", {{"time", "3am"}}}}),
                        400, "time");
  EXPECT_GE(TestApi::ValidatedCount("ServiceUpdate"), 5);
}

TEST_F(Services, PowerOffAndOn) {
  RunningService("p1", "pg1", "pg", "startup-4");
  ApiResponse r =
      api().Put(ServicePath("p1", "pg1"),
                {{"plan", "startup-4"}, {"user_config", json::object()}, {"powered", false}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["state"], "POWEROFF");
  Advance(60);
  EXPECT_EQ(State("p1", "pg1"), "POWEROFF");
  // Databases answer the real 503 while powered off; children cannot be made.
  ExpectError(api().Get(ServicePath("p1", "pg1") + "/db"), 503, kTryLater);
  EXPECT_EQ(api().Post(ServicePath("p1", "pg1") + "/user", {{"username", "u1"}}).status, 503);
  // A plan change is accepted while powered off (avn sends plan with power on/off).
  r = api().Put(ServicePath("p1", "pg1"),
                {{"plan", "startup-4"}, {"user_config", json::object()}, {"powered", true}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["state"], "REBUILDING");
  ASSERT_GE(WaitRunning("p1", "pg1"), 1);
  EXPECT_EQ(api().Get(ServicePath("p1", "pg1") + "/db").status, 200);
}

TEST_F(Services, TerminationProtection) {
  RunningService("p1", "pg1", "pg", "startup-4");
  ApiResponse r = api().Put(ServicePath("p1", "pg1"), {{"termination_protection", true}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["termination_protection"], true);
  ExpectError(api().Delete(ServicePath("p1", "pg1")), 403, kProtectedMessage);
  ExpectError(api().Put(ServicePath("p1", "pg1"), {{"powered", false}}), 403, kProtectedMessage);
  EXPECT_EQ(State("p1", "pg1"), "RUNNING");
  ASSERT_EQ(api().Put(ServicePath("p1", "pg1"), {{"termination_protection", false}}).status, 200);
  EXPECT_EQ(api().Delete(ServicePath("p1", "pg1")).status, 200);
  // Created protected.
  ASSERT_EQ(
      CreateService("p1", "pg2", "pg", "startup-4", {{"termination_protection", true}}).status,
      200);
  ExpectError(api().Delete(ServicePath("p1", "pg2")), 403, kProtectedMessage);
}

TEST_F(Services, DeleteCascades) {
  RunningService("p1", "k1", "kafka", "startup-2");
  ASSERT_EQ(CreateService("p1", "kc1", "kafka_connect", "startup-4").status, 200);
  ASSERT_GE(WaitRunning("p1", "kc1"), 0);
  ASSERT_EQ(api().Post(ServicePath("p1", "k1") + "/user", {{"username", "u1"}}).status, 200);
  ASSERT_EQ(api()
                .Post(ServicePath("p1", "k1") + "/topic",
                      {{"topic_name", "t1"}, {"partitions", 1}, {"replication", 2}})
                .status,
            200);
  const ApiResponse integ = api().Post(
      "/v1/project/p1/integration",
      {{"integration_type", "kafka_connect"}, {"source_service", "k1"}, {"dest_service", "kc1"}});
  ASSERT_EQ(integ.status, 200) << integ.Describe();
  const std::string id = integ.body["service_integration"]["service_integration_id"];

  const ApiResponse del = api().Delete(ServicePath("p1", "k1"));
  ASSERT_EQ(del.status, 200) << del.Describe();
  EXPECT_TRUE(del.body["message"].is_string());
  EXPECT_EQ(api().Get(ServicePath("p1", "k1")).status, 404);
  EXPECT_EQ(api().Get("/v1/project/p1/integration/" + id).status, 404);
  EXPECT_TRUE(GetService("p1", "kc1")["service_integrations"].empty());
  EXPECT_EQ(api().Get(ServicePath("p1", "k1") + "/topic").status, 404);
  EXPECT_EQ(api().Delete(ServicePath("p1", "k1")).status, 404);
  // A new service with the same name starts clean.
  RunningService("p1", "k1", "kafka", "startup-2");
  EXPECT_TRUE(api().Get(ServicePath("p1", "k1") + "/topic").body["topics"].empty());
  EXPECT_EQ(GetService("p1", "k1")["users"].size(), 1u);
  EXPECT_GE(TestApi::ValidatedCount("ServiceDelete"), 1);
}

TEST_F(Services, Tags) {
  ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4", {{"tags", {{"a", "1"}}}}).status, 200);
  const std::string base = ServicePath("p1", "pg1") + "/tags";
  EXPECT_EQ(api().Get(base).body["tags"], json({{"a", "1"}}));
  ApiResponse r = api().Patch(base, {{"tags", {{"b", "2"}, {"a", nullptr}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body["message"].is_string());
  EXPECT_EQ(api().Get(base).body["tags"], json({{"b", "2"}}));
  r = api().Put(base, {{"tags", {{"c", "3"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body["message"].is_string());
  EXPECT_EQ(api().Get(base).body["tags"], json({{"c", "3"}}));
  EXPECT_EQ(GetService("p1", "pg1")["tags"], json({{"c", "3"}}));
  ExpectErrorContaining(api().Put(base, json::object()), 400, "tags");
  EXPECT_EQ(api().Get(ServicePath("p1", "nope") + "/tags").status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ProjectServiceTagsList"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ProjectServiceTagsUpdate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ProjectServiceTagsReplace"), 1);
}

TEST_F(Services, ProjectVpcIdSemantics) {
  const ApiResponse vpc =
      api().Post("/v1/project/p1/vpcs", {{"cloud_name", "aws-eu-west-1"},
                                         {"network_cidr", "10.1.0.0/24"},
                                         {"peering_connections", json::array()}});
  ASSERT_EQ(vpc.status, 200) << vpc.Describe();
  const std::string id = vpc.body["project_vpc_id"];
  // Still APPROVED: an absent key does not place the service in it.
  ASSERT_EQ(CreateService("p1", "early", "pg", "startup-4").status, 200);
  EXPECT_TRUE(GetService("p1", "early")["project_vpc_id"].is_null());
  Advance(5);
  ASSERT_EQ(api().Get("/v1/project/p1/vpcs/" + id).body["state"], "ACTIVE");
  // Absent: placed in the ACTIVE VPC of that cloud.
  ASSERT_EQ(CreateService("p1", "absent", "pg", "startup-4").status, 200);
  EXPECT_EQ(GetService("p1", "absent")["project_vpc_id"], id);
  // Null: public internet.
  ASSERT_EQ(CreateService("p1", "public", "pg", "startup-4", {{"project_vpc_id", nullptr}}).status,
            200);
  EXPECT_TRUE(GetService("p1", "public")["project_vpc_id"].is_null());
  // Explicit id.
  ASSERT_EQ(CreateService("p1", "explicit", "pg", "startup-4", {{"project_vpc_id", id}}).status,
            200);
  EXPECT_EQ(GetService("p1", "explicit")["project_vpc_id"], id);
  // Another cloud: no VPC there.
  ASSERT_EQ(CreateService("p1", "elsewhere", "pg", "startup-4", {{"cloud", "do-fra"}}).status, 200);
  EXPECT_TRUE(GetService("p1", "elsewhere")["project_vpc_id"].is_null());
  // Unknown VPC id.
  EXPECT_EQ(CreateService("p1", "bad", "pg", "startup-4",
                          {{"project_vpc_id", "00000000-0000-0000-0000-000000000000"}})
                .status,
            404);
  ExpectErrorContaining(
      CreateService("p1", "bad", "pg", "startup-4", {{"project_vpc_id", id}, {"cloud", "do-fra"}}),
      400, "do-fra");
  // Update to public.
  const ApiResponse upd = api().Put(ServicePath("p1", "absent"), {{"project_vpc_id", nullptr}});
  ASSERT_EQ(upd.status, 200) << upd.Describe();
  EXPECT_TRUE(upd.body["service"]["project_vpc_id"].is_null());
}

TEST_F(Services, ServiceTypeChange) {
  ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4").status, 200);
  const ApiResponse r =
      api().Patch(ServicePath("p1", "pg1") + "/service_type", {{"service_type", "mysql"}});
  EXPECT_EQ(r.status, 400) << r.Describe();
  EXPECT_EQ(ErrorCode(r), "service_type_not_allowed");
}

}  // namespace
}  // namespace aivenctl::testing
