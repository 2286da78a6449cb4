// A saved changeset away from its plan: the plan rebuilt from its identity (what refresh
// and outputs read), the relative path to the plan file, the secrets taken from the
// environment, and the usage errors of destroy/plan by plan name. No network.

#include "cli/saved_changeset.h"

#include <gtest/gtest.h>

#include <sstream>

#include "run_with.h"
#include "state/refresh.h"

namespace aivenctl::cli {
namespace {

using testing::RunWith;

diff::Changeset Identity() {
  diff::Changeset cs;
  cs.plan_name = "pr-15";
  cs.plan_file = "plans/pr.yaml";
  cs.plan_projects = {"ci-15", "shared"};
  cs.plan_services = {{"ci-15", "pg", "pg", {"app"}, {"app", "reporting"}, {}},
                      {"ci-15", "events", "kafka", {}, {}, {{"orders", {"retention_ms"}}}}};
  return cs;
}

TEST(SavedChangeset, ThePlanIsRebuiltAsFarAsRefreshAndOutputsNeed) {
  const model::Plan plan = PlanOf(Identity());
  EXPECT_EQ(plan.name, "pr-15");
  EXPECT_EQ(plan.file, "plans/pr.yaml");
  // The same scope as the plan file's (an integration's other project included).
  EXPECT_EQ(state::ScopeOf(plan), (std::vector<std::string>{"ci-15", "shared"}));
  const model::Service* pg = plan.FindService("ci-15", "pg");
  ASSERT_NE(pg, nullptr);
  EXPECT_EQ(pg->type, "pg");
  EXPECT_EQ(pg->address.ToString(), "service:ci-15/pg");
  ASSERT_EQ(pg->users.size(), 2u);
  EXPECT_EQ(pg->users[1].name, "reporting");
  ASSERT_EQ(pg->databases.size(), 1u);
  EXPECT_EQ(pg->databases[0].name, "app");
  const model::Service* events = plan.FindService("ci-15", "events");
  ASSERT_NE(events, nullptr);
  ASSERT_EQ(events->topics.size(), 1u);
  EXPECT_TRUE(events->topics[0].config.contains("retention_ms"));  // read fully at refresh
}

TEST(SavedChangeset, RelativePlanPathIsFromTheChangesetsFolder) {
  EXPECT_EQ(RelativePlanPath("/ci/job1/cs.json", "/ci/repo/plans/pr.yaml"),
            "../repo/plans/pr.yaml");
  EXPECT_EQ(RelativePlanPath("cs.json", "plans/pr.yaml"), "plans/pr.yaml");
  EXPECT_EQ(RelativePlanPath("out/cs.json", "pr.yaml"), "../pr.yaml");
}

TEST(SavedChangeset, SecretsComeFromTheEnvironmentIntoTheCreateOnly) {
  diff::Changeset cs = Identity();
  const core::Address pg = core::Address::Service("ci-15", "pg");
  cs.secrets_from_env = {{pg, "user_config.admin_password", "PG_ADMIN_PW"}};
  diff::Operation create;
  create.address = pg;
  create.action = diff::Action::kCreate;
  create.request = diff::ServiceCreate{.name = "pg", .type = "pg", .plan = "startup-4"};
  cs.operations.push_back(create);

  std::ostringstream out, err;
  core::MapEnvironment none;
  Io io_none{out, err, none};
  diff::Changeset unset = cs;
  EXPECT_FALSE(FillSecrets(unset, io_none));
  EXPECT_EQ(err.str(),
            "aivenctl: the changeset reads secrets from the environment, and this one is not "
            "set:\n  PG_ADMIN_PW (user_config.admin_password of service:ci-15/pg)\nSet it in the "
            "environment and run again; nothing was changed.\n");
  EXPECT_TRUE(unset == cs) << "nothing filled in";

  core::MapEnvironment env(std::map<std::string, std::string>{{"PG_ADMIN_PW", "pw-from-env-5521"}});
  Io io{out, err, env};
  diff::Changeset filled = cs;
  ASSERT_TRUE(FillSecrets(filled, io));
  const auto& request = std::get<diff::ServiceCreate>(filled.operations[0].request);
  ASSERT_TRUE(request.user_config.has_value());
  EXPECT_EQ((*request.user_config)["admin_password"], "pw-from-env-5521");

  // Once the service exists (a resumed run waits for it instead), no secret is needed.
  diff::Changeset resumed = cs;
  resumed.operations[0].request = diff::ServiceWait{};
  resumed.operations[0].action = diff::Action::kUpdate;
  EXPECT_TRUE(FillSecrets(resumed, io_none));
}

TEST(SavedChangeset, NestedSecretsGoBackToTheirPlace) {
  diff::Changeset cs = Identity();
  const core::Address connect = core::Address::Service("ci-15", "connect");
  cs.secrets_from_env = {{connect, "user_config.secret_providers[0].vault.token", "VAULT_TOKEN"},
                         {connect, "user_config.migration.password", "MIG_PW"}};
  diff::Operation create;
  create.address = connect;
  create.action = diff::Action::kCreate;
  create.request = diff::ServiceCreate{
      .name = "connect",
      .type = "kafka_connect",
      .plan = "startup-4",
      .user_config = nlohmann::json::parse(
          R"({"secret_providers": [{"name": "vault", "vault": {"auth_method": "token"}}]})")};
  cs.operations.push_back(create);
  std::ostringstream out, err;
  core::MapEnvironment env(
      std::map<std::string, std::string>{{"VAULT_TOKEN", "tok-1"}, {"MIG_PW", "pw-2"}});
  Io io{out, err, env};
  ASSERT_TRUE(FillSecrets(cs, io)) << err.str();
  const auto& request = std::get<diff::ServiceCreate>(cs.operations[0].request);
  EXPECT_EQ(*request.user_config, nlohmann::json::parse(R"({
      "secret_providers": [{"name": "vault", "vault": {"auth_method": "token", "token": "tok-1"}}],
      "migration": {"password": "pw-2"}})"));

  // A path that does not fit the request (a hand-edited changeset) is refused, not guessed.
  diff::Changeset odd = cs;
  odd.secrets_from_env = {{connect, "user_config.secret_providers.vault", "MIG_PW"}};
  auto& odd_request = std::get<diff::ServiceCreate>(odd.operations[0].request);
  (*odd_request.user_config)["secret_providers"] = "not-an-object";
  std::ostringstream err2;
  Io io2{out, err2, env};
  EXPECT_FALSE(FillSecrets(odd, io2));
  EXPECT_NE(err2.str().find("user_config.secret_providers.vault of service:ci-15/connect (from "
                            "MIG_PW) has no place in its user_config"),
            std::string::npos)
      << err2.str();
}

TEST(SavedChangeset, DestroyAndPlanByNameNeedAPlanNameAndAProjectButNoPlanFile) {
  auto o = RunWith({"destroy", "--plan", "pr-15"});
  EXPECT_EQ(o.code, 1);
  EXPECT_EQ(o.err,
            "aivenctl: destroy needs a plan file, or --plan NAME with --project P (repeatable) to "
            "go by the ownership tags alone, e.g. `aivenctl destroy --plan pr-42 --project "
            "ci-pr-42`\n");
  o = RunWith({"destroy", "p.yaml", "--plan", "pr-15", "--project", "ci-15"});
  EXPECT_EQ(o.code, 1);
  EXPECT_EQ(o.err,
            "aivenctl: destroy: give a plan file, or --plan NAME with --project P, not both\n");
  o = RunWith({"plan", "--plan", "pr-15", "--project", "ci-15"});
  EXPECT_EQ(o.code, 1);
  EXPECT_EQ(o.err,
            "aivenctl: plan needs a plan file (--plan NAME --project P only with --destroy)\n");
  o = RunWith({"plan", "--destroy", "p.yaml", "--target", "service:p/s"});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.err.find("drop --target"), std::string::npos) << o.err;
  o = RunWith({"apply", "p.yaml", "--resume"});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.err.find("--resume continues a saved changeset"), std::string::npos) << o.err;
}

}  // namespace
}  // namespace aivenctl::cli
