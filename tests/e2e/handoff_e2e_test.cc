// Changesets that travel and teardown without the plan (issue #15 items 5 and 6), with the
// real binary: `plan --out` in one folder, `apply` in another without the plan file or its
// variables (a secret read from the environment must be given again, and its absence is
// named), the plan file's digest checked when it is there, a stopped apply of a changeset
// continued by the printed command, `outputs CHANGESET.json`, `destroy --plan NAME
// --project P` by the ownership tags alone, `plan --destroy --out` then `apply`, and a
// format 1 changeset refused.

#include <filesystem>
#include <fstream>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kPlan = R"(version: 1
name: pr-${pr}
vars:
  pr: ${env:PR_NUMBER}
defaults:
  cloud: google-europe-north1
projects:
  - name: ci-pr-${pr}
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config:
          admin_password: ${env:PG_ADMIN_PASSWORD}
        databases: [app]
        users: [app]
)";
constexpr const char* kAdminPassword = "Handoff-admin-7c41d9e2";
constexpr const char* kContinue = "Run again to finish: ";

class HandoffTest : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    plan_ = dir_.Write("repo/plans/pr.yaml", kPlan);
    fs::create_directories(dir_.File("job1"));
    fs::create_directories(dir_.File("job2"));
  }

  /// aivenctl ARGS run in `cwd` with exactly `env` (plus the token), as a CI job in its own
  /// folder runs it; everything it prints and the file a `--out` names join the secrets scan.
  ProcessOutcome In(const std::string& cwd, std::vector<std::string> args,
                    std::map<std::string, std::string> env = {},
                    Stdout printed = Stdout::kSearched) {
    ProcessSpec spec;
    spec.program = AivenctlBinary();
    spec.cwd = cwd;
    spec.env = std::move(env);
    spec.env["AIVEN_TOKEN"] = kE2eToken;
    for (size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "--out") out_files_.push_back((fs::path(cwd) / args[i + 1]).string());
    }
    args.insert(args.begin(), {"--api-url", emulator_->base_url(), "--no-color"});
    spec.args = std::move(args);
    ProcessOutcome o = RunProcess(spec);
    if (printed == Stdout::kSearched) secrets_.AddPrinted(o.out);
    secrets_.AddPrinted(o.err);
    CollectSecrets();
    return o;
  }

  /// `plan --out` in the repository's folder with the plan's variables; the changeset is
  /// then copied to job2 (another folder, as an artifact travels to another job).
  std::string PlanInJob1(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan", "plans/pr.yaml", "--out", "../job1/cs.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessOutcome planned =
        In(dir_.File("repo"), args, {{"PR_NUMBER", "15"}, {"PG_ADMIN_PASSWORD", kAdminPassword}});
    EXPECT_EQ(planned.code, 0) << planned.Describe();
    fs::copy_file(dir_.File("job1/cs.json"), dir_.File("job2/cs.json"),
                  fs::copy_options::overwrite_existing);
    return dir_.File("job2/cs.json");
  }

  void TearDown() override {
    for (const auto& f : out_files_) secrets_.AddPrinted(ReadAll(f));
    E2eTest::TearDown();
  }

  std::string plan_;
  std::vector<std::string> out_files_;
};

