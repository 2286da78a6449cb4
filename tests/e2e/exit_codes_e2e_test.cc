// Exit codes that never lie, and how a stopped run continues (issue #15 items 7-9), with
// the real binary: 0, 1 for errors and usage errors alike, 2 only for changes present with
// --detailed-exitcode, 130 SIGINT, 143 SIGTERM; the "Run again to finish" command run
// verbatim by a shell converges; --deadline; extend's confirmation, no-op and warning; an
// unreachable API fails in seconds with the URL and a hint; the Markdown preview and
// --max-monthly-cost.

#include <chrono>
#include <filesystem>

#include "core/duration.h"
#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kContinue = "Run again to finish: ";

/// The command after "Run again to finish: " on the last line that has it ("" if none).
std::string ContinueCommand(const std::string& err) {
  const size_t at = err.rfind(kContinue);
  if (at == std::string::npos) return "";
  const size_t start = at + std::string(kContinue).size();
  return err.substr(start, err.find('\n', start) - start);
}

class ExitCodesTest : public E2eTest {
 protected:
  /// Runs `command` with /bin/sh from the source dir, aivenctl on the PATH and the token in
  /// the environment, as a CI step would; what it prints joins the secrets scan.
  ProcessOutcome Shell(const std::string& command) {
    ProcessSpec spec;
    spec.program = "/bin/sh";
    spec.args = {"-c", command};
    spec.cwd = SourceDir();
    spec.env["PATH"] =
        std::filesystem::path(AivenctlBinary()).parent_path().string() + ":/usr/bin:/bin";
    spec.env["AIVEN_TOKEN"] = kE2eToken;
    ProcessOutcome o = RunProcess(spec);
    secrets_.AddPrinted(o.out);
    secrets_.AddPrinted(o.err);
    CollectSecrets();
    return o;
  }

  /// aivenctl ARGS without the fixture's --api-url (the test names its own URL).
  ProcessOutcome AivenctlAt(const std::string& url, std::vector<std::string> args) {
    ProcessSpec spec;
    spec.program = AivenctlBinary();
    spec.cwd = SourceDir();
    spec.env["AIVEN_TOKEN"] = kE2eToken;
    args.insert(args.begin(), {"--api-url", url, "--no-color"});
    spec.args = std::move(args);
    ProcessOutcome o = RunProcess(spec);
    secrets_.AddPrinted(o.out);
    secrets_.AddPrinted(o.err);
    return o;
  }

  void AdvanceEmulatorClock(int seconds) {
    ASSERT_TRUE(
        api_->Post("/_emulator/clock", {{"advance_seconds", seconds}}, {.validate = false}).ok());
  }
};

/// Services take an hour of emulator time to build: a run stopped while they build stays
/// stopped until the test moves the emulator's clock.
class SlowBuildTest : public ExitCodesTest {
 protected:
  void SetUp() override {
    std::vector<std::string> args = FastEmulatorArgs();
    args[3] = "3600";  // --build-seconds
    StartEmulator(args);
  }
};

TEST_F(ExitCodesTest, ZeroOneAndTwoMeanWhatTheHelpSays) {
  const std::string plan = "plans/ci-postgres.yaml";
  ProcessOutcome changes = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(changes.code, 2) << changes.Describe();
  EXPECT_EQ(Aivenctl({"plan", plan}).code, 0);

  // Usage errors are errors: 1, never the 2 of "changes present".
  ProcessOutcome typo = Aivenctl({"plan", plan, "--detailed-exitcode", "--frmat", "json"});
  EXPECT_EQ(typo.code, 1) << typo.Describe();
  EXPECT_NE(typo.err.find("aivenctl: unknown flag --frmat (did you mean \"--format\"?)"),
            std::string::npos)
      << typo.err;
  EXPECT_EQ(typo.out, "");
  EXPECT_EQ(Aivenctl({"frobnicate"}).code, 1);
  EXPECT_EQ(Aivenctl({"plan"}).code, 1);
  EXPECT_EQ(Aivenctl({"apply", plan, "--deadline", "soon"}).code, 1);

  // A failing command: a plan file that is not there.
  ProcessOutcome missing = Aivenctl({"plan", "plans/none.yaml", "--detailed-exitcode"});
  EXPECT_EQ(missing.code, 1) << missing.Describe();

  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  // reap without --yes is a dry run: with --detailed-exitcode, 2 when something is expired.
  const std::string later =
      core::FormatTimeIso(core::TimePoint(std::chrono::duration_cast<core::Seconds>(
                              std::chrono::system_clock::now().time_since_epoch())) +
                          core::Seconds(5 * 3600));
  ProcessOutcome expired = Aivenctl({"reap", "--now", later, "--detailed-exitcode"});
  EXPECT_EQ(expired.code, 2) << expired.Describe();
  EXPECT_EQ(Aivenctl({"reap", "--now", later}).code, 0) << "without the flag a dry run is 0";
  EXPECT_EQ(Aivenctl({"reap", "--detailed-exitcode"}).code, 0) << "nothing expired yet";
  EXPECT_EQ(Inventory().size(), 1u) << "a dry run deletes nothing";
}

