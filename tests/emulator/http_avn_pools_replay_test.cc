// Replays what Aiven's CLI `avn` sends for `service connection-pool-create / -update /
// -delete / -list` and `service clickhouse database create / list / delete` (bodies as
// aiven/client/client.py builds them) and checks the keys avn reads from the answers.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

using AvnPoolsReplay = HttpTest;

TEST_F(AvnPoolsReplay, ConnectionPoolCommands) {
  CreateProject("p1");
  RunningService("p1", "pg1", "pg", "startup-4");
  const std::string svc = ServicePath("p1", "pg1");
  ASSERT_EQ(api().Post(svc + "/db", {{"database", "app"}}).status, 200);
  ASSERT_EQ(api().Post(svc + "/user", {{"username", "app"}}).status, 200);

  // avn service connection-pool-create pg1 --pool-name app-pool --dbname app --username app
  //   --pool-size 20 --pool-mode session
  ApiResponse r = api().Post(svc + "/connection_pool", {{"database", "app"},
                                                        {"pool_name", "app-pool"},
                                                        {"username", "app"},
                                                        {"pool_size", 20},
                                                        {"pool_mode", "session"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(r.body.contains("message"));

  // avn service connection-pool-list pg1: GET the service, print connection_pools rows.
  r = api().Get(svc);
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json pools = r.body["service"]["connection_pools"];
  ASSERT_EQ(pools.size(), 1u);
  for (const char* key :
       {"pool_name", "database", "username", "pool_mode", "pool_size", "connection_uri"}) {
    EXPECT_TRUE(pools[0].contains(key)) << key;
  }

  // avn service connection-pool-update pg1 --pool-name app-pool --username "" (null clears)
  //   --pool-size 10
  r = api().Put(svc + "/connection_pool/app-pool", {{"username", nullptr}, {"pool_size", 10}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json updated = api().Get(svc).body["service"]["connection_pools"][0];
  EXPECT_FALSE(updated.contains("username")) << updated.dump();
  EXPECT_EQ(updated["pool_size"], 10);

  // avn service connection-pool-delete pg1 --pool-name app-pool
  r = api().Delete(svc + "/connection_pool/app-pool");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(api().Get(svc).body["service"]["connection_pools"].empty());
}

TEST_F(AvnPoolsReplay, ClickhouseDatabaseCommands) {
  CreateProject("p1");
  RunningService("p1", "ch1", "clickhouse", "startup-16");
  const std::string db = ServicePath("p1", "ch1") + "/clickhouse/db";
  // avn service clickhouse database create ch1 events
  ApiResponse r = api().Post(db, {{"database", "events"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  // avn service clickhouse database list ch1: rows of name, engine, required (and state).
  r = api().Get(db);
  ASSERT_EQ(r.status, 200) << r.Describe();
  bool seen = false;
  for (const auto& d : r.body["databases"]) {
    for (const char* key : {"name", "engine", "required", "state"}) {
      EXPECT_TRUE(d.contains(key)) << key << " in " << d.dump();
    }
    seen = seen || d["name"] == "events";
  }
  EXPECT_TRUE(seen);
  // avn service clickhouse database delete ch1 events
  r = api().Delete(db + "/events");
  ASSERT_EQ(r.status, 200) << r.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
