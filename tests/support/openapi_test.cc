// OpenApiSpec against the committed subset of Aiven's openapi.json (a failure when absent).

#include "support/openapi.h"

#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/spec_test_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class OpenApiTest : public SpecTest {
 protected:
};

struct PathCase {
  const char* method;
  const char* path;
  const char* operation_id;
};

TEST_F(OpenApiTest, FindOperationMapsConcretePaths) {
  const PathCase cases[] = {
      {"GET", "/v1/clouds", "ListClouds"},
      {"GET", "/v1/project/p1/clouds", "ListProjectClouds"},
      {"GET", "/v1/service_types", "ListPublicServiceTypes"},
      {"GET", "/v1/project/p1/service_types", "ListProjectServiceTypes"},
      {"GET", "/v1/project/p1/service-types", "ProjectServiceTypesList"},
      {"GET", "/v1/project/p1/service-types/pg/plans/startup-4", "ProjectServicePlanSpecsGet"},
      {"GET", "/v1/project", "ProjectList"},
      {"POST", "/v1/project", "ProjectCreate"},
      {"GET", "/v1/project/p1", "ProjectGet"},
      {"DELETE", "/v1/project/p1", "ProjectDelete"},
      {"PATCH", "/v1/project/p1/tags", "ProjectTagsUpdate"},
      {"GET", "/v1/project/p1/service", "ServiceList"},
      {"GET", "/v1/project/p1/service/pg?include_secrets=true", "ServiceGet"},
      {"put", "/v1/project/p1/service/pg", "ServiceUpdate"},
      {"PATCH", "/v1/project/p1/service/pg/service_type", "ServiceServiceTypeUpdate"},
      {"POST", "/v1/project/p1/service/pg/user", "ServiceUserCreate"},
      {"PUT", "/v1/project/p1/service/pg/user/app", "ServiceUserCredentialsModify"},
      {"PUT", "/v1/project/p1/service/pg/user/app/credentials/reset",
       "ServiceUserCredentialsReset"},
      {"DELETE", "/v1/project/p1/service/pg/db/app", "ServiceDatabaseDelete"},
      {"GET", "/v1/project/p1/service/kafka/topic/orders", "ServiceKafkaTopicGet"},
      {"POST", "/v1/project/p1/integration", "ServiceIntegrationCreate"},
      {"GET", "/v1/project/p1/integration/abc-123", "ServiceIntegrationGet"},
      {"GET", "/v1/project/p1/integration_endpoint/e1", "ServiceIntegrationEndpointGet"},
      {"GET", "/v1/project/p1/vpcs/1111-2222", "VpcGet"},
      {"POST", "/v1/project/p1/vpcs", "VpcCreate"},
      {"GET", "/v1/organization/org1", "OrganizationGet"},
      {"POST", "/v1/project/p1/service/pg/connection_pool", "ServicePGBouncerCreate"},
      {"POST", "/v1/project/p1/service/k/connectors/c1/pause", "ServiceKafkaConnectPauseConnector"},
      {"GET", "/v1/project/p1/service/k/kafka/schema/subjects/s1/versions/3",
       "ServiceSchemaRegistrySubjectVersionGet"},
      {"DELETE", "/v1/project/p1/service/ch/clickhouse/db/analytics",
       "ServiceClickHouseDatabaseDelete"},
  };
  for (const auto& c : cases) {
    auto match = spec_->FindOperation(c.method, c.path);
    ASSERT_TRUE(match.has_value()) << c.method << " " << c.path;
    EXPECT_EQ(match->operation_id, c.operation_id) << c.method << " " << c.path;
  }
}

TEST_F(OpenApiTest, FindOperationReportsTemplateAndMethod) {
  auto match = spec_->FindOperation("get", "/v1/project/p1/service/pg");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->method, "GET");
  EXPECT_EQ(match->path_template, "/project/{project}/service/{service_name}");
}

TEST_F(OpenApiTest, PathsOutsideTheSpecHaveNoOperation) {
  EXPECT_FALSE(spec_->FindOperation("POST", "/v2/project/p1/service/k/topic"));
  EXPECT_FALSE(spec_->FindOperation("POST", "/_emulator/reset"));
  EXPECT_FALSE(spec_->FindOperation("GET", "/project/p1")) << "the /v1 prefix is required";
  EXPECT_FALSE(spec_->FindOperation("GET", "/v1/project/p1/service/pg/nonsense"));
  EXPECT_FALSE(spec_->FindOperation("PATCH", "/v1/clouds")) << "method not declared";
  EXPECT_FALSE(spec_->FindOperation("GET", "/v1/project//service")) << "empty parameter";
  const ResponseCheck check = spec_->ValidateResponse("POST", "/_emulator/reset", 200, {});
  EXPECT_EQ(check.kind, CheckKind::kNoOperation);
  EXPECT_EQ(check.note, "no operation in the spec for POST /_emulator/reset");
}

TEST_F(OpenApiTest, UndeclaredStatusIsReportedNotPassed) {
  const ResponseCheck check =
      spec_->ValidateResponse("GET", "/v1/project/p1/service/pg", 500, json::object());
  EXPECT_EQ(check.kind, CheckKind::kNoSchema);
  EXPECT_EQ(check.operation_id, "ServiceGet");
  EXPECT_EQ(check.note, "ServiceGet 500: status not declared (and no default response)");
  EXPECT_FALSE(check.ok());
}

// Every declared JSON response schema in the file is usable by the validator: its $refs
// resolve and its types are supported (validating {} may only report missing/wrong data).
TEST_F(OpenApiTest, EveryResponseSchemaIsUsable) {
  int checked = 0;
  for (const auto& [path, item] : spec_->document()["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (!op.is_object() || !op.contains("responses")) continue;
      for (const auto& [status, response] : op["responses"].items()) {
        if (!response.contains("content")) continue;
        for (const auto& [type, media] : response["content"].items()) {
          if (!media.contains("schema")) continue;
          ++checked;
          for (const auto& error : spec_->validator().Validate(media["schema"], json::object())) {
            EXPECT_THAT(error, ::testing::Not(::testing::HasSubstr("cannot resolve")))
                << method << " " << path << " " << status;
            EXPECT_THAT(error, ::testing::Not(::testing::HasSubstr("unsupported")))
                << method << " " << path << " " << status;
          }
        }
      }
    }
  }
  // At least one schema per operation the subset lists.
  EXPECT_GE(checked, static_cast<int>(spec_->document()["x-source"]["operations"].size()));
}

// Load time is not asserted (timed tests flake on shared machines).
TEST_F(OpenApiTest, LoadsAndReportsMissingFile) {
  auto loaded = OpenApiSpec::Load(OpenApiSpec::DefaultPath());
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded.value()->path_count(), spec_->path_count());

  auto missing = OpenApiSpec::Load("/nonexistent/openapi.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), core::Code::kNotFound);
  EXPECT_EQ(missing.status().message(),
            "OpenAPI description not found at /nonexistent/openapi.json");
}

}  // namespace
}  // namespace aivenctl::testing
