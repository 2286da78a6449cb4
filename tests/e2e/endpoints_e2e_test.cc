// Integration endpoints end to end: the real aivenctl against the emulator. A plan with a
// Prometheus endpoint (its password from the environment) and a prometheus integration from
// a pg service to it applies, re-plans clean, updates the endpoint's user_config in place,
// and destroys to nothing; the password is sent but never printed or saved.

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "s3cret-prom-pass";

std::string PlanText(const std::string& username) {
  return R"(version: 1
name: obs
defaults: {cloud: google-europe-west1}
projects:
  - name: obs-ep
    services:
      - {name: db, type: pg, plan: hobbyist}
    endpoints:
      - name: prom
        type: prometheus
        user_config: {basic_auth_username: )" +
         username + R"(, basic_auth_password: "${env:PROM_PASSWORD}"}
    integrations:
      - {type: prometheus, source: db, destination: {endpoint: prom}}
)";
}

class EndpointsE2e : public E2eTest {
 protected:
  ProcessOutcome Run(std::vector<std::string> args) {
    ProcessSpec spec;
    spec.env["PROM_PASSWORD"] = kPassword;
    return Aivenctl(std::move(args), spec);
  }
  json Endpoints() {
    return Get("/v1/project/obs-ep/integration_endpoint")
        .value("service_integration_endpoints", json::array());
  }
  /// The endpoint with its secrets, as only include_secrets shows them.
  json EndpointWithSecrets(const std::string& id) {
    return Get("/v1/project/obs-ep/integration_endpoint/" + id + "?include_secrets=true")
        .value("service_integration_endpoint", json::object());
  }
  int PrometheusIntegrations() {
    int n = 0;
    for (const auto& i : Get("/v1/project/obs-ep/service/db/integration")
                             .value("service_integrations", json::array())) {
      if (i.value("integration_type", "") == "prometheus" && i.value("dest_endpoint", "") == "prom")
        ++n;
    }
    return n;
  }
};

TEST_F(EndpointsE2e, ApplyReplanCleanUpdateInPlaceThenDestroyToNothing) {
  const std::string plan = dir_.Write("plan.yaml", PlanText("metrics"));
  const std::string saved = dir_.path() + "/cs.json";

  ProcessOutcome planned = Run({"plan", plan, "--out", saved});
  ASSERT_EQ(planned.code, 0) << planned.Describe();
  EXPECT_NE(planned.out.find("endpoint:obs-ep/prom"), std::string::npos) << planned.Describe();
  EXPECT_NE(planned.out.find("integration:obs-ep/prometheus:db->@prom"), std::string::npos)
      << planned.Describe();
  EXPECT_EQ(planned.out.find(kPassword), std::string::npos);
  EXPECT_EQ(ReadAll(saved).find(kPassword), std::string::npos) << "a secret in the changeset";
  EXPECT_NE(ReadAll(saved).find("PROM_PASSWORD"), std::string::npos);

  ProcessOutcome applied = Run(Fast({"apply", saved}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(applied.out.find(kPassword), std::string::npos);
  EXPECT_EQ(applied.err.find(kPassword), std::string::npos);
  json eps = Endpoints();
  ASSERT_EQ(eps.size(), 1u) << eps.dump();
  EXPECT_EQ(eps[0].value("endpoint_name", ""), "prom");
  EXPECT_EQ(eps[0].value("endpoint_type", ""), "prometheus");
  const std::string id = eps[0].value("endpoint_id", "");
  json full = EndpointWithSecrets(id);
  EXPECT_EQ(full["user_config"].value("basic_auth_password", ""), kPassword) << "sent at apply";
  EXPECT_EQ(full["user_config"].value("basic_auth_username", ""), "metrics");
  EXPECT_EQ(PrometheusIntegrations(), 1);

  ProcessOutcome clean = Run({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(clean.code, 0) << clean.Describe();

  // A user_config change is an update in place: same id, new value, password kept.
  dir_.Write("plan.yaml", PlanText("scraper"));
  ProcessOutcome change = Run({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(change.code, 2) << change.Describe();
  EXPECT_NE(change.out.find("~ endpoint:obs-ep/prom"), std::string::npos) << change.Describe();
  ProcessOutcome updated = Run(Fast({"apply", plan}));
  ASSERT_EQ(updated.code, 0) << updated.Describe();
  full = EndpointWithSecrets(id);
  EXPECT_EQ(full["user_config"].value("basic_auth_username", ""), "scraper");
  EXPECT_EQ(full["user_config"].value("basic_auth_password", ""), kPassword);
  ASSERT_EQ(Endpoints().size(), 1u);
  EXPECT_EQ(Endpoints()[0].value("endpoint_id", ""), id) << "updated, not replaced";
  EXPECT_EQ(Run({"plan", plan, "--detailed-exitcode"}).code, 0);

  ProcessOutcome destroyed = Run(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_TRUE(Inventory().empty());
}

// An endpoint the plan does not declare is reported and kept; prune_endpoints deletes it,
// but never while an integration the plan keeps uses it.
TEST_F(EndpointsE2e, UndeclaredEndpointIsKeptUnlessPruned) {
  const std::string plan = dir_.Write("plan.yaml", PlanText("metrics"));
  ASSERT_EQ(Run(Fast({"apply", plan})).code, 0);
  json body = {
      {"endpoint_name", "other"},
      {"endpoint_type", "rsyslog"},
      {"user_config",
       {{"server", "logs.example.com"}, {"port", 514}, {"format", "rfc5424"}, {"tls", false}}}};
  ApiResponse made = api_->Post("/v1/project/obs-ep/integration_endpoint", body);
  ASSERT_TRUE(made.ok()) << made.Describe();

  ProcessOutcome kept = Run({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(kept.code, 0) << kept.Describe();
  EXPECT_NE(kept.out.find("endpoint:obs-ep/other"), std::string::npos) << kept.Describe();
  EXPECT_EQ(Endpoints().size(), 2u);

  std::string pruned_plan = PlanText("metrics");
  pruned_plan.replace(pruned_plan.find("    endpoints:"), 0, "    prune_endpoints: true\n");
  dir_.Write("plan.yaml", pruned_plan);
  ProcessOutcome pruned = Run(Fast({"apply", plan}));
  ASSERT_EQ(pruned.code, 0) << pruned.Describe();
  json eps = Endpoints();
  ASSERT_EQ(eps.size(), 1u) << eps.dump();
  EXPECT_EQ(eps[0].value("endpoint_name", ""), "prom");
}

}  // namespace
}  // namespace aivenctl::testing
