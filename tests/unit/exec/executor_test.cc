#include "exec/executor.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::Absent;
using testing::FakeRunner;
using testing::Op;
using testing::Pending;
using testing::Ready;
using testing::RecordingSink;
using testing::Script;
using Lines = std::vector<std::string>;

struct Harness {
  core::FakeClock clock;
  FakeRunner runner{clock};
  RecordingSink sink;
  RunResult Run(const std::vector<diff::Operation>& ops, ExecutorOptions options = {}) {
    Executor ex(runner, clock, sink, std::move(options));
    return ex.Run(ops);
  }
};

std::vector<std::string> Calls(const FakeRunner& runner) {
  std::vector<std::string> out;
  for (const auto& line : runner.log()) {
    if (line.rfind("call ", 0) == 0) out.push_back(line.substr(5));
  }
  return out;
}

TEST(Executor, RunsAChainInDependencyOrderWaitingForEachGate) {
  Harness h;
  h.runner.Set("service:p/s", Script{.probes = {Pending("REBUILDING"), Pending("REBUILDING"),
                                                Ready("RUNNING"), Ready("RUNNING")}});
  h.runner.Set("topic:p/s/t", Script{.probes = {Pending("CONFIGURING"), Ready("ACTIVE")}});
  const std::vector<diff::Operation> ops = {
      Op(0, "project:p", Action::kCreate),
      Op(1, "service:p/s", Action::kCreate, Gate::kServiceRunning, {0}),
      Op(2, "topic:p/s/t", Action::kCreate, Gate::kTopicActive, {1}),
  };
  const RunResult r = h.Run(ops, {.poll_max = seconds(4), .poll_backoff = 2});
  EXPECT_EQ(h.sink.lines(), Lines({
                                "0s started project:p",
                                "0s finished project:p",
                                "0s started service:p/s",
                                "0s waiting service:p/s waiting for RUNNING",
                                "1s progress service:p/s [REBUILDING]",
                                "7s progress service:p/s [RUNNING]",
                                "8s finished service:p/s [RUNNING]",
                                "8s started topic:p/s/t",
                                "8s waiting topic:p/s/t waiting for ACTIVE",
                                "8s progress topic:p/s/t [CONFIGURING]",
                                "8s progress topic:p/s/t [ACTIVE]",
                                "8s finished topic:p/s/t [ACTIVE]",
                            }));
  EXPECT_EQ(h.runner.probe_ms("service:p/s"), std::vector<long long>({1000, 3000, 7000, 8000}));
  // A topic is first probed after poll_min (250 ms), then backs off from there.
  EXPECT_EQ(h.runner.probe_ms("topic:p/s/t"), std::vector<long long>({8250, 8750}));
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.counts.done, 3);
  EXPECT_EQ(r.counts.total, 3);
  EXPECT_EQ(r.elapsed, std::chrono::milliseconds(8750));
  EXPECT_EQ(r.ops[1].outcome, Outcome::kDone);
  EXPECT_EQ(r.ops[1].elapsed, seconds(8));
  EXPECT_EQ(r.ops[1].live_state, "RUNNING");
  const auto events = h.sink.events();
  EXPECT_EQ(events.back().counts.done, 3);
  EXPECT_EQ(events.back().elapsed, std::chrono::milliseconds(750));
  EXPECT_EQ(events[2].counts.running, 1);
}

TEST(Executor, GatePollingBacksOffToTheCeilingAndConfirmsQuickly) {
  Harness h;
  std::vector<ProbeResult> probes(8, Pending("REBUILDING"));
  probes.push_back(Ready("RUNNING"));
  h.runner.Set("service:p/kafka", Script{.probes = probes});
  const RunResult r =
      h.Run({Op(0, "service:p/kafka", Action::kCreate, Gate::kServiceRunning)});  // defaults
  // 1s, then x1.5 each poll, capped at 10s; the confirming reading follows after 1s.
  EXPECT_EQ(
      h.runner.probe_ms("service:p/kafka"),
      std::vector<long long>({1000, 2500, 4750, 8125, 13187, 20781, 30781, 40781, 50781, 51781}));
  EXPECT_EQ(r.ops[0].outcome, Outcome::kDone);
  EXPECT_EQ(r.elapsed, std::chrono::microseconds(51'781'250));
  Lines heartbeats;
  for (const auto& line : h.sink.lines()) {
    if (line.find("heartbeat") != std::string::npos) heartbeats.push_back(line);
  }
  EXPECT_EQ(heartbeats, Lines({"30s heartbeat"}));
}

