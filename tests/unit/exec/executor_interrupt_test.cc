// Interrupts: RequestStop (first SIGINT/SIGTERM) and Abort (the second), driven from the
// test thread while the executor runs on another, as the CLI's signal watcher will; and
// the deadline, which stops a run the same way at a time on the Clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <latch>

#include "exec/executor.h"
#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using std::chrono::seconds;
using testing::FakeRunner;
using testing::Op;
using testing::Pending;
using testing::RecordingSink;
using testing::Script;
using Lines = std::vector<std::string>;

// A call that tells the test it is in, then waits for the test to let it go.
struct Gatekeeper {
  std::latch entered{1};
  std::latch release{1};
  core::Status operator()(std::stop_token) {
    entered.count_down();
    release.wait();
    return {};
  }
};

// A call that only returns when it is cancelled.
core::Status BlockUntilCancelled(std::stop_token stop) {
  std::mutex mu;
  std::condition_variable_any cv;
  std::unique_lock lock(mu);
  cv.wait(lock, stop, [] { return false; });
  return core::Status(core::Code::kCancelled, "request cancelled");
}

std::vector<std::string> Outcomes(const RunResult& r) {
  std::vector<std::string> out;
  for (const auto& op : r.ops) {
    out.push_back(op.address.ToString() + " " + OutcomeName(op.outcome) +
                  (op.note.empty() ? "" : " (" + op.note + ")"));
  }
  return out;
}

const std::vector<diff::Operation> kOps = {
    Op(0, "service:p/kafka", Action::kCreate, Gate::kServiceRunning),
    Op(1, "topic:p/kafka/orders", Action::kCreate, Gate::kTopicActive, {0}),
    Op(2, "user:p/pg/app", Action::kCreate),
    Op(3, "user:p/pg/reader", Action::kCreate, Gate::kNone, {2}),
};

// How a stop (or the deadline) while the user's call is in flight ends: the call finishes,
// the wait stops, nothing new starts.
const Lines kStoppedWithTheUserCallInFlight = {
    "service:p/kafka interrupted (stopped waiting for RUNNING)",
    "topic:p/kafka/orders not started",
    "user:p/pg/app done",
    "user:p/pg/reader not started",
};

// The kafka service keeps building; the call creating user:p/pg/app waits for the test.
std::shared_ptr<Gatekeeper> BuildingKafkaAndAHeldUserCall(FakeRunner& runner) {
  auto gatekeeper = std::make_shared<Gatekeeper>();
  runner.Set("service:p/kafka", Script{.probes = {Pending("REBUILDING")}});
  runner.Set("user:p/pg/app",
             Script{.on_call = [gatekeeper](std::stop_token t) { return (*gatekeeper)(t); }});
  return gatekeeper;
}

TEST(ExecutorInterrupt, StopLetsCallsInFlightFinishStopsWaitingAndStartsNothingNew) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  auto gatekeeper = BuildingKafkaAndAHeldUserCall(runner);
  Executor ex(runner, clock, sink);
  auto run = std::async(std::launch::async, [&] { return ex.Run(kOps); });
  // The service's call is done and it waits for RUNNING; the user's call is in flight.
  gatekeeper->entered.wait();
  ASSERT_TRUE(sink.WaitFor(EventType::kWaiting, "service:p/kafka"));
  ex.RequestStop();
  ASSERT_TRUE(sink.WaitFor(EventType::kStopping));
  gatekeeper->release.count_down();
  const RunResult r = run.get();

  EXPECT_EQ(Outcomes(r), kStoppedWithTheUserCallInFlight);
  EXPECT_TRUE(r.stopped);
  EXPECT_FALSE(r.aborted);
  EXPECT_EQ(r.not_started, 2);
  EXPECT_EQ(r.counts.interrupted, 1);
  EXPECT_EQ(r.status.code(), core::Code::kCancelled);
  EXPECT_EQ(r.status.message(), "interrupted: 1 done, 1 stopped, 2 not started");
  Lines tail;
  for (const auto& line : sink.lines()) {
    if (line.rfind("0s started ", 0) != 0 && line.rfind("0s waiting ", 0) != 0) {
      tail.push_back(line);
    }
  }
  EXPECT_EQ(tail, Lines({
                      "0s stopping stopping: no new operations start; 1 API request in flight "
                      "will finish",
                      "0s interrupted service:p/kafka stopped waiting for RUNNING",
                      "0s finished user:p/pg/app",
                  }));
  Lines log = runner.log();  // two workers: either call may log first
  std::sort(log.begin(), log.end());
  EXPECT_EQ(log, Lines({"call service:p/kafka", "call user:p/pg/app"}));
}

