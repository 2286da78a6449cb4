// Planner specs: projects and services (ownership, adopt, prune, user_config, replace,
// termination protection, TTL, cost).

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class ServiceCase : public ::testing::TestWithParam<Case> {};

TEST_P(ServiceCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const Case kCases[] = {
    {"empty_account_all_creates",
     R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, version: "16", databases: [app], users: [app]}
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders, partitions: 3, replication: 3}]
    integrations:
      - {type: metrics, source: events, destination: pg}
)",
     R"({"absent_projects": ["ci"]})",
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
+ service:ci/pg
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    user_config.pg_version: "16"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ database:ci/pg/app
+ user:ci/pg/app
+ topic:ci/events/orders
    partitions: 3
    replication: 3
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ integration:ci/metrics:events->pg

Cost: $0.000/h -> $0.356/h (+$0.356/h), $0.00 -> $259.88 per month (+$259.88)
Plan: 7 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"cloud":"google-europe-west1","project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/events wait:service-running [0] {"create":{"cloud":"google-europe-west1","plan":"startup-2","service_name":"events","service_type":"kafka","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create service:ci/pg wait:service-backup [0] {"create":{"cloud":"google-europe-west1","plan":"startup-4","service_name":"pg","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"},"user_config":{"pg_version":"16"}}}
#3 create database:ci/pg/app [2] {"create":{"database":"app"}}
#4 create user:ci/pg/app [2] {"create":{"username":"app"}}
#5 create topic:ci/events/orders wait:topic-active [1] {"create":{"partitions":3,"replication":3,"tags":[{"key":"aivenctl-plan","value":"test"},{"key":"managed-by","value":"aivenctl"}],"topic_name":"orders"}}
#6 create integration:ci/metrics:events->pg wait:integration-active [1,2] {"create":{"dest_project":"ci","dest_service":"pg","integration_type":"metrics","source_project":"ci","source_service":"events"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"no_changes", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        cloud: google-europe-west1
        version: "16"
        user_config: {pg: {max_connections: 200}}
        databases: [app]
        users: [app]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "user_config": {"pg_version": "16", "pg": {"max_connections": 200.0, "work_mem": 4},
                           "ip_filter": ["0.0.0.0/0"], "backup_hour": 3},
           "databases": ["app"], "users": ["app"]}]}]})",
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    service:ci/pg user_config.pg.work_mem = 4

No changes: the live state matches the plan.
)EXP"},

    {"plan_and_cloud_update_waits_for_running",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: business-4, cloud: google-europe-west3}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(~ service:ci/pg
    plan: "startup-4" -> "business-4"
    cloud: "google-europe-west1" -> "google-europe-west3"
    cost: $0.082/h -> $0.246/h, $59.86 -> $179.58 per month

Cost: $0.082/h -> $0.246/h (+$0.164/h), $59.86 -> $179.58 per month (+$119.72)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg wait:service-running [] {"update":{"cloud":"google-europe-west3","plan":"business-4"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"user_config_only_plan_keys_are_managed",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config:
          pg: {max_connections: 400}
          ip_filter: ["10.0.0.0/8"]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "user_config": {"pg": {"max_connections": 200, "work_mem": 4},
                           "ip_filter": ["0.0.0.0/0"], "backup_hour": 3, "pg_version": "16"}}]}]})",
     R"EXP(~ service:ci/pg
    user_config.ip_filter: ["0.0.0.0/0"] -> ["10.0.0.0/8"]
    user_config.pg.max_connections: 200 -> 400

Unmanaged, kept (live but not in the plan; not changes):
    service:ci/pg user_config.pg.work_mem = 4

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg [] {"update":{"user_config":{"ip_filter":["10.0.0.0/8"],"pg":{"max_connections":400,"work_mem":4}}}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"user_config_null_is_managed_as_unset",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config: {backup_hour: null, admin_username: null, pg: {work_mem: null}}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "user_config": {"backup_hour": 3, "pg": {"work_mem": 4, "max_connections": 100}}}]}]})",
     R"EXP(~ service:ci/pg
    user_config.backup_hour: 3 -> (unset)
    user_config.pg.work_mem: 4 -> (unset)