TEST(Executor, AGoneGateIsReadAtOnceThenBacksOffFromPollInitial) {
  Harness h;
  h.runner.Set("service:p/a", Script{.probes = {Ready("gone")}});
  h.runner.Set("service:p/b",
               Script{.probes = {Pending("RUNNING"), Pending("RUNNING"), Ready("gone")}});
  const RunResult r = h.Run({
      Op(0, "service:p/a", Action::kDelete, Gate::kGone),
      Op(1, "service:p/b", Action::kDelete, Gate::kGone),
      Op(2, "project:p", Action::kDelete, Gate::kNone, {0, 1}),
  });  // defaults: poll_initial 1s, backoff 1.5
  // A delete that took effect costs no wait; one that did not is read again after 1s, 1.5s.
  EXPECT_EQ(h.runner.probe_ms("service:p/a"), std::vector<long long>({0}));
  EXPECT_EQ(h.runner.probe_ms("service:p/b"), std::vector<long long>({0, 1000, 2500}));
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.ops[0].elapsed, seconds(0));
  EXPECT_EQ(r.ops[1].elapsed, std::chrono::milliseconds(2500));
  // The two deletes are called at once by two workers (either may log first); the
  // project's delete waits for both to be gone.
  Lines calls = Calls(h.runner);
  ASSERT_EQ(calls.size(), 3u);
  std::sort(calls.begin(), calls.begin() + 2);
  EXPECT_EQ(calls, Lines({"service:p/a", "service:p/b", "project:p"}));
  EXPECT_EQ(r.elapsed, std::chrono::milliseconds(2500));
}

TEST(Executor, ARebalancingBlipResetsTheConfirmationButNeverFails) {
  Harness h;
  h.runner.Set("service:p/pg", Script{.probes = {Pending("REBUILDING"), Ready("RUNNING"),
                                                 Pending("REBALANCING"), Ready("RUNNING")}});
  const RunResult r = h.Run({Op(0, "service:p/pg", Action::kCreate, Gate::kServiceBackup)});
  EXPECT_EQ(h.runner.probe_ms("service:p/pg"),
            std::vector<long long>({1000, 2500, 3500, 5750, 6750}));
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(h.sink.lines(), Lines({
                                "0s started service:p/pg",
                                "0s waiting service:p/pg waiting for RUNNING with a backup",
                                "1s progress service:p/pg [REBUILDING]",
                                "2s progress service:p/pg [RUNNING]",
                                "3s progress service:p/pg [REBALANCING]",
                                "5s progress service:p/pg [RUNNING]",
                                "6s finished service:p/pg [RUNNING]",
                            }));
}

TEST(Executor, OneReadingIsEnoughForNonServiceGatesOrWhenConfigured) {
  Harness h;
  h.runner.Set("service:p/pg", Script{.probes = {Pending("REBUILDING"), Ready("RUNNING")}});
  h.runner.Set("topic:p/k/t", Script{.probes = {Ready("ACTIVE")}});
  h.runner.Set("integration:p/x:a->b", Script{.probes = {Pending("inactive"), Ready("active")}});
  const RunResult r = h.Run(
      {
          Op(0, "service:p/pg", Action::kCreate, Gate::kServiceRunning),
          Op(1, "topic:p/k/t", Action::kCreate, Gate::kTopicActive, {0}),
          Op(2, "integration:p/x:a->b", Action::kCreate, Gate::kIntegrationActive, {1}),
      },
      {.service_confirmations = 1});
  EXPECT_EQ(h.runner.probe_ms("service:p/pg"), std::vector<long long>({1000, 2500}));
  EXPECT_EQ(h.runner.probe_ms("topic:p/k/t"), std::vector<long long>({2750}));
  EXPECT_EQ(h.runner.probe_ms("integration:p/x:a->b"), std::vector<long long>({3000, 3375}));
  EXPECT_EQ(r.counts.done, 3);
}

