// The gate tracker as a table: a gate, its options and a series of readings (each taken
// when its read is due unless the row says when) -> what each reading means, word for word.
#include "exec/gate_tracker.h"

#include <gtest/gtest.h>

#include <optional>

#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::Absent;
using testing::Pending;
using testing::Ready;
using Lines = std::vector<std::string>;

// "2.5s", "13.187s": milliseconds since the start, without trailing zeros.
std::string Secs(Duration d) {
  const long long ms = std::chrono::duration_cast<milliseconds>(d).count();
  std::string out = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    std::string frac = std::to_string(1000 + ms % 1000).substr(1);
    while (frac.back() == '0') frac.pop_back();
    out += "." + frac;
  }
  return out + "s";
}

std::string Describe(const ProbeResult& r) {
  if (!r.error.ok()) return "error " + r.error.ToString();
  if (r.absent) return "absent";
  return (r.ready ? "ready " : "pending ") + (r.live_state.empty() ? "\"\"" : r.live_state);
}

// One reading, taken when its read is due, or at `at` (since the start) when set.
struct Step {
  ProbeResult reading;
  std::optional<Duration> at;
};
Step At(Duration at, ProbeResult reading) { return {std::move(reading), at}; }

struct Row {
  std::string name;
  Gate gate = Gate::kServiceRunning;
  Action action = Action::kCreate;
  GateOptions options;
  Duration timeout = minutes(20);
  std::vector<Step> steps;
  Lines want;  // "first read at T", then "<t> <reading> -> <verdict>" per step
};

// Runs one row against a tracker with one operation started at 0s; stops at the first
// verdict that ends the wait.
Lines Play(const Row& row) {
  const SteadyTime t0 = SteadyTime() + std::chrono::hours(1);
  GateTracker tracker(row.options);
  const GateSpec spec{row.gate, row.action, t0, row.timeout};
  SteadyTime due = tracker.Start(7, spec, t0);
  Lines out = {"first read at " + Secs(due - t0)};
  for (const Step& step : row.steps) {
    const SteadyTime now = step.at ? t0 + *step.at : due;
    if (tracker.Due(now) != std::vector<int>{7})
      out.push_back("(not due at " + Secs(now - t0) + ")");
    tracker.BeginRead(7);
    const GateVerdict v = tracker.Observe(7, step.reading, now);
    std::string line = Secs(now - t0) + " " + Describe(step.reading) + " -> ";
    switch (v.kind) {
      case GateVerdict::Kind::kWait:
        line += "wait until " + Secs(v.next_read - t0);
        due = v.next_read;
        break;
      case GateVerdict::Kind::kDone:
        line += "done";
        break;
      case GateVerdict::Kind::kFailed:
        line += "failed " + v.error.ToString();
        break;
    }
    out.push_back(line);
    if (v.kind != GateVerdict::Kind::kWait) {
      if (tracker.waiting(7)) out.push_back("(still waiting after the end)");
      break;
    }
  }
  return out;
}

