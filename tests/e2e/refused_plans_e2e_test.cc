// The spec table of refused plans (issue 17): on an account with no project, each plan
// fails at `plan` with exit 1 and the file:line:col of the offending key (the integration
// pair, which needs a project to be checked, warns at `plan` instead), and in every case
// `apply` creates no service. `validate` catches the topic config and endpoint user_config
// cases offline (Aiven's endpoint schemas are compiled in).

#include <filesystem>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

struct Refused {
  std::string name;
  std::string yaml;
  int validate_code;       ///< 1 when validate catches it offline
  int plan_code;           ///< 1, or 0 for the pair (a warning)
  std::string diagnostic;  ///< the line plan prints (validate too when it catches it);
                           ///< PLAN stands for the plan file's path
};

const Refused kTable[] = {
    {"integration_pair", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-pair
    services:
      - {name: pg, type: pg, plan: hobbyist}
      - {name: grafana, type: grafana, plan: startup-1}
    integrations:
      - {type: metrics, source: pg, destination: grafana}
)",
     0, 0,
     "warning: integration:refused-pair/metrics:pg->grafana: not checked: the "
     "integration types are read from a project and the token can read none yet; apply "
     "creates the project and checks it before it creates any service"},
    {"integration_user_config_key", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-iuc
    services:
      - {name: pg, type: pg, plan: hobbyist}
      - {name: pg2, type: pg, plan: hobbyist}
    integrations:
      - type: metrics
        source: pg
        destination: pg2
        user_config: {retention_dayz: 3}
)",
     0, 1,
     "PLAN:13:23: error: integration:refused-iuc/metrics:pg->pg2: user_config.retention_dayz: "
     "unknown key (did you mean \"retention_days\"?)"},
    {"endpoint_user_config", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-euc
    services:
      - {name: pg, type: pg, plan: hobbyist}
    endpoints:
      - name: prom
        type: prometheus
        user_config:
          basic_auth_usernam: metrics
)",
     1, 1,
     "PLAN:12:11: error: endpoint:refused-euc/prom: user_config.basic_auth_usernam: unknown "
     "key (did you mean \"basic_auth_username\"?)"},
    {"topic_config_key", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-tck
    services:
      - name: events
        type: kafka
        plan: business-4
        topics:
          - {name: orders, config: {retension_ms: 1000}}
)",
     1, 1,
     "PLAN:11:37: error: topic config \"retension_ms\": unknown key (did you mean "
     "\"retention_ms\"?)"},
    {"topic_config_value", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-tcv
    services:
      - name: events
        type: kafka
        plan: business-4
        topics:
          - name: orders
            config:
              retention_ms: 7d
)",
     1, 1, "PLAN:13:15: error: topic config \"retention_ms\": expected integer, got string \"7d\""},
    {"user_config_key", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-uck
    services:
      - name: pg
        type: pg
        plan: hobbyist
        user_config:
          pg:
            max_conections: 200
)",
     0, 1,
     "PLAN:12:13: error: service:refused-uck/pg: user_config.pg.max_conections: unknown key "
     "(did you mean \"max_connections\"?)"},
    {"user_config_value", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-ucv
    services:
      - name: pg
        type: pg
        plan: hobbyist
        user_config:
          backup_hour: 30
)",
     0, 1,
     "PLAN:11:11: error: service:refused-ucv/pg: user_config.backup_hour: 30 is above the "
     "maximum 23"},
    {"end_of_life_type", R"(version: 1
name: refused
defaults: {cloud: google-europe-west1}
projects:
  - name: refused-eol
    services:
      - {name: cache, type: redis, plan: startup-4}
)",
     0, 1,
     "PLAN:7:29: error: service:refused-eol/cache: service type \"redis\" has reached end of "
     "life: Aiven's catalog no longer offers it; use \"valkey\""},
};

class RefusedPlan : public E2eTest, public ::testing::WithParamInterface<Refused> {
 protected:
  /// Every service in every project the token can read.
  std::vector<std::string> Services() {
    std::vector<std::string> out;
    for (const auto& p : Get("/v1/project").value("projects", json::array())) {
      const std::string name = p.value("project_name", "");
      for (const auto& s :
           Get("/v1/project/" + name + "/service").value("services", json::array())) {
        out.push_back(name + "/" + s.value("service_name", ""));
      }
    }
    return out;
  }
};

/// `line` with its leading "PLAN" (if any) replaced by the plan file's path.
std::string Expand(const std::string& line, const std::string& plan) {
  if (!line.starts_with("PLAN")) return line;
  return plan + line.substr(std::string("PLAN").size());
}

TEST_P(RefusedPlan, FailsOrWarnsAtPlanAndApplyCreatesNoService) {
  const Refused& c = GetParam();
  TempDir dir;
  const std::string plan = dir.Write("plan.yaml", c.yaml);
  const std::string line = Expand(c.diagnostic, plan);
  ASSERT_TRUE(Services().empty());
  ASSERT_TRUE(Get("/v1/project").value("projects", json::array()).empty())
      << "not an empty account";

  ProcessOutcome validated = Aivenctl({"validate", plan});
  EXPECT_EQ(validated.code, c.validate_code) << validated.Describe();
  if (c.validate_code == 1) {
    EXPECT_NE(validated.out.find(line + "\n"), std::string::npos) << validated.Describe();
  }

  ProcessOutcome planned = Aivenctl({"plan", plan});
  EXPECT_EQ(planned.code, c.plan_code) << planned.Describe();
  EXPECT_NE((planned.out + planned.err).find(line + "\n"), std::string::npos) << planned.Describe();

  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  EXPECT_EQ(applied.code, 1) << applied.Describe();
  EXPECT_EQ(Services(), std::vector<std::string>{}) << applied.Describe();
}