TEST_F(SlowBuildTest, SigintExits130AndSigtermExits143WithTheCommandThatContinues) {
  // Two runs on two projects (run=...); `note` is not used by the plan, only quoted.
  auto apply = [](const std::string& run) {
    return Fast({"apply", "plans/ci-postgres.yaml", "--var", "run=" + run, "--var", "note=a b"});
  };
  ProcessSpec spec;
  spec.signal_when_output = "waiting for RUNNING";
  spec.signal_number = SIGINT;
  ProcessOutcome sigint = Aivenctl(apply("sigint"), spec);
  EXPECT_EQ(sigint.code, 130) << sigint.Describe();
  EXPECT_NE(sigint.out.find("Left undone by the interrupt"), std::string::npos) << sigint.out;

  spec.signal_number = SIGTERM;
  ProcessOutcome sigterm = Aivenctl(apply("sigterm"), spec);
  EXPECT_EQ(sigterm.code, 143) << sigterm.Describe();
  // The user's own command line, quoted for a shell, on the last line.
  auto expected = [&](const std::string& run) {
    return "aivenctl --api-url " + emulator_->base_url() +
           " --no-color apply plans/ci-postgres.yaml --var run=" + run +
           " --var 'note=a b' --yes --poll-initial 50ms --poll-max 300ms";
  };
  EXPECT_EQ(ContinueCommand(sigint.err), expected("sigint")) << sigint.err;
  EXPECT_EQ(ContinueCommand(sigterm.err), expected("sigterm")) << sigterm.err;
  EXPECT_EQ(sigterm.err.substr(sigterm.err.size() - expected("sigterm").size() - 1),
            expected("sigterm") + "\n")
      << "the last line";

  // Once the service has built, the printed command, run verbatim, converges.
  AdvanceEmulatorClock(2 * 3600);
  ProcessOutcome resumed = Shell(ContinueCommand(sigterm.err));
  ASSERT_EQ(resumed.code, 0) << resumed.Describe();
  EXPECT_EQ(ContinueCommand(resumed.err), "") << "a finished run has nothing to continue";
  EXPECT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--var", "run=sigterm", "--var", "note=a b",
                      "--detailed-exitcode"})
                .code,
            0);
}

TEST_F(SlowBuildTest, DeadlineStopsInTimeExits1AndPrintsTheContinueCommand) {
  const auto start = Clock::now();
  ProcessOutcome stopped =
      Aivenctl(Fast({"apply", "plans/ci-postgres.yaml", "--deadline", "2s500ms"}));
  const auto took = Clock::now() - start;
  EXPECT_EQ(stopped.code, 1) << stopped.Describe();
  EXPECT_LT(took, std::chrono::seconds(10)) << "it stops at the deadline, not at the end";
  EXPECT_GE(took, std::chrono::milliseconds(2500));
  EXPECT_NE(stopped.err.find("aivenctl: deadline reached (--deadline 2s500ms): no new work "
                             "starts; calls in flight finish."),
            std::string::npos)
      << stopped.err;
  EXPECT_NE(stopped.out.find("Left undone at the deadline (3):\n"
                             "  database:ci-pg-local/pg/app: not started\n"
                             "  service:ci-pg-local/pg: stopped waiting for RUNNING with a backup\n"
                             "  user:ci-pg-local/pg/app: not started\n"),
            std::string::npos)
      << stopped.out;
  EXPECT_EQ(ContinueCommand(stopped.err),
            "aivenctl --api-url " + emulator_->base_url() +
                " --no-color apply plans/ci-postgres.yaml --deadline 2s500ms --yes "
                "--poll-initial 50ms --poll-max 300ms");

  AdvanceEmulatorClock(2 * 3600);
  ProcessOutcome resumed = Shell(ContinueCommand(stopped.err));
  ASSERT_EQ(resumed.code, 0) << resumed.Describe();
  EXPECT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--detailed-exitcode"}).code, 0);
}

