// Planner specs: plan-time checks against the catalog, all reported at once with places.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class CheckCase : public ::testing::TestWithParam<Case> {};

TEST_P(CheckCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const Case kCases[] = {
    {"unknown_clouds_name_the_nearest_ones", R"(
version: 1
name: test
defaults: {cloud: google-europe-wst1}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: hobbyist}
      - {name: pg2, type: pg, plan: hobbyist, cloud: aws-eu-wset-1}
)",
     R"({})",
     R"EXP(plan.yaml:4:19: error: defaults.cloud: unknown cloud "google-europe-wst1" (did you mean "google-europe-west1" or "google-europe-west3"?)
plan.yaml:9:54: error: service:ci/pg2: unknown cloud "aws-eu-wset-1" (did you mean "aws-eu-west-1"?)
--
+ project:ci
    cloud: "google-europe-wst1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "hobbyist"
    cloud: "google-europe-wst1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg2
    type: "pg"
    plan: "hobbyist"
    cloud: "aws-eu-wset-1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"service_type_missing_from_the_catalog", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: cache, type: valkey, plan: startup-4}
      - {name: conn, type: kafka_mirrormaker, plan: startup-4}
)",
     R"({})", R"EXP(plan.yaml:8:29: error: service:ci/cache: unknown service type "valkey"
plan.yaml:9:28: error: service:ci/conn: unknown service type "kafka_mirrormaker"
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/cache
    type: "valkey"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/conn
    type: "kafka_mirrormaker"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"unknown_plans_suggest_or_list_valid_ones", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-8}
      - {name: pg2, type: pg, plan: premium-64}
)",
     R"({})",
     R"EXP(plan.yaml:8:9: error: service:ci/pg: unknown plan "startup-8" for service type "pg" (did you mean "startup-4"?)
plan.yaml:9:9: error: service:ci/pg2: unknown plan "premium-64" for service type "pg" (valid plans: "hobbyist", "startup-4" or "business-4")
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "startup-8"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg2
    type: "pg"
    plan: "premium-64"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"plan_not_offered_in_the_cloud", R"(
version: 1
name: test
projects:
  - name: ci
    cloud: aws-eu-west-1
    services:
      - {name: pg, type: pg, plan: business-4}
)",
     R"({})",
     R"EXP(plan.yaml:8:9: error: service:ci/pg: plan "business-4" of "pg" is not offered in cloud "aws-eu-west-1"
--
+ project:ci
    cloud: "aws-eu-west-1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "business-4"
    cloud: "aws-eu-west-1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

warning: service:ci/pg: no price for pg business-4 in cloud "aws-eu-west-1" in the catalog; the cost leaves it out

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"user_config_keys_and_types_against_the_schema", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        version: "14"
        user_config:
          backup_hour: "three"
          pg: {max_connectoins: 100, work_mem: 4096}
          ip_filter: [10.0.0.0/8]
          enable_ipv7: true
)",
     R"({})",
     R"EXP(plan.yaml:11:18: error: service:ci/pg: user_config.pg_version: "14" is not one of "15", "16" or "17"
plan.yaml:13:11: error: service:ci/pg: user_config.backup_hour: expected integer, got string "three"
plan.yaml:14:16: error: service:ci/pg: user_config.pg.max_connectoins: unknown key (did you mean "max_connections"?)
plan.yaml:14:38: error: service:ci/pg: user_config.pg.work_mem: 4096 is above the maximum 1024
plan.yaml:16:11: error: service:ci/pg: user_config.enable_ipv7: unknown key
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    user_config.backup_hour: "three"
    user_config.enable_ipv7: true
    user_config.ip_filter: ["10.0.0.0/8"]
    user_config.pg.max_connectoins: 100
    user_config.pg.work_mem: 4096
    user_config.pg_version: "14"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

Cost: $0.000/h -> $0.082/h (+$0.082/h), $0.00 -> $59.86 per month (+$59.86)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"user_config_deeper_problems_come_from_the_schema_validator", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config:
          ip_filter: [10.0.0.0/8, 7]
)",
     R"({})",
     R"EXP(plan.yaml:12:35: error: service:ci/pg: user_config.ip_filter[1]: Value type not permitted by 'type' constraint.
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    user_config.ip_filter: ["10.0.0.0/8",7]
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