TEST_F(HandoffTest, AChangesetAppliesInAnotherFolderWithoutThePlanFileOrItsVariables) {
  PlanInJob1();
  const json saved = json::parse(ReadAll(dir_.File("job1/cs.json")));
  EXPECT_EQ(saved["format_version"], 2);
  EXPECT_EQ(saved["plan"]["name"], "pr-15");
  EXPECT_EQ(saved["plan"]["file"], "plans/pr.yaml");
  EXPECT_EQ(saved["plan"]["relative_path"], "../repo/plans/pr.yaml");
  EXPECT_EQ(saved["plan"]["projects"], json({"ci-pr-15"}));
  EXPECT_EQ(saved["secrets_from_env"],
            json::parse(R"([{"address": "service:ci-pr-15/pg", "env": "PG_ADMIN_PASSWORD",
                             "path": "user_config.admin_password"}])"));
  EXPECT_EQ(ReadAll(dir_.File("job1/cs.json")).find(kAdminPassword), std::string::npos);
  fs::remove_all(dir_.File("repo"));  // the branch is gone in the apply job

  // Neither PR_NUMBER nor the secret: the secret is named, nothing is sent.
  const std::string job2 = dir_.File("job2");
  ProcessOutcome missing = In(job2, {"apply", "cs.json", "--yes"});
  EXPECT_EQ(missing.code, 1) << missing.Describe();
  EXPECT_NE(missing.err.find("aivenctl: plan file plans/pr.yaml not found; applying the "
                             "changeset as saved\n"
                             "aivenctl: the changeset reads secrets from the environment, and "
                             "this one is not set:\n"
                             "  PG_ADMIN_PASSWORD (user_config.admin_password of "
                             "service:ci-pr-15/pg)\n"
                             "Set it in the environment and run again; nothing was changed.\n"),
            std::string::npos)
      << missing.err;
  EXPECT_TRUE(Inventory().empty());

  // The secret again, still no PR_NUMBER and no plan file: it applies, with outputs.
  ProcessOutcome applied = In(job2, Fast({"apply", "cs.json", "--outputs", "ci.env"}),
                              {{"PG_ADMIN_PASSWORD", kAdminPassword}});
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_NE(applied.out.find("4 of 4 operations done"), std::string::npos) << applied.out;
  const std::string env_file = ReadAll(dir_.File("job2/ci.env"));
  // The admin password was sent from the environment at apply.
  EXPECT_NE(env_file.find(std::string("PG_PASSWORD='") + kAdminPassword + "'\n"),
            std::string::npos);
  EXPECT_NE(env_file.find("PG_USER_APP_URI='postgres://app:"), std::string::npos) << env_file;

  // outputs reads the same changeset in a later job.
  const json users =
      Get("/v1/project/ci-pr-15/service/pg?include_secrets=true")["service"]["users"];
  std::string app_password;
  for (const auto& u : users) {
    if (u["username"] == "app") app_password = u["password"];
  }
  ProcessOutcome one =
      In(job2, {"outputs", "cs.json", "PG_USER_APP_PASSWORD"}, {}, Stdout::kAskedFor);
  EXPECT_EQ(one.code, 0) << one.Describe();
  EXPECT_EQ(one.out, app_password);

  // Applied once, the saved changeset is stale: refused, nothing sent twice.
  ProcessOutcome again = In(job2, Fast({"apply", "cs.json"}), {{"PG_ADMIN_PASSWORD", "x"}});
  EXPECT_EQ(again.code, 1) << again.Describe();
  EXPECT_NE(again.err.find("service:ci-pr-15/pg: now exists"), std::string::npos) << again.err;
}

TEST_F(HandoffTest, AnEditedPlanFileBesideTheChangesetIsRefused) {
  PlanInJob1();
  // The checkout in the apply job has the plan file, edited since.
  std::ofstream(plan_, std::ios::app) << "# edited after plan\n";
  ProcessOutcome o =
      In(dir_.File("job1"), Fast({"apply", "cs.json"}), {{"PG_ADMIN_PASSWORD", kAdminPassword}});
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_EQ(o.err,
            "aivenctl: refusing to apply cs.json: the plan file ../repo/plans/pr.yaml "
            "changed since the changeset was saved; run `aivenctl plan "
            "../repo/plans/pr.yaml --out cs.json` again to save what it says now\n");
  EXPECT_TRUE(Inventory().empty());
}

