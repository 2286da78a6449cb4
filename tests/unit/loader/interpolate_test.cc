// Variable interpolation: ${name}, ${env:NAME}, ${env:NAME:-default}, --var, $${ escapes.

#include <gtest/gtest.h>

#include "spec_helpers.h"

namespace aivenctl::loader {
namespace {

// A plan whose only project is named `name` (written quoted), with `vars` lines.
std::string Plan(const std::string& name, const std::string& vars = "") {
  return "version: 1\nname: p\n" + (vars.empty() ? "" : "vars:\n" + vars) +
         "projects:\n  - name: \"" + name + "\"\n";
}

std::string ProjectName(const LoadResult& r) {
  return r.ok() ? r.plan->projects[0].name : "<invalid: " + Lines(r) + ">";
}

TEST(Interpolate, VariablesFromVars) {
  EXPECT_EQ("ci-7", ProjectName(LoadSpec(Plan("ci-${run}", "  run: 7\n"))));
}

TEST(Interpolate, VariablesMayUseOtherVariablesAndTheEnvironment) {
  core::MapEnvironment env = Env({{"PR", "42"}});
  EXPECT_EQ("pr-42-x", ProjectName(LoadSpec(
                           Plan("${full}-x", "  full: pr-${num}\n  num: ${env:PR}\n"), {}, env)));
}

TEST(Interpolate, EnvironmentDefaultIsUsedOnlyWhenUnset) {
  core::MapEnvironment set = Env({{"RUN", "9"}});
  EXPECT_EQ("ci-local", ProjectName(LoadSpec(Plan("ci-${env:RUN:-local}"))));
  EXPECT_EQ("ci-9", ProjectName(LoadSpec(Plan("ci-${env:RUN:-local}"), {}, set)));
  core::MapEnvironment empty = Env({{"RUN", ""}});
  EXPECT_EQ("ci-", ProjectName(LoadSpec(Plan("ci-${env:RUN:-local}"), {}, empty)));
}

TEST(Interpolate, CommandLineWinsOverVars) {
  EXPECT_EQ("ci-cli", ProjectName(LoadSpec(Plan("ci-${run}", "  run: file\n"), {{"run", "cli"}})));
}

TEST(Interpolate, DoubleDollarIsALiteral) {
  LoadResult r = LoadSpec(
      "version: 1\nname: p\nprojects:\n  - name: a\n    tags: {note: \"cost $${HOME} $5\"}\n");
  ASSERT_TRUE(r.ok()) << Lines(r);
  EXPECT_EQ("cost ${HOME} $5", r.plan->projects[0].tags.at("note"));
}

TEST(Interpolate, UndefinedVariableIsNamed) {
  EXPECT_EQ(
      "4:11: error: undefined variable \"run\" (define it under vars: or pass --var "
      "run=VALUE)\n",
      Lines(LoadSpec(Plan("ci-${run}"))));
}

TEST(Interpolate, UnsetEnvironmentVariableWithoutDefaultIsNamed) {
  EXPECT_EQ(
      "4:11: error: environment variable \"CI_ID\" is not set (write ${env:CI_ID:-default} to "
      "give a default)\n",
      Lines(LoadSpec(Plan("ci-${env:CI_ID}"))));
}

TEST(Interpolate, AFailingVariableIsReportedOnceWhereItIsDefined) {
  EXPECT_EQ(
      "4:6: error: environment variable \"X\" is not set (write ${env:X:-default} to give a "
      "default)\n",
      Lines(LoadSpec(Plan("${a}-${a}", "  a: ${env:X}\n"))));
}

TEST(Interpolate, CyclesAreReported) {
  EXPECT_EQ("4:6: error: variable \"a\" refers to itself: a -> b -> a\n",
            Lines(LoadSpec(Plan("${a}", "  a: ${b}\n  b: ${a}\n"))));
}

TEST(Interpolate, MalformedReferences) {
  EXPECT_EQ(
      "4:11: error: unterminated \"${\" in \"ci-${run\"; write \"$${\" for a literal \"${\"\n",
      Lines(LoadSpec(Plan("ci-${run"))));
  EXPECT_EQ(
      "4:11: error: invalid variable reference \"${}\"; write ${name}, ${env:NAME} or "
      "${env:NAME:-default}\n",
      Lines(LoadSpec(Plan("ci-${}"))));
}

TEST(Interpolate, UnusedVariableIsAWarning) {
  LoadResult r = LoadSpec(Plan("a", "  spare: 1\n"));
  EXPECT_TRUE(r.ok());
  EXPECT_EQ("4:3: warning: variable \"spare\" is defined but never used\n", Lines(r));
}

}  // namespace
}  // namespace aivenctl::loader