INSTANTIATE_TEST_SUITE_P(Spec, RefusedPlan, ::testing::ValuesIn(kTable),
                         [](const auto& info) { return info.param.name; });

// A pair Aiven offers (grafana dashboards on pg), in a project that does not exist yet.
constexpr const char* kFinePair = R"(version: 1
name: fine
defaults: {cloud: google-europe-west1}
projects:
  - name: fine-pair
    services:
      - {name: pg, type: pg, plan: hobbyist}
      - {name: grafana, type: grafana, plan: startup-1}
    integrations:
      - {type: dashboard, source: grafana, destination: pg}
)";

// The pair on an empty account: apply creates the project alone, reads the integration
// types from it and refuses the integration at its line before any service is created.
TEST_F(E2eTest, ApplyChecksTheIntegrationPairAfterCreatingOnlyTheProject) {
  TempDir dir;
  const std::string plan = dir.Write("plan.yaml", kTable[0].yaml);
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  EXPECT_EQ(applied.code, 1) << applied.Describe();
  EXPECT_NE(applied.err.find("aivenctl: creating project:refused-pair first: the integration "
                             "types are read from a project, and every integration is checked "
                             "before any service is created\n"),
            std::string::npos)
      << applied.Describe();
  EXPECT_NE(applied.err.find(plan + ":10:16: error: integration:refused-pair/metrics:pg->grafana: "
                                    "integration type \"metrics\" does not connect pg -> grafana"),
            std::string::npos)
      << applied.Describe();
  EXPECT_NE(applied.err.find("only project:refused-pair was created (a project costs nothing); "
                             "no service was created\n"),
            std::string::npos)
      << applied.Describe();
  EXPECT_TRUE(Get("/v1/project/refused-pair/service").value("services", json::array()).empty());

  // Once the project exists the pair check runs at plan time.
  ProcessOutcome planned = Aivenctl({"plan", plan});
  EXPECT_EQ(planned.code, 1) << planned.Describe();
  EXPECT_NE(planned.err.find(plan + ":10:16: error: integration:refused-pair/metrics:pg->grafana"),
            std::string::npos)
      << planned.Describe();
}

// A valid pair on an empty account applies: the project first, then everything else.
TEST_F(E2eTest, ApplyOnAnEmptyAccountCreatesTheProjectThenTheRest) {
  TempDir dir;
  const std::string plan = dir.Write("plan.yaml", kFinePair);
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Get("/v1/project/fine-pair/service").value("services", json::array()).size(), 2u);
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);
}

// The same from a saved changeset (planned in one job, applied in another without the
// plan file): the project alone first, then each integration it creates is checked.
TEST_F(E2eTest, SavedChangesetOnAnEmptyAccountChecksThePairBeforeAnyService) {
  TempDir dir;
  const std::string plan = dir.Write("plan.yaml", kTable[0].yaml);
  const std::string saved = dir.path() + "/cs.json";
  ProcessOutcome planned = Aivenctl({"plan", plan, "--out", saved});
  ASSERT_EQ(planned.code, 0) << planned.Describe();
  std::filesystem::remove(plan);
  ProcessOutcome applied = Aivenctl(Fast({"apply", saved}));
  EXPECT_EQ(applied.code, 1) << applied.Describe();
  EXPECT_NE(applied.err.find("error: integration:refused-pair/metrics:pg->grafana: integration "
                             "type \"metrics\" does not connect pg -> grafana"),
            std::string::npos)
      << applied.Describe();
  EXPECT_NE(applied.err.find("only project:refused-pair was created (a project costs nothing); "
                             "no service was created"),
            std::string::npos)
      << applied.Describe();
  EXPECT_TRUE(Get("/v1/project/refused-pair/service").value("services", json::array()).empty());
}

TEST_F(E2eTest, SavedChangesetOnAnEmptyAccountWithAGoodPairApplies) {
  TempDir dir;
  const std::string plan = dir.Write("plan.yaml", kFinePair);
  const std::string saved = dir.path() + "/cs.json";
  ASSERT_EQ(Aivenctl({"plan", plan, "--out", saved}).code, 0);
  ProcessOutcome applied = Aivenctl(Fast({"apply", saved}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Get("/v1/project/fine-pair/service").value("services", json::array()).size(), 2u);
  // The dashboard integration, beside what Aiven adds by itself.
  bool dashboard = false;
  for (const auto& i : Get("/v1/project/fine-pair/service/pg/integration")
                           .value("service_integrations", json::array())) {
    dashboard = dashboard || i.value("integration_type", "") == "dashboard";
  }
  EXPECT_TRUE(dashboard);
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);
}

}  // namespace
}  // namespace aivenctl::testing
