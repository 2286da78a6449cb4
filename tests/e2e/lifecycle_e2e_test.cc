// The main job end to end: every shipped plan applies from nothing, re-plans to no
// changes, and destroys to nothing owned while an unowned service in the same project is
// untouched; outputs files; stale saved changesets; faults; kill -9 and SIGINT mid-apply.

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

class PlanLifecycle : public E2eTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PlanLifecycle, ApplyReplanDestroyLeavesBystandersAlone) {
  const std::string plan = "plans/" + GetParam();
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_NE(applied.out.find("operations done"), std::string::npos) << applied.out;

  ProcessOutcome replan = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << "not converged:\n" << replan.Describe();

  // Someone else's service in the plan's first project, on the public internet (without
  // project_vpc_id: null, Aiven would place it in the plan's VPC, which then has to stay).
  auto before = Inventory();
  ASSERT_FALSE(before.empty());
  const std::string project = before.begin()->first;
  ASSERT_TRUE(api_->Post("/v1/project/" + project + "/service", {{"service_name", "bystander"},
                                                                 {"service_type", "pg"},
                                                                 {"plan", "startup-4"},
                                                                 {"project_vpc_id", nullptr}})
                  .ok());
  json bystander = Get("/v1/project/" + project + "/service/bystander")["service"];
  CollectSecrets();  // the bystander's too: TearDown searches for them

  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  if (destroyed.code == 1) {
    // A plan with a termination-protected service: refused, nothing deleted, then forced.
    EXPECT_NE(destroyed.err.find("destroy --force-unprotect lifts it first"), std::string::npos)
        << destroyed.Describe();
    EXPECT_EQ(Inventory().size(), before.size());
    destroyed = Aivenctl(Fast({"destroy", plan, "--force-unprotect"}));
  }
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  auto after = Inventory();
  std::map<std::string, std::vector<std::string>> expected{{project, {"bystander"}}};
  EXPECT_EQ(after, expected) << "only the bystander (and the project holding it) remain";
  // Nor the plan's VPCs and integration endpoints (no tags: gone with the plan; a VPC that
  // held the bystander would stay, named in a warning: tests/unit/diff/cases_vpcs_test.cc).
  EXPECT_EQ(Get("/v1/project/" + project + "/vpcs").value("vpcs", json::array()), json::array());
  EXPECT_EQ(Get("/v1/project/" + project + "/integration_endpoint")
                .value("service_integration_endpoints", json::array()),
            json::array());
  json still = Get("/v1/project/" + project + "/service/bystander")["service"];
  EXPECT_EQ(still["create_time"], bystander["create_time"]);
  EXPECT_EQ(still["tags"], bystander["tags"]);
  EXPECT_EQ(still["plan"], bystander["plan"]);

  ProcessOutcome again = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(again.code, 2) << again.Describe();
}

std::vector<std::string> ShippedPlans() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/plans")) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Plans, PlanLifecycle, ::testing::ValuesIn(ShippedPlans()),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

/// "action address" per change that is not a no-op, from `plan --format json`.
std::vector<std::string> Changes(const ProcessOutcome& o) {
  std::vector<std::string> out;
  json cs = json::parse(o.out, nullptr, false);
  if (cs.is_discarded()) return {"not JSON: " + o.out};
  for (const auto& c : cs["changes"]) {
    if (c["action"] != "no-op")
      out.push_back(c["action"].get<std::string>() + " " + c["address"].get<std::string>());
  }
  return out;
}

