// Hand-written bodies shaped as REFERENCE §5 describes, checked against the committed
// subset of Aiven's openapi.json: the correct ones pass, mutated ones fail with the
// expected message.

#include <cctype>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/spec_test_fixture.h"

#include "support/openapi.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Conformance, SpecAvailable) {
  auto shared = OpenApiSpec::Shared();
  ASSERT_TRUE(shared.ok()) << "OpenAPI description unavailable: " << shared.status().message();
  // Every operation the subset lists in x-source has its path and method in "paths".
  const json& doc = shared.value()->document();
  const json& listed = doc["x-source"]["operations"];
  ASSERT_TRUE(listed.is_array());
  EXPECT_GE(listed.size(), 90u);
  for (const json& op : listed) {
    const std::string path = op["path"].get<std::string>();
    std::string method = op["method"].get<std::string>();
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(doc["paths"].contains(path)) << path;
    EXPECT_EQ(doc["paths"][path][method]["operationId"], op["operationId"]) << path;
  }
}

class ConformanceTest : public SpecTest {
 protected:
  std::vector<std::string> Errors(const char* method, const char* path, int status,
                                  const json& body) {
    ResponseCheck check = spec_->ValidateResponse(method, path, status, body);
    EXPECT_EQ(check.kind, CheckKind::kValidated) << check.note;
    return check.errors;
  }
};

// A pg service as REFERENCE §5.4 describes it, outside a VPC (project_vpc_id null).
json PgService() {
  return json::parse(R"({
    "service_name": "pg", "service_type": "pg", "plan": "startup-4",
    "cloud_name": "google-europe-west1", "cloud_description": "Europe, Belgium - Google Cloud",
    "state": "RUNNING", "create_time": "2026-11-28T16:00:00Z",
    "update_time": "2026-11-28T16:05:00Z", "project_vpc_id": null,
    "service_uri": "postgres://avnadmin:<redacted>@pg-p1.aivencloud.com:12691/defaultdb?sslmode=require",
    "service_uri_params": {"dbname": "defaultdb", "host": "pg-p1.aivencloud.com",
                           "password": "<redacted>", "port": "12691", "sslmode": "require",
                           "user": "avnadmin"},
    "user_config": {"pg_version": "16"}, "termination_protection": false,
    "service_integrations": [], "group_list": ["default"],
    "node_count": 1, "node_cpu_count": 2, "node_memory_mb": 4096.0, "disk_space_mb": 81920,
    "node_states": [{"name": "pg-1", "state": "running",
                     "availability_zone": "europe-west1-b", "role": "master"}],
    "users": [{"username": "avnadmin", "type": "primary", "password": "<redacted>"},
              {"username": "app", "type": "regular", "password": null,
               "authentication": null}],
    "databases": ["defaultdb"],
    "backups": [{"backup_name": "backup-1", "backup_time": "2026-11-28T16:10:00Z",
                 "data_size": 1024}],
    "components": [{"component": "pg", "host": "pg-p1.aivencloud.com", "port": 12691,
                    "route": "dynamic", "usage": "primary", "ssl": true}],
    "maintenance": {"dow": "sunday", "time": "02:00:00", "updates": []},
    "connection_info": {"pg": ["postgres://..."], "pg_params": [{"port": "12691"}]},
    "tags": {"owner": "ci"}, "tech_emails": [], "features": {}, "metadata": {},
    "an_undocumented_field": 1
  })");
}

// A project as REFERENCE §5.2 describes it.
json Project() {
  return json::parse(R"({
    "project_name": "p1", "account_id": "a1b2c3d4e5f6", "account_name": "Acme",
    "organization_id": "org1b2c3d4e5f6", "default_cloud": "google-europe-west1",
    "billing_group_id": "11111111-2222-3333-4444-555555555555",
    "billing_group_name": "Default billing group", "billing_address": "",
    "billing_emails": [], "country": "", "country_code": "", "estimated_balance": "4.11",
    "payment_method": "no_payment_expected", "vat_id": "", "tenant_id": "aiven",
    "tags": {}, "tech_emails": [{"email": "ops@example.com"}], "features": {}
  })");
}

