// Planner specs: integrations, the operation graph, --target and destroy.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class GraphCase : public ::testing::TestWithParam<Case> {};

TEST_P(GraphCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const char* kPipeline = R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders}]
      - {name: connect, type: kafka_connect, plan: startup-4}
      - {name: pg, type: pg, plan: startup-4, databases: [app]}
    integrations:
      - {type: kafka_connect, source: events, destination: connect}
      - {type: metrics, source: events, destination: pg}
)";

const char* kPipelineLive = R"({"projects": [{"name": "ci", "owned": true, "services": [
    {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
     "topics": [{"name": "orders", "owned": true}]},
    {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true},
    {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "databases": ["app"]},
    {"name": "legacy", "type": "pg", "plan": "hobbyist", "owned": true},
    {"name": "theirs", "type": "pg", "plan": "hobbyist"}],
  "integrations": [
    {"id": "i-1", "type": "kafka_connect", "source": "events", "dest": "connect"},
    {"id": "i-2", "type": "metrics", "source": "events", "dest": "pg"},
    {"id": "i-3", "type": "metrics", "source": "connect", "dest": "pg"},
    {"id": "i-4", "type": "metrics", "source": "legacy", "dest": "pg"},
    {"id": "i-5", "type": "metrics", "source": "theirs", "dest": "pg"}]}]})";

const Case kCases[] = {
    {"integration_user_config_update_and_pruning",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: events, type: kafka, plan: startup-2}
      - {name: connect, type: kafka_connect, plan: startup-4}
      - {name: pg, type: pg, plan: startup-4}
    integrations:
      - type: kafka_connect
        source: events
        destination: connect
        user_config: {kafka_connect: {group_id: connect}}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true},
          {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true},
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true},
          {"name": "theirs", "type": "pg", "plan": "hobbyist"}],
        "integrations": [
          {"id": "i-1", "type": "kafka_connect", "source": "events", "dest": "connect",
           "user_config": {"kafka_connect": {"group_id": "old", "config_storage_topic": "c"}}},
          {"id": "i-2", "type": "metrics", "source": "events", "dest": "pg"},
          {"id": "i-3", "type": "metrics", "source": "events", "dest": "theirs"}]}]})",
     R"EXP(~ integration:ci/kafka_connect:events->connect
    user_config.kafka_connect.group_id: "old" -> "connect"
- integration:ci/metrics:events->pg (not in the plan, both ends owned by this plan)

Unmanaged, kept (live but not in the plan; not changes):
    service:ci/theirs
    integration:ci/metrics:events->theirs

Plan: 0 to create, 1 to update, 0 to replace, 1 to destroy.
--
#0 delete integration:ci/metrics:events->pg [] {"id":"i-2"}
#1 update integration:ci/kafka_connect:events->connect [] {"id":"i-1","update":{"user_config":{"kafka_connect":{"config_storage_topic":"c","group_id":"connect"}}}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"deletes_run_in_reverse_before_the_services_they_touch",
     kPipeline,
     kPipelineLive,
     R"EXP(- service:ci/legacy (no longer in the plan)
    cost: $0.030/h -> $0.000/h, $21.90 -> $0.00 per month
- integration:ci/metrics:connect->pg (not in the plan, both ends owned by this plan)
- integration:ci/metrics:legacy->pg (deleted with service:ci/legacy)

Unmanaged, kept (live but not in the plan; not changes):
    service:ci/theirs
    integration:ci/metrics:theirs->pg

Cost: $0.523/h -> $0.493/h (-$0.030/h), $381.79 -> $359.89 per month (-$21.90)
Plan: 0 to create, 0 to update, 0 to replace, 3 to destroy.
--
#0 delete integration:ci/metrics:connect->pg [] {"id":"i-3"}
#1 delete service:ci/legacy wait:gone [] {}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"target_limits_to_the_resource_and_what_it_depends_on",
     R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders}, {name: payments}]
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({})",
     R"EXP(+ project:ci
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
+ topic:ci/events/orders
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"

