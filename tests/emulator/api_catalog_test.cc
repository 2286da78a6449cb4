// The catalog routes, called through the Router (no HTTP server): paths, shapes, 404s.
#include <gtest/gtest.h>

#include <fstream>

#include "api_catalog.h"
#include "catalog_test_util.h"

namespace aivenctl::emulator {
namespace {

class CatalogRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    catalog_ = Catalog::Load(testing::CatalogPath(), &error);
    ASSERT_TRUE(catalog_) << error;
    RegisterCatalogRoutes(router_, *catalog_, [](const std::string& project) {
      if (project != "ci-42") throw ApiError{404, "Project does not exist", "project_not_found"};
    });
  }

  /// Runs GET `path`; returns the body, or {"status": s, "message": m} for an ApiError.
  Json Get(const std::string& path, bool* auth = nullptr) {
    Router::Match m = router_.Find("GET", path);
    if (!m.handler) return Json{{"status", m.path_known ? 405 : 404}};
    if (auth) *auth = m.auth;
    httplib::Request req;
    httplib::Response res;
    Ctx ctx{req, res, m.params, Json(), ""};
    try {
      (*m.handler)(ctx);
    } catch (const ApiError& e) {
      return Json{{"status", e.status}, {"message", e.message}};
    }
    return Json::parse(res.body);
  }

  std::optional<Catalog> catalog_;
  Router router_;
};

TEST_F(CatalogRoutes, PublicRoutesNeedNoToken) {
  bool auth = true;
  EXPECT_EQ(Get("/v1/clouds", &auth), catalog_->CloudsBody());
  EXPECT_FALSE(auth);
  EXPECT_EQ(Get("/v1/service_types", &auth), catalog_->ServiceTypesBody());
  EXPECT_FALSE(auth);
  EXPECT_EQ(Get("/v1/project/ci-42/clouds", &auth), catalog_->CloudsBody());
  EXPECT_TRUE(auth);
}

TEST_F(CatalogRoutes, ProjectMustExist) {
  EXPECT_EQ(Get("/v1/project/nope/service_types"),
            Json({{"status", 404}, {"message", "Project does not exist"}}));
  EXPECT_EQ(Get("/v1/project/nope/integration_types")["status"], 404);
}

TEST_F(CatalogRoutes, FlatServiceTypes) {
  Json all = Get("/v1/project/ci-42/service-types");
  ASSERT_TRUE(all.contains("pg"));
  EXPECT_FALSE(all["pg"].contains("service_plans"));
  EXPECT_EQ(all["pg"]["default_version"], "16");
  Json pg = Get("/v1/project/ci-42/service-types/pg");
  EXPECT_EQ(pg, all["pg"]);
  EXPECT_EQ(pg["user_config_schema"], *catalog_->UserConfigSchema("pg"));
  EXPECT_EQ(Get("/v1/project/ci-42/service-types/postgres"),
            Json({{"status", 404}, {"message", "Service type 'postgres' does not exist"}}));
}

TEST_F(CatalogRoutes, PlansSpecsAndPrice) {
  Json plans = Get("/v1/project/ci-42/service-types/kafka/plans");
  ASSERT_EQ(plans["service_plans"].size(), 4u);
  Json specs = Get("/v1/project/ci-42/service-types/pg/plans/business-4");
  EXPECT_EQ(specs["node_count"], 2);
  EXPECT_EQ(specs["disk_space_mb"], (*catalog_->Plan("pg", "business-4"))["disk_space_mb"]);
  EXPECT_FALSE(specs.contains("regions"));
  EXPECT_EQ(Get("/v1/project/ci-42/service-types/pg/plans/startup-3"),
            Json({{"status", 404},
                  {"message", "Service plan 'startup-3' does not exist for service type 'pg'"}}));
  Json price = Get("/v1/project/ci-42/pricing/service-types/pg/plans/startup-4/clouds/do-ams");
  EXPECT_EQ(price["cloud_name"], "do-ams");
  EXPECT_EQ(price["base_price_usd"],
            (*catalog_->Plan("pg", "startup-4"))["regions"]["do-ams"]["price_usd"]);
  EXPECT_TRUE(price["extra_disk_price_per_gb_usd"].is_string());
  EXPECT_EQ(Get("/v1/project/ci-42/pricing/service-types/pg/plans/startup-4/clouds/aws-moon-1"),
            Json({{"status", 404}, {"message", "Cloud 'aws-moon-1' does not exist"}}));
}

TEST_F(CatalogRoutes, IntegrationAndEndpointTypes) {
  EXPECT_EQ(Get("/v1/project/ci-42/integration_types"), catalog_->IntegrationTypesBody());
  EXPECT_EQ(Get("/v1/project/ci-42/integration_endpoint_types"), catalog_->EndpointTypesBody());
}

TEST_F(CatalogRoutes, BodiesMatchOpenApi) {
  std::ifstream in(testing::OpenApiPath());
  ASSERT_TRUE(in.good()) << "cannot read the OpenAPI subset " << testing::OpenApiPath();
  const Json schemas = Json::parse(in)["components"]["schemas"];
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"ListProjectServiceTypesResponse", "/v1/project/ci-42/service_types"},
      {"ProjectServiceTypesListResponse", "/v1/project/ci-42/service-types"},
      {"ProjectServiceTypesGetResponse", "/v1/project/ci-42/service-types/kafka"},
      {"ProjectServicePlanListResponse", "/v1/project/ci-42/service-types/pg/plans"},
      {"ProjectServicePlanSpecsGetResponse",
       "/v1/project/ci-42/service-types/kafka/plans/business-4"},
      {"ProjectServicePlanPriceGetResponse",
       "/v1/project/ci-42/pricing/service-types/pg/plans/hobbyist/clouds/google-europe-north1"},
      {"ListProjectCloudsResponse", "/v1/project/ci-42/clouds"},
  };
  for (const auto& [schema, url] : cases) {
    std::vector<std::string> errors;
    ASSERT_TRUE(schemas.contains(schema)) << schema;
    testing::CheckShape(schemas[schema], Get(url), schema, errors);
    EXPECT_EQ(errors, std::vector<std::string>{}) << url;
  }
}

}  // namespace
}  // namespace aivenctl::emulator