TEST(ExecutorInterrupt, ACallThatFinishesAfterTheStopIsNotWaitedFor) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  auto kafka = std::make_shared<Gatekeeper>();
  auto user = std::make_shared<Gatekeeper>();
  runner.Set("service:p/kafka",
             Script{.on_call = [kafka](std::stop_token t) { return (*kafka)(t); }});
  runner.Set("user:p/pg/app", Script{.on_call = [user](std::stop_token t) { return (*user)(t); }});
  Executor ex(runner, clock, sink, {.parallelism = 2});
  auto run = std::async(std::launch::async, [&] { return ex.Run(kOps); });
  kafka->entered.wait();
  user->entered.wait();
  ex.RequestStop();
  ASSERT_TRUE(sink.WaitFor(EventType::kStopping));
  kafka->release.count_down();
  user->release.count_down();
  const RunResult r = run.get();
  EXPECT_EQ(Outcomes(r), Lines({
                             "service:p/kafka interrupted (stopped before waiting for RUNNING)",
                             "topic:p/kafka/orders not started",
                             "user:p/pg/app done",
                             "user:p/pg/reader not started",
                         }));
  EXPECT_EQ(runner.probe_ms("service:p/kafka"), std::vector<long long>{});
}

TEST(ExecutorInterrupt, AbortCancelsCallsInFlight) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  runner.Set("service:p/kafka", Script{.probes = {Pending("REBUILDING")}});
  runner.Set("user:p/pg/app", Script{.on_call = BlockUntilCancelled});
  Executor ex(runner, clock, sink);
  auto run = std::async(std::launch::async, [&] { return ex.Run(kOps); });
  ASSERT_TRUE(sink.WaitFor(EventType::kWaiting, "service:p/kafka"));
  ex.RequestStop();
  ASSERT_TRUE(sink.WaitFor(EventType::kStopping));
  ex.Abort();
  const RunResult r = run.get();
  EXPECT_EQ(Outcomes(r), Lines({
                             "service:p/kafka interrupted (stopped waiting for RUNNING)",
                             "topic:p/kafka/orders not started",
                             "user:p/pg/app interrupted (call cancelled)",
                             "user:p/pg/reader not started",
                         }));
  EXPECT_TRUE(r.aborted);
  EXPECT_EQ(r.counts.failed, 0);
  EXPECT_EQ(r.status.message(), "interrupted: 0 done, 2 stopped, 2 not started");
  Lines stopping;
  for (const auto& e : sink.events()) {
    if (e.type == EventType::kStopping) stopping.push_back(e.message);
  }
  EXPECT_EQ(stopping, Lines({"stopping: no new operations start; 1 API request in flight will "
                             "finish",
                             "aborting: cancelling 1 API request in flight"}));
}

TEST(ExecutorInterrupt, AbortAloneAlsoStops) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  runner.Set("user:p/pg/app", Script{.on_call = BlockUntilCancelled});
  Executor ex(runner, clock, sink);
  auto run = std::async(std::launch::async, [&] { return ex.Run(kOps); });
  ASSERT_TRUE(sink.WaitFor(EventType::kStarted, "user:p/pg/app"));
  ex.Abort();
  const RunResult r = run.get();
  EXPECT_TRUE(r.stopped);
  EXPECT_TRUE(r.aborted);
  EXPECT_EQ(r.ops[2].outcome, Outcome::kInterrupted);
  EXPECT_EQ(r.ops[3].outcome, Outcome::kNotStarted);
}

TEST(ExecutorInterrupt, AStopBeforeTheRunStartsNothing) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  Executor ex(runner, clock, sink);
  ex.RequestStop();
  const RunResult r = ex.Run(kOps);
  EXPECT_EQ(r.not_started, 4);
  EXPECT_TRUE(runner.log().empty());
  EXPECT_EQ(r.status.message(), "interrupted: 0 done, 0 stopped, 4 not started");
  EXPECT_EQ(sink.lines(),
            Lines({"0s stopping stopping: no new operations start; 0 API requests in flight will "
                   "finish"}));
}