Cost: $0.000/h -> $0.274/h (+$0.274/h), $0.00 -> $200.02 per month (+$200.02)
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"cloud":"google-europe-west1","project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/events wait:service-running [0] {"create":{"cloud":"google-europe-west1","plan":"startup-2","service_name":"events","service_type":"kafka","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create topic:ci/events/orders wait:topic-active [1] {"create":{"tags":[{"key":"aivenctl-plan","value":"test"},{"key":"managed-by","value":"aivenctl"}],"topic_name":"orders"}}
)EXP",
     {},
     {"topic:ci/events/orders"},
     false,
     false,
     true},

    {"target_that_names_nothing_is_an_error",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({})",
     R"EXP(plan.yaml: error: --target service:ci/pgg names nothing in the plan or the live state
--
No changes: the live state matches the plan.
)EXP",
     {},
     {"service:ci/pgg"}},

    {"destroy_deletes_what_the_plan_owns_in_reverse_order",
     kPipeline,
     kPipelineLive,
     R"EXP(- service:ci/connect
    cost: $0.137/h -> $0.000/h, $100.01 -> $0.00 per month
- service:ci/events
    cost: $0.274/h -> $0.000/h, $200.02 -> $0.00 per month
- service:ci/legacy (no longer in the plan)
    cost: $0.030/h -> $0.000/h, $21.90 -> $0.00 per month
- service:ci/pg
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month
- database:ci/pg/app (deleted with service:ci/pg)
- topic:ci/events/orders (deleted with service:ci/events)
- integration:ci/kafka_connect:events->connect (deleted with service:ci/events)
- integration:ci/metrics:connect->pg (deleted with service:ci/connect)
- integration:ci/metrics:events->pg (deleted with service:ci/events)
- integration:ci/metrics:legacy->pg (deleted with service:ci/legacy)
- integration:ci/metrics:theirs->pg (deleted with service:ci/pg)

warning: project:ci stays: it holds services this plan does not own (theirs)

Cost: $0.523/h -> $0.000/h (-$0.523/h), $381.79 -> $0.00 per month (-$381.79)
Plan: 0 to create, 0 to update, 0 to replace, 11 to destroy.
--
#0 delete service:ci/connect wait:gone [] {}
#1 delete service:ci/events wait:gone [] {}
#2 delete service:ci/legacy wait:gone [] {}
#3 delete service:ci/pg wait:gone [] {}
)EXP",
     {},
     {},
     true,
     false,
     true},

    {"destroy_deletes_an_owned_empty_project_last",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, databases: [app]}
      - {name: grafana, type: grafana, plan: startup-1}
    integrations:
      - {type: dashboard, source: grafana, destination: pg}
  - name: shared
    create: false
    services:
      - {name: cache, type: pg, plan: hobbyist}
)",
     R"({"projects": [
          {"name": "ci", "owned": true, "services": [
            {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "databases": ["app"]},
            {"name": "grafana", "type": "grafana", "plan": "startup-1", "owned": true}],
           "integrations": [{"id": "i-1", "type": "dashboard", "source": "grafana", "dest": "pg"}]},
          {"name": "shared", "services": [
            {"name": "cache", "type": "pg", "plan": "hobbyist", "owned": true}]}]})",
     R"EXP(- project:ci
- service:ci/grafana
    cost: $0.027/h -> $0.000/h, $19.71 -> $0.00 per month
- service:ci/pg
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month
- service:shared/cache
    cost: $0.030/h -> $0.000/h, $21.90 -> $0.00 per month
- database:ci/pg/app (deleted with service:ci/pg)
- integration:ci/dashboard:grafana->pg (deleted with service:ci/grafana)

Cost: $0.139/h -> $0.000/h (-$0.139/h), $101.47 -> $0.00 per month (-$101.47)
Plan: 0 to create, 0 to update, 0 to replace, 6 to destroy.
--
#0 delete service:ci/grafana wait:gone [] {}
#1 delete service:ci/pg wait:gone [] {}
#2 delete service:shared/cache wait:gone [] {}
#3 delete project:ci [0,1] {}
)EXP",
     {},
     {},
     true,
     false,
     true},

    {"destroy_refuses_termination_protected_services",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "termination_protection": true}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/pg has termination protection; destroy --force-unprotect lifts it first
--
- project:ci
- service:ci/pg
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 0 to update, 0 to replace, 2 to destroy.
)EXP",
     {},
     {},
     true},

    {"destroy_force_unprotect_lifts_protection_first",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "termination_protection": true}]}]})",
     R"EXP(- project:ci
- service:ci/pg
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 0 to update, 0 to replace, 2 to destroy.
--
#0 delete service:ci/pg wait:gone [] {"unprotect":true}
#1 delete project:ci [0] {}
)EXP",
     {},
     {},
     true,
     true,
     true},

    {"destroy_refuses_protect_true",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, protect: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/pg has "protect: true"; remove it from the plan to destroy the service
--
- project:ci
- service:ci/pg
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 0 to update, 0 to replace, 2 to destroy.
)EXP",
     {},
     {},
     true},

    {"destroy_of_nothing_is_no_changes",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({"absent_projects": ["ci"]})",
     R"EXP(No changes: the live state matches the plan.
)EXP",
     {},
     {},
     true},
    {"service_still_building_its_new_children_wait_for_it",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, databases: [app]}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
    {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "state": "REBUILDING"}]}]})",
     R"EXP(+ database:ci/pg/app

Plan: 1 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg wait:service-running [] {"wait":true}
#1 create database:ci/pg/app [0] {"create":{"database":"app"}}
)EXP",
     {},
     {},
     false,
     false,
     true},
};

INSTANTIATE_TEST_SUITE_P(Diff, GraphCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