Cost: $0.000/h -> $0.082/h (+$0.082/h), $0.00 -> $59.86 per month (+$59.86)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"replication_above_the_plans_node_count", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders, replication: 4}, {name: ok, replication: 3}]
)",
     R"({})",
     R"EXP(plan.yaml:11:18: error: topic:ci/events/orders: replication 4 is above the 3 nodes of plan "startup-2"
--
+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/events
    type: "kafka"
    plan: "startup-2"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.274/h, $0.00 -> $200.02 per month
+ topic:ci/events/ok
    replication: 3
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ topic:ci/events/orders
    replication: 4
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.274/h (+$0.274/h), $0.00 -> $200.02 per month (+$200.02)
Plan: 4 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"integration_type_must_connect_the_two_service_types", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
      - {name: grafana, type: grafana, plan: startup-1}
    integrations:
      - {type: metrics, source: pg, destination: grafana}
      - {type: dashboard, source: grafana, destination: pg}
)",
     R"({})",
     R"EXP(plan.yaml:11:16: error: integration:ci/metrics:pg->grafana: integration type "metrics" does not connect pg -> grafana (sources: grafana, kafka, kafka_connect, mysql, pg; destinations: pg)
--
+ project:ci
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
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ integration:ci/dashboard:grafana->pg
+ integration:ci/metrics:pg->grafana

Cost: $0.000/h -> $0.109/h (+$0.109/h), $0.00 -> $79.57 per month (+$79.57)
Plan: 5 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"external_integration_end_must_exist", R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: grafana, type: grafana, plan: startup-1}
    integrations:
      - {type: dashboard, source: grafana, destination: shared/pg, external: true}
)",
     R"({"projects": [{"name": "shared", "services": []}]})",
     R"EXP(plan.yaml:10:57: error: integration:ci/dashboard:grafana->shared/pg: service shared/pg was not found
--
+ project:ci
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
+ integration:ci/dashboard:grafana->shared/pg

Cost: $0.000/h -> $0.027/h (+$0.027/h), $0.00 -> $19.71 per month (+$19.71)
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"every_problem_at_once_in_file_order", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: a, type: pg, plan: startup-9}
      - {name: b, type: pg, plan: hobbyist, cloud: google-europe-west9}
      - name: c
        type: kafka
        plan: startup-2
        topics: [{name: t, replication: 5}]
      - {name: d, type: pg, plan: hobbyist}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "d", "type": "pg", "plan": "hobbyist"}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/a: unknown plan "startup-9" for service type "pg" (did you mean "startup-4"?)
plan.yaml:8:52: error: service:ci/b: unknown cloud "google-europe-west9" (did you mean "google-europe-west1" or "google-europe-west3"?)
plan.yaml:12:18: error: topic:ci/c/t: replication 5 is above the 3 nodes of plan "startup-2"
plan.yaml:13:9: error: service:ci/d exists and is not owned by this plan; add "adopt: true" to take it over (aivenctl then stamps its ownership tags)
--
+ service:ci/a
    type: "pg"
    plan: "startup-9"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/b
    type: "pg"
    plan: "hobbyist"
    cloud: "google-europe-west9"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/c
    type: "kafka"
    plan: "startup-2"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.274/h, $0.00 -> $200.02 per month
+ topic:ci/c/t
    replication: 5
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.274/h (+$0.274/h), $0.00 -> $200.02 per month (+$200.02), incomplete: some prices are missing from the catalog
Plan: 4 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"missing_prices_make_the_cost_incomplete", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "hobbyist", "cloud": "do-ams", "owned": true}]}]})",
     R"EXP(~ service:ci/pg
    plan: "hobbyist" -> "startup-4"

warning: service:ci/pg: no price for pg hobbyist in cloud "do-ams" in the catalog; the cost leaves it out

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
)EXP"},
};

INSTANTIATE_TEST_SUITE_P(Diff, CheckCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
