// Connection outputs: names, values and which are secret, from service objects as the API
// sends them; each format's exact text. (tests/e2e/outputs_e2e_test.cc reads every format
// back with the tool that consumes it.)
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
          {"app"},
          {}};
}

ServiceSecrets Kafka() {
  return {"p1",
          "events",
          "kafka",
          nlohmann::json::parse(R"({
            "service_uri": "events:1", "service_uri_params": {"host": "events", "port": "1"},
            "connection_info": {"kafka_access_cert": "CERT", "kafka_access_key": "KEY",
                                "kafka_rest_uri": "https://avnadmin:pw9@events:2"},
            "users": [{"username": "avnadmin", "password": "pw9"},
                      {"username": "loader", "password": "pw8", "access_cert": "UC\n",
                       "access_key": "UK1\nUK2\n"}]})"),
          "",
          {"loader"},
          {}};
}

std::string Keys(const Outputs& vars) {
  std::string keys;
  for (const auto& [k, v] : vars) keys += k + (v.secret ? "* " : " ");
  return keys;
}

TEST(Outputs, EachDeclaredPoolGivesASecretUri) {
  ServiceSecrets pg = Pg("p1", "pg");
  pg.service["connection_pools"] = nlohmann::json::parse(R"([
      {"pool_name": "app-pool", "database": "app", "username": "app", "pool_size": 10,
       "pool_mode": "transaction",
       "connection_uri": "postgres://app:pw2@h:5433/app-pool?sslmode=require"},
      {"pool_name": "no-user", "database": "app", "pool_size": 10, "pool_mode": "session",
       "connection_uri": "postgres://h:5433/no-user?sslmode=require"},
      {"pool_name": "by-hand", "database": "app", "pool_size": 10, "pool_mode": "session",
       "connection_uri": "postgres://x:pw5@h:5433/by-hand?sslmode=require"}])");
  pg.plan_pools = {"app-pool", "no-user", "missing"};
  Outputs vars = OutputVariables({pg});
  ASSERT_TRUE(vars.contains("PG_POOL_APP_POOL_URI"));
  EXPECT_EQ(vars["PG_POOL_APP_POOL_URI"].value,
            "postgres://app:pw2@h:5433/app-pool?sslmode=require");
  EXPECT_TRUE(vars["PG_POOL_APP_POOL_URI"].secret);
  EXPECT_TRUE(vars["PG_POOL_NO_USER_URI"].secret) << "a pool URI is always treated as secret";
  EXPECT_FALSE(vars.contains("PG_POOL_BY_HAND_URI")) << "only pools the plan declares";
  EXPECT_FALSE(vars.contains("PG_POOL_MISSING_URI"));
}

TEST(Outputs, NamesFollowServiceAndTypeAndSecretsAreMarked) {
  auto vars = OutputVariables({Pg("p1", "pg"), Kafka(), Pg("p1", "orders-db")});
  EXPECT_EQ(Keys(vars),
            "EVENTS_KAFKA_ACCESS_CERT* EVENTS_KAFKA_ACCESS_KEY* EVENTS_KAFKA_HOST "
            "EVENTS_KAFKA_PORT EVENTS_KAFKA_REST_URI* EVENTS_KAFKA_URI "
            "EVENTS_KAFKA_USER_LOADER_ACCESS_CERT* EVENTS_KAFKA_USER_LOADER_ACCESS_KEY* "
            "EVENTS_KAFKA_USER_LOADER_PASSWORD* EVENTS_KAFKA_USER_LOADER_URI "
            "ORDERS_DB_PG_CA_CERT ORDERS_DB_PG_DATABASE ORDERS_DB_PG_HOST ORDERS_DB_PG_PASSWORD* "
            "ORDERS_DB_PG_PORT ORDERS_DB_PG_SSLMODE ORDERS_DB_PG_URI* ORDERS_DB_PG_USER "
            "ORDERS_DB_PG_USER_APP_PASSWORD* ORDERS_DB_PG_USER_APP_URI* PG_CA_CERT PG_DATABASE "
            "PG_HOST PG_PASSWORD* PG_PORT PG_SSLMODE PG_URI* PG_USER PG_USER_APP_PASSWORD* "
            "PG_USER_APP_URI* ");
  EXPECT_EQ(vars["PG_USER_APP_PASSWORD"].value, "pw2");
  EXPECT_EQ(vars["EVENTS_KAFKA_ACCESS_KEY"].value, "KEY");
  // Kafka users authenticate with their certificate: the bootstrap URI is the service's.
  EXPECT_EQ(vars["EVENTS_KAFKA_USER_LOADER_URI"].value, "events:1");
  EXPECT_EQ(vars["EVENTS_KAFKA_USER_LOADER_ACCESS_CERT"].value, "UC\n");
  EXPECT_EQ(vars["EVENTS_KAFKA_USER_LOADER_ACCESS_KEY"].value, "UK1\nUK2\n");
}

TEST(Outputs, UserUriIsThatUserOnTheFirstDeclaredDatabaseElseTheDefaultOne) {
  ServiceSecrets pg = Pg("p1", "pg");
  EXPECT_EQ(OutputVariables({pg})["PG_USER_APP_URI"].value,
            "postgres://app:pw2@h:5432/defaultdb?sslmode=require");
  pg.plan_databases = {"orders", "reports"};
  pg.plan_users = {"app", "other", "missing"};  // a user not created yet has no values
  auto vars = OutputVariables({pg});
  EXPECT_EQ(vars["PG_USER_APP_URI"].value, "postgres://app:pw2@h:5432/orders?sslmode=require");
  EXPECT_EQ(vars["PG_USER_OTHER_URI"].value, "postgres://other:pw3@h:5432/orders?sslmode=require");
  EXPECT_EQ(vars.count("PG_USER_MISSING_URI"), 0u);
  // The admin variables stay avnadmin on the default database.
  EXPECT_EQ(vars["PG_URI"].value, "postgres://avnadmin:pw1@h:5432/defaultdb?sslmode=require");
  EXPECT_EQ(vars["PG_DATABASE"].value, "defaultdb");
}

