#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "catalog.h"
#include "catalog_test_util.h"
#include "connection_info.h"

namespace aivenctl::emulator {
namespace {

using testing::CatalogPath;

const Catalog& Cat() {
  static const Catalog catalog = [] {
    std::string error;
    std::optional<Catalog> c = Catalog::Load(CatalogPath(), &error);
    if (!c) throw std::runtime_error(error);
    return *c;
  }();
  return catalog;
}

TEST(CatalogLoad, LoadsTheShippedFile) {
  std::string error;
  EXPECT_TRUE(Catalog::Load(CatalogPath(), &error).has_value()) << error;
  EXPECT_EQ(error, "");
}

TEST(CatalogLoad, MissingFileNamesThePath) {
  std::string error;
  EXPECT_FALSE(Catalog::Load("/nonexistent/catalog.json", &error).has_value());
  EXPECT_EQ(error, "/nonexistent/catalog.json: cannot open the catalog file");
}

TEST(CatalogLoad, ShapeErrorNamesFileAndField) {
  std::ifstream in(CatalogPath());
  Json data = Json::parse(in);
  data["service_types"]["pg"]["service_plans"][1]["regions"]["do-ams"]["price_usd"] = 0.137;
  std::string path = ::testing::TempDir() + "/bad_catalog.json";
  std::ofstream(path) << data.dump();
  std::string error;
  EXPECT_FALSE(Catalog::Load(path, &error).has_value());
  EXPECT_EQ(
      error,
      path + ": service_types.pg.service_plans[1].regions.do-ams.price_usd: must be a string");
  std::ofstream(path) << "{\"clouds\": [";
  EXPECT_FALSE(Catalog::Load(path, &error).has_value());
  EXPECT_EQ(error.rfind(path + ": not valid JSON: ", 0), 0u) << error;
  std::remove(path.c_str());
}

TEST(CatalogClouds, AtLeastTwentyOverFiveProviders) {
  Json clouds = Cat().CloudsBody()["clouds"];
  EXPECT_GE(clouds.size(), 20u);
  std::set<std::string> providers;
  for (const Json& c : clouds) {
    std::string name = c["cloud_name"];
    std::string provider = c["provider"];
    providers.insert(provider);
    EXPECT_EQ(name.rfind(provider + "-", 0), 0u) << name;
    EXPECT_TRUE(c["geo_latitude"].is_number()) << name;
    EXPECT_TRUE(c["geo_longitude"].is_number()) << name;
    EXPECT_TRUE(Cat().HasCloud(name));
  }
  EXPECT_EQ(providers, (std::set<std::string>{"aws", "azure", "do", "google", "upcloud"}));
  EXPECT_FALSE(Cat().HasCloud("aws-moon-1"));
  EXPECT_EQ((*Cat().Cloud("google-europe-north1"))["cloud_description"],
            "Europe, Finland - Google Cloud: Finland");
}

TEST(CatalogPlans, RequiredTypesHaveNamedPlansPricedInEveryCloud) {
  const std::map<std::string, std::vector<std::string>> wanted = {
      {"pg", {"hobbyist", "startup-4", "startup-8", "business-4", "business-8", "premium-8"}},
      {"kafka", {"startup-2", "business-4", "business-8", "premium-6x-8"}},
      {"kafka_connect", {"startup-4", "business-4"}},
      {"mysql", {"hobbyist", "startup-4", "business-4"}},
      {"valkey", {"hobbyist", "startup-4", "business-4"}},
      {"opensearch", {"hobbyist", "startup-4", "business-4"}},
      {"grafana", {"startup-1"}},
      {"clickhouse", {"startup-16", "business-16"}},
      {"flink", {"business-4"}},
  };
  Json clouds = Cat().CloudsBody()["clouds"];
  for (const auto& [type, plans] : wanted) {
    EXPECT_TRUE(Cat().HasServiceType(type)) << type;
    for (const std::string& name : plans) {
      const Json* plan = Cat().Plan(type, name);
      ASSERT_NE(plan, nullptr) << type << " " << name;
      EXPECT_EQ((*plan)["service_plan"], name);
      EXPECT_EQ((*plan)["service_type"], type);
      for (const Json& c : clouds) {
        const Json& region = (*plan)["regions"][c["cloud_name"].get<std::string>()];
        ASSERT_TRUE(region["price_usd"].is_string()) << type << " " << name << " " << c;
        EXPECT_GT(std::stod(region["price_usd"].get<std::string>()), 0.0);
        EXPECT_TRUE(region["node_memory_mb"].is_number_integer());
      }
    }
  }
  EXPECT_EQ(Cat().Plan("pg", "startup-3"), nullptr);
  EXPECT_EQ(Cat().Plan("postgres", "startup-4"), nullptr);
}

TEST(CatalogPlans, PricesRiseWithTheTier) {
  auto price = [](const char* type, const char* plan) {
    return std::stod(
        (*Cat().Plan(type, plan))["regions"]["aws-eu-west-1"]["price_usd"].get<std::string>());
  };
  EXPECT_LT(price("pg", "hobbyist"), price("pg", "startup-4"));
  EXPECT_LT(price("pg", "startup-4"), price("pg", "business-4"));
  EXPECT_LT(price("pg", "business-8"), price("pg", "premium-8"));
  const Json& regions = (*Cat().Plan("pg", "startup-4"))["regions"];
  EXPECT_LT(std::stod(regions["do-ams"]["price_usd"].get<std::string>()),
            std::stod(regions["aws-eu-west-1"]["price_usd"].get<std::string>()));
}

TEST(CatalogPlans, NodeCountsAndMultipliers) {
  EXPECT_EQ(Cat().NodeCount("pg", "hobbyist"), 1);
  EXPECT_EQ(Cat().NodeCount("pg", "startup-4"), 1);
  EXPECT_EQ(Cat().NodeCount("pg", "business-4"), 2);
  EXPECT_EQ(Cat().NodeCount("pg", "premium-8"), 3);
  EXPECT_EQ(Cat().NodeCount("kafka", "startup-2"), 3);
  EXPECT_EQ(Cat().NodeCount("kafka", "premium-6x-8"), 6);
  EXPECT_EQ(Cat().NodeCount("pg", "no-such-plan"), 1);
  EXPECT_DOUBLE_EQ(Cat().BuildMultiplier("pg", "startup-4"), 1.0);
  EXPECT_DOUBLE_EQ(Cat().BuildMultiplier("kafka", "premium-6x-8"), 1.5 * 1.5);
  EXPECT_DOUBLE_EQ(Cat().BuildMultiplier("nope", "x"), 1.0);
  EXPECT_EQ(Cat().DefaultVersion("pg"), "16");
  EXPECT_EQ(Cat().DefaultVersion("nope"), "");
}

TEST(CatalogUserConfig, AcceptsAValidPgConfig) {
  Json config = Json::parse(R"({
    "pg_version": "16", "ip_filter": ["10.0.0.0/8", {"network": "1.2.3.4/32", "description": "office"}],
    "public_access": {"pg": true}, "pg": {"max_connections": 200, "jit": false},
    "backup_hour": 3, "recovery_target_time": null, "service_to_fork_from": null, "static_ips": null})");
  EXPECT_EQ(Cat().CheckUserConfig("pg", config), std::nullopt);
  EXPECT_EQ(Cat().CheckUserConfig("pg", Json()), std::nullopt);
  EXPECT_EQ(Cat().CheckUserConfig("pg", Json::object()), std::nullopt);
}

TEST(CatalogUserConfig, RejectsWithExactMessages) {
  auto check = [](const char* type, const char* config) {
    return Cat().CheckUserConfig(type, Json::parse(config)).value_or("valid");
  };
  EXPECT_EQ(
      check("pg", R"({"pg_verion": "16"})"),
      "Invalid 'user_config': Additional properties are not allowed ('pg_verion' was unexpected)");
  EXPECT_EQ(
      check("pg", R"({"a": 1, "b": 2})"),
      "Invalid 'user_config': Additional properties are not allowed ('a', 'b' were unexpected)");
  EXPECT_EQ(check("pg", R"({"pg": {"max_conections": 5}})"),
            "Invalid 'user_config.pg': Additional properties are not allowed ('max_conections' was "
            "unexpected)");
  EXPECT_EQ(check("pg", R"({"pg": {"max_connections": "many"}})"),
            "Invalid 'user_config.pg.max_connections': 'many' is not of type 'integer'");
  EXPECT_EQ(check("pg", R"({"pg_version": 16})"),
            "Invalid 'user_config.pg_version': 16 is not of type 'string'");
  EXPECT_EQ(
      check("pg", R"({"pg_version": "9.6"})"),
      "Invalid 'user_config.pg_version': '9.6' is not one of ['10', '11', '12', '13', '14', '15', "
      "'16', '17', '18']");
  EXPECT_EQ(check("pg", R"({"pg": {"max_connections": 10}})"),
            "Invalid 'user_config.pg.max_connections': 10 is less than the minimum of 25");
  EXPECT_EQ(check("pg", R"({"backup_hour": 24})"),
            "Invalid 'user_config.backup_hour': 24 is greater than the maximum of 23");
  EXPECT_EQ(check("pg", R"({"ip_filter": ["10.0.0.0/8", 7]})"),
            "Invalid 'user_config.ip_filter[1]': 7 is not of type 'object', 'string'");
  EXPECT_EQ(check("pg", R"({"ip_filter": [{"description": "x"}]})"),
            "Invalid 'user_config.ip_filter[0]': 'network' is a required property");
  EXPECT_EQ(check("pg", R"({"public_access": {"pg": "yes"}})"),
            "Invalid 'user_config.public_access.pg': 'yes' is not of type 'boolean'");
  EXPECT_EQ(check("kafka", R"({"kafka": {"auto_create_topics_enable": 1}})"),
            "Invalid 'user_config.kafka.auto_create_topics_enable': 1 is not of type 'boolean'");
  EXPECT_EQ(check("pg", R"({"admin_username": "bad name"})"),
            "Invalid 'user_config.admin_username': 'bad name' does not match "
            "'^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$'");
  EXPECT_EQ(check("pg", "[1]"), "Invalid 'user_config': [1] is not of type 'object'");
  EXPECT_EQ(check("nope", "{}"), "Invalid service_type 'nope'");
}

TEST(CatalogUserConfig, NullIsAbsentButNullableKeysAccept) {
  auto check = [](const char* config) {
    return Cat().CheckUserConfig("kafka", Json::parse(config)).value_or("valid");
  };
  EXPECT_EQ(check(R"({"kafka": null, "kafka_rest": null, "kafka_version": null})"), "valid");
  EXPECT_EQ(check(R"({"kafka": {"num_partitions": 0}})"),
            "Invalid 'user_config.kafka.num_partitions': 0 is less than the minimum of 1");
}

TEST(CatalogIntegrations, AllowedPairs) {
  const Catalog& c = Cat();
  EXPECT_TRUE(c.IntegrationAllowed("kafka_connect", "kafka", "kafka_connect"));
  EXPECT_FALSE(c.IntegrationAllowed("kafka_connect", "pg", "kafka_connect"));
  EXPECT_TRUE(c.IntegrationAllowed("metrics", "pg", "pg"));
  EXPECT_TRUE(c.IntegrationAllowed("metrics", "kafka", "thanos"));
  EXPECT_FALSE(c.IntegrationAllowed("metrics", "pg", "grafana"));
  EXPECT_TRUE(c.IntegrationAllowed("dashboard", "grafana", "pg"));
  EXPECT_FALSE(c.IntegrationAllowed("dashboard", "pg", "grafana"));
  EXPECT_TRUE(c.IntegrationAllowed("datasource", "grafana", "opensearch"));
  EXPECT_TRUE(c.IntegrationAllowed("logs", "kafka", "opensearch"));
  EXPECT_TRUE(c.IntegrationAllowed("kafka_logs", "pg", "kafka"));
  EXPECT_TRUE(c.IntegrationAllowed("read_replica", "pg", "pg"));
  EXPECT_FALSE(c.IntegrationAllowed("read_replica", "pg", "mysql"));
  EXPECT_TRUE(c.IntegrationAllowed("clickhouse_kafka", "kafka", "clickhouse"));
  EXPECT_TRUE(c.IntegrationAllowed("datadog", "pg", ""));
  EXPECT_FALSE(c.IntegrationAllowed("datadog", "", "pg"));
  EXPECT_TRUE(c.IntegrationAllowed("flink_external_kafka", "", "flink"));
  EXPECT_FALSE(c.IntegrationAllowed("no_such_type", "pg", "pg"));
  EXPECT_TRUE(c.EndpointIntegrationAllowed("datadog", "datadog", false));
  EXPECT_FALSE(c.EndpointIntegrationAllowed("datadog", "prometheus", false));
  EXPECT_TRUE(c.EndpointIntegrationAllowed("flink_external_kafka", "external_kafka", true));
  for (const char* e : {"datadog", "prometheus", "rsyslog", "external_elasticsearch_logs",
                        "external_opensearch_logs", "external_kafka", "external_postgresql",
                        "external_google_cloud_logging", "jolokia"}) {
    EXPECT_TRUE(c.HasEndpointType(e)) << e;
  }
  EXPECT_FALSE(c.HasEndpointType("carrier_pigeon"));
  EXPECT_EQ(c.CheckEndpointUserConfig("rsyslog", Json::parse(R"({"server": "logs.example.com"})"))
                .value_or("valid"),
            "Invalid 'user_config': 'port' is a required property");
  EXPECT_EQ(c.CheckIntegrationUserConfig("metrics", Json::parse(R"({"retention_days": 30})")),
            std::nullopt);
}

TEST(CatalogIntegrations, BodiesHideEmulatorKeys) {
  const Json body = Cat().IntegrationTypesBody();  // named: the loop must not outlive it
  for (const Json& t : body["integration_types"]) {
    EXPECT_FALSE(t.contains("dest_endpoint_types")) << t["integration_type"];
    EXPECT_TRUE(t["dest_service_type"].is_string()) << t["integration_type"];
  }
}

}  // namespace
}  // namespace aivenctl::emulator
