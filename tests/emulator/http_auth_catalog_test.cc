// Auth, clouds, catalog routes and generic routing errors over real HTTP.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

const json kAuthFailedBody = {{"errors", json::array({{{"error_code", "authentication_failed"},
                                                       {"message", "Authentication failed"},
                                                       {"status", 403}}})},
                              {"message", "Authentication failed"}};

using Auth = HttpTest;

TEST_F(Auth, AivenV1AndBearerAreAccepted) {
  for (const std::string scheme : {"aivenv1 ", "Bearer "}) {
    const ApiResponse r =
        api().Get("/v1/project", {.headers = {{"Authorization", scheme + kToken}}});
    EXPECT_EQ(r.status, 200) << scheme << r.Describe();
  }
  // avn sends the header name in lower case.
  const ApiResponse lower = api().Get("/v1/project", {.headers = {{"authorization", "aivenv1 t"}}});
  EXPECT_EQ(lower.status, 200) << lower.Describe();
}

TEST_F(Auth, WrongOrMissingTokenGivesTheReal403Body) {
  const ApiResponse wrong =
      api().Get("/v1/project", {.headers = {{"Authorization", "aivenv1 nope"}}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.body, kAuthFailedBody) << wrong.Describe();
  const ApiResponse other_scheme =
      api().Get("/v1/project", {.headers = {{"Authorization", "Basic t"}}});
  EXPECT_EQ(other_scheme.body, kAuthFailedBody) << other_scheme.Describe();
  api().set_token("");
  const ApiResponse missing = api().Get("/v1/project");
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.body, kAuthFailedBody) << missing.Describe();
  const ApiResponse post = api().Post("/v1/project", {{"project", "p1"}});
  EXPECT_EQ(post.body, kAuthFailedBody) << post.Describe();
  // The refused create did not happen.
  api().set_token(kToken);
  EXPECT_EQ(api().Get("/v1/project/p1").status, 404);
}

TEST_F(Auth, CloudsAndServiceTypesNeedNoToken) {
  api().set_token("");
  const ApiResponse clouds = api().Get("/v1/clouds");
  ASSERT_EQ(clouds.status, 200) << clouds.Describe();
  EXPECT_GE(clouds.body["clouds"].size(), 20u);
  const ApiResponse types = api().Get("/v1/service_types");
  ASSERT_EQ(types.status, 200) << types.Describe();
  EXPECT_TRUE(types.body["service_types"].contains("pg"));
  // A wrong token on a public route is still fine.
  const ApiResponse wrong =
      api().Get("/v1/clouds", {.headers = {{"Authorization", "aivenv1 nope"}}});
  EXPECT_EQ(wrong.status, 200) << wrong.Describe();
  // Project-scoped catalog routes do need one.
  EXPECT_EQ(api().Get("/v1/project/p1/clouds").body, kAuthFailedBody);
}

class AnyToken : public HttpTest {
 protected:
  void SetUp() override {
    emu_ = std::make_unique<EmulatorProcess>(
        EmulatorOptions{.args = {"--build-seconds", "3"}, .temp_data_dir = false});
    const auto started = emu_->Start();
    ASSERT_TRUE(started.ok()) << started.ToString();
    api_ = std::make_unique<TestApi>(emu_->base_url(), "whatever-token");
  }
};

TEST_F(AnyToken, AnyNonEmptyTokenWorksWithoutConfiguredTokens) {
  EXPECT_EQ(api().Get("/v1/project").status, 200);
  api().set_token("another");
  EXPECT_EQ(api().Post("/v1/project", {{"project", "p1"}}).status, 200);
  api().set_token("");
  const ApiResponse missing = api().Get("/v1/project");
  EXPECT_EQ(missing.body, kAuthFailedBody) << missing.Describe();
}

using Catalog = HttpTest;

TEST_F(Catalog, CloudsPublicAndProjectScoped) {
  const ApiResponse pub = api().Get("/v1/clouds");
  ASSERT_EQ(pub.status, 200);
  for (const auto& c : pub.body["clouds"]) {
    EXPECT_TRUE(c["cloud_name"].is_string());
    EXPECT_TRUE(c["geo_region"].is_string());
    EXPECT_TRUE(c["geo_latitude"].is_number());
  }
  CreateProject("p1");
  const ApiResponse scoped = api().Get("/v1/project/p1/clouds?sort_by_proximity=true");
  ASSERT_EQ(scoped.status, 200) << scoped.Describe();
  EXPECT_EQ(scoped.body["clouds"].size(), pub.body["clouds"].size());
  EXPECT_EQ(api().Get("/v1/project/nope/clouds").status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ListClouds"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ListProjectClouds"), 1);
}

