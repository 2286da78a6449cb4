// Replays the request sequence Aiven's CLI `avn` sends for the acceptance run
// (notes/avn-compat.md §1) and checks every field avn reads with [] (a KeyError there
// is a traceback for the user): wrappers, table header keys, message keys.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

using AvnReplay = HttpTest;

/// Keys the avn table printer needs on every row (the header row of its layout).
void ExpectKeys(const json& obj, std::initializer_list<const char*> keys, const std::string& what) {
  ASSERT_TRUE(obj.is_object()) << what << ": " << obj.dump();
  for (const char* k : keys) EXPECT_TRUE(obj.contains(k)) << what << " lacks " << k;
}

void ExpectService(const json& s) {
  ExpectKeys(
      s,
      {"service_name", "service_type", "state", "cloud_name", "plan", "create_time", "update_time",
       "user_config", "connection_info", "users", "node_states", "service_uri", "disk_space_mb"},
      "service");
  EXPECT_TRUE(s["state"].is_string());
  EXPECT_TRUE(s["user_config"].is_object());
  EXPECT_TRUE(s["connection_info"].is_object());
  EXPECT_FALSE(s.contains("service_notifications"));
  EXPECT_FALSE(s.contains("error"));
  for (const auto& n : s["node_states"]) {
    ExpectKeys(n, {"name", "state", "progress_updates"}, "node_states[]");
    EXPECT_TRUE(n["progress_updates"].is_array());
  }
  for (const auto& u : s["users"]) ExpectKeys(u, {"username", "type"}, "users[]");
}

void ExpectProject(const json& p) {
  ExpectKeys(p,
             {"project_name", "default_cloud", "billing_currency", "vat_id", "billing_extra_text",
              "account_id"},
             "project");
  EXPECT_TRUE(!p.contains("card_info") || p["card_info"].is_null() || p["card_info"].empty());
}

