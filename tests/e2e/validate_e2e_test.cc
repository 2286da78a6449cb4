// The real aivenctl binary: `validate` on the shipped plans, the examples' plans and bad
// plans (exit status and exact output), and `--format json`.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

std::string SourceDir() {
  const char* env = std::getenv("AIVENCTL_SOURCE_DIR");
  return env ? env : AIVENCTL_TEST_SOURCE_DIR;
}

std::string Binary() {
  const char* env = std::getenv("AIVENCTL_BINARY_DIR");
  return std::string(env ? env : AIVENCTL_TEST_BINARY_DIR) + "/engine/cli/aivenctl";
}

struct Outcome {
  int code = -1;
  std::string out;
};

// Runs the binary from the source directory with a clean environment (but the secret
// plans/pr-platform.yaml reads from it); stdout only.
Outcome Aivenctl(const std::string& args) {
  std::string cmd = "cd '" + SourceDir() +
                    "' && env -i PATH=/usr/bin:/bin PROMETHEUS_PASSWORD=validate-only '" +
                    Binary() + "' " + args + " 2>/dev/null";
  Outcome o;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return o;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) o.out.append(buf.data(), n);
  int status = pclose(pipe);
  o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ValidateE2e, ShippedPlansAreValid) {
  Outcome o = Aivenctl("validate plans/");
  EXPECT_EQ(0, o.code) << o.out;
  EXPECT_NE(std::string::npos, o.out.find("plans/kafka-pipeline.yaml: valid ("));
  EXPECT_EQ(std::string::npos, o.out.find("warning"));
}

TEST(ValidateE2e, ExamplePlansAreValid) {
  Outcome o = Aivenctl(
      "validate examples/github-actions/plan.yaml examples/gitlab-ci/plan.yaml "
      "examples/kubernetes-reaper/demo-plan.yaml");
  EXPECT_EQ(0, o.code) << o.out;
  EXPECT_EQ(
      "examples/github-actions/plan.yaml: valid (1 project, 2 services, 1 database, 1 user, 1 "
      "topic)\n"
      "examples/gitlab-ci/plan.yaml: valid (1 project, 2 services, 1 database, 1 user)\n"
      "examples/kubernetes-reaper/demo-plan.yaml: valid (1 project, 1 service)\n",
      o.out);
}

// The binary prints what the corpus golden file holds, under the path it was given.
class BadPlanE2e : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(BadPlanE2e, ExitsOneWithTheExactDiagnostics) {
  const auto& [name, summary] = GetParam();
  const std::string path = "tests/testdata/invalid/" + name + "/plan.yaml";
  std::string golden = Read(SourceDir() + "/tests/testdata/invalid/" + name + "/expected.txt");
  std::string expected =
      std::regex_replace(golden, std::regex("^plan\\.yaml", std::regex::multiline), path);
  Outcome o = Aivenctl("validate " + path);
  EXPECT_EQ(1, o.code);
  EXPECT_EQ(expected + path + ": " + summary + "\n", o.out);
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BadPlanE2e,
    ::testing::Values(std::make_pair("unknown-topic-field", "invalid (1 error, 0 warnings)"),
                      std::make_pair("many-problems-sorted", "invalid (2 errors, 3 warnings)"),
                      std::make_pair("non-utf8", "invalid (1 error, 0 warnings)"),
                      std::make_pair("topic-config-value-type", "invalid (3 errors, 0 warnings)"),
                      std::make_pair("topic-config-unknown-key", "invalid (2 errors, 0 warnings)"),
                      std::make_pair("bad-yaml-tab", "invalid (1 error, 0 warnings)")),
    [](const auto& info) {
      std::string n = info.param.first;
      std::replace(n.begin(), n.end(), '-', '_');
      return n;
    });

TEST(ValidateE2e, VarsFromTheCommandLineReachThePlan) {
  Outcome o = Aivenctl("validate tests/testdata/invalid/undefined-variable/plan.yaml --var run=9");
  EXPECT_EQ(0, o.code) << o.out;
}

TEST(ValidateE2e, JsonFormatCarriesTheSameDiagnostics) {
  Outcome o = Aivenctl(
      "--format json validate tests/testdata/invalid/duplicate-service-name/plan.yaml "
      "plans/ci-postgres.yaml");
  EXPECT_EQ(1, o.code);
  const std::string bad = "tests/testdata/invalid/duplicate-service-name/plan.yaml";
  nlohmann::json expected = {
      {"valid", false},
      {"files",
       {{{"file", bad}, {"valid", false}, {"errors", 1}, {"warnings", 0}},
        {{"file", "plans/ci-postgres.yaml"}, {"valid", true}, {"errors", 0}, {"warnings", 0}}}},
      {"diagnostics",
       {{{"file", bad},
         {"line", 9},
         {"column", 9},
         {"severity", "error"},
         {"message", "duplicate service \"pg\" in project \"proj\" (first defined at 6:9)"},
         {"address", "service:proj/pg"}}}}};
  EXPECT_EQ(expected, nlohmann::json::parse(o.out));
}

TEST(ValidateE2e, TwoPlansClaimingOneServiceOrCreatingOneProjectWarnWithBothPlaces) {
  const std::string dir = "tests/testdata/cross-plan/";
  Outcome o = Aivenctl("validate " + dir + "alpha.yaml " + dir + "beta.yaml");
  EXPECT_EQ(0, o.code) << "warnings, not errors";
  EXPECT_NE(std::string::npos,
            o.out.find(dir +
                       "beta.yaml:9:9: warning: service:shared/pg is declared by plan "
                       "\"beta\" here and by plan \"alpha\" at " +
                       dir + "alpha.yaml:8:9; two plans would fight over it (keep it in one plan)"))
      << o.out;
  EXPECT_NE(std::string::npos,
            o.out.find(dir +
                       "beta.yaml:11:5: warning: project:own is created by plan \"beta\" "
                       "here and by plan \"alpha\" at " +
                       dir +
                       "alpha.yaml:9:5; two plans would fight over it (let one plan "
                       "create it and write \"create: false\" in the other)"))
      << o.out;
  EXPECT_EQ(std::string::npos, o.out.find("service:shared/other")) << o.out;
  EXPECT_EQ(std::string::npos, o.out.find("project:shared ")) << "create: false is shared";
  // Each file alone is clean.
  EXPECT_EQ(std::string::npos, Aivenctl("validate " + dir + "beta.yaml").out.find("warning"));
  nlohmann::json j = nlohmann::json::parse(
      Aivenctl("validate --format json " + dir + "alpha.yaml " + dir + "beta.yaml").out);
  ASSERT_EQ(j["diagnostics"].size(), 2u) << j.dump();
  EXPECT_EQ(j["diagnostics"][0]["address"], "service:shared/pg");
  EXPECT_EQ(j["diagnostics"][0]["severity"], "warning");
  EXPECT_EQ(j["valid"], true);
}

TEST(ValidateE2e, UsageErrorsExitOne) {
  EXPECT_EQ(1, Aivenctl("validate").code);  // usage errors exit 1 like every error
  EXPECT_EQ(1, Aivenctl("frobnicate").code);
}

}  // namespace
