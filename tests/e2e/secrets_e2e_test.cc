// Secrets end to end: the most verbose run a user can ask for (`--log-level trace`,
// `--format json` event streams, `--stats`, a saved changeset) of plan, apply, re-plan,
// outputs and destroy prints and writes neither the token nor any password, access key or
// certificate the emulator issued. (Every E2eTest checks the same in TearDown; this one
// makes sure the check sees the loudest output, and that its needles are real.)

#include <sys/stat.h>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

class SecretsTest : public E2eTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(SecretsTest, TraceLogsJsonEventsAndSavedChangesetsHoldNoSecret) {
  const std::string plan = std::string("plans/") + GetParam();
  const std::string saved = dir_.path() + "/cs.json";
  const std::vector<std::string> loud = {"--log-level", "trace", "--format", "json", "--stats"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.begin(), loud.begin(), loud.end());
    return args;
  };

  ProcessOutcome planned = Aivenctl(with({"plan", plan, "--out", saved}));
  ASSERT_EQ(planned.code, 0) << planned.Describe();
  ProcessOutcome applied = Aivenctl(with(Fast({"apply", saved})));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  // trace really logs the exchanges (so this test reads them), and json really streams events.
  EXPECT_NE(applied.err.find("/v1/project"), std::string::npos) << applied.err.substr(0, 2000);
  EXPECT_NE(applied.out.find("\"type\":\"finished\""), std::string::npos)
      << applied.out.substr(0, 2000);
  ProcessOutcome replan = Aivenctl(with({"plan", plan, "--out", saved, "--detailed-exitcode"}));
  EXPECT_EQ(replan.code, 0) << replan.Describe();

  // The outputs file is where the secrets go (0600), and the needles are what it holds.
  const std::string outputs = dir_.path() + "/out.env";
  ProcessOutcome written = Aivenctl(with({"outputs", plan, "--outputs", outputs}));
  ASSERT_EQ(written.code, 0) << written.Describe();
  struct stat st {};
  ASSERT_EQ(stat(outputs.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const std::string secrets_file = ReadAll(outputs);
  ASSERT_GT(secrets_.Search().secrets, 0u)
      << "the emulator issued no secret: the check would be empty";
  EXPECT_GT(secrets_.CountIn(secrets_file), 0u) << "the collected secrets are the ones users get";

  ProcessOutcome destroyed = Aivenctl(with(Fast({"destroy", plan, "--force-unprotect"})));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_TRUE(Inventory().empty());
  // TearDown searches all of it (stdout, stderr, both saved changesets).
}

INSTANTIATE_TEST_SUITE_P(Plans, SecretsTest,
                         ::testing::Values("ci-postgres.yaml", "kafka-pipeline.yaml"),
                         [](const auto& info) {
                           std::string name = info.param;
                           name = name.substr(0, name.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace aivenctl::testing