Unmanaged, kept (live but not in the plan; not changes):
    service:ci/pg user_config.pg.max_connections = 100

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg [] {"update":{"user_config":{"backup_hour":null,"pg":{"max_connections":100}}}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"type_change_is_a_replace_error_without_allow", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: db, type: mysql, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "db", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/db must be replaced: "type" cannot change in place ("pg" -> "mysql"); replacing destroys its data: allow it with --allow-replace service:ci/db
--
-/+ service:ci/db ("type" cannot change in place)
    type: "pg" -> "mysql" (forces replacement)

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP"},

    {"type_change_allowed_replaces_and_recreates_children",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: db, type: mysql, plan: startup-4, databases: [app], users: [app]}
      - {name: grafana, type: grafana, plan: startup-1}
      - {name: metrics, type: pg, plan: hobbyist}
    integrations:
      - {type: metrics, source: db, destination: metrics}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "db", "type": "pg", "plan": "startup-4", "owned": true,
           "databases": ["app", "old"], "users": ["app"]},
          {"name": "grafana", "type": "grafana", "plan": "startup-1", "owned": true},
          {"name": "metrics", "type": "pg", "plan": "hobbyist", "owned": true}],
        "integrations": [{"id": "i-1", "type": "metrics", "source": "db", "dest": "metrics"},
                         {"id": "i-2", "type": "dashboard", "source": "grafana", "dest": "db"}]}]})",
     R"EXP(-/+ service:ci/db ("type" cannot change in place)
    type: "pg" -> "mysql" (forces replacement)
+ database:ci/db/app (recreated with service:ci/db)
- database:ci/db/old (deleted with service:ci/db)
+ user:ci/db/app (recreated with service:ci/db)
- integration:ci/dashboard:grafana->db (deleted with service:ci/db)
+ integration:ci/metrics:db->metrics (recreated with service:ci/db)

Cost: $0.139/h -> $0.139/h (+$0.000/h), $101.47 -> $101.47 per month (+$0.00)
Plan: 3 to create, 0 to update, 1 to replace, 2 to destroy.
--
#0 delete service:ci/db wait:gone [] {}
#1 create service:ci/db wait:service-running [0] {"create":{"plan":"startup-4","service_name":"db","service_type":"mysql","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create database:ci/db/app [1] {"create":{"database":"app"}}
#3 create user:ci/db/app [1] {"create":{"username":"app"}}
#4 create integration:ci/metrics:db->metrics wait:integration-active [1] {"create":{"dest_project":"ci","dest_service":"metrics","integration_type":"metrics","source_project":"ci","source_service":"db"}}
)EXP",
     {"service:ci/db"},
     {},
     false,
     false,
     true},

    {"protect_forbids_replace_even_when_allowed",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: db, type: mysql, plan: startup-4, protect: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "db", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/db must be replaced: "type" cannot change in place ("pg" -> "mysql"), but the service has "protect: true", which forbids replacing
--
-/+ service:ci/db ("type" cannot change in place)
    type: "pg" -> "mysql" (forces replacement)

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP",
     {"service:ci/db"}},

    {"replace_of_termination_protected_service_is_an_error",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: db, type: mysql, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "db", "type": "pg", "plan": "startup-4", "owned": true,
           "termination_protection": true}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/db must be replaced but has termination protection; set "termination_protection: false", apply, then plan the replace again
--
-/+ service:ci/db ("type" cannot change in place)
    type: "pg" -> "mysql" (forces replacement)

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP",
     {"service:ci/db"}},

    {"unowned_service_of_the_same_name_is_an_error", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: business-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "tags": {"team": "data"}}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/pg exists and is not owned by this plan; add "adopt: true" to take it over (aivenctl then stamps its ownership tags)
--
No changes: the live state matches the plan.
)EXP"},

    {"adopt_stamps_the_ownership_tags",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, adopt: true, tags: {team: data}}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "tags": {"team": "data"}}]}]})",
     R"EXP(~ service:ci/pg
    tags.aivenctl-adopted: (unset) -> "true"
    tags.aivenctl-plan: (unset) -> "test"
    tags.managed-by: (unset) -> "aivenctl"

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg [] {"tags":{"aivenctl-adopted":"true","aivenctl-plan":"test","managed-by":"aivenctl","team":"data"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    // Adopted before the tag existed: owned, `adopt: true`, no expires-at (a ttl stamps one
    // on what aivenctl creates) -> the tag is added; with expires-at it is left alone; and
    // a plan that drops `adopt: true` keeps the tag.
    {"adopted_before_the_tag_gets_it_on_the_next_apply", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: legacy, type: pg, plan: startup-4, adopt: true}
      - {name: created, type: pg, plan: startup-4, adopt: true}
      - {name: kept, type: pg, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "legacy", "type": "pg", "plan": "startup-4",
           "tags": {"managed-by": "aivenctl", "aivenctl-plan": "test"}},
          {"name": "created", "type": "pg", "plan": "startup-4",
           "tags": {"managed-by": "aivenctl", "aivenctl-plan": "test",
                    "expires-at": "20261128T100000Z"}},
          {"name": "kept", "type": "pg", "plan": "startup-4",
           "tags": {"managed-by": "aivenctl", "aivenctl-plan": "test",
                    "aivenctl-adopted": "true"}}]}]})",
     R"EXP(~ service:ci/legacy
    tags.aivenctl-adopted: (unset) -> "true"

