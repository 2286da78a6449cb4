// Kafka and Schema Registry ACLs over real HTTP: Aiven's default entries, add/list/delete
// with the whole list in each answer, Aiven's error shapes, the requests `avn service
// acl-add / acl-list / acl-delete` send (aiven-client's client.py), answers checked against
// the OpenAPI description.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class Acls : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    RunningService("p1", "k1", "kafka", "startup-2");
  }
  std::string base() { return ServicePath("p1", "k1") + "/acl"; }
  std::string registry() { return ServicePath("p1", "k1") + "/kafka/schema-registry/acl"; }
};

TEST_F(Acls, AKafkaServiceStartsWithAivensDefaultEntries) {
  const json s = GetService("p1", "k1");
  EXPECT_EQ(s["acl"], json::parse(R"([{"id":"default","permission":"admin","topic":"*",)"
                                  R"("username":"avnadmin"}])"));
  ASSERT_EQ(s["schema_registry_acl"].size(), 2u) << s["schema_registry_acl"].dump();
  EXPECT_EQ(s["schema_registry_acl"][0]["resource"], "Config:");
  EXPECT_EQ(s["schema_registry_acl"][1]["resource"], "Subject:*");
  const ApiResponse list = api().Get(registry());
  ASSERT_EQ(list.status, 200) << list.Describe();
  EXPECT_EQ(list.body["acl"], s["schema_registry_acl"]);
}

// avn service acl-add / acl-list / acl-delete, as client.py sends them.
TEST_F(Acls, AvnAddListDeleteReplay) {
  const ApiResponse added =
      api().Post(base(), {{"permission", "read"}, {"topic", "events-*"}, {"username", "app-*"}});
  ASSERT_EQ(added.status, 200) << added.Describe();
  ASSERT_EQ(added.body["acl"].size(), 2u) << added.Describe();
  json entry;
  for (const auto& a : added.body["acl"]) {
    if (a["username"] == "app-*") entry = a;
  }
  ASSERT_TRUE(entry.is_object()) << added.Describe();
  EXPECT_EQ(entry["topic"], "events-*");
  const std::string id = entry["id"];
  EXPECT_EQ(id.rfind("acl", 0), 0u) << id;

  // acl-list reads the service object's "acl".
  EXPECT_EQ(GetService("p1", "k1")["acl"], added.body["acl"]);
  EXPECT_EQ(api().Get(base()).body["acl"], added.body["acl"]);

  const ApiResponse deleted = api().Delete(base() + "/" + id);
  ASSERT_EQ(deleted.status, 200) << deleted.Describe();
  EXPECT_EQ(deleted.body["acl"].size(), 1u);
  const ApiResponse again = api().Delete(base() + "/" + id);
  ExpectError(again, 404, "ACL entry '" + id + "' not found");
  EXPECT_EQ(ErrorCode(again), "service_acl_not_found");
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaAclAdd"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaAclList"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaAclDelete"), 1);
}

TEST_F(Acls, SchemaRegistryAddAndDelete) {
  const ApiResponse added = api().Post(registry(), {{"permission", "schema_registry_read"},
                                                    {"resource", "Subject:events-*"},
                                                    {"username", "app-*"}});
  ASSERT_EQ(added.status, 200) << added.Describe();
  ASSERT_EQ(added.body["acl"].size(), 3u);
  std::string id;
  for (const auto& a : added.body["acl"]) {
    if (a["username"] == "app-*") id = a["id"];
  }
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(GetService("p1", "k1")["schema_registry_acl"].size(), 3u);
  ASSERT_EQ(api().Delete(registry() + "/" + id).status, 200);
  EXPECT_EQ(api().Delete(registry() + "/" + id).status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ServiceSchemaRegistryAclAdd"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceSchemaRegistryAclDelete"), 1);
}

TEST_F(Acls, BadInputIsRefusedWithAivensShapes) {
  ExpectError(api().Post(base(), {{"permission", "raed"}, {"topic", "t"}, {"username", "u"}}), 400,
              "Invalid input for permission: \"raed\" is not one of \"admin\", \"read\", "
              "\"readwrite\", \"write\"");
  ExpectErrorContaining(api().Post(base(), {{"permission", "read"}, {"username", "u"}}), 400,
                        "topic");
  ExpectErrorContaining(
      api().Post(base(),
                 {{"permission", "read"}, {"topic", "t"}, {"username", std::string(65, 'u')}}),
      400, "username");
  ExpectErrorContaining(
      api().Post(registry(),
                 {{"permission", "read"}, {"resource", "Subject:x"}, {"username", "u"}}),
      400, "schema_registry_read");
  EXPECT_EQ(api().Get(ServicePath("p1", "nope") + "/acl").status, 404);
  RunningService("p1", "pg1", "pg", "startup-4");
  ExpectErrorContaining(api().Get(ServicePath("p1", "pg1") + "/acl"), 400, "not a Kafka service");
  EXPECT_FALSE(GetService("p1", "pg1").contains("acl"));
}

}  // namespace
}  // namespace aivenctl::testing
