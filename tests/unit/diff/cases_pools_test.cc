// Planner specs: PgBouncer connection pools (create after their database and user, update
// in place, unmanaged kept, pruned with prune: true, deleted before their database, and
// the plan-time checks of database, user and size by plan).

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class PoolCase : public ::testing::TestWithParam<Case> {};

TEST_P(PoolCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const Case kCases[] = {
    {"new_pool_goes_after_its_database_and_user",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [app]
        users: [app]
        pools:
          - {name: app-pool, database: app, user: app, size: 20, mode: transaction}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(+ database:ci/pg/app
+ user:ci/pg/app
+ pool:ci/pg/app-pool
    database: "app"
    user: "app"
    size: 20
    mode: "transaction"

Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create database:ci/pg/app [] {"create":{"database":"app"}}
#1 create user:ci/pg/app [] {"create":{"username":"app"}}
#2 create pool:ci/pg/app-pool [0,1] {"create":{"database":"app","pool_mode":"transaction","pool_name":"app-pool","pool_size":20,"username":"app"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"size_and_mode_change_in_place",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [app]
        pools:
          - {name: app-pool, database: app, size: 30, mode: session}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "databases": ["app"],
           "pools": [{"name": "app-pool", "database": "app", "size": 20}]}]}]})",
     R"EXP(~ pool:ci/pg/app-pool
    size: 20 -> 30
    mode: "transaction" -> "session"

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update pool:ci/pg/app-pool [] {"update":{"pool_mode":"session","pool_size":30}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"unset_size_and_mode_are_not_managed_and_unlisted_pools_are_kept", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        pools:
          - {name: app-pool, database: defaultdb}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "pools": [{"name": "app-pool", "database": "defaultdb", "size": 33, "mode": "session"},
                     {"name": "by-hand", "database": "defaultdb"}]}]}]})",
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    pool:ci/pg/by-hand

No changes: the live state matches the plan.
)EXP"},

    {"prune_deletes_an_unlisted_pool_before_its_database",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, prune: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "databases": ["app"],
           "pools": [{"name": "app-pool", "database": "app"}]}]}]})",
     R"EXP(- database:ci/pg/app (not in the plan, prune: true)
- pool:ci/pg/app-pool (not in the plan, prune: true)

Plan: 0 to create, 0 to update, 0 to replace, 2 to destroy.
--
#0 delete pool:ci/pg/app-pool [] {}
#1 delete database:ci/pg/app [0] {}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"unsetting_the_user_replaces_the_pool",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        pools:
          - {name: app-pool, database: defaultdb}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "users": ["app"],
           "pools": [{"name": "app-pool", "database": "defaultdb", "user": "app"}]}]}]})",
     R"EXP(-/+ pool:ci/pg/app-pool ("user" cannot be unset in place)
    user: "app" -> (unset) (forces replacement)

Unmanaged, kept (live but not in the plan; not changes):
    user:ci/pg/app

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
--
#0 delete pool:ci/pg/app-pool [] {}
#1 create pool:ci/pg/app-pool [0] {"create":{"database":"defaultdb","pool_name":"app-pool"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"unknown_database_and_user_and_oversized_pool_are_plan_errors", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [app]
        users: [reporter]
        pools:
          - {name: app-pool, database: apq, user: reportr, size: 101}
)",
     R"({})",
     R"EXP(plan.yaml:13:40: error: pool:ci/pg/app-pool: database "apq" is neither in the plan nor in service:ci/pg (did you mean "app"?); declare it under the service's databases:
plan.yaml:13:51: error: pool:ci/pg/app-pool: user "reportr" is neither in the plan nor in service:ci/pg (did you mean "reporter"?); declare it under the service's users:
plan.yaml:13:66: error: pool:ci/pg/app-pool: size 101 is above the 100 connections of plan "startup-4" (its max_connections); lower it or choose a larger plan
--
+ project:ci
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "startup-4"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ database:ci/pg/app
+ user:ci/pg/reporter
+ pool:ci/pg/app-pool
    database: "apq"
    user: "reportr"
    size: 101

warning: service:ci/pg: its cloud is not known before it is created (set cloud on the service, its project or in defaults); the cost leaves it out

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 5 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"hobbyist_has_no_pooling", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: hobbyist
        pools:
          - {name: app-pool, database: defaultdb}
)",
     R"({})",
     R"EXP(plan.yaml:11:13: error: pool:ci/pg/app-pool: plan "hobbyist" has no connection pooling; use a startup, business or premium plan
--
+ project:ci
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "hobbyist"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ pool:ci/pg/app-pool
    database: "defaultdb"

warning: service:ci/pg: its cloud is not known before it is created (set cloud on the service, its project or in defaults); the cost leaves it out

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"destroy_lets_pools_go_with_their_service",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        pools:
          - {name: app-pool, database: defaultdb}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "pools": [{"name": "app-pool", "database": "defaultdb"}]}]}]})",
     R"EXP(- project:ci
- service:ci/pg
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month
- pool:ci/pg/app-pool (deleted with service:ci/pg)

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 0 to update, 0 to replace, 3 to destroy.
--
#0 delete service:ci/pg wait:gone [] {}
#1 delete project:ci [0] {}
)EXP",
     {},
     {},
     true,
     false,
     true},
};

INSTANTIATE_TEST_SUITE_P(Pools, PoolCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