Cost: $0.246/h -> $0.246/h (+$0.000/h), $179.58 -> $179.58 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"service_owned_by_another_plan_is_an_error_even_with_adopt", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, adopt: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": "billing"}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/pg belongs to plan "billing"; a plan never changes what another plan owns
--
No changes: the live state matches the plan.
)EXP"},

    {"owned_service_missing_from_the_plan_is_pruned_with_its_children",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true},
          {"name": "old", "type": "pg", "plan": "hobbyist", "owned": true,
           "databases": ["app"], "users": ["app"]},
          {"name": "theirs", "type": "pg", "plan": "hobbyist"},
          {"name": "other-plan", "type": "pg", "plan": "hobbyist", "owned": "billing"}],
        "integrations": [{"id": "i-1", "type": "metrics", "source": "old", "dest": "pg"}]}]})",
     R"EXP(- service:ci/old (no longer in the plan)
    cost: $0.030/h -> $0.000/h, $21.90 -> $0.00 per month
- database:ci/old/app (deleted with service:ci/old)
- user:ci/old/app (deleted with service:ci/old)
- integration:ci/metrics:old->pg (deleted with service:ci/old)

Unmanaged, kept (live but not in the plan; not changes):
    service:ci/other-plan (owned by plan "billing")
    service:ci/theirs

Cost: $0.112/h -> $0.082/h (-$0.030/h), $81.76 -> $59.86 per month (-$21.90)
Plan: 0 to create, 0 to update, 0 to replace, 4 to destroy.
--
#0 delete service:ci/old wait:gone [] {}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"pruning_a_termination_protected_service_is_an_error", R"(
version: 1
name: test
projects:
  - name: ci
    services: []
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "old", "type": "pg", "plan": "hobbyist", "owned": true,
           "termination_protection": true}]}]})",
     R"EXP(plan.yaml:5:5: error: service:ci/old is no longer in the plan and would be deleted, but it has termination protection; lift it (termination_protection: false, e.g. in the Aiven console) or put the service back in the plan
--
- service:ci/old (no longer in the plan)
    cost: $0.030/h -> $0.000/h, $21.90 -> $0.00 per month

Cost: $0.030/h -> $0.000/h (-$0.030/h), $21.90 -> $0.00 per month (-$21.90)
Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
)EXP"},

    {"power_off_of_a_termination_protected_service_is_an_error", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, powered: false}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "termination_protection": true}]}]})",
     R"EXP(plan.yaml:7:9: error: cannot power off service:ci/pg: termination protection is on; set "termination_protection: false" in the plan to lift it
--
~ service:ci/pg
    powered: true -> false
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"power_off_with_protection_lifted_saves_its_cost", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, powered: false, termination_protection: false}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "termination_protection": true}]}]})",
     R"EXP(~ service:ci/pg
    termination_protection: true -> false
    powered: true -> false
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"ttl_stamps_expires_at_on_created_projects_and_services", R"(
version: 1
name: test
defaults: {cloud: google-europe-north1, ttl: 6h, tags: {purpose: ci}}
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: hobbyist, ttl: 2d}
)",
     R"({})", R"EXP(+ project:ci
    cloud: "google-europe-north1"
    tags.aivenctl-plan: "test"
    tags.expires-at: "20261128T180000Z"
    tags.managed-by: "aivenctl"
    tags.purpose: "ci"
+ service:ci/pg
    type: "pg"
    plan: "hobbyist"
    cloud: "google-europe-north1"
    tags.aivenctl-plan: "test"
    tags.expires-at: "20261130T120000Z"
    tags.managed-by: "aivenctl"
    tags.purpose: "ci"
    cost: $0.000/h -> $0.030/h, $0.00 -> $21.90 per month