TEST(Outputs, UserUriReplacesUserinfoAndPathOnly) {
  struct Case {
    const char* uri;
    const char* user;
    const char* password;
    const char* database;
    const char* want;
  };
  for (const Case& c : std::vector<Case>{
           {"mysql://avnadmin:x@h:1/defaultdb?ssl-mode=REQUIRED", "app", "p", "shop",
            "mysql://app:p@h:1/shop?ssl-mode=REQUIRED"},
           {"rediss://default:x@h:6379", "cache", "p", "", "rediss://cache:p@h:6379"},
           {"https://avnadmin:x@h:443", "ro", "p", "", "https://ro:p@h:443"},
           {"https://h:443/path#frag", "ro", "p", "", "https://ro:p@h:443/path#frag"},
           {"postgres://a:b@h:5/d", "we ird", "p@ss:w/rd", "my db",
            "postgres://we%20ird:p%40ss%3Aw%2Frd@h:5/my%20db"},
           {"postgres://a:b@h:5/d?sslmode=require", "u", "", "",
            "postgres://u@h:5/d?sslmode=require"},
           {"events:1", "loader", "p", "", "events:1"},
       }) {
    EXPECT_EQ(UserUri(c.uri, c.user, c.password, c.database), c.want) << c.uri;
  }
}

TEST(Outputs, SameNameInTwoProjectsGetsTheProject) {
  auto vars = OutputVariables({Pg("ci-1", "pg"), Pg("ci-2", "pg")});
  EXPECT_EQ(vars.count("PG_URI"), 0u);
  EXPECT_EQ(vars["CI_1_PG_URI"].value, "postgres://avnadmin:pw1@h:5432/defaultdb?sslmode=require");
  EXPECT_EQ(vars["CI_2_PG_HOST"].value, "h");
}

const Outputs kTricky = {
    {"A", {"it's $HOME \"q\" `x` \\n", true}},
    {"CA", {"-----BEGIN-----\nL1\n-----END-----\n", false}},
    {"K", {"100%\r\nline2", true}},
    {"U", {"postgres://u:p@h/d", true}},
};

TEST(Outputs, DotenvSingleQuotesEverythingAndKeepsNewlines) {
  EXPECT_EQ(Dotenv(kTricky),
            "A='it'\\''s $HOME \"q\" `x` \\n'\n"
            "CA='-----BEGIN-----\nL1\n-----END-----\n'\n"
            "K='100%\r\nline2'\n"
            "U='postgres://u:p@h/d'\n");
}

TEST(Outputs, JsonIsOneFlatObject) {
  EXPECT_EQ(OutputsJson({{"A", {"1", true}}, {"B", {"x\ny", false}}}),
            "{\n  \"A\": \"1\",\n  \"B\": \"x\\ny\"\n}\n");
}

TEST(Outputs, EnvFileIsRawAndMultiLineValuesGoToFiles) {
  EnvFile f = RenderEnvFile(kTricky, [](const std::string& name) { return "/w/ci.env." + name; });
  EXPECT_EQ(f.text,
            "A=it's $HOME \"q\" `x` \\n\n"
            "CA_FILE=/w/ci.env.CA\n"
            "K_FILE=/w/ci.env.K\n"
            "U=postgres://u:p@h/d\n");
  std::map<std::string, std::string> files = {
      {"/w/ci.env.CA", "-----BEGIN-----\nL1\n-----END-----\n"}, {"/w/ci.env.K", "100%\r\nline2"}};
  EXPECT_EQ(f.files, files);
}

TEST(Outputs, GithubEnvUsesAFreshDelimiterThatIsNotInTheValue) {
  std::vector<std::string> draws = {"L1", "", "EOF_1", "EOF_2"};  // L1 occurs in CA
  size_t next = 0;
  std::string text = GithubEnv(kTricky, [&] { return draws.at(next++); });
  EXPECT_EQ(text,
            "A=it's $HOME \"q\" `x` \\n\n"
            "CA<<EOF_1\n-----BEGIN-----\nL1\n-----END-----\n\nEOF_1\n"
            "K<<EOF_2\n100%\r\nline2\nEOF_2\n"
            "U=postgres://u:p@h/d\n");
  EXPECT_EQ(next, 4u);
}

TEST(Outputs, GithubMasksEachLineOfEachSecretEscaped) {
  EXPECT_EQ(GithubMasks(kTricky),
            "::add-mask::it's $HOME \"q\" `x` \\n\n"
            "::add-mask::100%25%0D\n"
            "::add-mask::line2\n"
            "::add-mask::postgres://u:p@h/d\n");
}

TEST(Outputs, FormatNamesParse) {
  for (const std::string& name : OutputsFormatNames()) {
    EXPECT_TRUE(ParseOutputsFormat(name).has_value()) << name;
  }
  EXPECT_EQ(ParseOutputsFormat("env-file"), OutputsFormat::kEnvFile);
  EXPECT_FALSE(ParseOutputsFormat("envfile").has_value());
}

}  // namespace
}  // namespace aivenctl::render