TEST(Executor, ATimeoutNamesTheAddressAndTheLastState) {
  Harness h;
  h.runner.Set("topic:p/k/t", Script{.probes = {Pending("CONFIGURING")}});
  ExecutorOptions o;
  o.timeouts.other = seconds(10);
  o.poll_min = seconds(1);  // first probe after 1s, as poll_initial
  const RunResult r = h.Run({Op(0, "topic:p/k/t", Action::kCreate, Gate::kTopicActive)}, o);
  // The last poll is pulled in to the deadline itself.
  EXPECT_EQ(h.runner.probe_ms("topic:p/k/t"),
            std::vector<long long>({1000, 2500, 4750, 8125, 10000}));
  EXPECT_EQ(r.ops[0].outcome, Outcome::kFailed);
  EXPECT_EQ(r.ops[0].error.code(), core::Code::kDeadlineExceeded);
  EXPECT_EQ(r.ops[0].error.message(),
            "topic:p/k/t: timed out after 10s waiting for ACTIVE (last state CONFIGURING)");
  EXPECT_EQ(r.status.message(),
            "1 operation failed, 0 skipped; first: topic:p/k/t: timed out after 10s waiting for "
            "ACTIVE (last state CONFIGURING)");
}

TEST(Executor, AServiceCreateTimesOutAfterTwentyMinutesByDefault) {
  Harness h;
  h.runner.Set("service:ci-42/events", Script{.probes = {Pending("REBUILDING")}});
  const RunResult r =
      h.Run({Op(0, "service:ci-42/events", Action::kCreate, Gate::kServiceRunning)});
  EXPECT_EQ(r.ops[0].error.message(),
            "service:ci-42/events: timed out after 20m0s waiting for RUNNING (last state "
            "REBUILDING)");
  EXPECT_EQ(r.elapsed, minutes(20));
  EXPECT_EQ(h.runner.probe_ms("service:ci-42/events").back(), 1'200'000);
  EXPECT_EQ(h.sink.lines().back(),
            "20m0s failed service:ci-42/events [REBUILDING] service:ci-42/events: timed out "
            "after 20m0s waiting for RUNNING (last state REBUILDING)");
}

TEST(Executor, AServiceDeletedUnderAnUpdateFailsSoonAndSaysWhy) {
  // A reap deletes the service while the update waits for RUNNING: no 10-minute wait.
  Harness h;
  h.runner.Set("service:p/pg", Script{.probes = {Absent()}});
  const RunResult r = h.Run({Op(0, "service:p/pg", Action::kUpdate, Gate::kServiceRunning)});
  EXPECT_EQ(r.ops[0].outcome, Outcome::kFailed);
  EXPECT_EQ(r.ops[0].error.code(), core::Code::kNotFound);
  EXPECT_EQ(r.ops[0].error.message(),
            "service:p/pg: gone while waiting for RUNNING: absent for 12s after the change "
            "(deleted by someone else, e.g. a reap or another run?); run `aivenctl plan` again");
  EXPECT_EQ(h.runner.probe_ms("service:p/pg"),
            std::vector<long long>({1000, 2500, 4750, 8125, 13187}));
}

TEST(Executor, AbsenceJustAfterACreateIsAivensLagAndIsWaitedOut) {
  Harness h;
  h.runner.Set("service:p/pg", Script{.probes = {Absent(), Absent(), Absent(), Absent(),
                                                 Pending("REBUILDING"), Ready("RUNNING")}});
  const RunResult r = h.Run({Op(0, "service:p/pg", Action::kCreate, Gate::kServiceRunning)});
  EXPECT_EQ(r.ops[0].outcome, Outcome::kDone) << r.ops[0].error.ToString();
}

TEST(Executor, ACreatedResourceThatStaysAbsentFailsAfterAMinute) {
  Harness h;
  h.runner.Set("topic:p/k/t", Script{.probes = {Absent()}});
  const RunResult r =
      h.Run({Op(0, "topic:p/k/t", Action::kCreate, Gate::kTopicActive)}, {.poll_min = seconds(1)});
  EXPECT_EQ(r.ops[0].outcome, Outcome::kFailed);
  EXPECT_EQ(r.ops[0].error.message(),
            "topic:p/k/t: gone while waiting for ACTIVE: absent for 1m9s after the create "
            "(deleted by someone else, e.g. a reap or another run?); run `aivenctl plan` again");
  EXPECT_LT(r.elapsed, minutes(2));
}