TEST_F(HandoffTest, AFormatOneChangesetIsRefusedWithWhatToDo) {
  const std::string cs = PlanInJob1();
  json old = json::parse(ReadAll(cs));
  old["format_version"] = 1;
  std::ofstream(cs) << old.dump(2);
  ProcessOutcome o = In(dir_.File("job2"), Fast({"apply", "cs.json"}));
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_EQ(o.err,
            "aivenctl: cs.json: changeset.format_version: 1 is not supported (this aivenctl "
            "reads version 2); it was saved by an older aivenctl: run `aivenctl plan --out` "
            "again with this one\n");
  EXPECT_TRUE(Inventory().empty());
}

/// Services take an hour of emulator time to build.
class SlowHandoffTest : public HandoffTest {
 protected:
  void SetUp() override {
    std::vector<std::string> args = FastEmulatorArgs();
    args[3] = "3600";  // --build-seconds
    StartEmulator(args);
    plan_ = dir_.Write("repo/plans/pr.yaml", kPlan);
    fs::create_directories(dir_.File("job1"));
    fs::create_directories(dir_.File("job2"));
  }
};

TEST_F(SlowHandoffTest, AStoppedApplyOfAChangesetContinuesWithThePrintedCommand) {
  PlanInJob1();
  fs::remove_all(dir_.File("repo"));
  const std::string job2 = dir_.File("job2");
  ProcessOutcome stopped = In(job2, Fast({"apply", "cs.json", "--deadline", "1s500ms"}),
                              {{"PG_ADMIN_PASSWORD", kAdminPassword}});
  EXPECT_EQ(stopped.code, 1) << stopped.Describe();
  const size_t at = stopped.err.rfind(kContinue);
  ASSERT_NE(at, std::string::npos) << stopped.err;
  const size_t start = at + std::string(kContinue).size();
  const std::string command = stopped.err.substr(start, stopped.err.find('\n', start) - start);
  EXPECT_EQ(command, "aivenctl --api-url " + emulator_->base_url() +
                         " --no-color apply cs.json --deadline 1s500ms --yes --poll-initial 50ms "
                         "--poll-max 300ms --resume");

  ASSERT_TRUE(
      api_->Post("/_emulator/clock", {{"advance_seconds", 7200}}, {.validate = false}).ok());
  // Verbatim, by a shell in the same folder: no plan file, no variables, no secret (the
  // service it was for exists).
  ProcessSpec shell;
  shell.program = "/bin/sh";
  shell.args = {"-c", command};
  shell.cwd = job2;
  shell.env["PATH"] = fs::path(AivenctlBinary()).parent_path().string() + ":/usr/bin:/bin";
  shell.env["AIVEN_TOKEN"] = kE2eToken;
  ProcessOutcome resumed = RunProcess(shell);
  secrets_.AddPrinted(resumed.out);
  secrets_.AddPrinted(resumed.err);
  ASSERT_EQ(resumed.code, 0) << resumed.Describe();
  EXPECT_NE(resumed.out.find("2 of 2 operations done"), std::string::npos) << resumed.out;
  EXPECT_NE(resumed.err.find("aivenctl: resuming cs.json: 2 of 4 operations left to run\n"),
            std::string::npos)
      << resumed.err;
  const json service = Get("/v1/project/ci-pr-15/service/pg")["service"];
  EXPECT_EQ(service["databases"].size(), 2u) << service["databases"];  // defaultdb, app
  // A second run finds nothing left.
  ProcessOutcome done = In(job2, Fast({"apply", "cs.json", "--resume"}));
  EXPECT_EQ(done.code, 0) << done.Describe();
  EXPECT_NE(done.out.find("Nothing left to do: every operation of cs.json is done.\n"),
            std::string::npos)
      << done.out;
}