const ProbeResult kPowerOff{false, "POWEROFF",
                            core::FailedPrecondition("service:p/pg is powered off")};

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      {.name = "a service needs two ready readings in a row, the second soon after the first",
       .steps = {{Pending("REBUILDING")},
                 {Pending("REBUILDING")},
                 {Ready("RUNNING")},
                 {Ready("RUNNING")}},
       .want = {"first read at 1s", "1s pending REBUILDING -> wait until 2.5s",
                "2.5s pending REBUILDING -> wait until 4.75s",
                "4.75s ready RUNNING -> wait until 5.75s", "5.75s ready RUNNING -> done"}},
      {.name = "the interval doubles up to the ceiling",
       .options = {.poll_max = seconds(4), .poll_backoff = 2},
       .steps = {{Pending("REBUILDING")},
                 {Pending("REBUILDING")},
                 {Pending("REBUILDING")},
                 {Pending("REBUILDING")}},
       .want = {"first read at 1s", "1s pending REBUILDING -> wait until 3s",
                "3s pending REBUILDING -> wait until 7s", "7s pending REBUILDING -> wait until 11s",
                "11s pending REBUILDING -> wait until 15s"}},
      {.name = "a backoff below 1 does not shrink the interval",
       .options = {.poll_backoff = 0.5},
       .steps = {{Pending("REBUILDING")}, {Pending("REBUILDING")}},
       .want = {"first read at 1s", "1s pending REBUILDING -> wait until 2s",
                "2s pending REBUILDING -> wait until 3s"}},
      {.name = "a REBALANCING blip resets the count and backs off, but never fails",
       .gate = Gate::kServiceBackup,
       .steps = {{Pending("REBUILDING")},
                 {Ready("RUNNING")},
                 {Pending("REBALANCING")},
                 {Ready("RUNNING")},
                 {Ready("RUNNING")}},
       .want = {"first read at 1s", "1s pending REBUILDING -> wait until 2.5s",
                "2.5s ready RUNNING -> wait until 3.5s",
                "3.5s pending REBALANCING -> wait until 5.75s",
                "5.75s ready RUNNING -> wait until 6.75s", "6.75s ready RUNNING -> done"}},
      {.name = "one ready reading is enough for a service when so configured",
       .options = {.service_confirmations = 1},
       .steps = {{Ready("RUNNING")}},
       .want = {"first read at 1s", "1s ready RUNNING -> done"}},
      {.name = "one ready reading is enough for a topic, first probed after poll_min",
       .gate = Gate::kTopicActive,
       .steps = {{Pending("CONFIGURING")}, {Ready("ACTIVE")}},
       .want = {"first read at 0.25s", "0.25s pending CONFIGURING -> wait until 0.625s",
                "0.625s ready ACTIVE -> done"}},
      {.name = "an integration is first probed after poll_min, then backs off",
       .gate = Gate::kIntegrationActive,
       .steps = {{Pending("inactive")}, {Pending("inactive")}, {Ready("active")}},
       .want = {"first read at 0.25s", "0.25s pending inactive -> wait until 0.625s",
                "0.625s pending inactive -> wait until 1.187s", "1.187s ready active -> done"}},
      {.name = "a fast first probe is never later than poll_initial",
       .gate = Gate::kTopicActive,
       .options = {.poll_initial = milliseconds(100)},
       .steps = {{Ready("ACTIVE")}},
       .want = {"first read at 0.1s", "0.1s ready ACTIVE -> done"}},
      {.name = "a gone gate is read at once, then from poll_initial on",
       .gate = Gate::kGone,
       .action = Action::kDelete,
       .steps = {{Pending("RUNNING")}, {Pending("RUNNING")}, {Ready("gone")}},
       .want = {"first read at 0s", "0s pending RUNNING -> wait until 1s",
                "1s pending RUNNING -> wait until 2.5s", "2.5s ready gone -> done"}},
      {.name = "a late reading counts the next interval from when it was taken",
       .steps = {At(seconds(3), Pending("REBUILDING")), {Pending("REBUILDING")}},
       .want = {"first read at 1s", "3s pending REBUILDING -> wait until 4.5s",
                "4.5s pending REBUILDING -> wait until 6.75s"}},
      {.name = "the last read is pulled in to the deadline and times out with the last state",
       .gate = Gate::kTopicActive,
       .options = {.poll_min = seconds(1)},
       .timeout = seconds(10),
       .steps = {{Pending("CONFIGURING")},
                 {Pending("CONFIGURING")},
                 {Pending("CONFIGURING")},
                 {Pending("CONFIGURING")},
                 {Pending("CONFIGURING")}},
       .want = {"first read at 1s", "1s pending CONFIGURING -> wait until 2.5s",
                "2.5s pending CONFIGURING -> wait until 4.75s",
                "4.75s pending CONFIGURING -> wait until 8.125s",
                "8.125s pending CONFIGURING -> wait until 10s",
                "10s pending CONFIGURING -> failed deadline_exceeded: timed out after 10s "
                "waiting for ACTIVE (last state CONFIGURING)"}},
      {.name = "an unconfirmed ready reading at the deadline is a timeout",
       .timeout = seconds(2),
       .steps = {{Pending("REBUILDING")}, {Ready("RUNNING")}},
       .want = {"first read at 1s", "1s pending REBUILDING -> wait until 2s",
                "2s ready RUNNING -> failed deadline_exceeded: timed out after 2s waiting for "
                "RUNNING (last state RUNNING)"}},
      {.name = "a timeout without a named state says unknown",
       .gate = Gate::kIntegrationActive,
       .options = {.poll_min = seconds(1)},
       .timeout = seconds(1),
       .steps = {{Pending("")}},
       .want = {"first read at 1s",
                "1s pending \"\" -> failed deadline_exceeded: timed out after 1s waiting for "
                "active (last state unknown)"}},
      {.name = "absent after a change fails once the absence has lasted 10s",
       .action = Action::kUpdate,
       .steps = {{Absent()}, {Absent()}, {Absent()}, {Absent()}, {Absent()}},
       .want = {"first read at 1s", "1s absent -> wait until 2.5s",
                "2.5s absent -> wait until 4.75s", "4.75s absent -> wait until 8.125s",
                "8.125s absent -> wait until 13.187s",
                "13.187s absent -> failed not_found: gone while waiting for RUNNING: absent for "
                "12s after the change (deleted by someone else, e.g. a reap or another run?); "
                "run `aivenctl plan` again"}},
      {.name = "absent after a create is Aiven's lag for a minute",
       .gate = Gate::kTopicActive,
       .options = {.poll_max = seconds(30), .poll_min = seconds(1)},
       .steps = {At(seconds(1), Absent()), At(seconds(60), Absent()), At(seconds(61), Absent())},
       .want = {"first read at 1s", "1s absent -> wait until 2.5s",
                "60s absent -> wait until 62.25s", "(not due at 61s)",
                "61s absent -> failed not_found: gone while waiting for ACTIVE: absent for 1m0s "
                "after the create (deleted by someone else, e.g. a reap or another run?); run "
                "`aivenctl plan` again"}},
      {.name = "a present reading ends an absence: the next one counts from its start",
       .action = Action::kUpdate,
       .steps = {At(seconds(1), Absent()), At(seconds(9), Pending("REBUILDING")),
                 At(seconds(10), Absent()), At(seconds(19), Absent()), At(seconds(20), Absent())},
       .want = {"first read at 1s", "1s absent -> wait until 2.5s",
                "9s pending REBUILDING -> wait until 11.25s", "(not due at 10s)",
                "10s absent -> wait until 13.375s", "19s absent -> wait until 24.062s",
                "(not due at 20s)",
                "20s absent -> failed not_found: gone while waiting for RUNNING: absent for 10s "
                "after the change (deleted by someone else, e.g. a reap or another run?); run "
                "`aivenctl plan` again"}},
      {.name = "an absence past the deadline but within its grace is a timeout",
       .gate = Gate::kTopicActive,
       .options = {.poll_min = seconds(1)},
       .timeout = seconds(3),
       .steps = {{Absent()}, {Absent()}, {Absent()}},
       .want = {"first read at 1s", "1s absent -> wait until 2.5s", "2.5s absent -> wait until 3s",
                "3s absent -> failed deadline_exceeded: timed out after 3s waiting for ACTIVE "
                "(last state absent)"}},
      {.name = "an error reading fails the wait with that error",
       .steps = {{Pending("REBUILDING")}, {kPowerOff}},
       .want = {"first read at 1s", "1s pending REBUILDING -> wait until 2.5s",
                "2.5s error failed_precondition: service:p/pg is powered off -> failed "
                "failed_precondition: service:p/pg is powered off"}},
  };
  return rows;
}

