// Exit codes and how a run ends (issue #15 items 7 and 8): the documented table, usage
// errors exit 1 with a did-you-mean for a mistyped flag, one rule for when to ask before
// changing anything, and the continue command quoted for a shell.

#include <gtest/gtest.h>

#include <sstream>

#include "api/redact.h"
#include "cli/cli.h"
#include "cli/continue_command.h"
#include "cli/execute.h"
#include "run_with.h"

namespace aivenctl::cli {
namespace {

using testing::Outcome;
using testing::RunWith;

TEST(ExitCodes, TheHelpFooterDocumentsEveryCode) {
  Outcome o = RunWith({"--help"});
  ASSERT_EQ(o.code, 0);
  const std::string table =
      "Exit status:\n"
      "  0                 success (with --detailed-exitcode: nothing to change)\n"
      "  1                 any error, usage errors included; also a run stopped by --deadline\n"
      "  2                 changes present: plan, or reap without --yes, with "
      "--detailed-exitcode\n"
      "  130               interrupted by SIGINT (Ctrl-C)\n"
      "  143               interrupted by SIGTERM\n"
      "  A stopped or failed apply, destroy, extend or reap ends with the command that "
      "continues it.\n"
      "Environment";
  EXPECT_NE(o.out.find(table), std::string::npos) << o.out;
}

TEST(ExitCodes, SignalsMapAsAShellReportsThem) {
  EXPECT_EQ(ExitCodeForSignal(SIGINT), 130);
  EXPECT_EQ(ExitCodeForSignal(SIGTERM), 143);
  EXPECT_EQ(kExitUsage, 1);
  EXPECT_EQ(kExitChanges, 2);
}

// `plan --detailed-exitcode --frmat json` used to exit 2, the code for "changes present".
TEST(ExitCodes, AMistypedFlagIsAUsageErrorWithASuggestion) {
  Outcome o = RunWith({"plan", "x.yaml", "--detailed-exitcode", "--frmat", "json"});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.err.find("The following arguments were not expected: "), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("aivenctl: unknown flag --frmat (did you mean \"--format\"?)\n"),
            std::string::npos)
      << o.err;
  Outcome far = RunWith({"plan", "x.yaml", "--zzzzzzzz=1"});
  EXPECT_EQ(far.code, 1);
  EXPECT_NE(far.err.find("aivenctl: unknown flag --zzzzzzzz\n"), std::string::npos) << far.err;
}

TEST(ExitCodes, UsageErrorsOfEveryKindExit1) {
  EXPECT_EQ(RunWith({"frobnicate"}).code, 1);
  EXPECT_EQ(RunWith({"plan"}).code, 1);  // the plan file is required
  EXPECT_EQ(RunWith({"plan", "x.yaml", "--max-monthly-cost", "-5"}).code, 1);
  EXPECT_EQ(RunWith({"reap", "--now", "yesterday"}).code, 1);
}

TEST(Consent, ApplyDestroyAndExtendDecideAlike) {
  struct Row {
    bool yes, has_input, in_tty, out_tty;
    Consent want;
  };
  const Row rows[] = {
      {true, false, false, false, Consent::kGiven},
      {true, true, true, true, Consent::kGiven},
      {false, true, true, true, Consent::kAsk},
      {false, true, true, false, Consent::kRefused},
      {false, true, false, true, Consent::kRefused},
      {false, false, true, true, Consent::kRefused},
      {false, false, false, false, Consent::kRefused},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(WhenToAsk(r.yes, r.has_input, r.in_tty, r.out_tty), r.want)
        << r.yes << r.has_input << r.in_tty << r.out_tty;
  }
}

TEST(Consent, WithoutATerminalConfirmRefusesAndSaysToPassYes) {
  std::ostringstream out, err;
  std::istringstream in("yes\n");
  core::MapEnvironment env;
  Io io{out, err, env, false};
  io.in = &in;  // an answer is there, but stdin is no terminal: not asked, refused
  EXPECT_FALSE(Confirm("extend", "Extend?", "yes", ExecFlags{}, io));
  EXPECT_EQ(err.str(),
            "aivenctl: refusing to extend without confirmation: not on a terminal. Pass --yes to "
            "extend non-interactively.\n");
  io.in_is_terminal = io.out_is_terminal = true;
  EXPECT_TRUE(Confirm("extend", "Extend?", "yes", ExecFlags{}, io));
  EXPECT_EQ(out.str(), "\nExtend?\n  Enter a value: ");
  EXPECT_TRUE(Confirm("extend", "Extend?", "yes", ExecFlags{.yes = true}, io));
}

TEST(ContinueCommand, QuotesForAShellAndKeepsTheUsersOrder) {
  EXPECT_EQ(ShellQuote("plans/x.yaml"), "plans/x.yaml");
  EXPECT_EQ(ShellQuote("run=42"), "run=42");
  EXPECT_EQ(ShellQuote(""), "''");
  EXPECT_EQ(ShellQuote("a b"), "'a b'");
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(ShellQuote("$HOME;rm"), "'$HOME;rm'");
  EXPECT_EQ(ContinueCommand({"apply", "plans/x.yaml", "--var", "run=42", "--var", "who=a b",
                             "--deadline", "25m", "--yes"}),
            "aivenctl apply plans/x.yaml --var run=42 --var 'who=a b' --deadline 25m --yes");
}

TEST(ContinueCommand, NeverShowsAKnownSecret) {
  api::Secrets().Add("tok-continue-5e2a91");
  EXPECT_EQ(ContinueCommand({"apply", "p.yaml", "--var", "x=tok-continue-5e2a91"}),
            "aivenctl apply p.yaml --var x=<redacted>");
}

TEST(ContinueCommand, ASavedChangesetContinuesWithResume) {
  EXPECT_EQ(
      WithResume({"--yes", "apply", "cs.json", "--deadline", "25m"}),
      (std::vector<std::string>{"--yes", "apply", "cs.json", "--deadline", "25m", "--resume"}));
  EXPECT_EQ(WithResume({"apply", "cs.json", "--resume", "--yes"}),
            (std::vector<std::string>{"apply", "cs.json", "--resume", "--yes"}));
}

}  // namespace
}  // namespace aivenctl::cli
