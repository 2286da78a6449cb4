// Aiven's schema marks over real HTTP: a service's `_secure` user_config members are
// redacted unless include_secrets=true, and a change to a `create_only` member is refused.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class AivenSchemaMarks : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1", {{"cloud", "aws-eu-west-1"}});
  }
};

TEST_F(AivenSchemaMarks, SecureMembersAreRedactedUnlessAskedFor) {
  const json uc = {
      {"migration", {{"host", "db.example.com"}, {"port", 5432}, {"password", "m1gr4te-secret"}}},
      {"backup_hour", 3}};
  const ApiResponse r = CreateService("p1", "pg1", "pg", "startup-4", {{"user_config", uc}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["user_config"]["migration"]["password"], "<redacted>");
  EXPECT_EQ(r.raw.find("m1gr4te-secret"), std::string::npos) << r.raw;
  json plain = GetService("p1", "pg1");
  EXPECT_EQ(plain["user_config"]["migration"]["password"], "<redacted>");
  EXPECT_EQ(plain["user_config"]["migration"]["host"], "db.example.com");
  EXPECT_EQ(plain["user_config"]["backup_hour"], 3);
  EXPECT_EQ(GetService("p1", "pg1", true)["user_config"]["migration"]["password"],
            "m1gr4te-secret");
}

TEST_F(AivenSchemaMarks, CreateOnlyMembersRefuseAChange) {
  const ApiResponse r = CreateService("p1", "pg1", "pg", "startup-4",
                                      {{"user_config", {{"admin_username", "root"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_GE(WaitRunning("p1", "pg1"), 0);
  ApiResponse same =
      api().Put(ServicePath("p1", "pg1"), {{"user_config", {{"admin_username", "root"}}}});
  EXPECT_EQ(same.status, 200) << same.Describe();
  ExpectError(api().Put(ServicePath("p1", "pg1"), {{"user_config", {{"admin_username", "boss"}}}}),
              400,
              "Invalid 'user_config.admin_username': can only be set when the service is "
              "created");
  EXPECT_EQ(GetService("p1", "pg1")["user_config"]["admin_username"], "root");
}

TEST_F(AivenSchemaMarks, IntegrationUserConfigFollowsAivensSchema) {
  RunningService("p1", "pg1", "pg", "startup-4");
  RunningService("p1", "pg2", "pg", "startup-4");
  json body = {{"integration_type", "metrics"},
               {"source_service", "pg1"},
               {"dest_service", "pg2"},
               {"user_config", {{"retention_days", 20000}}}};
  ExpectErrorContaining(api().Post("/v1/project/p1/integration", body), 400,
                        "Invalid 'user_config.retention_days': 20000 is greater than the maximum "
                        "of 10000");
  body["user_config"] = {{"retention_days", 30}};
  EXPECT_EQ(api().Post("/v1/project/p1/integration", body).status, 200);
}

}  // namespace
}  // namespace aivenctl::testing
