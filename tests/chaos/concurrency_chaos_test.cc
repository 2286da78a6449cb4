// Concurrency: two applies of the same plan at once, and an apply racing `reap --yes` (of
// another, expired plan; and of the same plan, judged at a time past its TTL). Each run
// ends with exit 0 or a clear message naming what it lost to; afterwards the state is
// converged, nothing is duplicated and nothing outside the plans changed.

#include <regex>
#include <thread>

#include <fstream>

#include "chaos/chaos_fixture.h"
#include "chaos/plan_edits.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

// "2026-11-28T12:00:00Z" for now + `hours` (wall clock; the emulator's offset is 0 here).
std::string IsoIn(int hours) {
  auto t = std::chrono::system_clock::now() + std::chrono::hours(hours);
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&tt));
  return buf;
}

// "20261128T120000Z" (the expires-at tag form) for now + `hours`.
std::string BasicIn(int hours) {
  auto t = std::chrono::system_clock::now() + std::chrono::hours(hours);
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", std::gmtime(&tt));
  return buf;
}

class Concurrency : public ChaosTest {
 protected:
  void SetUp() override { StartEmulator(FastEmulatorArgs()); }

  // Runs two commands at once; returns both outcomes.
  std::pair<ProcessOutcome, ProcessOutcome> Race(const std::vector<std::string>& a,
                                                 const std::vector<std::string>& b) {
    ProcessOutcome first, second;
    std::thread other([&] { second = Aivenctl(b); });
    first = Aivenctl(a);
    other.join();
    return {first, second};
  }

  // Exit 0, or 1 with a message that names the resource and what happened to it.
  static void ExpectWonOrClearlyLost(const ProcessOutcome& o, const std::string& who,
                                     json& figures) {
    static const std::regex address(
        R"((project|service|database|user|topic|integration):[A-Za-z0-9._/-]+)");
    figures[who] = {{"exit", o.code}};
    if (o.code == 0) return;
    EXPECT_EQ(o.code, 1) << who << ": " << o.Describe();
    EXPECT_FALSE(o.timed_out) << who;
    EXPECT_TRUE(std::regex_search(o.err + o.out, address))
        << who << " lost without naming the resource:\n"
        << o.Describe();
    figures[who]["message"] = FirstError(o);
  }

  // An expired environment of another plan, "old-ci": a project and two services.
  void SeedExpiredPlan() {
    const json tags = {
        {"managed-by", "aivenctl"}, {"aivenctl-plan", "old-ci"}, {"expires-at", BasicIn(-2)}};
    ASSERT_TRUE(api_->Post("/v1/project", {{"project", "old-ci"}, {"tags", tags}}).ok());
    for (const char* name : {"a", "b"}) {
      ASSERT_TRUE(api_->Post("/v1/project/old-ci/service", {{"service_name", name},
                                                            {"service_type", "pg"},
                                                            {"plan", "startup-4"},
                                                            {"tags", tags}})
                      .ok());
    }
  }
};

TEST_F(Concurrency, TwoAppliesOfTheSamePlanConvergeWithoutDuplicates) {
  for (const std::string file : {"plans/ci-postgres.yaml", "plans/kafka-pipeline.yaml"}) {
    SCOPED_TRACE(file);
    ASSERT_TRUE(api_->Post("/_emulator/reset", nullptr, {.validate = false}).ok());
    AddBystanderProject();
    const json before = OutsideScope(State(), "-");
    auto [a, b] = Race(Fast({"apply", file}), Fast({"apply", file}));
    json figures = {{"kind", "concurrent_applies"}, {"plan", file}};
    ExpectWonOrClearlyLost(a, "first", figures);
    ExpectWonOrClearlyLost(b, "second", figures);
    EXPECT_TRUE(a.code == 0 || b.code == 0) << "one of them must win:\n"
                                            << a.Describe() << "\n"
                                            << b.Describe();
    const int converged = PlanExitCode(file);
    EXPECT_EQ(converged, 0) << "not converged after both";
    const json state = State();
    auto dups = DuplicateIntegrations(state);
    EXPECT_TRUE(dups.empty()) << ::testing::PrintToString(dups);
    EXPECT_EQ(state["projects"]["bystander-proj"], before["projects"]["bystander-proj"]);
    figures["converged"] = converged == 0;
    figures["duplicates"] = dups.size();
    Record(figures);
  }
}