TEST_F(ExitCodesTest, ExtendAsksLikeApplyIsANoOpWhenNothingChangesAndWarnsWhenItShortens) {
  const std::string plan = "plans/ci-postgres.yaml";
  ProcessSpec at;
  at.env["AIVENCTL_NOW"] = "2030-01-01T00:00:00Z";
  ASSERT_EQ(Aivenctl(Fast({"apply", plan}), at).code, 0);

  ProcessOutcome refused = Aivenctl({"extend", plan, "--ttl", "10h"}, at);
  EXPECT_EQ(refused.code, 1) << refused.Describe();
  EXPECT_NE(refused.err.find("refusing to extend without confirmation: not on a terminal. Pass "
                             "--yes to extend non-interactively."),
            std::string::npos)
      << refused.err;

  ProcessOutcome extended = Aivenctl({"extend", plan, "--ttl", "10h", "--yes"}, at);
  ASSERT_EQ(extended.code, 0) << extended.Describe();
  EXPECT_NE(extended.out.find("tags.expires-at: \"20300101T040000Z\" -> \"20300101T100000Z\""),
            std::string::npos)
      << extended.out;
  EXPECT_EQ(Get("/v1/project/ci-pg-local/service/pg")["service"]["tags"]["expires-at"],
            "20300101T100000Z");

  ProcessOutcome again = Aivenctl({"extend", plan, "--ttl", "10h"}, at);  // no --yes needed
  EXPECT_EQ(again.code, 0) << again.Describe();
  EXPECT_EQ(again.out, "No changes: the live state matches the plan.\n");

  ProcessOutcome shorter = Aivenctl({"extend", plan, "--ttl", "1h", "--yes"}, at);
  EXPECT_EQ(shorter.code, 0) << shorter.Describe();
  EXPECT_NE(shorter.out.find("warning: service:ci-pg-local/pg: the new ttl shortens its life: "
                             "expires-at 20300101T100000Z moves earlier, to 20300101T010000Z"),
            std::string::npos)
      << shorter.out;
}

// `plan --api-url http://127.0.0.1:1` took 32 s and printed 4 errors after 7 attempts each.
TEST_F(ExitCodesTest, ARefusedConnectionFailsInSecondsWithTheUrlAndAHint) {
  const auto start = Clock::now();
  ProcessOutcome o = AivenctlAt("http://127.0.0.1:1", {"plan", "plans/ci-postgres.yaml"});
  const auto took = Clock::now() - start;
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_LT(took, std::chrono::seconds(4));
  EXPECT_EQ(o.err.rfind("aivenctl: cannot connect to the API at http://127.0.0.1:1 (from "
                        "--api-url) after 2 attempts: connect: ",
                        0),
            0u)
      << o.err;
  EXPECT_EQ(o.err.substr(o.err.find('\n')),
            "\nhint: is the URL right and the server up? Set the URL with --api-url or "
            "AIVEN_API_URL.\n")
      << o.err;
}

TEST_F(ExitCodesTest, AnHttpsUrlOnThePlainHttpEmulatorSaysToUseHttp) {
  const std::string http = emulator_->base_url();
  ASSERT_EQ(http.rfind("http://", 0), 0u);
  const std::string https = "https://" + http.substr(7);
  ProcessOutcome o = AivenctlAt(https, {"plan", "plans/ci-postgres.yaml"});
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_EQ(
      o.err.rfind("aivenctl: no TLS connection to the API at " + https +
                      " (from --api-url): tls: the server at " + https + " does not speak TLS (",
                  0),
      0u)
      << o.err;
  EXPECT_NE(o.err.find("wrong version number): use " + http + "?\n"), std::string::npos) << o.err;
  EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << "one message, not one per call";
  EXPECT_EQ(AivenctlAt(https, {"clouds"}).code, 1);
}

TEST_F(ExitCodesTest, MarkdownPreviewAndMaxMonthlyCost) {
  const std::string plan = "plans/ci-postgres.yaml";
  ProcessOutcome md = Aivenctl({"plan", plan, "--format", "markdown"});
  ASSERT_EQ(md.code, 0) << md.Describe();
  EXPECT_EQ(md.out.rfind("<!-- aivenctl-plan: ci-postgres -->\n### aivenctl plan: `ci-postgres`\n\n"
                         "**Plan: 4 to create, 0 to update, 0 to replace, 0 to destroy.**\n\n"
                         "**Cost:** $",
                         0),
            0u)
      << md.out;
  EXPECT_NE(md.out.find(" for 4h, $"), std::string::npos) << "the plan's ttl is 4h\n" << md.out;
  EXPECT_NE(md.out.find("| `+` | `service:ci-pg-local/pg` | create | `type: \"pg\"`, `plan: "
                        "\"startup-4\"`, `cloud: \"google-europe-north1\"`"),
            std::string::npos)
      << md.out;

  ProcessOutcome cheap = Aivenctl({"plan", plan, "--max-monthly-cost", "1", "--out",
                                   dir_.File("cs.json"), "--detailed-exitcode"});
  EXPECT_EQ(cheap.code, 1) << cheap.Describe();
  EXPECT_NE(cheap.out.find("Plan: 4 to create"), std::string::npos) << "printed first";
  EXPECT_NE(cheap.err.find(" per month, more than --max-monthly-cost $1.00; nothing was saved\n"),
            std::string::npos)
      << cheap.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.File("cs.json")));
  EXPECT_EQ(Aivenctl({"plan", plan, "--max-monthly-cost", "100000", "--detailed-exitcode"}).code,
            2);
}

}  // namespace
}  // namespace aivenctl::testing
