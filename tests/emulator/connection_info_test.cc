#include <gtest/gtest.h>

#include "catalog.h"
#include "catalog_test_util.h"
#include "connection_info.h"

namespace aivenctl::emulator {
namespace {

ServiceEndpointInput Input(const char* type, const char* password, int nodes = 1) {
  ServiceEndpointInput in;
  in.project = "ci-42";
  in.service = std::string(type) == "pg" ? "pg" : "events";
  in.type = type;
  in.cloud = "google-europe-north1";
  in.admin_user = "avnadmin";
  in.admin_password = password;
  in.default_db = std::string(type) == "pg" ? "defaultdb" : "";
  in.node_count = nodes;
  return in;
}

TEST(ConnectionInfo, HostAndPortAreStable) {
  ServiceEndpointInput in = Input("pg", "pw");
  EXPECT_EQ(ServiceHost(in), "pg-ci-42.a.aivencloud.com");
  int port = ServiceBasePort(in);
  EXPECT_GE(port, 10000);
  EXPECT_LE(port, 29989);
  EXPECT_EQ(ServiceBasePort(in), port);
  in.service = "pg2";
  EXPECT_NE(ServiceBasePort(in), port);
}

TEST(ConnectionInfo, Pg) {
  ServiceEndpointInput in = Input("pg", "s3cret", 2);
  const std::string port = std::to_string(ServiceBasePort(in));
  const std::string host = "pg-ci-42.a.aivencloud.com";
  Json service = Json::object();
  AddConnectionDetails(in, service);
  const std::string uri =
      "postgres://avnadmin:s3cret@" + host + ":" + port + "/defaultdb?sslmode=require";
  EXPECT_EQ(service["service_uri"], uri);
  Json params = {{"dbname", "defaultdb"}, {"host", host},         {"password", "s3cret"},
                 {"port", port},          {"sslmode", "require"}, {"user", "avnadmin"}};
  EXPECT_EQ(service["service_uri_params"], params);
  EXPECT_EQ(service["connection_info"]["pg"], Json::array({uri}));
  EXPECT_EQ(service["connection_info"]["pg_params"], Json::array({params}));
  EXPECT_TRUE(service["connection_info"]["pg_params"][0]["port"].is_string());
  EXPECT_EQ(
      service["connection_info"]["pg_replica_uri"],
      "postgres://avnadmin:s3cret@replica-" + host + ":" + port + "/defaultdb?sslmode=require");
  const Json& comps = service["components"];
  ASSERT_EQ(comps.size(), 3u);  // pg primary, pg replica, pgbouncer
  EXPECT_EQ(comps[0], Json({{"component", "pg"},
                            {"host", host},
                            {"port", std::stoi(port)},
                            {"route", "dynamic"},
                            {"usage", "primary"},
                            {"ssl", true}}));
  EXPECT_EQ(comps[1]["usage"], "replica");
  EXPECT_EQ(comps[2]["component"], "pgbouncer");
}

TEST(ConnectionInfo, PublicAccessAddsPublicRoute) {
  ServiceEndpointInput in = Input("pg", "pw");
  in.user_config = {{"public_access", {{"pg", true}}}};
  Json service = Json::object();
  AddConnectionDetails(in, service);
  ASSERT_EQ(service["components"].size(), 3u);
  EXPECT_EQ(service["components"][1]["route"], "public");
  EXPECT_EQ(service["components"][1]["host"], "public-pg-ci-42.a.aivencloud.com");
}

TEST(ConnectionInfo, KafkaRedactsTheKeyOnly) {
  ServiceEndpointInput in = Input("kafka", "<redacted>", 3);
  const int port = ServiceBasePort(in);
  const std::string host = "events-ci-42.a.aivencloud.com";
  Json service = Json::object();
  AddConnectionDetails(in, service);
  EXPECT_EQ(service["service_uri"], host + ":" + std::to_string(port));
  const Json& info = service["connection_info"];
  EXPECT_EQ(info["kafka"], Json::array({host + ":" + std::to_string(port)}));
  EXPECT_EQ(info["kafka_access_key"], "<redacted>");
  EXPECT_EQ(info["kafka_access_cert"].get<std::string>().rfind("-----BEGIN CERTIFICATE-----\n", 0),
            0u);
  EXPECT_EQ(info["kafka_rest_uri"],
            "https://avnadmin:<redacted>@" + host + ":" + std::to_string(port + 2));
  const Json& comps = service["components"];
  ASSERT_EQ(comps.size(), 2u);
  EXPECT_EQ(comps[0]["kafka_authentication_method"], "certificate");
  EXPECT_EQ(comps[1]["kafka_authentication_method"], "sasl");
  EXPECT_EQ(comps[1]["route"], "dynamic");
  EXPECT_EQ(comps[0]["kafka_ssl_ca"], "project_ca");

  in.admin_password = "pw";
  in.user_config = {{"kafka_rest", true}, {"schema_registry", true}};
  Json open = Json::object();
  AddConnectionDetails(in, open);
  EXPECT_EQ(open["connection_info"]["kafka_access_key"].get<std::string>().rfind(
                "-----BEGIN PRIVATE KEY-----\n", 0),
            0u);
  ASSERT_EQ(open["components"].size(), 4u);
  EXPECT_EQ(open["components"][2]["component"], "kafka_rest");
  EXPECT_EQ(open["components"][3]["component"], "schema_registry");
}

TEST(ConnectionInfo, MysqlUsesHyphenatedSslMode) {
  ServiceEndpointInput in = Input("mysql", "pw");
  in.default_db = "defaultdb";
  Json service = Json::object();
  AddConnectionDetails(in, service);
  EXPECT_EQ(service["connection_info"]["mysql_params"][0]["ssl-mode"], "REQUIRED");
  EXPECT_NE(service["service_uri"].get<std::string>().find("?ssl-mode=REQUIRED"),
            std::string::npos);
}

TEST(ConnectionInfo, EveryCatalogTypeGetsDetails) {
  std::string error;
  std::optional<Catalog> catalog = Catalog::Load(testing::CatalogPath(), &error);
  ASSERT_TRUE(catalog) << error;
  const Json body = catalog->ServiceTypesBody();
  for (auto& [type, entry] : body["service_types"].items()) {
    ServiceEndpointInput in = Input("pg", "pw");
    in.type = type;
    Json service = Json::object();
    AddConnectionDetails(in, service);
    EXPECT_TRUE(service["service_uri_params"].is_object()) << type;
    EXPECT_TRUE(service["connection_info"].is_object()) << type;
    EXPECT_TRUE(service["components"].is_array()) << type;
    for (auto& [key, value] : service["service_uri_params"].items()) {
      EXPECT_TRUE(value.is_string()) << type << " " << key;
    }
    if (type != "kafka_mirrormaker") {
      EXPECT_FALSE(service["components"].empty()) << type;
    }
  }
}

}  // namespace
}  // namespace aivenctl::emulator