TEST_F(ConformanceTest, RealisticServicePassesServiceGet) {
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", PgService()}}),
              IsEmpty());
  EXPECT_THAT(
      Errors("GET", "/v1/project/p1/service", 200, {{"services", json::array({PgService()})}}),
      IsEmpty());
  EXPECT_THAT(Errors("PUT", "/v1/project/p1/service/pg/user/app", 200, {{"service", PgService()}}),
              IsEmpty())
      << "user modify returns the whole service (REFERENCE §5.5)";
}

TEST_F(ConformanceTest, ServiceWithWrongTypeFails) {
  json service = PgService();
  service["state"] = 3;
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", service}}),
              ElementsAre("ServiceGet 200: /service/state: expected string, got integer"));
  service = PgService();
  service["node_count"] = "1";
  service["users"][0]["type"] = nullptr;
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", service}}),
              ElementsAre("ServiceGet 200: /service/node_count: expected integer, got string",
                          "ServiceGet 200: /service/users/0/type: expected string, got null"));
}

TEST_F(ConformanceTest, ServiceMissingRequiredFails) {
  json service = PgService();
  service.erase("group_list");
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", service}}),
              ElementsAre("ServiceGet 200: /service: missing required property \"group_list\""));
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, json::object()),
              ElementsAre("ServiceGet 200: /: missing required property \"service\""));
}

TEST_F(ConformanceTest, ServiceStateOutsideEnumFails) {
  json service = PgService();
  service["state"] = "BUILDING";
  auto errors = Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", service}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], ::testing::StartsWith(
                             "ServiceGet 200: /service/state: value \"BUILDING\" not in enum"));
}

TEST_F(ConformanceTest, NullOnlyWhereTheAllowlistSaysSo) {
  json service = PgService();
  service["project_vpc_id"] = nullptr;
  service["service_uri"] = nullptr;
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", service}}), IsEmpty());
  service["plan"] = nullptr;
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/pg", 200, {{"service", service}}),
              ElementsAre("ServiceGet 200: /service/plan: expected string, got null"));
  // A VPC's own id is never null.
  json vpc = {{"project_vpc_id", nullptr},
              {"cloud_name", "google-europe-west1"},
              {"network_cidr", "10.0.0.0/24"},
              {"state", "ACTIVE"},
              {"create_time", "2026-11-28T16:00:00Z"},
              {"update_time", "2026-11-28T16:00:00Z"},
              {"peering_connections", json::array()}};
  EXPECT_THAT(Errors("GET", "/v1/project/p1/vpcs/x", 200, vpc),
              ElementsAre("VpcGet 200: /project_vpc_id: expected string, got null"));
}

TEST_F(ConformanceTest, ProjectPassesProjectGet) {
  EXPECT_THAT(Errors("GET", "/v1/project/p1", 200, {{"project", Project()}}), IsEmpty());
  EXPECT_THAT(Errors("POST", "/v1/project", 200, {{"project", Project()}}), IsEmpty());
}

TEST_F(ConformanceTest, MutatedProjectFails) {
  json project = Project();
  project["estimated_balance"] = 4.11;
  project.erase("vat_id");
  EXPECT_THAT(
      Errors("GET", "/v1/project/p1", 200, {{"project", project}}),
      ElementsAre("ProjectGet 200: /project: missing required property \"vat_id\"",
                  "ProjectGet 200: /project/estimated_balance: expected string, got number"));
}

TEST_F(ConformanceTest, DeclaredErrorResponseIsValidated) {
  const json not_found = {{"message", "Topic orders not found"},
                          {"errors", json::array({{{"message", "Topic orders not found"},
                                                   {"status", 404},
                                                   {"error_code", "kafka_topic_not_found"}}})}};
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/k/topic/orders", 404, not_found), IsEmpty());
  json bad = not_found;
  bad["message"] = 404;
  EXPECT_THAT(Errors("GET", "/v1/project/p1/service/k/topic/orders", 404, bad),
              ElementsAre("ServiceKafkaTopicGet 404: /message: expected string, got integer"));
}

}  // namespace
}  // namespace aivenctl::testing