TEST_F(Catalog, ServiceTypeRoutes) {
  CreateProject("p1");
  const ApiResponse full = api().Get("/v1/project/p1/service_types");
  ASSERT_EQ(full.status, 200) << full.Describe();
  for (const char* t : {"pg", "kafka", "kafka_connect", "mysql", "valkey", "opensearch", "grafana",
                        "clickhouse", "flink"}) {
    ASSERT_TRUE(full.body["service_types"].contains(t)) << t;
    EXPECT_TRUE(full.body["service_types"][t]["user_config_schema"].is_object()) << t;
    EXPECT_FALSE(full.body["service_types"][t]["service_plans"].empty()) << t;
  }
  const ApiResponse flat = api().Get("/v1/project/p1/service-types");
  ASSERT_EQ(flat.status, 200) << flat.Describe();
  EXPECT_TRUE(flat.body["pg"]["user_config_schema"].is_object());
  const ApiResponse one = api().Get("/v1/project/p1/service-types/pg");
  ASSERT_EQ(one.status, 200) << one.Describe();
  EXPECT_TRUE(one.body["user_config_schema"].is_object());
  const ApiResponse plans = api().Get("/v1/project/p1/service-types/pg/plans");
  ASSERT_EQ(plans.status, 200) << plans.Describe();
  EXPECT_FALSE(plans.body["service_plans"].empty());
  const ApiResponse plan = api().Get("/v1/project/p1/service-types/pg/plans/startup-4");
  ASSERT_EQ(plan.status, 200) << plan.Describe();
  EXPECT_EQ(plan.body["service_plan"], "startup-4");
  EXPECT_TRUE(plan.body["disk_space_mb"].is_number_integer());
  EXPECT_EQ(api().Get("/v1/project/p1/service-types/nosuch").status, 404);
  EXPECT_EQ(api().Get("/v1/project/p1/service-types/pg/plans/nosuch").status, 404);
  const ApiResponse price = api().Get(
      "/v1/project/p1/pricing/service-types/pg/plans/startup-4/clouds/google-europe-west1");
  ASSERT_EQ(price.status, 200) << price.Describe();
  EXPECT_TRUE(price.body["base_price_usd"].is_string());
  const ApiResponse itypes = api().Get("/v1/project/p1/integration_types");
  ASSERT_EQ(itypes.status, 200) << itypes.Describe();
  EXPECT_FALSE(itypes.body["integration_types"].empty());
  const ApiResponse etypes = api().Get("/v1/project/p1/integration_endpoint_types");
  ASSERT_EQ(etypes.status, 200) << etypes.Describe();
  EXPECT_FALSE(etypes.body["endpoint_types"].empty());
  EXPECT_GE(TestApi::ValidatedCount("ListProjectServiceTypes"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ProjectServicePlanSpecsGet"), 1);
}

using Routing = HttpTest;

TEST_F(Routing, UnknownPathIs404Json) {
  const ApiResponse r = api().Get("/v1/no/such/thing");
  EXPECT_EQ(r.status, 404) << r.Describe();
  EXPECT_TRUE(r.body.contains("message")) << r.Describe();
  const ApiResponse v3 = api().Get("/v3/project");
  EXPECT_EQ(v3.status, 404) << v3.Describe();
}

TEST_F(Routing, WrongMethodIs405Json) {
  const ApiResponse r = api().Send("PATCH", "/v1/project", std::string("{}"));
  EXPECT_EQ(r.status, 405) << r.Describe();
  const ApiResponse d = api().Delete("/v1/clouds");
  EXPECT_EQ(d.status, 405) << d.Describe();
}

TEST_F(Routing, MalformedJsonIs400) {
  const ApiResponse r = api().Send("POST", "/v1/project", std::string("{\"project\": "),
                                   "application/json", {.validate = false});
  EXPECT_EQ(r.status, 400) << r.Describe();
  EXPECT_TRUE(CheckErrorBody(400, r.body).empty()) << r.Describe();
  const ApiResponse not_object = api().Send("POST", "/v1/project", std::string("[1,2]"),
                                            "application/json", {.validate = false});
  EXPECT_EQ(not_object.status, 400) << not_object.Describe();
  EXPECT_TRUE(CheckErrorBody(400, not_object.body).empty()) << not_object.Describe();
}

TEST_F(Routing, DoubleSlashAndUnknownQueryParamsAreTolerated) {
  EXPECT_EQ(api().Get("//v1/project").status, 200);
  EXPECT_EQ(api().Get("/v1/project?limit=999").status, 200);
}

TEST_F(Routing, BodilessGetWithOctetStreamIsFine) {
  const ApiResponse r =
      api().Send("GET", "/v1/project", std::string(""), "application/octet-stream");
  EXPECT_EQ(r.status, 200) << r.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
