// PgBouncer connection pools and ClickHouse databases over real HTTP: Aiven's paths,
// bodies, status codes and error texts; the plan's pool size limit; the database states
// moving on the emulator clock; answers checked against the OpenAPI subset.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class Pools : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    RunningService("p1", "pg1", "pg", "startup-4");
    ASSERT_EQ(api().Post(ServicePath("p1", "pg1") + "/db", {{"database", "app"}}).status, 200);
    ASSERT_EQ(api().Post(ServicePath("p1", "pg1") + "/user", {{"username", "app"}}).status, 200);
  }
  std::string base() { return ServicePath("p1", "pg1") + "/connection_pool"; }
  json PoolsOf(bool secrets = false) {
    const ApiResponse r =
        api().Get(ServicePath("p1", "pg1") + (secrets ? "?include_secrets=true" : ""));
    return r.body["service"]["connection_pools"];
  }
};

TEST_F(Pools, CreateUpdateDeleteThroughTheServiceObject) {
  const json body = {{"pool_name", "app-pool"},
                     {"database", "app"},
                     {"username", "app"},
                     {"pool_size", 20},
                     {"pool_mode", "session"}};
  const ApiResponse created = api().Post(base(), body);
  ASSERT_EQ(created.status, 200) << created.Describe();
  json pools = PoolsOf();
  ASSERT_EQ(pools.size(), 1u);
  EXPECT_EQ(pools[0]["pool_name"], "app-pool");
  EXPECT_EQ(pools[0]["database"], "app");
  EXPECT_EQ(pools[0]["username"], "app");
  EXPECT_EQ(pools[0]["pool_size"], 20);
  EXPECT_EQ(pools[0]["pool_mode"], "session");
  const std::string uri = pools[0]["connection_uri"];
  EXPECT_EQ(uri.find(':', uri.find("://") + 3) < uri.find('@'), false)
      << "no password without include_secrets: " << uri;
  const std::string secret_uri = PoolsOf(true)[0]["connection_uri"];
  EXPECT_NE(secret_uri.find("app:"), std::string::npos) << secret_uri;
  EXPECT_NE(secret_uri.find("/app-pool?sslmode=require"), std::string::npos) << secret_uri;

  ExpectErrorContaining(api().Post(base(), body), 409, "Connection pool 'app-pool' already exists");
  const ApiResponse updated =
      api().Put(base() + "/app-pool", {{"pool_size", 30}, {"pool_mode", "transaction"}});
  ASSERT_EQ(updated.status, 200) << updated.Describe();
  pools = PoolsOf();
  EXPECT_EQ(pools[0]["pool_size"], 30);
  EXPECT_EQ(pools[0]["pool_mode"], "transaction");
  EXPECT_EQ(pools[0]["username"], "app");

  ASSERT_EQ(api().Delete(base() + "/app-pool").status, 200);
  EXPECT_TRUE(PoolsOf().empty());
  ExpectErrorContaining(api().Delete(base() + "/app-pool"), 404,
                        "Connection pool 'app-pool' does not exist");
  ExpectErrorContaining(api().Put(base() + "/app-pool", {{"pool_size", 5}}), 404, "does not exist");
  EXPECT_GE(TestApi::ValidatedCount("ServicePGBouncerCreate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServicePGBouncerUpdate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServicePGBouncerDelete"), 1);
}

TEST_F(Pools, ValidatesLikeAiven) {
  ExpectErrorContaining(api().Post(base(), {{"pool_name", "p"}, {"database", "nope"}}), 400,
                        "Database 'nope' does not exist");
  ExpectErrorContaining(
      api().Post(base(), {{"pool_name", "p"}, {"database", "app"}, {"username", "bob"}}), 400,
      "User 'bob' does not exist");
  // startup-4: 4 GiB, max_connections 100.
  ExpectErrorContaining(
      api().Post(base(), {{"pool_name", "p"}, {"database", "app"}, {"pool_size", 101}}), 400,
      "pool_size must be between 1 and 100 on plan 'startup-4'");
  ASSERT_EQ(
      api().Post(base(), {{"pool_name", "p"}, {"database", "app"}, {"pool_size", 100}}).status,
      200);
  ExpectErrorContaining(api().Put(base() + "/p", {{"pool_size", 101}}), 400, "between 1 and 100");
  ExpectErrorContaining(api().Post(base(), {{"database", "app"}}), 400, "pool_name");
  const json defaults = PoolsOf()[0];
  EXPECT_EQ(defaults["pool_mode"], "transaction");
  EXPECT_FALSE(defaults.contains("username"));

  RunningService("p1", "tiny", "pg", "hobbyist");
  ExpectErrorContaining(api().Post(ServicePath("p1", "tiny") + "/connection_pool",
                                   {{"pool_name", "p"}, {"database", "defaultdb"}}),
                        400, "Connection pooling is not available on plan 'hobbyist'");
  ExpectErrorContaining(api().Post(ServicePath("p1", "nope") + "/connection_pool",
                                   {{"pool_name", "p"}, {"database", "defaultdb"}}),
                        404, "");
}

class ClickhouseDatabases : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    RunningService("p1", "ch1", "clickhouse", "startup-16");
  }
  std::string base() { return ServicePath("p1", "ch1") + "/clickhouse/db"; }
  std::map<std::string, std::string> States() {
    std::map<std::string, std::string> out;
    const ApiResponse r = api().Get(base());
    EXPECT_EQ(r.status, 200) << r.Describe();
    for (const auto& d : r.body["databases"]) out[d["name"]] = d["state"];
    return out;
  }
};

TEST_F(ClickhouseDatabases, StatesMoveOnTheClock) {
  EXPECT_EQ(States(), (std::map<std::string, std::string>{{"default", "ok"}, {"system", "ok"}}));
  ASSERT_EQ(api().Post(base(), {{"database", "events"}}).status, 200);
  EXPECT_EQ(States()["events"], "pending_creation");
  ExpectErrorContaining(api().Post(base(), {{"database", "events"}}), 409,
                        "Database 'events' already exists");
  Advance(2);
  EXPECT_EQ(States()["events"], "ok");

  ASSERT_EQ(api().Delete(base() + "/events").status, 200);
  EXPECT_EQ(States()["events"], "pending_removal");
  Advance(2);
  EXPECT_FALSE(States().contains("events"));
  ExpectErrorContaining(api().Delete(base() + "/events"), 404, "Database 'events' does not exist");
  ExpectErrorContaining(api().Delete(base() + "/default"), 400, "is required");
  ExpectErrorContaining(api().Post(base(), json::object()), 400, "database");
  EXPECT_GE(TestApi::ValidatedCount("ServiceClickHouseDatabaseList"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceClickHouseDatabaseCreate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceClickHouseDatabaseDelete"), 1);
}

TEST_F(ClickhouseDatabases, OnlyOnClickhouseServices) {
  RunningService("p1", "pg1", "pg", "startup-4");
  ExpectErrorContaining(api().Get(ServicePath("p1", "pg1") + "/clickhouse/db"), 400,
                        "does not support ClickHouse databases");
  ExpectErrorContaining(api().Post(ServicePath("p1", "ch1") + "/connection_pool",
                                   {{"pool_name", "p"}, {"database", "default"}}),
                        400, "does not support connection pools");
}

}  // namespace
}  // namespace aivenctl::testing
