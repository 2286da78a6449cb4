// Strict mode's coverage: every route the emulator serves is an operation of the
// committed OpenAPI subset or a listed exemption; the allowlist's entries point at real
// operations and fields; the compiled-in data is the committed files byte for byte.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "api_routes.h"
#include "embedded_data.h"
#include "strict_mode.h"

namespace aivenctl::emulator {
namespace {

using ::testing::IsEmpty;

std::string SourceFile(const std::string& relative) {
  const char* root = std::getenv("AIVENCTL_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/" + relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The emulator's whole /v1 and /v2 route table, as the server registers it.
class StrictRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    catalog_ = Catalog::LoadOrBuiltIn("", &error);
    ASSERT_TRUE(catalog_.has_value()) << error;
    store_ = Store::Open("", &error);
    ASSERT_NE(store_, nullptr) << error;
    world_ = std::make_unique<World>(World{*store_, *catalog_, clock_, opts_});
    RegisterApiRoutes(router_, *world_);
  }
  Options opts_;
  Clock clock_;
  std::optional<Catalog> catalog_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<World> world_;
  Router router_;
};

TEST_F(StrictRoutes, EveryRouteIsAnOperationOfTheSubsetOrExempt) {
  const auto routes = router_.Routes();
  ASSERT_GT(routes.size(), 50u);
  StrictMode strict(EmbeddedOpenApiSubsetDocument(), routes);
  EXPECT_THAT(strict.Unmapped(), IsEmpty())
      << "these routes have no operation in emulator/data/aiven-openapi-subset.json: add the "
         "operation to scripts/gen-openapi-subset and regenerate, or (only if Aiven's "
         "description lacks it) list the route in emulator/src/strict_allowlist.cc with why";
  EXPECT_EQ(strict.OperationId("GET", "/v1/project/{project}/service/{service_name}"),
            "ServiceGet");
  EXPECT_EQ(strict.OperationId("PUT",
                               "/v1/project/{project}/service/{service_name}/user/"
                               "{service_username}/credentials/reset"),
            "ServiceUserCredentialsReset");
}

TEST_F(StrictRoutes, AnUnknownRouteIsReported) {
  auto routes = router_.Routes();
  routes.push_back({"POST", "/v1/project/{project}/service/{service_name}/frobnicate"});
  routes.push_back({"GET", "/v2/project/{project}/service"});
  StrictMode strict(EmbeddedOpenApiSubsetDocument(), routes);
  EXPECT_EQ(strict.Unmapped(), (std::vector<std::string>{
                                   "POST /v1/project/{project}/service/{service_name}/frobnicate",
                                   "GET /v2/project/{project}/service"}));
}

TEST_F(StrictRoutes, EveryExemptionIsRoutedAndHasAReason) {
  std::set<std::string> routed;
  for (const auto& r : router_.Routes()) routed.insert(r.method + " " + r.pattern);
  ASSERT_FALSE(StrictExemptRoutes().empty());
  for (const ExemptRoute& e : StrictExemptRoutes()) {
    EXPECT_GT(std::string(e.reason).size(), 20u) << e.pattern;
    if (std::string(e.pattern) == "/_emulator/**") continue;  // the control router's
    EXPECT_TRUE(routed.count(std::string(e.method) + " " + e.pattern))
        << e.method << " " << e.pattern << " is exempt but not routed: remove the entry";
  }
  EXPECT_TRUE(StrictMode::Exempt("POST", "/_emulator/clock"));
  EXPECT_TRUE(StrictMode::Exempt("POST", "/v2/project/{project}/service/{service_name}/topic"));
  EXPECT_FALSE(StrictMode::Exempt("POST", "/v1/project/{project}/service/{service_name}/topic"));
}

// A stale entry would silently widen what strict mode lets through.
TEST(StrictAllowlist, EntriesNameOperationsWithRequestSchemasAndRealFields) {
  const Json& doc = EmbeddedOpenApiSubsetDocument();
  std::map<std::string, const Json*> bodies;  // operationId -> request schema
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (!op.contains("requestBody")) continue;
      const Json& schema = op["requestBody"]["content"]["application/json"]["schema"];
      const std::string ref = schema.value("$ref", "");
      bodies[op["operationId"]] =
          ref.empty() ? &schema : &doc.at(Json::json_pointer(ref.substr(1)));
    }
  }
  ASSERT_FALSE(StrictAllowances().empty());
  for (const Allowance& a : StrictAllowances()) {
    const std::string where = std::string(a.operation_id) + " " + a.field;
    EXPECT_GT(std::string(a.reason).size(), 20u) << where;
    ASSERT_TRUE(bodies.count(a.operation_id)) << where << ": no such operation with a body";
    const Json& properties = bodies[a.operation_id]->value("properties", Json::object());
    const std::string top =
        std::string(a.field).substr(0, std::string(a.field).find_first_of(".["));
    switch (a.kind) {
      case Allowance::kNull:
        EXPECT_TRUE(properties.contains(top)) << where << ": not a field of the schema";
        break;
      case Allowance::kExtra:
        EXPECT_FALSE(properties.contains(top)) << where << ": the schema has it, drop the entry";
        break;
      case Allowance::kOpen:
        EXPECT_EQ(std::string(a.field), "*") << where;
        break;
    }
  }
}

TEST(EmbeddedData, IsTheCommittedFilesByteForByte) {
  const std::string subset = SourceFile("emulator/data/aiven-openapi-subset.json");
  ASSERT_GT(subset.size(), 100000u);
  EXPECT_TRUE(EmbeddedOpenApiSubset() == subset) << "rebuild: the embedded subset is stale";
  const std::string catalog = SourceFile("emulator/data/catalog.json");
  ASSERT_GT(catalog.size(), 100000u);
  EXPECT_TRUE(EmbeddedCatalog() == catalog) << "rebuild: the embedded catalog is stale";
}

}  // namespace
}  // namespace aivenctl::emulator
