// Service users, databases and Kafka topics over real HTTP.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class Users : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    RunningService("p1", "pg1", "pg", "startup-4");
  }
  std::string base() { return ServicePath("p1", "pg1") + "/user"; }
};

TEST_F(Users, CreateGetDelete) {
  const ApiResponse r = api().Post(base(), {{"username", "u1"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json& u = r.body["user"];
  EXPECT_EQ(u["username"], "u1");
  EXPECT_EQ(u["type"], "regular");
  const std::string pw = u["password"];
  EXPECT_NE(pw, "<redacted>");
  EXPECT_GE(pw.size(), 8u);

  const ApiResponse get = api().Get(base() + "/u1");
  ASSERT_EQ(get.status, 200) << get.Describe();
  EXPECT_EQ(get.body["user"]["password"], "<redacted>");
  const ApiResponse get_secret = api().Get(base() + "/u1?include_secrets=true");
  EXPECT_EQ(get_secret.body["user"]["password"], pw);

  // Users appear in the service object.
  const json s = GetService("p1", "pg1");
  ASSERT_EQ(s["users"].size(), 2u);

  ExpectErrorContaining(api().Post(base(), {{"username", "u1"}}), 409, "already exists");
  ExpectErrorContaining(api().Post(base(), {{"username", "bad name!"}}), 400, "Username");
  ExpectErrorContaining(api().Post(base(), {{"username", std::string(65, 'a')}}), 400, "Username");
  ExpectErrorContaining(api().Post(base(), json::object()), 400, "username");
  ExpectErrorContaining(api().Post(base(), {{"username", 7}}), 400, "username");

  const ApiResponse del = api().Delete(base() + "/u1");
  ASSERT_EQ(del.status, 200) << del.Describe();
  EXPECT_EQ(api().Get(base() + "/u1").status, 404);
  EXPECT_EQ(api().Delete(base() + "/u1").status, 404);
  // The primary user cannot be deleted.
  const ApiResponse primary = api().Delete(base() + "/avnadmin");
  EXPECT_EQ(primary.status, 400) << primary.Describe();
  EXPECT_EQ(GetService("p1", "pg1")["users"].size(), 1u);
  EXPECT_EQ(api().Post(ServicePath("p1", "nope") + "/user", {{"username", "u1"}}).status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ServiceUserCreate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceUserGet"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceUserDelete"), 1);
}

TEST_F(Users, CredentialOperationsReturnTheService) {
  const std::string pw0 = api().Post(base(), {{"username", "u1"}}).body["user"]["password"];
  ApiResponse r = api().Put(base() + "/u1", {{"operation", "reset-credentials"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_TRUE(r.body.contains("service")) << "PUT user returns {service}";
  EXPECT_EQ(r.body["service"]["service_name"], "pg1");
  const std::string pw1 = api().Get(base() + "/u1?include_secrets=true").body["user"]["password"];
  EXPECT_NE(pw1, pw0);

  r = api().Put(base() + "/u1",
                {{"operation", "reset-credentials"}, {"new_password", "Sup3rSecretPw"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(api().Get(base() + "/u1?include_secrets=true").body["user"]["password"],
            "Sup3rSecretPw");
  ExpectErrorContaining(
      api().Put(base() + "/u1", {{"operation", "reset-credentials"}, {"new_password", "short"}}),
      400, "new_password");

  r = api().Put(base() + "/u1", {{"operation", "set-access-control"},
                                 {"access_control", {{"pg_allow_replication", true}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body.contains("service"));
  EXPECT_EQ(api().Get(base() + "/u1").body["user"]["access_control"]["pg_allow_replication"], true);
  ExpectErrorContaining(api().Put(base() + "/u1", {{"operation", "explode"}}), 400, "explode");
  EXPECT_EQ(api().Put(base() + "/nope", {{"operation", "reset-credentials"}}).status, 404);

  r = api().Put(base() + "/u1/credentials/reset");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body.contains("service"));
  EXPECT_NE(api().Get(base() + "/u1?include_secrets=true").body["user"]["password"],
            "Sup3rSecretPw");
  EXPECT_GE(TestApi::ValidatedCount("ServiceUserCredentialsModify"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceUserCredentialsReset"), 1);
}

TEST_F(Users, ChildrenOnABuildingServiceAre503) {
  ASSERT_EQ(CreateService("p1", "pg2", "pg", "startup-4").status, 200);
  ASSERT_EQ(State("p1", "pg2"), "REBUILDING");
  EXPECT_EQ(api().Post(ServicePath("p1", "pg2") + "/user", {{"username", "u1"}}).status, 503);
  EXPECT_EQ(api().Post(ServicePath("p1", "pg2") + "/db", {{"database", "d1"}}).status, 503);
  // avnadmin is there from the start.
  EXPECT_EQ(api().Get(ServicePath("p1", "pg2") + "/user/avnadmin").status, 200);
}

using Databases = Users;

TEST_F(Databases, ListCreateDelete) {
  const std::string db = ServicePath("p1", "pg1") + "/db";
  ApiResponse r = api().Get(db);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["databases"], json::array({{{"database_name", "defaultdb"},
                                               {"lc_collate", "en_US.UTF-8"},
                                               {"lc_ctype", "en_US.UTF-8"}}}));
  r = api().Post(db, {{"database", "appdb"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body["message"].is_string());
  EXPECT_EQ(api().Get(db).body["databases"].size(), 2u);
  EXPECT_EQ(GetService("p1", "pg1")["databases"], json::array({"appdb", "defaultdb"}));
  ExpectErrorContaining(api().Post(db, {{"database", "appdb"}}), 409, "already exists");
  ExpectErrorContaining(api().Post(db, {{"database", "bad name"}}), 400, "Database name");
  ExpectErrorContaining(api().Post(db, {{"database", std::string(41, 'd')}}), 400, "Database name");
  ExpectErrorContaining(api().Post(db, json::object()), 400, "database");
  EXPECT_EQ(api().Get(db + "?limit=999").status, 200);
  r = api().Delete(db + "/appdb");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(api().Delete(db + "/appdb").status, 404);
  EXPECT_EQ(api().Get(ServicePath("p1", "nope") + "/db").status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ServiceDatabaseList"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceDatabaseCreate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceDatabaseDelete"), 1);
}

TEST_F(Databases, KafkaHasNone) {
  RunningService("p1", "k1", "kafka", "startup-2");
  const ApiResponse r = api().Get(ServicePath("p1", "k1") + "/db");
  EXPECT_EQ(r.status, 400) << r.Describe();
  EXPECT_EQ(api().Post(ServicePath("p1", "k1") + "/db", {{"database", "d"}}).status, 400);
}

class Topics : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    RunningService("p1", "k1", "kafka", "startup-2");
  }
  std::string base() { return ServicePath("p1", "k1") + "/topic"; }
  /// avn's exact topic-create body.
  static json AvnTopic(const std::string& name, int partitions, int replication) {
    return {{"cleanup_policy", "delete"}, {"min_insync_replicas", nullptr},
            {"topic_name", name},         {"partitions", partitions},
            {"replication", replication}, {"retention_bytes", nullptr},
            {"retention_hours", nullptr}, {"tags", json::array()}};
  }
};

TEST_F(Topics, CreateListGetShapes) {
  ApiResponse r = api().Post(base(), AvnTopic("t1", 3, 2));
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body["message"].is_string());
  json body = AvnTopic("t2", 1, 3);
  body["config"] = {{"retention_ms", 3600000}, {"cleanup_policy", "compact"}};
  body["tags"] = json::array({{{"key", "owner"}, {"value", "me"}}});
  body.erase("cleanup_policy");
  r = api().Post(base(), body);
  ASSERT_EQ(r.status, 200) << r.Describe();

  r = api().Get(base());
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_EQ(r.body["topics"].size(), 2u);
  for (const auto& t : r.body["topics"]) {
    EXPECT_TRUE(t["partitions"].is_number_integer()) << "list: partitions is an int";
    for (const char* key : {"topic_name", "replication", "min_insync_replicas", "retention_bytes",
                            "retention_hours", "cleanup_policy", "tags", "state"})
      EXPECT_TRUE(t.contains(key)) << key;
    EXPECT_EQ(t["state"], "CONFIGURING");
  }
  Advance(1.5);
  r = api().Get(base() + "/t2");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json& t = r.body["topic"];
  EXPECT_EQ(t["state"], "ACTIVE");
  ASSERT_TRUE(t["partitions"].is_array()) << "get: partitions is an array";
  ASSERT_EQ(t["partitions"].size(), 1u);
  for (const char* key :
       {"partition", "isr", "size", "earliest_offset", "latest_offset", "consumer_groups"})
    EXPECT_TRUE(t["partitions"][0].contains(key)) << key;
  EXPECT_EQ(t["config"]["retention_ms"]["value"], 3600000);
  EXPECT_EQ(t["config"]["retention_ms"]["source"], "topic_config");
  EXPECT_EQ(t["config"]["cleanup_policy"]["value"], "compact");
  EXPECT_EQ(t["config"]["segment_bytes"]["source"], "default_config");
  EXPECT_EQ(t["cleanup_policy"], "compact");
  EXPECT_EQ(t["retention_hours"], 1);
  EXPECT_EQ(t["tags"], json::array({{{"key", "owner"}, {"value", "me"}}}));
  const ApiResponse t1 = api().Get(base() + "/t1");
  EXPECT_EQ(t1.body["topic"]["partitions"].size(), 3u);
  EXPECT_EQ(t1.body["topic"]["replication"], 2);
  EXPECT_EQ(t1.body["topic"]["retention_hours"], 168);
  ExpectErrorContaining(api().Get(base() + "/nope"), 404, "nope");
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaTopicList"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaTopicGet"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaTopicCreate"), 2);
}

TEST_F(Topics, CreateErrors) {
  // startup-2 has 3 brokers.
  ExpectError(api().Post(base(), AvnTopic("t1", 1, 4)), 409,
              "Cluster only has 3 broker(s), cannot set replication factor to 4");
  ExpectError(api().Post(base(), AvnTopic("t1", 1, 1)), 400,
              "Replication factor must be set to at least two");
  json bad_config = AvnTopic("t1", 1, 2);
  bad_config["config"] = {{"retention.ms", 1}};
  const ApiResponse bc = api().Post(base(), bad_config);
  ExpectErrorContaining(bc, 400, "retention.ms");
  EXPECT_EQ(ErrorCode(bc), "kafka_topic_invalid_config");
  ExpectErrorContaining(api().Post(base(), AvnTopic("bad name", 1, 2)), 400, "Topic name");
  ExpectErrorContaining(api().Post(base(), AvnTopic(std::string(250, 't'), 1, 2)), 400,
                        "Topic name");
  ExpectErrorContaining(api().Post(base(), AvnTopic("t1", 0, 2)), 400, "partitions");
  ASSERT_EQ(api().Post(base(), AvnTopic("t1", 1, 2)).status, 200);
  const ApiResponse dup = api().Post(base(), AvnTopic("t1", 1, 2));
  ExpectErrorContaining(dup, 409, "already exists");
  EXPECT_EQ(ErrorCode(dup), "kafka_topic_already_exists");
  // Non-kafka service.
  RunningService("p1", "pg1", "pg", "startup-4");
  EXPECT_EQ(api().Post(ServicePath("p1", "pg1") + "/topic", AvnTopic("t1", 1, 2)).status, 400);
  // Kafka not RUNNING yet.
  ASSERT_EQ(CreateService("p1", "k2", "kafka", "startup-2").status, 200);
  const ApiResponse building = api().Post(ServicePath("p1", "k2") + "/topic", AvnTopic("t1", 1, 2));
  EXPECT_EQ(building.status, 503) << building.Describe();
}

TEST_F(Topics, UpdateAndDelete) {
  ASSERT_EQ(api().Post(base(), AvnTopic("t1", 1, 2)).status, 200);
  // avn's update body: nulls for unset values.
  ApiResponse r = api().Put(base() + "/t1", {{"partitions", 4},
                                             {"min_insync_replicas", nullptr},
                                             {"replication", nullptr},
                                             {"retention_bytes", nullptr},
                                             {"retention_hours", 48},
                                             {"config", {{"cleanup_policy", "compact"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body["message"].is_string()) << "avn prints response[\"message\"]";
  const json t = api().Get(base() + "/t1").body["topic"];
  EXPECT_EQ(t["partitions"].size(), 4u);
  EXPECT_EQ(t["replication"], 2);
  EXPECT_EQ(t["retention_hours"], 48);
  EXPECT_EQ(t["cleanup_policy"], "compact");
  ExpectErrorContaining(api().Put(base() + "/t1", {{"cleanup_policy", "delete"}}), 400,
                        "cleanup_policy");
  ExpectErrorContaining(api().Put(base() + "/t1", {{"partitions", 2}}), 400, "partitions");
  ExpectError(api().Put(base() + "/t1", {{"replication", 5}}), 409,
              "Cluster only has 3 broker(s), cannot set replication factor to 5");
  ExpectErrorContaining(api().Put(base() + "/t1", {{"config", {{"nonsense_key", 1}}}}), 400,
                        "nonsense_key");
  EXPECT_EQ(api().Put(base() + "/nope", {{"partitions", 4}}).status, 404);

  r = api().Delete(base() + "/t1");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body["message"].is_string()) << "avn prints response[\"message\"]";
  const ApiResponse gone = api().Delete(base() + "/t1");
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(ErrorCode(gone), "kafka_topic_not_found");
  const ApiResponse reserved = api().Delete(base() + "/__consumer_offsets");
  EXPECT_EQ(reserved.status, 409) << reserved.Describe();
  EXPECT_EQ(ErrorCode(reserved), "kafka_topic_reserved");
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaTopicUpdate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaTopicDelete"), 1);
}

TEST_F(Topics, V2BatchRead) {
  ASSERT_EQ(api().Post(base(), AvnTopic("t1", 2, 2)).status, 200);
  ASSERT_EQ(api().Post(base(), AvnTopic("t2", 1, 2)).status, 200);
  const std::string v2 = "/v2/project/p1/service/k1/topic";
  ApiResponse r = api().Post(v2, {{"topic_names", {"t1", "t2"}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_EQ(r.body["topics"].size(), 2u);
  EXPECT_TRUE(r.body["topics"][0]["partitions"].is_array());
  EXPECT_TRUE(r.body["topics"][0]["config"]["retention_ms"].contains("value"));
  // Each item is exactly the GET shape (REFERENCE §5.7), whatever the order asked.
  r = api().Post(v2, {{"topic_names", {"t2", "t1"}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  for (const auto& item : r.body["topics"]) {
    const std::string name = item["topic_name"];
    EXPECT_EQ(item, api().Get(base() + "/" + name).body["topic"]) << name;
  }
  ASSERT_EQ(api().Put(base() + "/t1", {{"config", {{"retention_ms", 3600000}}}}).status, 200);
  r = api().Post(v2, {{"topic_names", {"t1"}}});
  ASSERT_EQ(r.body["topics"].size(), 1u);
  EXPECT_EQ(r.body["topics"][0]["config"]["retention_ms"],
            json({{"value", 3600000}, {"source", "topic_config"}, {"synonyms", json::array()}}));
  EXPECT_EQ(r.body["topics"][0]["config"]["segment_bytes"]["source"], "default_config");
  EXPECT_EQ(r.body["topics"][0]["partitions"].size(), 2u);
  r = api().Post(v2, {{"topic_names", {"t1", "missing"}}});
  EXPECT_EQ(r.status, 404) << "one missing topic makes the whole call 404: " << r.Describe();
  EXPECT_EQ(api().Post(v2, json::object()).status, 400);
  EXPECT_EQ(api().Post("/v2/project/p1/service/nope/topic", {{"topic_names", {"t1"}}}).status, 404);
}

}  // namespace
}  // namespace aivenctl::testing