Cost: $0.000/h -> $0.030/h (+$0.030/h), $0.00 -> $21.90 per month (+$21.90)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"lifecycle_tags_are_kept_and_other_tags_are_managed",
     R"(
version: 1
name: test
projects:
  - name: ci
    tags: {team: data}
    services:
      - {name: pg, type: pg, plan: startup-4, tags: {team: data}}
)",
     R"({"projects": [{"name": "ci", "owned": true,
        "tags": {"team": "data", "expires-at": "20261129T000000Z"}, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "tags": {"team": "web", "cost-center": "42", "expires-at": "20261129T000000Z",
                    "protect-until": "20261201T000000Z"}}]}]})",
     R"EXP(~ service:ci/pg
    tags.cost-center: "42" -> (unset)
    tags.team: "web" -> "data"

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg [] {"tags":{"aivenctl-plan":"test","expires-at":"20261129T000000Z","managed-by":"aivenctl","protect-until":"20261201T000000Z","team":"data"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"existing_unowned_project_with_create_is_an_error", R"(
version: 1
name: test
projects:
  - name: shared
    services:
      - {name: pg, type: pg, plan: hobbyist}
)",
     R"({"projects": [{"name": "shared"}]})",
     R"EXP(plan.yaml:5:5: error: project:shared exists and is not owned by this plan; set "create: false" to deploy into it without owning it
--
+ service:shared/pg
    type: "pg"
    plan: "hobbyist"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.030/h, $0.00 -> $21.90 per month

Cost: $0.000/h -> $0.030/h (+$0.030/h), $0.00 -> $21.90 per month (+$21.90)
Plan: 1 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"create_false_project_must_exist", R"(
version: 1
name: test
projects:
  - name: shared
    create: false
    services:
      - {name: pg, type: pg, plan: hobbyist}
)",
     R"({"absent_projects": ["shared"]})",
     R"EXP(plan.yaml:5:5: error: project:shared does not exist; the plan uses it with "create: false", so it must exist
--
No changes: the live state matches the plan.
)EXP"},

    {"create_false_project_hosts_owned_services",
     R"(
version: 1
name: test
projects:
  - name: shared
    create: false
    services:
      - {name: pg, type: pg, plan: hobbyist}
)",
     R"({"projects": [{"name": "shared", "default_cloud": "aws-eu-west-1", "services": [
          {"name": "web", "type": "pg", "plan": "hobbyist"}]}]})",
     R"EXP(+ service:shared/pg
    type: "pg"
    plan: "hobbyist"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.030/h, $0.00 -> $21.90 per month

Unmanaged, kept (live but not in the plan; not changes):
    service:shared/web

Cost: $0.000/h -> $0.030/h (+$0.030/h), $0.00 -> $21.90 per month (+$21.90)
Plan: 1 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create service:shared/pg wait:service-backup [] {"create":{"plan":"hobbyist","service_name":"pg","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"maintenance_disk_and_termination_protection_update_in_place",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        maintenance: {dow: sunday, time: "03:00:00"}
        disk_space_mb: 102400
        termination_protection: true
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "maintenance": {"dow": "monday", "time": "03:00:00"}, "disk_space_mb": 81920}]}]})",
     R"EXP(~ service:ci/pg
    termination_protection: false -> true
    maintenance.dow: "monday" -> "sunday"
    disk_space_mb: 81920 -> 102400

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/pg wait:service-running [] {"update":{"disk_space_mb":102400,"maintenance":{"dow":"sunday","time":"03:00:00"},"termination_protection":true}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"secrets_in_user_config_never_reach_the_changeset",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config: {admin_username: admin, admin_password: hunter2-secret}
)",
     R"({"projects": [{"name": "ci", "owned": true}]})",
     R"EXP(+ service:ci/pg
    type: "pg"
    plan: "startup-4"
    user_config.admin_username: "admin"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

warning: service:ci/pg: user_config.admin_password is a secret: aivenctl keeps secrets out of changesets and does not send it (write it as ${env:NAME} to have apply read it from the environment)

Cost: $0.000/h -> $0.082/h (+$0.082/h), $0.00 -> $59.86 per month (+$59.86)
Plan: 1 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create service:ci/pg wait:service-backup [] {"create":{"plan":"startup-4","service_name":"pg","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"},"user_config":{"admin_username":"admin"}}}
)EXP",
     {},
     {},
     false,
     false,
     true},
};

INSTANTIATE_TEST_SUITE_P(Diff, ServiceCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
