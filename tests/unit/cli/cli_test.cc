// The command line in-process: exit codes, help, global flags, colour rules.

#include "cli/cli.h"
#include "cli/duration_flags.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "run_with.h"

namespace aivenctl::cli {
namespace {

using testing::Outcome;
using testing::RunWith;

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

constexpr const char* kValid =
    "version: 1\nname: p\nprojects:\n  - name: ci-${run}\n    services:\n"
    "      - {name: pg, type: pg, plan: startup-4}\n";

TEST(Cli, VersionCommandAndFlag) {
  Outcome a = RunWith({"version"});
  EXPECT_EQ(0, a.code);
  EXPECT_EQ(0u, a.out.rfind("aivenctl ", 0));
  // The version, the git commit and the build type, on one line.
  EXPECT_NE(a.out.find(" (commit "), std::string::npos) << a.out;
  EXPECT_EQ(a.out.substr(a.out.size() - 8), " build)\n") << a.out;
  EXPECT_EQ(a.out, RunWith({"--version"}).out);
}

// Usage errors exit 1 like every other error (issue #15): 2 means "changes present" only.
TEST(Cli, NoCommandIsAUsageError) {
  Outcome o = RunWith({});
  EXPECT_EQ(1, o.code);
  EXPECT_NE(std::string::npos, o.err.find("A subcommand is required"));
}

TEST(Cli, HelpListsCommandsAndGlobalFlags) {
  Outcome o = RunWith({"--help"});
  EXPECT_EQ(0, o.code);
  for (const char* s : {"validate", "version", "--api-url", "--log-level", "--no-color", "--format",
                        "--var", "NO_COLOR"}) {
    EXPECT_NE(std::string::npos, o.out.find(s)) << s;
  }
}

TEST(Cli, BadFlagValuesAreUsageErrors) {
  EXPECT_EQ(1, RunWith({"--format", "yaml", "version"}).code);
  EXPECT_EQ(1, RunWith({"--log-level", "loud", "version"}).code);
  Outcome o = RunWith({"--var", "novalue", "validate", "x.yaml"});
  EXPECT_EQ(1, o.code);
  EXPECT_EQ("aivenctl: --var expects name=value, got \"novalue\"\n", o.err);
}

TEST(Cli, ValidateUsesVarsAndTheInjectedEnvironment) {
  std::string path = WriteTemp("cli_valid.yaml", kValid);
  Outcome missing = RunWith({"validate", path});
  EXPECT_EQ(1, missing.code);
  EXPECT_NE(std::string::npos, missing.out.find("undefined variable \"run\""));

  Outcome with_var = RunWith({"validate", path, "--var", "run=7"});
  EXPECT_EQ(0, with_var.code) << with_var.out;
  EXPECT_EQ(path + ": valid (1 project, 1 service)\n", with_var.out);

  Outcome global_var = RunWith({"--var", "run=7", "--var", "x=1", "validate", path});
  EXPECT_EQ(0, global_var.code) << global_var.out << global_var.err;
}

TEST(Cli, ColourOnlyOnATerminalAndNeverWithNoColor) {
  std::string path = WriteTemp("cli_invalid.yaml", "version: 1\n");
  EXPECT_EQ(std::string::npos, RunWith({"validate", path}).out.find("\033["));
  EXPECT_NE(std::string::npos, RunWith({"validate", path}, {}, true).out.find("\033["));
  EXPECT_EQ(std::string::npos,
            RunWith({"validate", path}, {{"NO_COLOR", "1"}}, true).out.find("\033["));
  EXPECT_EQ(std::string::npos,
            RunWith({"--no-color", "validate", path}, {}, true).out.find("\033["));
}

TEST(Cli, ADirectoryWithoutPlansIsAUsageError) {
  std::string dir = ::testing::TempDir() + "/aivenctl_empty_dir";
  std::filesystem::create_directories(dir);
  Outcome o = RunWith({"validate", dir});
  EXPECT_EQ(1, o.code);
  EXPECT_EQ("aivenctl: no plan files (*.yaml, *.yml) in " + dir + "\n", o.err);
}

TEST(DurationFlag, RulesAndNamedErrors) {
  EXPECT_EQ(ParseDurationFlag("--poll-initial", "250ms")->count(), 250);
  EXPECT_EQ(ParseDurationFlag("--poll-max", "1m30s")->count(), 90'000);
  EXPECT_EQ(ParseDurationFlag("--timeout", "0s")->count(), 0);
  EXPECT_EQ(ParseDurationFlag("--timeout", "99999999999999999999ms").status().message(),
            "--timeout 99999999999999999999ms: duration \"99999999999999999999ms\" is too long "
            "(at most 100 years)");
  EXPECT_EQ(ParseDurationFlag("--poll-max", "soon").status().message(),
            "--poll-max soon: invalid duration \"soon\"; use e.g. 1500ms, 90s, 1h30m or 2w");
  EXPECT_EQ(
      ParseDurationFlag("--connect-timeout", "0ms", DurationRule::kPositive).status().message(),
      "--connect-timeout 0ms: must be positive");
  EXPECT_EQ(ParseDurationFlag("--connect-timeout", "1ms", DurationRule::kPositive)->count(), 1);
  EXPECT_EQ(ParseDurationFlag("--ttl", "999ms", DurationRule::kAtLeastASecond).status().message(),
            "--ttl 999ms: must be at least 1s");
  EXPECT_EQ(ParseDurationFlag("--ttl", "1s", DurationRule::kAtLeastASecond)->count(), 1000);
}

// Every duration flag reads the same grammar while the arguments are parsed: a bad value
// is a usage error (exit 1) naming the flag before anything runs; a good one gets past
// parsing (these then stop at "no API token", exit 1).
TEST(Cli, EveryDurationFlagSharesTheGrammar) {
  std::string plan = WriteTemp("cli_durations.yaml", kValid);
  struct Row {
    std::vector<std::string> args;
    int code;
    std::string err_start;
  };
  const std::string token = "aivenctl: no API token";
  const Row rows[] = {
      {{"--connect-timeout", "500ms", "projects"}, 1, token},
      {{"--request-timeout", "1h30m", "projects"}, 1, token},
      {{"--retry-max-time", "2w", "projects"}, 1, token},
      {{"reap", "--timeout", "1500ms", "--older-than", "90m"}, 1, token},
      {{"apply", plan, "--poll-initial", "1500ms", "--poll-max", "1s500ms", "--timeout", "1h30m"},
       1,
       plan + ":"},
      {{"--connect-timeout", "5x", "projects"}, 1, "--connect-timeout 5x: invalid duration unit"},
      {{"--request-timeout", "0s", "projects"}, 1, "--request-timeout 0s: must be positive"},
      {{"--retry-max-time", "", "projects"}, 1, "--retry-max-time : empty duration"},
      {{"reap", "--older-than", "7dd"}, 1, "--older-than 7dd: invalid duration \"7dd\""},
      {{"reap", "--timeout", "25"}, 1, "--timeout 25: duration \"25\" lacks a unit"},
      {{"destroy", plan, "--poll-initial", "1.5s"}, 1, "--poll-initial 1.5s: invalid duration"},
      {{"apply", plan, "--poll-max", "-1s"}, 1, "--poll-max -1s: invalid duration"},
      {{"apply", plan, "--timeout", "99999999999999999999ms"},
       1,
       "--timeout 99999999999999999999ms:"},
      {{"extend", plan, "--ttl", "500ms"}, 1, "--ttl 500ms: must be at least 1s"},
      {{"extend", plan, "--ttl", "4h"}, 1, plan + ":"},
  };
  for (const Row& row : rows) {
    Outcome o = RunWith(row.args);
    std::string shown;
    for (const auto& a : row.args) shown += a + " ";
    EXPECT_EQ(o.code, row.code) << shown << "\n" << o.err;
    EXPECT_EQ(o.err.rfind(row.err_start, 0), 0u) << shown << "\n" << o.err;
  }
}

TEST(Cli, HelpShowsDurationDefaultsInTheGrammar) {
  Outcome o = RunWith({"--help"});
  EXPECT_NE(o.out.find("--connect-timeout DURATION=10s"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("--retry-max-time DURATION=2m"), std::string::npos) << o.out;
  Outcome apply = RunWith({"apply", "--help"});
  EXPECT_NE(apply.out.find("--poll-initial DURATION=1s"), std::string::npos) << apply.out;
}

}  // namespace
}  // namespace aivenctl::cli
