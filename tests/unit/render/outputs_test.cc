// Connection outputs: names, values and escaping, from service objects as the API sends them.
#include "render/outputs.h"

#include <gtest/gtest.h>

namespace aivenctl::render {
namespace {

ServiceSecrets Pg(const std::string& project, const std::string& name) {
  return {project,
          name,
          "pg",
          nlohmann::json::parse(R"({
            "service_uri": "postgres://avnadmin:pw1@h:5432/defaultdb?sslmode=require",
            "service_uri_params": {"host": "h", "port": "5432", "user": "avnadmin",
                                   "password": "pw1", "dbname": "defaultdb", "sslmode": "require"},
            "users": [{"username": "avnadmin", "password": "pw1"},
                      {"username": "app", "password": "pw2"},
                      {"username": "other", "password": "pw3"}]})"),
          "CA\nLINE",
          {"app"}};
}

TEST(Outputs, NamesFollowServiceAndType) {
  ServiceSecrets kafka{"p1",
                       "events",
                       "kafka",
                       nlohmann::json::parse(R"({
            "service_uri": "events:1", "service_uri_params": {"host": "events", "port": "1"},
            "connection_info": {"kafka_access_cert": "CERT", "kafka_access_key": "KEY"}})"),
                       "",
                       {}};
  auto vars = OutputVariables({Pg("p1", "pg"), kafka, Pg("p1", "orders-db")});
  std::string keys;
  for (const auto& [k, v] : vars) keys += k + " ";
  EXPECT_EQ(keys,
            "EVENTS_KAFKA_ACCESS_CERT EVENTS_KAFKA_ACCESS_KEY EVENTS_KAFKA_HOST EVENTS_KAFKA_PORT "
            "EVENTS_KAFKA_URI ORDERS_DB_PG_CA_CERT ORDERS_DB_PG_DATABASE ORDERS_DB_PG_HOST "
            "ORDERS_DB_PG_PASSWORD ORDERS_DB_PG_PORT ORDERS_DB_PG_SSLMODE ORDERS_DB_PG_URI "
            "ORDERS_DB_PG_USER ORDERS_DB_PG_USER_APP_PASSWORD PG_CA_CERT PG_DATABASE PG_HOST "
            "PG_PASSWORD PG_PORT PG_SSLMODE PG_URI PG_USER PG_USER_APP_PASSWORD ");
  EXPECT_EQ(vars["PG_USER_APP_PASSWORD"], "pw2");
  EXPECT_EQ(vars["EVENTS_KAFKA_ACCESS_KEY"], "KEY");
}

TEST(Outputs, SameNameInTwoProjectsGetsTheProject) {
  auto vars = OutputVariables({Pg("ci-1", "pg"), Pg("ci-2", "pg")});
  EXPECT_EQ(vars.count("PG_URI"), 0u);
  EXPECT_EQ(vars["CI_1_PG_URI"], "postgres://avnadmin:pw1@h:5432/defaultdb?sslmode=require");
  EXPECT_EQ(vars["CI_2_PG_HOST"], "h");
}

TEST(Outputs, DotenvEscapesAndJsonIsFlat) {
  std::map<std::string, std::string> vars{{"A", "x\"y$z\\"}, {"CA", "L1\nL2"}};
  EXPECT_EQ(Dotenv(vars), "A=\"x\\\"y\\$z\\\\\"\nCA=\"L1\\nL2\"\n");
  EXPECT_EQ(OutputsJson({{"A", "1"}}), "{\n  \"A\": \"1\"\n}\n");
}

}  // namespace
}  // namespace aivenctl::render
