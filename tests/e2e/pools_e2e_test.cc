// PgBouncer pools and ClickHouse databases with the real binaries: apply, re-plan clean,
// change a pool in place, unmanaged pools kept (pruned only with prune: true), the pool
// URI only in a 0600 outputs file, plan-time refusals, destroy.

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

std::string PgPlan(const std::string& pool_line, bool prune = false) {
  return std::string(R"(version: 1
name: pools
projects:
  - name: pools-e2e
    services:
      - name: pg
        type: pg
        plan: startup-4
)") + (prune ? "        prune: true\n" : "") +
         R"(        databases: [app]
        users: [app]
        pools:
          - )" +
         pool_line + "\n";
}

constexpr const char* kService = "/v1/project/pools-e2e/service/pg";

class PoolsE2e : public E2eTest {
 protected:
  json Pools() { return Get(kService)["service"]["connection_pools"]; }
  std::string Plan(const std::string& text) { return dir_.Write("pools.yaml", text); }
};

TEST_F(PoolsE2e, ApplyReplanChangeInPlaceAndDestroy) {
  std::string plan =
      Plan(PgPlan("{name: app-pool, database: app, user: app, size: 20, mode: transaction}"));
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  json pools = Pools();
  ASSERT_EQ(pools.size(), 1u) << pools.dump();
  EXPECT_EQ(pools[0]["pool_name"], "app-pool");
  EXPECT_EQ(pools[0]["database"], "app");
  EXPECT_EQ(pools[0]["username"], "app");
  EXPECT_EQ(pools[0]["pool_size"], 20);
  EXPECT_EQ(pools[0]["pool_mode"], "transaction");

  ProcessOutcome clean = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(clean.code, 0) << "not converged:\n" << clean.Describe();

  // Size and mode change in place: one update, the same pool.
  plan = Plan(PgPlan("{name: app-pool, database: app, user: app, size: 30, mode: session}"));
  ProcessOutcome shown = Aivenctl({"plan", plan});
  ASSERT_EQ(shown.code, 0) << shown.Describe();
  EXPECT_NE(shown.out.find("~ pool:pools-e2e/pg/app-pool"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("size: 20 -> 30"), std::string::npos) << shown.out;
  ProcessOutcome changed = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(changed.code, 0) << changed.Describe();
  pools = Pools();
  ASSERT_EQ(pools.size(), 1u);
  EXPECT_EQ(pools[0]["pool_size"], 30);
  EXPECT_EQ(pools[0]["pool_mode"], "session");
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_TRUE(Inventory().empty() || Inventory().begin()->second.empty());
  ExpectNoSecretPrinted();
}

TEST_F(PoolsE2e, UnmanagedPoolIsKeptThenPrunedWithPruneTrue) {
  std::string plan = Plan(PgPlan("{name: app-pool, database: app, user: app, size: 10}"));
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  ASSERT_TRUE(api_->Post(std::string(kService) + "/connection_pool",
                         {{"pool_name", "by-hand"}, {"database", "app"}, {"pool_size", 5}})
                  .ok());
  ProcessOutcome kept = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(kept.code, 0) << kept.Describe();
  EXPECT_NE(kept.out.find("pool:pools-e2e/pg/by-hand"), std::string::npos) << kept.out;
  EXPECT_EQ(Pools().size(), 2u);

  plan = Plan(PgPlan("{name: app-pool, database: app, user: app, size: 10}", /*prune=*/true));
  ProcessOutcome pruned = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(pruned.code, 0) << pruned.Describe();
  ASSERT_EQ(Pools().size(), 1u);
  EXPECT_EQ(Pools()[0]["pool_name"], "app-pool");
}

TEST_F(PoolsE2e, PoolUriOnlyInAPrivateOutputsFile) {
  const std::string plan = Plan(PgPlan("{name: app-pool, database: app, user: app}"));
  const std::string env_file = dir_.path() + "/pg.env";
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan, "--outputs", env_file}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(applied.out.find("postgres://"), std::string::npos) << applied.out;
  struct stat st {};
  ASSERT_EQ(::stat(env_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  std::ifstream in(env_file);
  std::stringstream text;
  text << in.rdbuf();
  const json service = Get(std::string(kService) + "?include_secrets=true")["service"];
  const std::string uri = service["connection_pools"][0]["connection_uri"];
  EXPECT_NE(text.str().find("PG_POOL_APP_POOL_URI"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find(uri), std::string::npos) << text.str();
}

TEST_F(PoolsE2e, PlanRefusesUnknownDatabaseAndOversizedPoolBeforeAnyCall) {
  const std::string plan = Plan(PgPlan("{name: app-pool, database: apq, user: app, size: 101}"));
  ProcessOutcome refused = Aivenctl({"plan", plan});
  EXPECT_EQ(refused.code, 1) << refused.Describe();
  EXPECT_NE(refused.err.find("pools.yaml:12:"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("database \"apq\" is neither in the plan nor in service:pools-e2e/pg "
                             "(did you mean \"app\"?)"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("size 101 is above the 100 connections of plan \"startup-4\""),
            std::string::npos)
      << refused.err;
  EXPECT_TRUE(Inventory().empty()) << "nothing was created";
}

constexpr const char* kClickhousePlan = R"(version: 1
name: ch
projects:
  - name: ch-e2e
    services:
      - name: ch
        type: clickhouse
        plan: startup-16
        databases: [events]
)";

TEST_F(PoolsE2e, ClickhouseDatabasesApplyWaitReplanAndDestroy) {
  const std::string plan = dir_.Write("ch.yaml", kClickhousePlan);
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  json dbs = Get("/v1/project/ch-e2e/service/ch/clickhouse/db")["databases"];
  std::map<std::string, std::string> states;
  for (const auto& d : dbs) states[d["name"]] = d["state"];
  EXPECT_EQ(states["events"], "ok") << "apply waits until ClickHouse has it: " << dbs.dump();
  EXPECT_TRUE(states.contains("default") && states.contains("system")) << dbs.dump();

  ProcessOutcome clean = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(clean.code, 0) << "not converged (Aiven's own default/system are not ours):\n"
                           << clean.Describe();

  // Dropped from the plan with prune: true: deleted (default and system stay).
  std::string pruned = kClickhousePlan;
  pruned.replace(pruned.find("        databases: [events]\n"),
                 std::string("        databases: [events]\n").size(),
                 "        prune: true\n        databases: []\n");
  ProcessOutcome dropped = Aivenctl(Fast({"apply", dir_.Write("ch.yaml", pruned)}));
  ASSERT_EQ(dropped.code, 0) << dropped.Describe();
  dbs = Get("/v1/project/ch-e2e/service/ch/clickhouse/db")["databases"];
  for (const auto& d : dbs) EXPECT_NE(d["name"], "events") << dbs.dump();
  EXPECT_EQ(dbs.size(), 2u) << dbs.dump();

  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