TEST_F(AvnReplay, AcceptanceRun) {
  TestApi& a = api();
  const std::string P = "/v1/project/demo";

  // avn cloud list (no project known yet): optional auth.
  {
    TestApi anon(emu_->base_url());
    const ApiResponse r = anon.Get("/v1/clouds");
    ASSERT_EQ(r.status, 200) << r.Describe();
    ASSERT_TRUE(r.body["clouds"].is_array());
  }
  // avn project create demo --parent-id org...: GET organization, then POST project.
  {
    const ApiResponse org = a.Get("/v1/organization/org4f9e1a2b3c4d");
    ASSERT_EQ(org.status, 200) << org.Describe();
    const ApiResponse r = a.Post("/v1/project", {{"card_id", nullptr},
                                                 {"cloud", nullptr},
                                                 {"project", "demo"},
                                                 {"account_id", org.body["account_id"]},
                                                 {"use_source_project_billing_group", false}});
    ASSERT_EQ(r.status, 200) << r.Describe();
    ExpectProject(r.body["project"]);
    // 409 for --no-fail-if-exists.
    EXPECT_EQ(a.Post("/v1/project", {{"project", "demo"}, {"cloud", nullptr}}).status, 409);
  }
  // avn cloud list again: the config's default_project makes it project-scoped.
  ASSERT_TRUE(a.Get(P + "/clouds").body["clouds"].is_array());
  // avn project list / details.
  {
    const ApiResponse r = a.Get("/v1/project");
    ASSERT_TRUE(r.body["projects"].is_array());
    for (const auto& p : r.body["projects"]) ExpectProject(p);
    ExpectProject(a.Get(P).body["project"]);
  }
  // avn service create pg1 -t pg -p startup-4 --cloud google-europe-west1, and kafka.
  for (const auto& [name, type, plan] :
       {std::tuple{"pg1", "pg", "startup-4"}, std::tuple{"k1", "kafka", "startup-2"},
        std::tuple{"kc1", "kafka_connect", "startup-4"}}) {
    const ApiResponse vpcs = a.Get(P + "/vpcs");
    ASSERT_EQ(vpcs.status, 200) << vpcs.Describe();
    ASSERT_TRUE(vpcs.body["vpcs"].is_array());
    const ApiResponse types = a.Get(P + "/service_types");
    ASSERT_TRUE(types.body["service_types"][type]["user_config_schema"].is_object()) << type;
    json body = AvnServiceBody(name, type, plan);
    body["cloud"] = "google-europe-west1";
    const ApiResponse r = a.Post(P + "/service", body);
    ASSERT_EQ(r.status, 200) << r.Describe();
    ExpectService(r.body["service"]);
  }
  // avn service wait pg1 k1 kc1: GET every 3 s until all RUNNING.
  for (int round = 0;; ++round) {
    ASSERT_LT(round, 10) << "never RUNNING";
    bool all = true;
    for (const char* s : {"pg1", "k1", "kc1"}) {
      const ApiResponse r = a.Get(P + "/service/" + s);
      ASSERT_EQ(r.status, 200) << r.Describe();
      ExpectService(r.body["service"]);
      all = all && r.body["service"]["state"] == "RUNNING";
    }
    if (all) break;
    Advance(3);
  }
  // avn service list / get -v (kafka reads connection_info and user_config with []).
  {
    const ApiResponse r = a.Get(P + "/service");
    ASSERT_EQ(r.body["services"].size(), 3u);
    for (const auto& s : r.body["services"]) ExpectService(s);
  }
  // avn service database-create / database-list.
  ASSERT_EQ(a.Post(P + "/service/pg1/db", {{"database", "appdb"}}).status, 200);
  {
    const ApiResponse r = a.Get(P + "/service/pg1/db");
    ASSERT_EQ(r.status, 200) << r.Describe();
    for (const auto& d : r.body["databases"]) ExpectKeys(d, {"database_name"}, "databases[]");
  }
  // avn service user-create / user-get / user-list.
  {
    const ApiResponse r = a.Post(P + "/service/pg1/user", {{"username", "app"}});
    ASSERT_EQ(r.status, 200) << r.Describe();
    ExpectKeys(r.body["user"], {"username", "type", "password"}, "user");
    ExpectKeys(a.Get(P + "/service/pg1/user/app").body["user"], {"username", "type"}, "user");
    EXPECT_EQ(a.Get(P + "/service/pg1").body["service"]["users"].size(), 2u);
    // user-creds-download
    EXPECT_TRUE(a.Get(P + "/kms/ca").body["certificate"].is_string());
  }
  // avn service topic-create k1 orders --partitions 3 --replication 2, topic-list, topic-get.
  {
    const ApiResponse r = a.Post(P + "/service/k1/topic", {{"cleanup_policy", "delete"},
                                                           {"min_insync_replicas", nullptr},
                                                           {"topic_name", "orders"},
                                                           {"partitions", 3},
                                                           {"replication", 2},
                                                           {"retention_bytes", nullptr},
                                                           {"retention_hours", nullptr},
                                                           {"tags", json::array()}});
    ASSERT_EQ(r.status, 200) << r.Describe();
    const ApiResponse list = a.Get(P + "/service/k1/topic");
    ASSERT_EQ(list.body["topics"].size(), 1u);
    const json& t = list.body["topics"][0];
    ExpectKeys(t,
               {"topic_name", "partitions", "replication", "min_insync_replicas", "retention_bytes",
                "retention_hours", "cleanup_policy", "tags"},
               "topics[]");
    EXPECT_TRUE(t["retention_hours"].is_number_integer());
    const ApiResponse get = a.Get(P + "/service/k1/topic/orders");
    for (const auto& part : get.body["topic"]["partitions"]) {
      ExpectKeys(
          part, {"partition", "isr", "size", "earliest_offset", "latest_offset", "consumer_groups"},
          "partitions[]");
    }
    EXPECT_TRUE(get.body["topic"]["config"].is_object());
  }
  // avn service integration-create -t kafka_connect -s k1 -d kc1; integration-list.
  std::string integration_id;
  {
    const ApiResponse r = a.Post(P + "/integration", {{"source_endpoint_id", nullptr},
                                                      {"source_service", "k1"},
                                                      {"dest_endpoint_id", nullptr},
                                                      {"dest_service", "kc1"},
                                                      {"integration_type", "kafka_connect"},
                                                      {"user_config", json::object()}});
    ASSERT_EQ(r.status, 200) << r.Describe();
    for (const char* s : {"k1", "kc1"}) {
      const ApiResponse list = a.Get(P + "/service/" + s + "/integration");
      ASSERT_EQ(list.body["service_integrations"].size(), 1u) << s;
      const json& i = list.body["service_integrations"][0];
      ExpectKeys(i,
                 {"service_integration_id", "source_service", "source_endpoint_id", "dest_service",
                  "dest_endpoint_id", "integration_type", "enabled", "active", "description",
                  "source_project", "dest_project"},
                 "service_integrations[]");
      integration_id = i["service_integration_id"];
    }
  }
  // avn project tags update / service tags update / tags list: message required.
  {
    const ApiResponse pt = a.Patch(P + "/tags", {{"tags", {{"env", "demo"}, {"gone", nullptr}}}});
    ASSERT_EQ(pt.status, 200) << pt.Describe();
    EXPECT_TRUE(pt.body["message"].is_string());
    EXPECT_TRUE(a.Get(P + "/tags").body["tags"].is_object());
    const ApiResponse st = a.Patch(P + "/service/pg1/tags", {{"tags", {{"tier", "gold"}}}});
    ASSERT_EQ(st.status, 200) << st.Describe();
    EXPECT_TRUE(st.body["message"].is_string());
    const ApiResponse sr = a.Put(P + "/service/pg1/tags", {{"tags", {{"tier", "silver"}}}});
    EXPECT_TRUE(sr.body["message"].is_string());
  }
  // avn service update pg1 --plan business-4: GET, GET service_types, PUT.
  auto avn_update = [&](const std::string& svc, json extra) {
    const ApiResponse cur = a.Get(P + "/service/" + svc);
    EXPECT_EQ(cur.status, 200);
    EXPECT_TRUE(a.Get(P + "/service_types").body["service_types"].is_object());
    json body = {{"plan", cur.body["service"]["plan"]}, {"user_config", json::object()}};
    body.update(extra);
    const ApiResponse r = a.Put(P + "/service/" + svc, body);
    EXPECT_EQ(r.status, 200) << r.Describe();
    EXPECT_TRUE(r.body.contains("service"));
    return r;
  };
  EXPECT_EQ(avn_update("pg1", {{"plan", "business-4"}}).body["service"]["plan"], "business-4");
  for (int i = 0; i < 10 && State("demo", "pg1") != "RUNNING"; ++i) Advance(3);
  EXPECT_EQ(State("demo", "pg1"), "RUNNING");
  // --power-off / --power-on
  EXPECT_EQ(avn_update("pg1", {{"powered", false}}).body["service"]["state"], "POWEROFF");
  EXPECT_EQ(avn_update("pg1", {{"powered", true}}).body["service"]["plan"], "business-4");
  for (int i = 0; i < 10 && State("demo", "pg1") != "RUNNING"; ++i) Advance(3);
  EXPECT_EQ(State("demo", "pg1"), "RUNNING");
  // An error avn parses ["message"] from.
  {
    const ApiResponse r =
        a.Put(P + "/service/pg1", {{"plan", "no-such-plan"}, {"user_config", json::object()}});
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(r.body["message"].is_string());
  }
  // Tear-down: topic-delete (message printed), user-delete, database-delete,
  // integration-delete, service terminate, project delete.
  {
    const ApiResponse td = a.Delete(P + "/service/k1/topic/orders");
    ASSERT_EQ(td.status, 200) << td.Describe();
    EXPECT_TRUE(td.body["message"].is_string());
    EXPECT_EQ(a.Delete(P + "/service/pg1/user/app").status, 200);
    EXPECT_EQ(a.Delete(P + "/service/pg1/db/appdb").status, 200);
    EXPECT_EQ(a.Delete(P + "/integration/" + integration_id).status, 200);
    for (const char* s : {"pg1", "k1", "kc1"}) EXPECT_EQ(a.Delete(P + "/service/" + s).status, 200);
    EXPECT_TRUE(a.Get(P + "/service").body["services"].empty());
    EXPECT_EQ(a.Delete(P).status, 200);
    EXPECT_EQ(a.Get(P).status, 404);
    EXPECT_EQ(a.Get(P + "/clouds").status, 404);
  }
  // Every response above was schema-checked.
  for (const char* op :
       {"ProjectCreate", "ServiceCreate", "ServiceGet", "ServiceList", "ServiceUpdate",
        "ServiceDatabaseCreate", "ServiceUserCreate", "ServiceKafkaTopicCreate",
        "ServiceIntegrationCreate", "ProjectTagsUpdate", "ServiceDelete", "ProjectDelete"}) {
    EXPECT_GE(TestApi::ValidatedCount(op), 1) << op;
  }
}