TEST(Executor, AFailureSkipsItsDependentsAndIndependentWorkContinues) {
  Harness h;
  h.runner.Set("service:p/pg", Script{.call = core::Unavailable("503 after 6 attempts")});
  h.runner.Set("service:p/graf",
               Script{.probes = {Pending("REBUILDING"),
                                 ProbeResult{false, "POWEROFF",
                                             core::FailedPrecondition("service is POWEROFF")}}});
  const std::vector<diff::Operation> ops = {
      Op(0, "project:p", Action::kCreate),
      Op(1, "service:p/pg", Action::kCreate, Gate::kServiceRunning, {0}),
      Op(2, "database:p/pg/app", Action::kCreate, Gate::kNone, {1}),
      Op(3, "user:p/pg/app", Action::kCreate, Gate::kNone, {1}),
      Op(4, "service:p/kafka", Action::kCreate, Gate::kServiceRunning, {0}),
      Op(5, "topic:p/kafka/orders", Action::kCreate, Gate::kTopicActive, {4}),
      Op(6, "service:p/graf", Action::kCreate, Gate::kServiceRunning, {0}),
      Op(7, "integration:p/dashboard:graf->pg", Action::kCreate, Gate::kNone, {1, 6}),
  };
  const RunResult r = h.Run(ops);
  std::vector<std::string> outcomes;
  for (const auto& op : r.ops) {
    outcomes.push_back(op.address.ToString() + " " + OutcomeName(op.outcome) +
                       (op.cause.empty() ? "" : " (" + op.cause + ")"));
  }
  EXPECT_EQ(outcomes, Lines({
                          "project:p done",
                          "service:p/pg failed",
                          "database:p/pg/app skipped (service:p/pg)",
                          "user:p/pg/app skipped (service:p/pg)",
                          "service:p/kafka done",
                          "topic:p/kafka/orders done",
                          "service:p/graf failed",
                          "integration:p/dashboard:graf->pg skipped (service:p/pg)",
                      }));
  EXPECT_EQ(r.ops[1].error.message(), "service:p/pg: 503 after 6 attempts");
  EXPECT_EQ(r.ops[6].error.message(), "service:p/graf: service is POWEROFF");
  EXPECT_EQ(r.ops[6].live_state, "REBUILDING");
  EXPECT_EQ(r.status.code(), core::Code::kFailedPrecondition);  // service:p/graf sorts first
  EXPECT_EQ(r.status.message(),
            "2 operations failed, 3 skipped; first: service:p/graf: service is POWEROFF");
  EXPECT_EQ(r.counts.done, 3);
  EXPECT_EQ(r.counts.failed, 2);
  EXPECT_EQ(r.counts.skipped, 3);
  EXPECT_EQ(r.not_started, 0);
  EXPECT_FALSE(r.stopped);
  // Skipped events name their root cause; none of the skipped ones was ever called.
  Lines skipped;
  for (const auto& e : h.sink.events()) {
    if (e.type == EventType::kSkipped) skipped.push_back(e.address.ToString() + " <- " + e.cause);
  }
  EXPECT_EQ(skipped, Lines({"database:p/pg/app <- service:p/pg",
                            "integration:p/dashboard:graf->pg <- service:p/pg",
                            "user:p/pg/app <- service:p/pg"}));
  for (const auto& call : Calls(h.runner)) {
    EXPECT_TRUE(call.find("pg/app") == std::string::npos &&
                call.find("dashboard") == std::string::npos)
        << call;
  }
}