TEST(GateTracker, TableOfReadingsAndWhatTheyMean) {
  for (const Row& row : Rows()) {
    EXPECT_EQ(Play(row), row.want) << row.name;
  }
}

TEST(GateTracker, DueReadsComeEarliestFirstAndLeaveTheListWhileBeingRead) {
  const SteadyTime t0 = SteadyTime() + std::chrono::hours(1);
  GateTracker tracker({.poll_min = seconds(1)});
  EXPECT_EQ(tracker.NextRead(), std::nullopt);
  tracker.Start(3, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20)}, t0);
  tracker.Start(1, {Gate::kTopicActive, Action::kCreate, t0, minutes(10)}, t0);
  tracker.Start(2, {Gate::kGone, Action::kDelete, t0, minutes(10)}, t0 + milliseconds(500));
  EXPECT_EQ(tracker.NextRead(), t0 + milliseconds(500));
  EXPECT_EQ(tracker.Due(t0), std::vector<int>{});
  EXPECT_EQ(tracker.Due(t0 + milliseconds(500)), std::vector<int>({2}));
  EXPECT_EQ(tracker.Due(t0 + seconds(1)), std::vector<int>({2, 1, 3}));  // then by id
  tracker.BeginRead(2);
  tracker.BeginRead(1);
  EXPECT_EQ(tracker.Due(t0 + seconds(5)), std::vector<int>({3}));
  EXPECT_EQ(tracker.NextRead(), t0 + seconds(1));
  // Waits between reads stop; the ones being read stay until their reading is observed.
  EXPECT_EQ(tracker.StopWaiting(), std::vector<int>({3}));
  EXPECT_FALSE(tracker.waiting(3));
  EXPECT_TRUE(tracker.waiting(1));
  EXPECT_EQ(tracker.NextRead(), std::nullopt);
  const GateVerdict v = tracker.Observe(1, Pending("CONFIGURING"), t0 + seconds(1));
  EXPECT_EQ(v.kind, GateVerdict::Kind::kWait);
  EXPECT_EQ(tracker.Due(t0 + seconds(3)), std::vector<int>({1}));
  tracker.Forget(1);
  tracker.Forget(2);
  EXPECT_EQ(tracker.NextRead(), std::nullopt);
  EXPECT_FALSE(tracker.waiting(2));
}

