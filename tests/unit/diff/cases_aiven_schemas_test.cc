// Planner specs: integration user_config against Aiven's schemas (the live catalog's, else
// the compiled-in table), each problem at its key; the pair check that cannot run warns;
// retired service types fail at plan.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class AivenSchemaCase : public ::testing::TestWithParam<Case> {};

TEST_P(AivenSchemaCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const Case kCases[] = {
    {"integration_user_config_at_the_key", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: hobbyist}
      - {name: pg2, type: pg, plan: hobbyist}
    integrations:
      - type: metrics
        source: pg
        destination: pg2
        user_config:
          retention_dayz: 3
          retention_days: 20000
          source_mysql: {telegraf: {gather_innodb_metrics: "yes"}}
)",
     R"({})",
     R"EXP(plan.yaml:15:11: error: integration:ci/metrics:pg->pg2: user_config.retention_dayz: unknown key (did you mean "retention_days"?)
plan.yaml:16:11: error: integration:ci/metrics:pg->pg2: user_config.retention_days: 20000 is above the maximum 10000
plan.yaml:17:37: error: integration:ci/metrics:pg->pg2: user_config.source_mysql.telegraf.gather_innodb_metrics: expected boolean, got string "yes"
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "hobbyist"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.030/h, $0.00 -> $21.90 per month
+ service:ci/pg2
    type: "pg"
    plan: "hobbyist"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.030/h, $0.00 -> $21.90 per month
+ integration:ci/metrics:pg->pg2
    user_config.retention_days: 20000
    user_config.retention_dayz: 3
    user_config.source_mysql.telegraf.gather_innodb_metrics: "yes"

Cost: $0.000/h -> $0.060/h (+$0.060/h), $0.00 -> $43.80 per month (+$43.80)
Plan: 4 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"integration_pair_unchecked_warns_naming_each",
     R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: hobbyist}
      - {name: grafana, type: grafana, plan: startup-1}
    integrations:
      - {type: metrics, source: pg, destination: grafana}
      - {type: dashboard, source: grafana, destination: pg}
)",
     R"({})",
     R"EXP(+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/grafana
    type: "grafana"
    plan: "startup-1"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.027/h, $0.00 -> $19.71 per month
+ service:ci/pg
    type: "pg"
    plan: "hobbyist"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.030/h, $0.00 -> $21.90 per month
+ integration:ci/dashboard:grafana->pg
+ integration:ci/metrics:pg->grafana

warning: integration:ci/metrics:pg->grafana: not checked: the integration types are read from a project and the token can read none yet; apply creates the project and checks it before it creates any service
warning: integration:ci/dashboard:grafana->pg: not checked: the integration types are read from a project and the token can read none yet; apply creates the project and checks it before it creates any service

Cost: $0.000/h -> $0.057/h (+$0.057/h), $0.00 -> $41.61 per month (+$41.61)
Plan: 5 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP",
     {},
     {},
     false,
     false,
     false,
     true},

    {"end_of_life_type_fails_at_plan_at_the_type", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: cache
        type: redis
        plan: startup-4
)",
     R"({})",
     R"EXP(plan.yaml:9:15: error: service:ci/cache: service type "redis" has reached end of life: Aiven's catalog no longer offers it; use "valkey"
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/cache
    type: "redis"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},
};

INSTANTIATE_TEST_SUITE_P(Diff, AivenSchemaCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
