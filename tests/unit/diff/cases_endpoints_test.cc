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
     R"EXP(EXPECTED_1)EXP",
     {},
     {},
     false,
     false,
     true},
    {"clean_when_live_matches", kPlan, kLive, R"EXP(EXPECTED_2)EXP"},
    {"user_config_change_updates_in_place",
     With(kPlan, "basic_auth_username: metrics", "basic_auth_username: scraper"),
     kLive,
     R"EXP(EXPECTED_3)EXP",
     {},
     {},
     false,
     false,
     true},
    {"type_change_needs_allow_replace",
     With(With(kPlan, "type: prometheus\n", "type: rsyslog\n"),
          "{basic_auth_username: metrics, basic_auth_password: \"${env:PROM_PASSWORD}\"}",
          "{server: logs.example.com, port: 514, format: rfc5424, tls: false}"),
     kLive, R"EXP(EXPECTED_4)EXP"},
    {"type_change_replaces_and_recreates_its_integration",
     With(With(kPlan, "type: prometheus\n", "type: rsyslog\n"),
          "{basic_auth_username: metrics, basic_auth_password: \"${env:PROM_PASSWORD}\"}",
          "{server: logs.example.com, port: 514, format: rfc5424, tls: false}"),
     kLive,
     R"EXP(EXPECTED_5)EXP",
     {"endpoint:ci/prom"},
     {},
     false,
     false,
     true},
    {"undeclared_endpoint_is_unmanaged_and_kept", kPlan,
     With(kLive, R"("endpoints": [)",
          R"("endpoints": [{"id": "e-2", "name": "old", "type": "rsyslog"}, )"),
     R"EXP(EXPECTED_6)EXP"},
    {"prune_endpoints_deletes_an_unused_one_and_keeps_a_used_one",
     With(kPlan, "    endpoints:\n", "    prune_endpoints: true\n    endpoints:\n"),
     With(
         With(
             kLive, R"("endpoints": [)",
             R"("endpoints": [{"id": "e-2", "name": "old", "type": "rsyslog"}, {"id": "e-3", "name": "used", "type": "datadog"}, )"),
         R"("integrations": [)",
         R"("integrations": [{"id": "i-9", "type": "datadog", "source": "db", "dest": "@used"}, )"),
     R"EXP(EXPECTED_7)EXP",
     {},
     {},
     false,
     false,
     true},
    {"destroy_deletes_the_integration_then_the_endpoint",
     kPlan,
     kLive,
     R"EXP(EXPECTED_8)EXP",
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
