// Planner specs: integration endpoints (create, update in place, replace on a type change,
// unmanaged / prune_endpoints, destroy) and integrations that name one as an end; the
// operation graph creates an endpoint before its integrations and deletes it after them.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class EndpointCase : public ::testing::TestWithParam<Case> {};

TEST_P(EndpointCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const char* kPlan = R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - {name: db, type: pg, plan: startup-4}
    endpoints:
      - name: prom
        type: prometheus
        user_config: {basic_auth_username: metrics, basic_auth_password: "${env:PROM_PASSWORD}"}
    integrations:
      - {type: prometheus, source: db, destination: {endpoint: prom}}
)";

const char* kLive = R"({"projects": [{"name": "ci", "owned": true,
  "services": [{"name": "db", "type": "pg", "plan": "startup-4", "owned": true}],
  "endpoints": [{"id": "e-1", "name": "prom", "type": "prometheus",
                 "user_config": {"basic_auth_username": "metrics"}}],
  "integrations": [{"id": "i-1", "type": "prometheus", "source": "db", "dest": "@prom"}]}]})";

std::string With(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

const Case kCases[] = {
    {"create_endpoint_then_its_integration",
     kPlan,
     "{}",
     R"EXP(+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/db
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ endpoint:ci/prom
    type: "prometheus"
    user_config.basic_auth_password: "(secret from $PROM_PASSWORD at apply)"
    user_config.basic_auth_username: "metrics"
+ integration:ci/prometheus:db->@prom

Cost: $0.000/h -> $0.082/h (+$0.082/h), $0.00 -> $59.86 per month (+$59.86)
Plan: 4 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"cloud":"google-europe-west1","project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/db wait:service-backup [0] {"create":{"cloud":"google-europe-west1","plan":"startup-4","service_name":"db","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create endpoint:ci/prom [0] {"create":{"endpoint_name":"prom","endpoint_type":"prometheus","user_config":{"basic_auth_username":"metrics"}}}
#3 create integration:ci/prometheus:db->@prom wait:integration-active [1,2] {"create":{"dest_endpoint":"prom","dest_project":"ci","dest_service":"","integration_type":"prometheus","source_project":"ci","source_service":"db"}}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"clean_when_live_matches", kPlan, kLive, R"EXP(No changes: the live state matches the plan.
)EXP"},
    {"user_config_change_updates_in_place",
     With(kPlan, "basic_auth_username: metrics", "basic_auth_username: scraper"),
     kLive,
     R"EXP(~ endpoint:ci/prom
    user_config.basic_auth_username: "metrics" -> "scraper"

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update endpoint:ci/prom [] {"id":"e-1","update":{"user_config":{"basic_auth_username":"scraper"}}}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"type_change_needs_allow_replace",
     With(With(kPlan, "type: prometheus\n", "type: rsyslog\n"),
          "{basic_auth_username: metrics, basic_auth_password: \"${env:PROM_PASSWORD}\"}",
          "{server: logs.example.com, port: 514, format: rfc5424, tls: false}"),
     kLive,
     R"EXP(plan.yaml:11:15: error: endpoint:ci/prom must be replaced: "type" cannot change in place ("prometheus" -> "rsyslog"); replacing destroys its data: allow it with --allow-replace endpoint:ci/prom
--
-/+ endpoint:ci/prom (an endpoint's type cannot change)
    type: "prometheus" -> "rsyslog" (forces replacement)
    user_config.format: (unset) -> "rfc5424"
    user_config.port: (unset) -> 514
    user_config.server: (unset) -> "logs.example.com"
    user_config.tls: (unset) -> false
-/+ integration:ci/prometheus:db->@prom (recreated with endpoint:ci/prom)

Plan: 0 to create, 0 to update, 2 to replace, 0 to destroy.
)EXP"},
    {"type_change_replaces_and_recreates_its_integration",
     With(With(kPlan, "type: prometheus\n", "type: rsyslog\n"),
          "{basic_auth_username: metrics, basic_auth_password: \"${env:PROM_PASSWORD}\"}",
          "{server: logs.example.com, port: 514, format: rfc5424, tls: false}"),
     kLive,
     R"EXP(-/+ endpoint:ci/prom (an endpoint's type cannot change)
    type: "prometheus" -> "rsyslog" (forces replacement)
    user_config.format: (unset) -> "rfc5424"
    user_config.port: (unset) -> 514
    user_config.server: (unset) -> "logs.example.com"
    user_config.tls: (unset) -> false
-/+ integration:ci/prometheus:db->@prom (recreated with endpoint:ci/prom)

Plan: 0 to create, 0 to update, 2 to replace, 0 to destroy.
--
#0 delete integration:ci/prometheus:db->@prom [] {"id":"i-1"}
#1 delete endpoint:ci/prom [0] {"id":"e-1"}
#2 create endpoint:ci/prom [1] {"create":{"endpoint_name":"prom","endpoint_type":"rsyslog","user_config":{"format":"rfc5424","port":514,"server":"logs.example.com","tls":false}}}
#3 create integration:ci/prometheus:db->@prom wait:integration-active [0,2] {"create":{"dest_endpoint":"prom","dest_project":"ci","dest_service":"","integration_type":"prometheus","source_project":"ci","source_service":"db"}}
)EXP",
     {"endpoint:ci/prom"},
     {},
     false,
     false,
     true},
    {"undeclared_endpoint_is_unmanaged_and_kept", kPlan,
     With(kLive, R"("endpoints": [)",
          R"("endpoints": [{"id": "e-2", "name": "old", "type": "rsyslog"}, )"),
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    endpoint:ci/old

No changes: the live state matches the plan.
)EXP"},
    {"prune_endpoints_deletes_an_unused_one_and_keeps_a_used_one",
     With(kPlan, "    endpoints:\n", "    prune_endpoints: true\n    endpoints:\n"),
     With(
         With(
             kLive, R"("endpoints": [)",
             R"("endpoints": [{"id": "e-2", "name": "old", "type": "rsyslog"}, {"id": "e-3", "name": "used", "type": "datadog"}, )"),
         R"("integrations": [)",
         R"("integrations": [{"id": "i-9", "type": "datadog", "source": "db", "dest": "@used"}, )"),
     R"EXP(- endpoint:ci/old (not in the plan, prune_endpoints: true)

Unmanaged, kept (live but not in the plan; not changes):
    endpoint:ci/used (used by integration:ci/datadog:db->@used)
    integration:ci/datadog:db->@used

Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
--
#0 delete endpoint:ci/old [] {"id":"e-2"}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"destroy_deletes_the_integration_then_the_endpoint",
     kPlan,
     kLive,
     R"EXP(- project:ci
- service:ci/db
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month
- endpoint:ci/prom (declared by this plan)
- integration:ci/prometheus:db->@prom (its endpoint endpoint:ci/prom is deleted)

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 0 to update, 0 to replace, 4 to destroy.
--
#0 delete integration:ci/prometheus:db->@prom [] {"id":"i-1"}
#1 delete endpoint:ci/prom [0] {"id":"e-1"}
#2 delete service:ci/db wait:gone [0] {}
#3 delete project:ci [0,1,2] {}
)EXP",
     {},
     {},
     true,
     false,
     true},
};

INSTANTIATE_TEST_SUITE_P(Spec, EndpointCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
