// Planner specs: databases, users and topics (prune rules, never-deleted names, replaces,
// managed topic config, topic ownership).

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class ChildCase : public ::testing::TestWithParam<Case> {};

TEST_P(ChildCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const Case kCases[] = {
    {"prune_true_deletes_unlisted_databases_and_users_but_never_defaults",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, prune: true, databases: [app, reports], users: [app]}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "databases": ["app", "legacy"], "users": ["app", "bob"]}]}]})",
     R"EXP(- database:ci/pg/legacy (not in the plan, prune: true)
+ database:ci/pg/reports
- user:ci/pg/bob (not in the plan, prune: true)

Plan: 1 to create, 0 to update, 0 to replace, 2 to destroy.
--
#0 delete user:ci/pg/bob [] {}
#1 delete database:ci/pg/legacy [] {}
#2 create database:ci/pg/reports [] {"create":{"database":"reports"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"without_prune_unlisted_children_are_left_alone", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, databases: [app]}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "databases": ["app", "legacy"], "users": ["bob"]}]}]})",
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    database:ci/pg/legacy
    user:ci/pg/bob

No changes: the live state matches the plan.
)EXP"},

    {"database_locale_change_is_a_replace_error", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [{name: app, lc_collate: C, lc_ctype: C}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "databases": [{"name": "app", "lc_collate": "en_US.UTF-8", "lc_ctype": "C"}]}]}]})",
     R"EXP(plan.yaml:10:21: error: database:ci/pg/app must be replaced: "lc_collate" cannot change in place ("en_US.UTF-8" -> "C"); replacing destroys its data: allow it with --allow-replace database:ci/pg/app
--
-/+ database:ci/pg/app ("lc_collate" cannot change in place)
    lc_collate: "en_US.UTF-8" -> "C" (forces replacement)

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP"},

    {"database_locale_change_allowed_is_delete_then_create",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [{name: app, lc_collate: C}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "databases": [{"name": "app", "lc_collate": "en_US.UTF-8"}]}]}]})",
     R"EXP(-/+ database:ci/pg/app ("lc_collate" cannot change in place)
    lc_collate: "en_US.UTF-8" -> "C" (forces replacement)

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
--
#0 delete database:ci/pg/app [] {}
#1 create database:ci/pg/app [0] {"create":{"database":"app","lc_collate":"C"}}
)EXP",
     {"database:ci/pg/app"},
     {},
     false,
     false,
     true},

    {"user_access_control_updates_only_plan_keys",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        users: [{name: repl, access_control: {pg_allow_replication: true}}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "users": [{"name": "repl", "access_control": {"pg_allow_replication": false,
                                                        "other": 1}}]}]}]})",
     R"EXP(~ user:ci/pg/repl
    access_control.pg_allow_replication: false -> true

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update user:ci/pg/repl [] {"access_control":{"other":1,"pg_allow_replication":true}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"mysql_user_authentication_change_replaces",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: db
        type: mysql
        plan: startup-4
        users: [{name: app, authentication: mysql_native_password}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "db", "type": "mysql", "plan": "startup-4", "owned": true,
           "users": [{"name": "app", "authentication": "caching_sha2_password"}]}]}]})",
     R"EXP(-/+ user:ci/db/app ("authentication" cannot change in place)
    authentication: "caching_sha2_password" -> "mysql_native_password" (forces replacement)

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
--
#0 delete user:ci/db/app [] {}
#1 create user:ci/db/app [0] {"create":{"authentication":"mysql_native_password","username":"app"}}
)EXP",
     {"user:ci/db/app"},
     {},
     false,
     false,
     true},

    {"protect_on_the_service_forbids_replacing_its_children",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        protect: true
        databases: [{name: app, lc_ctype: C}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "databases": [{"name": "app", "lc_ctype": "en_US.UTF-8"}]}]}]})",
     R"EXP(plan.yaml:11:21: error: database:ci/pg/app must be replaced: "lc_ctype" cannot change in place ("en_US.UTF-8" -> "C"), but its service service:ci/pg has "protect: true", which forbids replacing
--
-/+ database:ci/pg/app ("lc_ctype" cannot change in place)
    lc_ctype: "en_US.UTF-8" -> "C" (forces replacement)

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP",
     {"database:ci/pg/app"}},

    {"topic_partitions_can_grow_in_place",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders, partitions: 12, replication: 2, min_insync_replicas: 2}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "orders", "partitions": 6, "replication": 3, "owned": true}]}]}]})",
     R"EXP(~ topic:ci/events/orders
    partitions: 6 -> 12
    replication: 3 -> 2
    min_insync_replicas: 1 -> 2

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update topic:ci/events/orders [] {"update":{"min_insync_replicas":2,"partitions":12,"replication":2}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"topic_partitions_cannot_shrink", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders, partitions: 3}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "orders", "partitions": 6, "owned": true}]}]}]})",
     R"EXP(plan.yaml:10:18: error: topic:ci/events/orders must be replaced: "partitions" cannot change in place (6 -> 3); replacing destroys its data: allow it with --allow-replace topic:ci/events/orders