TEST(Executor, CriticalPathFirstDecidesTheStartOrder) {
  Harness h;
  const std::vector<diff::Operation> ops = {
      Op(0, "user:p/old/app", Action::kCreate),
      Op(1, "service:p/pg", Action::kCreate, Gate::kServiceRunning),
      Op(2, "database:p/pg/app", Action::kCreate, Gate::kNone, {1}),
      Op(3, "service:p/zkafka", Action::kCreate, Gate::kServiceRunning),
      Op(4, "topic:p/zkafka/orders", Action::kCreate, Gate::kTopicActive, {3}),
  };
  h.Run(ops, {.parallelism = 1});
  EXPECT_EQ(Calls(h.runner), Lines({"service:p/zkafka", "service:p/pg", "user:p/old/app",
                                    "topic:p/zkafka/orders", "database:p/pg/app"}));
  EXPECT_EQ(h.runner.max_concurrent(), 1);
}

// Blocks the first `n` calls until `n` are in at once, so the bound is reached for sure.
struct Rendezvous {
  explicit Rendezvous(int n) : n(n) {}
  core::Status operator()(std::stop_token) {
    std::unique_lock lock(mu);
    ++arrived;
    cv.notify_all();
    cv.wait_for(lock, seconds(10), [&] { return arrived >= n; });
    return {};
  }
  int n;
  int arrived = 0;
  std::mutex mu;
  std::condition_variable cv;
};

TEST(Executor, ParallelismIsNeverExceededAndIsReached) {
  for (int parallelism : {1, 4, 10}) {
    Harness h;
    auto rendezvous = std::make_shared<Rendezvous>(parallelism);
    std::vector<diff::Operation> ops;
    for (int i = 0; i < 40; ++i) {
      const std::string a = "user:p/s/u" + std::to_string(100 + i);
      h.runner.Set(a,
                   Script{.on_call = [rendezvous](std::stop_token t) { return (*rendezvous)(t); }});
      ops.push_back(Op(i, a, Action::kCreate));
    }
    for (int i = 0; i < 8; ++i) {
      const std::string a = "service:p/s" + std::to_string(i);
      h.runner.Set(
          a, Script{.probes = {Pending("REBUILDING"), Pending("REBUILDING"), Ready("RUNNING")}});
      ops.push_back(Op(40 + i, a, Action::kCreate, Gate::kServiceRunning));
    }
    ExecutorOptions o;
    if (parallelism != 10) o.parallelism = parallelism;  // 10 is the default
    const RunResult r = h.Run(ops, o);
    EXPECT_EQ(r.counts.done, 48);
    EXPECT_EQ(h.runner.max_concurrent(), parallelism);
  }
}

TEST(Executor, WaitingForAGateHoldsNoWorker) {
  Harness h;
  std::vector<diff::Operation> ops;
  for (int i = 0; i < 6; ++i) {
    const std::string a = "service:p/s" + std::to_string(i);
    h.runner.Set(a, Script{.probes = {Pending("REBUILDING"), Ready("RUNNING")}});
    ops.push_back(Op(i, a, Action::kCreate, Gate::kServiceRunning));
  }
  const RunResult r = h.Run(ops, {.parallelism = 2});
  int started_at_zero = 0;
  for (const auto& e : h.sink.events()) {
    if (e.type == EventType::kStarted && e.at == Duration::zero()) ++started_at_zero;
  }
  EXPECT_EQ(started_at_zero, 6);  // all six build at once; only the requests queue
  EXPECT_LE(h.runner.max_concurrent(), 2);
  EXPECT_EQ(r.counts.done, 6);
  EXPECT_LT(r.elapsed, seconds(5));
}

TEST(Executor, AnInvalidGraphRunsNothing) {
  Harness h;
  const RunResult r = h.Run({Op(0, "service:p/a", Action::kCreate, Gate::kNone, {1}),
                             Op(1, "service:p/b", Action::kCreate, Gate::kNone, {0})});
  EXPECT_EQ(r.status.code(), core::Code::kInvalidArgument);
  EXPECT_EQ(r.not_started, 2);
  EXPECT_TRUE(h.sink.events().empty());
  EXPECT_TRUE(h.runner.log().empty());
}

TEST(Executor, AnEmptyChangesetIsDoneAtOnce) {
  Harness h;
  const RunResult r = h.Run({});
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.counts.total, 0);
  EXPECT_TRUE(h.sink.events().empty());
}

}  // namespace
}  // namespace aivenctl::exec