TEST(GateTracker, AReadMayBeginBeforeItIsDue) {
  // A batched read (see poller.h) may read a wait early; its next read counts from then.
  const SteadyTime t0 = SteadyTime() + std::chrono::hours(1);
  GateTracker tracker({});
  tracker.Start(0, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20)}, t0);
  tracker.BeginRead(0);
  EXPECT_EQ(tracker.NextRead(), std::nullopt);
  const GateVerdict v = tracker.Observe(0, Pending("REBUILDING"), t0 + milliseconds(200));
  EXPECT_EQ(v.next_read, t0 + milliseconds(1700));
  EXPECT_EQ(tracker.NextRead(), t0 + milliseconds(1700));
}

TEST(GateTracker, ExpectedReadyTimesShapeTheReadsAndTheRunLearnsItsPace) {
  const SteadyTime t0 = SteadyTime() + std::chrono::hours(1);
  GateTracker tracker({});
  const GateSpec a{Gate::kServiceRunning, Action::kCreate, t0, minutes(20), seconds(100)};
  const GateSpec b{Gate::kServiceRunning, Action::kCreate, t0, minutes(20), seconds(200)};
  EXPECT_EQ(tracker.Start(0, a, t0), t0 + seconds(1));
  tracker.Start(1, b, t0);
  EXPECT_EQ(tracker.pace(), 1.0);
  // 10 s into an expected 100 s: a fifth of the time waited (2 s), not a backed-off 1.5 s.
  GateVerdict v = tracker.Observe(0, Pending("REBUILDING"), t0 + seconds(10));
  EXPECT_EQ(v.next_read, t0 + seconds(12));
  // Ready at 20 s: it ended between 10 s and 20 s, so the run's builds take 15% of what
  // was expected. The confirmation of a create comes after poll_min.
  v = tracker.Observe(0, Ready("RUNNING"), t0 + seconds(20));
  EXPECT_DOUBLE_EQ(tracker.pace(), 0.15);
  EXPECT_EQ(v.next_read, t0 + milliseconds(20250));
  // The other build is now expected at 30 s: 25 s is inside its window (21 s .. 39 s), so
  // it is read every 750 ms (a 40th of 30 s).
  v = tracker.Observe(1, Pending("REBUILDING"), t0 + seconds(25));
  EXPECT_EQ(v.next_read, t0 + milliseconds(25750));
  // A confirmation learns nothing more.
  v = tracker.Observe(0, Ready("RUNNING"), t0 + seconds(26));
  EXPECT_EQ(v.kind, GateVerdict::Kind::kDone);
  EXPECT_DOUBLE_EQ(tracker.pace(), 0.15);
}