TEST_F(E2eTest, DestroyByPlanNameDeletesWhatTheTagsSayAndNothingElse) {
  ASSERT_EQ(Aivenctl(Fast({"apply", "plans/ci-postgres.yaml"})).code, 0);
  // Something in the same project that the plan does not own.
  ASSERT_TRUE(api_->Post("/v1/project/ci-pg-local/service",
                         {{"service_name", "keep"}, {"service_type", "pg"}, {"plan", "startup-4"}})
                  .ok());
  ProcessOutcome usage = Aivenctl({"destroy", "--plan", "ci-postgres"});
  EXPECT_EQ(usage.code, 1) << usage.Describe();
  EXPECT_NE(usage.err.find("destroy needs a plan file, or --plan NAME with --project P"),
            std::string::npos)
      << usage.err;
  ProcessOutcome both =
      Aivenctl({"destroy", "plans/ci-postgres.yaml", "--plan", "ci-postgres", "--project", "x"});
  EXPECT_EQ(both.code, 1) << both.Describe();

  ProcessOutcome unconfirmed =
      Aivenctl({"destroy", "--plan", "ci-postgres", "--project", "ci-pg-local"});
  EXPECT_EQ(unconfirmed.code, 1) << unconfirmed.Describe();
  EXPECT_NE(unconfirmed.err.find("Pass --yes to destroy non-interactively"), std::string::npos);
  EXPECT_NE(unconfirmed.out.find("- service:ci-pg-local/pg (owned by plan ci-postgres)"),
            std::string::npos)
      << unconfirmed.out;
  // Termination protection is respected as with a plan file.
  ASSERT_TRUE(
      api_->Put("/v1/project/ci-pg-local/service/pg", {{"termination_protection", true}}).ok());
  ProcessOutcome the_protected =
      Aivenctl(Fast({"destroy", "--plan", "ci-postgres", "--project", "ci-pg-local"}));
  EXPECT_EQ(the_protected.code, 1) << the_protected.Describe();
  EXPECT_NE(the_protected.err.find("--force-unprotect"), std::string::npos) << the_protected.err;
  EXPECT_EQ(Inventory()["ci-pg-local"], (std::vector<std::string>{"keep", "pg"}));

  ProcessOutcome destroyed = Aivenctl(
      Fast({"destroy", "--plan", "ci-postgres", "--project", "ci-pg-local", "--force-unprotect"}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_NE(destroyed.out.find("project:ci-pg-local stays: it holds services this plan does not "
                               "own (keep)"),
            std::string::npos)
      << destroyed.out;
  EXPECT_EQ(Inventory()["ci-pg-local"], std::vector<std::string>{"keep"});
}

TEST_F(E2eTest, PlanDestroyOutSavesATeardownThatApplyRuns) {
  ASSERT_EQ(Aivenctl(Fast({"apply", "plans/ci-postgres.yaml"})).code, 0);
  const std::string saved = dir_.File("destroy.json");
  ProcessOutcome planned = Aivenctl({"plan", "--destroy", "--plan", "ci-postgres", "--project",
                                     "ci-pg-local", "--out", saved, "--detailed-exitcode"});
  ASSERT_EQ(planned.code, 2) << planned.Describe();
  EXPECT_NE(planned.out.find("Plan: 0 to create, 0 to update, 0 to replace, 4 to destroy."),
            std::string::npos)
      << planned.out;
  EXPECT_EQ(json::parse(ReadAll(saved))["kind"], "destroy");
  EXPECT_EQ(Inventory().size(), 1u) << "plan --destroy deletes nothing";

  ProcessOutcome unconfirmed = Aivenctl({"apply", saved});
  EXPECT_EQ(unconfirmed.code, 1) << unconfirmed.Describe();
  EXPECT_NE(unconfirmed.err.find("refusing to destroy without confirmation"), std::string::npos)
      << unconfirmed.err;
  ProcessOutcome applied = Aivenctl(Fast({"apply", saved}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_TRUE(Inventory().empty());

  // With the plan file, the same changeset kind; nothing is left to delete now.
  ProcessOutcome nothing =
      Aivenctl({"plan", "plans/ci-postgres.yaml", "--destroy", "--detailed-exitcode"});
  EXPECT_EQ(nothing.code, 0) << nothing.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
