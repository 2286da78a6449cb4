// The catalog bodies against the response schemas of Aiven's OpenAPI description
// (required keys and declared types; the full validator lives elsewhere).
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "catalog.h"
#include "catalog_test_util.h"

namespace aivenctl::emulator {
namespace {

class CatalogOpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in(testing::OpenApiPath());
    const Json doc = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("components")) {
      schemas_ = new Json(doc["components"]["schemas"]);
    }
    std::string error;
    catalog_ = new Catalog(*Catalog::Load(testing::CatalogPath(), &error));
  }
  static void TearDownTestSuite() {
    delete schemas_;
    delete catalog_;
  }
  void SetUp() override {
    ASSERT_NE(schemas_, nullptr) << "cannot load the OpenAPI subset " << testing::OpenApiPath();
  }
  static std::vector<std::string> Errors(const char* schema, const Json& body) {
    std::vector<std::string> errors;
    testing::CheckShape((*schemas_)[schema], body, schema, errors);
    return errors;
  }
  static Json* schemas_;
  static Catalog* catalog_;
};
Json* CatalogOpenApi::schemas_ = nullptr;
Catalog* CatalogOpenApi::catalog_ = nullptr;

TEST_F(CatalogOpenApi, Clouds) {
  EXPECT_EQ(Errors("ListCloudsResponse", catalog_->CloudsBody()), std::vector<std::string>{});
}

TEST_F(CatalogOpenApi, ServiceTypes) {
  EXPECT_EQ(Errors("ListPublicServiceTypesResponse", catalog_->ServiceTypesBody()),
            std::vector<std::string>{});
}

TEST_F(CatalogOpenApi, PlanSpecs) {
  Json plan = *catalog_->Plan("pg", "business-4");
  plan.erase("regions");
  EXPECT_EQ(Errors("ProjectServicePlanSpecsGetResponse", plan), std::vector<std::string>{});
}

TEST_F(CatalogOpenApi, IntegrationAndEndpointTypes) {
  EXPECT_EQ(Errors("ServiceIntegrationTypesResponse", catalog_->IntegrationTypesBody()),
            std::vector<std::string>{});
  EXPECT_EQ(Errors("ServiceIntegrationEndpointTypesResponse", catalog_->EndpointTypesBody()),
            std::vector<std::string>{});
}

TEST_F(CatalogOpenApi, TypesAndEndpointsAreSpecValues) {
  const Json& body = (*schemas_)["ServiceIntegrationCreateRequestBody"]["properties"];
  std::set<std::string> integration_types;
  for (const Json& v : body["integration_type"]["enum"])
    integration_types.insert(v.get<std::string>());
  const Json types = catalog_->IntegrationTypesBody();  // named: the loop must not outlive it
  for (const Json& t : types["integration_types"]) {
    EXPECT_TRUE(integration_types.count(t["integration_type"])) << t["integration_type"];
  }
  const Json& ep = (*schemas_)["ServiceIntegrationEndpointCreateRequestBody"]["properties"];
  std::set<std::string> endpoint_types;
  for (const Json& v : ep["endpoint_type"]["enum"]) endpoint_types.insert(v.get<std::string>());
  const Json endpoints = catalog_->EndpointTypesBody();
  for (const Json& t : endpoints["endpoint_types"]) {
    EXPECT_TRUE(endpoint_types.count(t["endpoint_type"])) << t["endpoint_type"];
  }
}

}  // namespace
}  // namespace aivenctl::emulator
