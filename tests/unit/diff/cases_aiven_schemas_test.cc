// Planner specs: integration user_config against Aiven's schemas (the live catalog's, else
// the compiled-in table), each problem at its key; the pair check that cannot run warns;
// retired service types fail at plan; a change to a create_only key needs a replace and a
// `_secure` key never reaches a changeset.

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
    {"create_only_change_needs_a_replace", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        cloud: google-europe-west1
        user_config: {admin_username: boss, backup_hour: 4}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "user_config": {"admin_username": "root", "backup_hour": 3}}]}]})",
     R"EXP(plan.yaml:7:9: error: service:ci/pg must be replaced: "user_config.admin_username" cannot change in place ("root" -> "boss"); replacing destroys its data: allow it with --allow-replace service:ci/pg
--
-/+ service:ci/pg ("user_config.admin_username" cannot change in place)
    user_config.admin_username: "root" -> "boss" (forces replacement)
    user_config.backup_hour: 3 -> 4

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 0 to update, 1 to replace, 0 to destroy.
)EXP"},

    {"create_only_unseen_live_is_left_alone", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        cloud: google-europe-west1
        user_config: {service_to_fork_from: other, backup_hour: 3}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
           "user_config": {"backup_hour": 3}}]}]})",
     R"EXP(No changes: the live state matches the plan.
)EXP"},

    {"secure_keys_never_in_the_changeset",
     R"(
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
          migration: {host: db.example.com, passphrase: hunter2-but-long}
)",
     R"({})",
     R"EXP(+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/pg
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    user_config.migration.host: "db.example.com"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

warning: service:ci/pg: user_config.migration.passphrase is a secret: aivenctl keeps secrets out of changesets and does not send it (write it as ${env:NAME} to have apply read it from the environment)

Cost: $0.000/h -> $0.082/h (+$0.082/h), $0.00 -> $59.86 per month (+$59.86)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"cloud":"google-europe-west1","project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/pg wait:service-backup [0] {"create":{"cloud":"google-europe-west1","plan":"startup-4","service_name":"pg","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"},"user_config":{"migration":{"host":"db.example.com"}}}}
)EXP",
     {},
     {},
     false,
     false,
     true},
};

// Aiven writes some patterns for Python ((?i), octal escapes); std::regex reads them only
// rewritten, and then they restrict values at plan time as on Aiven.
TEST(AivenSchemaPatterns, PythonStylePatternsRestrictAtPlan) {
  const model::Catalog& catalog = AivenSchemaCatalog();
  auto plan = [&](const std::string& timezone, const std::string& client_id) {
    diff::PlanOptions o;
    o.now = Now();
    return Render(diff::Plan(LoadPlan(R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: dash
        type: grafana
        plan: startup-1
        user_config:
          date_formats: {default_timezone: ")" +
                                      timezone + R"("}
          auth_github: {client_id: ")" +
                                      client_id + R"(", client_secret: s3cret-x,
                        allowed_organizations: [acme]}
)"),
                             model::LiveState{}, catalog, o),
                  false);
  };
  EXPECT_EQ(plan("Europe/Helsinki", "Iv1.abc").find("error"), std::string::npos)
      << plan("Europe/Helsinki", "Iv1.abc");
  EXPECT_EQ(plan("utc", "Iv1.abc").find("error"), std::string::npos) << plan("utc", "Iv1.abc");
  const std::string zone = plan("not a zone", "Iv1.abc");
  EXPECT_NE(zone.find("user_config.date_formats.default_timezone"), std::string::npos) << zone;
  const std::string id = plan("UTC", "tab\\there");
  EXPECT_NE(id.find("user_config.auth_github.client_id"), std::string::npos) << id;
}

INSTANTIATE_TEST_SUITE_P(Diff, AivenSchemaCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
