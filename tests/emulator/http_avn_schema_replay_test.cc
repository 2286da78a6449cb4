// Replays what Aiven's CLI sends for `avn service schema create / check / subject-list /
// subject-version list / subject-version get / configuration / subject-delete`
// (aiven-client, client.py: create_schema_subject_version, check_schema_compatibility,
// list_schema_subjects, list_schema_subject_versions, get_schema_subject_version,
// update_schema_subject_configuration, delete_schema_subject). avn sends {"schema": text}
// without schemaType, quotes each path segment (safe=""), and reads every answer as JSON
// ("error" in it fails), so the keys it prints must be there.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

using AvnSchemaReplay = HttpTest;

TEST_F(AvnSchemaReplay, SchemaCommands) {
  CreateProject("demo");
  ASSERT_EQ(CreateService("demo", "kafka", "kafka", "business-4",
                          {{"user_config", {{"schema_registry", true}}}})
                .status,
            200);
  ASSERT_GE(WaitRunning("demo", "kafka"), 0);
  const std::string S = "/v1/project/demo/service/kafka/kafka/schema";
  const std::string schema =
      R"({"type": "record", "name": "Click", "fields": [{"name": "url", "type": "string"}]})";

  // avn service schema create demo kafka --subject web.clicks-value --schema '...'
  ApiResponse r = api().Post(S + "/subjects/web.clicks-value/versions", {{"schema", schema}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_TRUE(r.body["id"].is_number_integer()) << r.Describe();
  EXPECT_FALSE(r.body.contains("error"));

  // avn service schema check ... --version latest --schema '...'
  r = api().Post(S + "/compatibility/subjects/web.clicks-value/versions/latest",
                 {{"schema", schema}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["is_compatible"], true);

  // avn service schema subject-list
  r = api().Get(S + "/subjects");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["subjects"], json::array({"web.clicks-value"}));

  // avn service schema subject-version list --subject web.clicks-value
  r = api().Get(S + "/subjects/web.clicks-value/versions");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["versions"], json::array({1}));

  // avn service schema subject-version get --subject web.clicks-value --version 1
  r = api().Get(S + "/subjects/web.clicks-value/versions/1");
  ASSERT_EQ(r.status, 200) << r.Describe();
  for (const char* key : {"subject", "version", "id", "schema"}) {
    EXPECT_TRUE(r.body["version"].contains(key)) << key << ": " << r.Describe();
  }

  // avn service schema configuration --subject web.clicks-value --compatibility FORWARD
  r = api().Put(S + "/config/web.clicks-value", {{"compatibility", "FORWARD"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["compatibility"], "FORWARD");
  r = api().Get(S + "/config/web.clicks-value");
  EXPECT_EQ(r.body["compatibilityLevel"], "FORWARD");

  // avn service schema subject-delete --subject web.clicks-value
  r = api().Delete(S + "/subjects/web.clicks-value");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body.is_object()) << r.Describe();
  EXPECT_FALSE(r.body.contains("error"));
  r = api().Get(S + "/subjects/web.clicks-value/versions");
  EXPECT_EQ(r.status, 404) << r.Describe();
  EXPECT_EQ(ErrorCode(r), "40401");
}

}  // namespace
}  // namespace aivenctl::testing