--
-/+ topic:ci/events/orders ("partitions" cannot change in place)
    partitions: 6 -> 3 (forces replacement)

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP"},

    {"topic_shrink_allowed_waits_for_the_old_topic_to_go",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders, partitions: 3}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "orders", "partitions": 6, "owned": true}]}]}]})",
     R"EXP(-/+ topic:ci/events/orders ("partitions" cannot change in place)
    partitions: 6 -> 3 (forces replacement)

Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
--
#0 delete topic:ci/events/orders wait:gone [] {}
#1 create topic:ci/events/orders wait:topic-active [0] {"create":{"partitions":3,"tags":[{"key":"aivenctl-plan","value":"test"},{"key":"managed-by","value":"aivenctl"}],"topic_name":"orders"}}
)EXP",
     {"topic:ci/events/orders"},
     {},
     false,
     false,
     true},

    {"topic_config_description_and_tags",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics:
          - name: orders
            description: Orders placed
            tags: {team: shop}
            config: {retention_ms: 604800000, cleanup_policy: delete}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "orders", "owned": true, "tags": {"team": "web"},
                       "config": {"retention_ms": 86400000, "cleanup_policy": "delete",
                                  "segment_bytes": 1048576, "max_message_bytes": 1048588}}]}]}]})",
     R"EXP(~ topic:ci/events/orders
    config.retention_ms: 86400000 -> 604800000
    description: (unset) -> "Orders placed"
    tags.team: "web" -> "shop"

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update topic:ci/events/orders [] {"update":{"config":{"retention_ms":604800000},"tags":[{"key":"aivenctl-plan","value":"test"},{"key":"managed-by","value":"aivenctl"},{"key":"team","value":"shop"}],"topic_description":"Orders placed"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"topics_with_our_tags_are_pruned_without_prune_others_and_internal_never",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "orders", "owned": true}, {"name": "old", "owned": true},
                      {"name": "manual"}, {"name": "__consumer_offsets"},
                      {"name": "_schemas"}, {"name": "billing", "owned": "billing"}]}]}]})",
     R"EXP(- topic:ci/events/old (not in the plan, created by this plan)

Unmanaged, kept (live but not in the plan; not changes):
    topic:ci/events/billing (owned by plan "billing")
    topic:ci/events/manual

Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
--
#0 delete topic:ci/events/old wait:gone [] {}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"prune_true_deletes_unowned_topics_but_never_internal_or_another_plans", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: events, type: kafka, plan: startup-2, prune: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "manual"}, {"name": "__consumer_offsets"},
                      {"name": "billing", "owned": "billing"}]}]}]})",
     R"EXP(- topic:ci/events/manual (not in the plan, prune: true)

Unmanaged, kept (live but not in the plan; not changes):
    topic:ci/events/billing (owned by plan "billing")

Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
)EXP"},

    {"listed_topic_that_exists_unowned_is_an_error", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: manual, partitions: 2}, {name: theirs}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "topics": [{"name": "manual"}, {"name": "theirs", "owned": "billing"}]}]}]})",
     R"EXP(plan.yaml:10:18: error: topic:ci/events/manual exists and is not owned by this plan; add "adopt: true" to its service to take it over
plan.yaml:10:49: error: topic:ci/events/theirs belongs to plan "billing"; a plan never changes what another plan owns
--
No changes: the live state matches the plan.
)EXP"},

    // An adopted topic the plan no longer lists is kept (listed as unmanaged), unlike one
    // the plan created.
    {"adopted_topic_left_out_is_kept_not_deleted",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: events, type: kafka, plan: startup-2, adopt: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true,
           "tags": {"aivenctl-adopted": "true"},
           "topics": [{"name": "legacy", "owned": true, "tags": {"aivenctl-adopted": "true"}},
                      {"name": "made", "owned": true}]}]}]})",
     R"EXP(- topic:ci/events/made (not in the plan, created by this plan)

Unmanaged, kept (live but not in the plan; not changes):
    topic:ci/events/legacy (adopted)

Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
)EXP"},

    {"adopted_service_stamps_its_listed_topics", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: startup-2
        adopt: true
        topics: [{name: manual}]
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "events", "type": "kafka", "plan": "startup-2",
           "topics": [{"name": "manual"}]}]}]})",
     R"EXP(~ service:ci/events
    tags.aivenctl-adopted: (unset) -> "true"
    tags.aivenctl-plan: (unset) -> "test"
    tags.managed-by: (unset) -> "aivenctl"
~ topic:ci/events/manual
    tags.aivenctl-adopted: (unset) -> "true"
    tags.aivenctl-plan: (unset) -> "test"
    tags.managed-by: (unset) -> "aivenctl"

Cost: $0.274/h -> $0.274/h (+$0.000/h), $200.02 -> $200.02 per month (+$0.00)
Plan: 0 to create, 2 to update, 0 to replace, 0 to destroy.
)EXP"},
};

INSTANTIATE_TEST_SUITE_P(Diff, ChildCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