TEST(ExecutorInterrupt, StopWakesACoordinatorSleepingOnTheRealClock) {
  // Nothing in flight, one service waiting 10 minutes between polls: the stop must end the
  // run at once (real time), not at the next poll.
  core::RealClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  runner.Set("service:p/kafka", Script{.probes = {Pending("REBUILDING")}});
  Executor ex(runner, clock, sink,
              {.poll_initial = std::chrono::minutes(10), .poll_max = std::chrono::minutes(10)});
  auto run = std::async(std::launch::async, [&] { return ex.Run({kOps[0]}); });
  ASSERT_TRUE(sink.WaitFor(EventType::kWaiting, "service:p/kafka"));
  const auto t0 = std::chrono::steady_clock::now();
  ex.RequestStop();
  const RunResult r = run.get();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  EXPECT_EQ(r.ops[0].outcome, Outcome::kInterrupted);
}

// The deadline (`apply --deadline 25m`): at ExecutorOptions::stop_at on the Clock the run
// stops as on a first interrupt and says it was the deadline; the FakeClock makes it exact.
ExecutorOptions At(core::FakeClock& clock, core::Duration after) {
  ExecutorOptions o;
  o.heartbeat = core::Duration::zero();
  o.stop_at = clock.Now() + after;
  return o;
}

TEST(ExecutorDeadline, StopsWaitingAndStartsNothingNewAtTheDeadline) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  runner.Set("service:p/kafka", Script{.probes = {Pending("REBUILDING")}});
  Executor ex(runner, clock, sink, At(clock, seconds(30)));
  const RunResult r = ex.Run(kOps);

  EXPECT_EQ(Outcomes(r), Lines({
                             "service:p/kafka interrupted (stopped waiting for RUNNING)",
                             "topic:p/kafka/orders not started",
                             "user:p/pg/app done",
                             "user:p/pg/reader done",
                         }));
  EXPECT_TRUE(r.stopped);
  EXPECT_TRUE(r.deadline);
  EXPECT_FALSE(r.aborted);
  EXPECT_EQ(r.elapsed, seconds(30)) << "the stop comes at the deadline, not at the next read";
  EXPECT_EQ(r.status.code(), core::Code::kCancelled);
  EXPECT_EQ(r.status.message(), "deadline reached: 2 done, 1 stopped, 1 not started");
  // Readings at 1s, 2.5s, 4.75s, 8.125s, 13.19s, 20.78s; the next (30.78s) is past it.
  EXPECT_EQ(runner.probe_ms("service:p/kafka"),
            (std::vector<long long>{1000, 2500, 4750, 8125, 13187, 20781}));
  const Lines lines = sink.lines();
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(Lines(lines.end() - 2, lines.end()),
            Lines({"30s stopping deadline reached: no new operations start; 0 API requests in "
                   "flight will finish",
                   "30s interrupted service:p/kafka [REBUILDING] stopped waiting for RUNNING"}));
}

TEST(ExecutorDeadline, ACallInFlightAtTheDeadlineFinishesAndItsDependentsDoNotStart) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  auto gatekeeper = BuildingKafkaAndAHeldUserCall(runner);
  Executor ex(runner, clock, sink, At(clock, seconds(30)));
  auto run = std::async(std::launch::async, [&] { return ex.Run(kOps); });
  gatekeeper->entered.wait();
  clock.Advance(seconds(31));  // the deadline passes while the call is in flight
  gatekeeper->release.count_down();
  const RunResult r = run.get();
  EXPECT_EQ(Outcomes(r), kStoppedWithTheUserCallInFlight);
  EXPECT_TRUE(r.deadline);
  for (const auto& line : runner.log()) EXPECT_NE(line, "call user:p/pg/reader");
}

TEST(ExecutorDeadline, ADeadlineAlreadyPastStartsNothing) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  ExecutorOptions o = At(clock, seconds(0));
  Executor ex(runner, clock, sink, o);
  const RunResult r = ex.Run(kOps);
  EXPECT_EQ(r.not_started, 4);
  EXPECT_TRUE(runner.log().empty());
  EXPECT_EQ(r.status.message(), "deadline reached: 0 done, 0 stopped, 4 not started");
}

TEST(ExecutorDeadline, ARunThatEndsBeforeTheDeadlineIsNotStopped) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  Executor ex(runner, clock, sink, At(clock, std::chrono::minutes(25)));
  const RunResult r = ex.Run(kOps);
  EXPECT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_FALSE(r.stopped);
  EXPECT_FALSE(r.deadline);
  EXPECT_EQ(r.counts.done, 4);
  EXPECT_LT(r.elapsed, seconds(10));
}

}  // namespace
}  // namespace aivenctl::exec
