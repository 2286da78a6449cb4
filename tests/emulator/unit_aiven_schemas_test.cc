// The emulator's catalog carries Aiven's own user_config schemas (schemas/aiven/
// user_config.json, converted from go-api-schemas): the service type list is Aiven's,
// the schemas are enforced, `_secure` members are redacted and `create_only` members
// refuse a change.

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "catalog.h"
#include "catalog_test_util.h"
#include "schema_marks.h"

namespace aivenctl::emulator {
namespace {

const Catalog& Cat() {
  static const Catalog catalog = [] {
    std::string error;
    std::optional<Catalog> c = Catalog::Load(testing::CatalogPath(), &error);
    if (!c) throw std::runtime_error(error);
    return *c;
  }();
  return catalog;
}

const Json& Aiven() {
  static const Json* doc = [] {
    const char* root = std::getenv("AIVENCTL_SOURCE_DIR");
    std::ifstream in(std::string(root ? root : ".") + "/schemas/aiven/user_config.json");
    return new Json(Json::parse(in));
  }();
  return *doc;
}

TEST(AivenSchemas, ServiceTypesAreAivensCurrentList) {
  std::set<std::string> served, aiven;
  const Json body = Cat().ServiceTypesBody();
  for (const auto& [name, t] : body.at("service_types").items()) served.insert(name);
  for (const auto& [name, t] : Aiven()["service_types"].items()) aiven.insert(name);
  EXPECT_EQ(served, aiven);
  EXPECT_TRUE(served.contains("dragonfly"));
  for (const auto& [retired, successor] : Aiven()["end_of_life_service_types"].items()) {
    EXPECT_FALSE(served.contains(retired)) << retired;
  }
  EXPECT_EQ(Aiven()["end_of_life_service_types"]["redis"], "valkey");
}

TEST(AivenSchemas, ServiceSchemasAreAivens) {
  for (const auto& [name, schema] : Aiven()["service_types"].items()) {
    ASSERT_NE(Cat().UserConfigSchema(name), nullptr) << name;
    EXPECT_EQ(*Cat().UserConfigSchema(name), schema) << name;
  }
}

TEST(AivenSchemas, IntegrationAndEndpointUserConfigAreEnforced) {
  EXPECT_EQ(Cat().CheckIntegrationUserConfig("metrics", Json::parse(R"({"retention_days": 30})")),
            std::nullopt);
  EXPECT_EQ(Cat().CheckIntegrationUserConfig("metrics", Json::parse(R"({"retention_dayz": 30})")),
            "Invalid 'user_config': Additional properties are not allowed ('retention_dayz' was "
            "unexpected)");
  EXPECT_EQ(
      Cat().CheckIntegrationUserConfig("metrics", Json::parse(R"({"retention_days": 20000})")),
      "Invalid 'user_config.retention_days': 20000 is greater than the maximum of 10000");
  EXPECT_EQ(Cat().CheckIntegrationUserConfig("dashboard", Json::parse(R"({"x": 1})")),
            "Invalid 'user_config': Additional properties are not allowed ('x' was unexpected)");
  EXPECT_EQ(Cat().CheckEndpointUserConfig("rsyslog", Json::parse(R"({"server": "h"})")),
            "Invalid 'user_config': 'port' is a required property");
}

TEST(AivenSchemas, SecureMembersAreRedactedAtAnyDepth) {
  const Json& schema = *Cat().UserConfigSchema("pg");
  Json uc = Json::parse(
      R"({"admin_password": "s3cret", "migration": {"host": "h", "password": "p4ss"},
          "pg": {"max_connections": 100}, "unknown": "kept"})");
  EXPECT_EQ(RedactSecure(schema, uc), Json::parse(R"({"admin_password": "<redacted>",
      "migration": {"host": "h", "password": "<redacted>"}, "pg": {"max_connections": 100},
      "unknown": "kept"})"));
}

TEST(AivenSchemas, SecureMembersOfArrayItemsAreRedacted) {
  const Json& schema = *Cat().UserConfigSchema("kafka_connect");
  Json uc = Json::parse(R"({"secret_providers": [
      {"name": "v", "vault": {"address": "https://vault", "auth_method": "token", "token": "t0k"}},
      {"name": "a", "aws": {"auth_method": "credentials", "region": "r", "secret_key": "k3y"}}]})");
  EXPECT_EQ(RedactSecure(schema, uc), Json::parse(R"({"secret_providers": [
      {"name": "v", "vault": {"address": "https://vault", "auth_method": "token",
                              "token": "<redacted>"}},
      {"name": "a", "aws": {"auth_method": "credentials", "region": "r",
                            "secret_key": "<redacted>"}}]})"));
}

// Aiven writes some patterns for Python (a leading (?i), octal escapes); they restrict here too.
TEST(AivenSchemas, PatternsStdRegexCannotReadAsWrittenStillRestrict) {
  auto check = [](const char* uc) { return Cat().CheckUserConfig("grafana", Json::parse(uc)); };
  EXPECT_EQ(check(R"({"date_formats": {"default_timezone": "Europe/Helsinki"}})"), std::nullopt);
  EXPECT_EQ(check(R"({"date_formats": {"default_timezone": "utc"}})"), std::nullopt);
  EXPECT_NE(check(R"({"date_formats": {"default_timezone": "not a zone"}})"), std::nullopt);
  EXPECT_EQ(check(R"({"auth_github": {"client_id": "abc", "client_secret": "s",
                      "allowed_organizations": ["o"]}})"),
            std::nullopt);
  EXPECT_NE(check(R"({"auth_github": {"client_id": "tab\there", "client_secret": "s",
                      "allowed_organizations": ["o"]}})"),
            std::nullopt);
}

TEST(AivenSchemas, CreateOnlyMembersRefuseAChange) {
  const Json& schema = *Cat().UserConfigSchema("pg");
  const Json before = Json::parse(R"({"admin_username": "root", "pg": {"jit": true}})");
  EXPECT_EQ(CheckCreateOnly(schema, before, before, "user_config"), std::nullopt);
  EXPECT_EQ(CheckCreateOnly(schema, before,
                            Json::parse(R"({"admin_username": "root", "pg": {"jit": false}})"),
                            "user_config"),
            std::nullopt);
  EXPECT_EQ(
      CheckCreateOnly(schema, before, Json::parse(R"({"admin_username": "boss"})"), "user_config"),
      "Invalid 'user_config.admin_username': can only be set when the service is created");
  EXPECT_EQ(CheckCreateOnly(*Cat().UserConfigSchema("kafka"), Json::object(),
                            Json::parse(R"({"inkless": {"enabled": true}})"), "user_config"),
            "Invalid 'user_config.inkless.enabled': can only be set when the service is created");
}

}  // namespace
}  // namespace aivenctl::emulator