TEST_F(E2eTest, PlanShowsAllCreatesOnAnEmptyAccountThenExactlyTheDrift) {
  ProcessOutcome empty = Aivenctl({"plan", "plans/ci-postgres.yaml", "--format", "json"});
  ASSERT_EQ(empty.code, 0) << empty.Describe();
  EXPECT_EQ(Changes(empty),
            (std::vector<std::string>{"create project:ci-pg-local", "create service:ci-pg-local/pg",
                                      "create database:ci-pg-local/pg/app",
                                      "create user:ci-pg-local/pg/app"}));
  ASSERT_EQ(Aivenctl(Fast({"apply", "plans/ci-postgres.yaml"})).code, 0);

  // Changes made directly through the API, behind the plan's back.
  ASSERT_TRUE(api_->Put("/v1/project/ci-pg-local/service/pg", {{"plan", "business-4"}}).ok());
  ASSERT_TRUE(api_->Delete("/v1/project/ci-pg-local/service/pg/db/app").ok());
  ProcessOutcome drift = Aivenctl({"plan", "plans/ci-postgres.yaml", "--format", "json"});
  ASSERT_EQ(drift.code, 0) << drift.Describe();
  EXPECT_EQ(Changes(drift), (std::vector<std::string>{"update service:ci-pg-local/pg",
                                                      "create database:ci-pg-local/pg/app"}));
  json cs = json::parse(drift.out);
  for (const auto& c : cs["changes"]) {
    if (c["address"] != "service:ci-pg-local/pg") continue;
    ASSERT_EQ(c["fields"].size(), 1u) << c.dump();
    EXPECT_EQ(c["fields"][0]["path"], "plan");
    EXPECT_EQ(c["fields"][0]["before"], "business-4");
    EXPECT_EQ(c["fields"][0]["after"], "startup-4");
  }
  ASSERT_EQ(Aivenctl(Fast({"apply", "plans/ci-postgres.yaml"})).code, 0);
  EXPECT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--detailed-exitcode"}).code, 0);
}

TEST_F(E2eTest, OutputsFileHoldsConnectionDetailsWithMode0600) {
  const std::string env_file = dir_.path() + "/ci.env";
  ProcessOutcome applied =
      Aivenctl(Fast({"apply", "plans/ci-postgres.yaml", "--outputs", env_file}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  struct stat st {};
  ASSERT_EQ(stat(env_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(env_file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json pg = Get("/v1/project/ci-pg-local/service/pg?include_secrets=true")["service"];
  std::string app_password;
  for (const auto& u : pg["users"]) {
    if (u["username"] == "app") app_password = u["password"];
  }
  ASSERT_FALSE(app_password.empty());
  EXPECT_NE(text.find("PG_URI='" + pg["service_uri"].get<std::string>() + "'\n"), std::string::npos)
      << text.size();
  EXPECT_NE(text.find("PG_USER_APP_PASSWORD='" + app_password + "'\n"), std::string::npos);
  EXPECT_NE(text.find("PG_CA_CERT='-----BEGIN CERTIFICATE-----\nMII"), std::string::npos);

  const std::string json_file = dir_.path() + "/ci.json";
  ProcessOutcome again = Aivenctl({"outputs", "plans/ci-postgres.yaml", "--outputs", json_file});
  ASSERT_EQ(again.code, 0) << again.Describe();
  std::ifstream jin(json_file);
  json outputs = json::parse(jin);
  EXPECT_EQ(outputs["PG_USER_APP_PASSWORD"], app_password);
  ProcessOutcome refused = Aivenctl({"outputs", "plans/ci-postgres.yaml"});
  EXPECT_EQ(refused.code, 1);  // a usage error
  EXPECT_NE(refused.err.find("--show-secrets"), std::string::npos) << refused.err;
  // The outputs files are the only place secrets go: TearDown searches everything else.
}

TEST_F(E2eTest, StaleSavedChangesetIsRefusedAndAFreshOneApplies) {
  const std::string saved = dir_.path() + "/cs.json";
  ProcessOutcome planned =
      Aivenctl({"plan", "plans/ci-postgres.yaml", "--out", saved, "--detailed-exitcode"});
  ASSERT_EQ(planned.code, 2) << planned.Describe();
  // The world changes: someone creates the project first.
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "ci-pg-local"}}).ok());
  ProcessOutcome stale = Aivenctl(Fast({"apply", saved}));
  EXPECT_EQ(stale.code, 1) << stale.Describe();
  EXPECT_NE(stale.err.find("project:ci-pg-local: now exists"), std::string::npos) << stale.err;
  EXPECT_NE(stale.err.find("Run `aivenctl plan` again"), std::string::npos) << stale.err;
  ASSERT_TRUE(api_->Delete("/v1/project/ci-pg-local").ok());

  ASSERT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--out", saved}).code, 0);
  ProcessOutcome applied = Aivenctl(Fast({"apply", saved}));
  EXPECT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--detailed-exitcode"}).code, 0);
}

TEST_F(E2eTest, NoTerminalAndNoYesRefusesToApply) {
  ProcessOutcome o = Aivenctl({"apply", "plans/ci-postgres.yaml"});
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_NE(o.err.find("Pass --yes to apply non-interactively"), std::string::npos) << o.err;
  EXPECT_TRUE(Inventory().empty()) << "nothing may be created without confirmation";
}

TEST_F(E2eTest, UnownedServiceWithThePlansNameIsAnError) {
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "ci-pg-local"}}).ok());
  ASSERT_TRUE(api_->Post("/v1/project/ci-pg-local/service",
                         {{"service_name", "pg"}, {"service_type", "pg"}, {"plan", "startup-4"}})
                  .ok());
  ProcessOutcome o = Aivenctl({"plan", "plans/ci-postgres.yaml"});
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_NE(o.err.find("service:ci-pg-local/pg"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("adopt"), std::string::npos) << o.err;
}