TEST_F(Concurrency, ApplyRacingAReapOfAnotherExpiredPlanBothSucceed) {
  const std::string file = "plans/ci-postgres.yaml";
  SeedExpiredPlan();
  AddBystanderProject();
  auto [applied, reaped] =
      Race(Fast({"apply", file}), {"reap", "--yes", "--poll-initial", "50ms", "--now", IsoIn(0)});
  json figures = {{"kind", "apply_vs_reap_other"}, {"plan", file}};
  ExpectWonOrClearlyLost(applied, "apply", figures);
  ExpectWonOrClearlyLost(reaped, "reap", figures);
  EXPECT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(reaped.code, 0) << reaped.Describe();
  const json state = State();
  EXPECT_FALSE(state["projects"].contains("old-ci")) << "the expired plan is reaped";
  EXPECT_TRUE(state["projects"].contains("bystander-proj"));
  const int converged = PlanExitCode(file);
  EXPECT_EQ(converged, 0) << "the fresh plan is untouched by the reap";
  EXPECT_EQ(OwnedAddresses(state, "ci-postgres"), PlanAddresses(file));
  figures["converged"] = converged == 0;
  Record(figures);
}

TEST_F(Concurrency, ApplyRacingAReapOfTheSamePlanEndsCleanAndRecovers) {
  // The plan is applied; then a reap judged 5 h later (past its 4 h TTL) races an apply
  // that adds to it. Whoever loses says what it lost; a second reap finishes the job and
  // a later apply builds the environment again from nothing.
  const std::string file = "plans/ci-postgres.yaml";
  ASSERT_EQ(Aivenctl(Fast({"apply", file})).code, 0);
  AddBystanderProject();
  const json before = OutsideScope(State(), "ci-postgres");
  std::string text = ReadFile(SourceDir() + "/" + file), problem;
  ASSERT_TRUE(ApplyEdits(text, ChangeEditsFor("ci-postgres.yaml"), problem)) << problem;
  const std::string changed = dir_.File("ci-postgres-changed.yaml");
  std::ofstream(changed) << text;
  const std::string later = IsoIn(5);
  auto [applied, reaped] =
      Race(Fast({"apply", changed}),
           {"reap", "--yes", "--poll-initial", "50ms", "--poll-max", "300ms", "--now", later});
  json figures = {{"kind", "apply_vs_reap_same"}, {"plan", file}};
  ExpectWonOrClearlyLost(applied, "apply", figures);
  ExpectWonOrClearlyLost(reaped, "reap", figures);

  ProcessOutcome again = Aivenctl({"reap", "--yes", "--poll-initial", "50ms", "--now", later});
  EXPECT_EQ(again.code, 0) << again.Describe();
  EXPECT_TRUE(OwnedAddresses(State(), "ci-postgres").empty()) << "the second reap finishes";
  std::vector<std::string> paths;
  EXPECT_EQ(CountDifferences(before, OutsideScope(State(), "ci-postgres"), &paths), 0)
      << ::testing::PrintToString(paths);

  ProcessOutcome rebuilt = Aivenctl(Fast({"apply", file}));
  EXPECT_EQ(rebuilt.code, 0) << rebuilt.Describe();
  const int converged = PlanExitCode(file);
  EXPECT_EQ(converged, 0);
  EXPECT_TRUE(DuplicateIntegrations(State()).empty());
  figures["converged"] = converged == 0;
  Record(figures);
}

}  // namespace
}  // namespace aivenctl::testing