// `avn service connector available / create / list / status / update / delete` (aiven-client
// client.py: get_available_kafka_connectors, create_kafka_connector with the flat config as
// the body, list_kafka_connectors, get_kafka_connector_status, update_kafka_connector which
// merges into the listed ["connectors"][i]["config"] and PUTs it whole, delete_kafka_connector).
TEST_F(AvnReplay, ServiceConnectorCommands) {
  CreateProject("demo");
  RunningService("demo", "connect", "kafka_connect", "startup-4");
  Advance(5);  // past Kafka Connect's warm-up after RUNNING
  TestApi& a = api();
  const std::string S = ServicePath("demo", "connect");

  const ApiResponse available = a.Get(S + "/available-connectors");
  ASSERT_EQ(available.status, 200) << available.Describe();
  ASSERT_FALSE(available.body["plugins"].empty());
  for (const auto& p : available.body["plugins"]) {
    ExpectKeys(p, {"class", "title", "type", "version", "author", "docURL"}, "plugins[]");
  }

  const json config = {{"name", "sink"},
                       {"connector.class", "io.aiven.connect.jdbc.JdbcSinkConnector"},
                       {"topics", "orders"}};
  const ApiResponse created = a.Post(S + "/connectors", config);
  ASSERT_EQ(created.status, 200) << created.Describe();
  ExpectKeys(created.body["connector"], {"name", "config", "plugin", "tasks"}, "connector");

  const ApiResponse list = a.Get(S + "/connectors");
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.body["connectors"].size(), 1u);
  const json& listed = list.body["connectors"][0];
  ExpectKeys(listed, {"name", "config", "plugin", "tasks"}, "connectors[]");
  EXPECT_EQ(listed["name"], "sink");

  Advance(2);
  const ApiResponse status = a.Get(S + "/connectors/sink/status");
  ASSERT_EQ(status.status, 200) << status.Describe();
  ExpectKeys(status.body["status"], {"state", "tasks"}, "status");
  for (const auto& t : status.body["status"]["tasks"])
    ExpectKeys(t, {"id", "state", "trace"}, "tasks[]");

  json merged = listed["config"];
  merged["topics"] = "orders,refunds";
  const ApiResponse updated = a.Put(S + "/connectors/sink", merged);
  ASSERT_EQ(updated.status, 200) << updated.Describe();
  EXPECT_EQ(updated.body["connector"]["config"]["topics"], "orders,refunds");

  const ApiResponse deleted = a.Delete(S + "/connectors/sink");
  ASSERT_EQ(deleted.status, 200) << deleted.Describe();
  ExpectKeys(deleted.body, {"message"}, "delete answer");
  EXPECT_TRUE(a.Get(S + "/connectors").body["connectors"].empty());
}

}  // namespace
}  // namespace aivenctl::testing