TEST_F(E2eTest, ApplyConvergesThrough503StormsAnd429s) {
  json faults = {{"faults",
                  {{{"method", "POST"},
                    {"path", "/v1/project/*/service"},
                    {"count", 3},
                    {"action", "error"},
                    {"status", 503}},
                   {{"method", "GET"},
                    {"path", "/v1/project/*/service/*"},
                    {"count", 2},
                    {"action", "error"},
                    {"status", 429},
                    {"message", "Rate limit 120 exceeded - try again in 1s"}},
                   {{"method", "POST"},
                    {"path", "/v1/project/*/service/*/topic"},
                    {"count", 2},
                    {"action", "error"},
                    {"status", 503}},
                   {{"method", "*"},
                    {"path", "/v1/project/*/integration"},
                    {"count", 1},
                    {"action", "drop"}}}}};
  ASSERT_TRUE(api_->Post("/_emulator/faults", faults, {.validate = false}).ok());
  ProcessOutcome applied = Aivenctl(Fast({"apply", "plans/kafka-pipeline.yaml"}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  json injected = Get("/_emulator/requests")["faults_injected"];
  EXPECT_FALSE(injected.empty()) << "the faults must have been hit";
  EXPECT_EQ(Aivenctl({"plan", "plans/kafka-pipeline.yaml", "--detailed-exitcode"}).code, 0);
  auto inventory = Inventory();
  std::vector<std::string> services{"connect", "events", "warehouse"};
  EXPECT_EQ(inventory["pipeline-dev"], services) << "no duplicates, nothing missing";
}

TEST_F(E2eTest, KillNineDuringApplyThenApplyAgainConverges) {
  // Kill at several points: before the first create finished, while services build, while
  // children are created.
  for (int delay_ms : {150, 700, 1600, 2600}) {
    ProcessSpec spec;
    spec.signal_after = std::chrono::milliseconds(delay_ms);
    spec.signal_number = SIGKILL;
    ProcessOutcome killed = Aivenctl(Fast({"apply", "plans/kafka-pipeline.yaml"}), spec);
    if (killed.signal != SIGKILL) {
      EXPECT_EQ(killed.code, 0) << "finished before the kill at " << delay_ms << " ms:\n"
                                << killed.Describe();
    }
  }
  ProcessOutcome finished = Aivenctl(Fast({"apply", "plans/kafka-pipeline.yaml"}));
  ASSERT_EQ(finished.code, 0) << finished.Describe();
  EXPECT_EQ(Aivenctl({"plan", "plans/kafka-pipeline.yaml", "--detailed-exitcode"}).code, 0);
  std::vector<std::string> services{"connect", "events", "warehouse"};
  EXPECT_EQ(Inventory()["pipeline-dev"], services);
  json topics = Get("/v1/project/pipeline-dev/service/events/topic")["topics"];
  EXPECT_EQ(topics.size(), 3u) << topics.dump();
}

TEST_F(E2eTest, FirstInterruptFinishesInFlightWorkAndSaysWhatIsLeft) {
  ProcessSpec spec;
  spec.signal_number = SIGINT;
  spec.signal_when_output = "waiting for RUNNING";
  ProcessOutcome interrupted = Aivenctl(Fast({"apply", "plans/kafka-pipeline.yaml"}), spec);
  EXPECT_EQ(interrupted.code, 130) << interrupted.Describe();
  EXPECT_NE(interrupted.err.find("interrupted: no new work starts"), std::string::npos)
      << interrupted.err;
  EXPECT_NE(interrupted.out.find("Left undone by the interrupt"), std::string::npos)
      << interrupted.out;
  ProcessOutcome resumed = Aivenctl(Fast({"apply", "plans/kafka-pipeline.yaml"}));
  ASSERT_EQ(resumed.code, 0) << resumed.Describe();
  EXPECT_EQ(Aivenctl({"plan", "plans/kafka-pipeline.yaml", "--detailed-exitcode"}).code, 0);
}

}  // namespace
}  // namespace aivenctl::testing