TEST(GateTracker, TheLastShapedWaitOfItsListReadsItsWindowTwiceAsDensely) {
  const SteadyTime t0 = SteadyTime() + std::chrono::hours(1);
  GateTracker tracker({});
  // Two builds of project p expected at 100 s (window 70 .. 130 s, dense 2.5 s), one of q.
  tracker.Start(0, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20), seconds(100), "p/"},
                t0);
  tracker.Start(1, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20), seconds(100), "p/"},
                t0);
  tracker.Start(2, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20), seconds(100), "q/"},
                t0);
  GateVerdict v = tracker.Observe(0, Pending("REBUILDING"), t0 + seconds(80));
  EXPECT_EQ(v.next_read, t0 + milliseconds(82500));  // shared with 1: a 40th of 100 s
  v = tracker.Observe(2, Pending("REBUILDING"), t0 + seconds(80));
  EXPECT_EQ(v.next_read, t0 + milliseconds(81250));  // alone in q: an 80th
  tracker.Forget(1);                                 // p's other build is done
  v = tracker.Observe(0, Pending("REBUILDING"), t0 + seconds(82));
  EXPECT_EQ(v.next_read, t0 + milliseconds(83250));
  // A wait with no list (read on its own) keeps a 40th.
  tracker.Start(3, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20), seconds(100)}, t0);
  v = tracker.Observe(3, Pending("REBUILDING"), t0 + seconds(80));
  EXPECT_EQ(v.next_read, t0 + milliseconds(82500));
}

TEST(GateTracker, EarlyNamesTheWaitsAReadMadeAnywayMayServe) {
  const SteadyTime t0 = SteadyTime() + std::chrono::hours(1);
  GateTracker tracker({});  // poll_min 250 ms
  tracker.Start(0, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20)}, t0);
  tracker.Start(1, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20)}, t0);
  tracker.Start(2, {Gate::kServiceRunning, Action::kCreate, t0, minutes(20)}, t0);
  // Never read: all may be read early; none is due yet.
  EXPECT_EQ(tracker.Early(t0 + milliseconds(100)), std::vector<int>({0, 1, 2}));
  tracker.BeginRead(0);  // being read: neither due nor early
  tracker.Observe(1, Pending("REBUILDING"), t0 + milliseconds(200));        // next at 1.7 s
  EXPECT_EQ(tracker.Early(t0 + milliseconds(300)), std::vector<int>({2}));  // 1 read 100 ms ago
  EXPECT_EQ(tracker.Early(t0 + milliseconds(450)), std::vector<int>({1, 2}));
  EXPECT_EQ(tracker.Early(t0 + seconds(1)), std::vector<int>({1}));  // 2 is due at 1 s
  EXPECT_EQ(tracker.Due(t0 + seconds(1)), std::vector<int>({2}));
}

}  // namespace
}  // namespace aivenctl::exec
