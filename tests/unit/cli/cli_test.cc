// The command line in-process: exit codes, help, global flags, colour rules.

#include "cli/cli.h"
#include "cli/execute.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace aivenctl::cli {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome RunWith(const std::vector<std::string>& args,
                std::map<std::string, std::string> env_vars = {}, bool terminal = false) {
  std::ostringstream out, err;
  core::MapEnvironment env(std::move(env_vars));
  Io io{out, err, env, terminal};
  int code = Run(args, io);
  return {code, out.str(), err.str()};
}

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
  EXPECT_EQ(a.out, RunWith({"--version"}).out);
}

TEST(Cli, NoCommandIsAUsageError) {
  Outcome o = RunWith({});
  EXPECT_EQ(2, o.code);
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
  EXPECT_EQ(2, RunWith({"--format", "yaml", "version"}).code);
  EXPECT_EQ(2, RunWith({"--log-level", "loud", "version"}).code);
  Outcome o = RunWith({"--var", "novalue", "validate", "x.yaml"});
  EXPECT_EQ(2, o.code);
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
  EXPECT_EQ(2, o.code);
  EXPECT_EQ("aivenctl: no plan files (*.yaml, *.yml) in " + dir + "\n", o.err);
}

TEST(FlagDuration, MillisecondsAndDurationsAndNamedErrors) {
  core::Duration d{};
  std::string problem;
  ASSERT_TRUE(ParseFlagDuration("--poll-initial", "250ms", d, problem));
  EXPECT_EQ(d, std::chrono::milliseconds(250));
  ASSERT_TRUE(ParseFlagDuration("--poll-max", "1m30s", d, problem));
  EXPECT_EQ(d, std::chrono::seconds(90));
  EXPECT_FALSE(ParseFlagDuration("--timeout", "99999999999999999999ms", d, problem));
  EXPECT_EQ(problem.rfind("--timeout 99999999999999999999ms: ", 0), 0u) << problem;
  EXPECT_FALSE(ParseFlagDuration("--poll-max", "soon", d, problem));
  EXPECT_NE(problem.find("(write it like 500ms, 10s, 2m or 1h30m)"), std::string::npos);
}

}  // namespace
}  // namespace aivenctl::cli
