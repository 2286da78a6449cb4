#pragma once
// The executor loop (cf. ninja's Builder): one coordinator thread owns the Scheduler (which
// operation starts next), the GateTracker (when each readiness wait reads next and what a
// reading means) and every event; a bounded pool of worker threads only makes API requests
// (operations' calls through an OperationRunner, and the reads the Poller groups) and hands
// the results back through a WorkQueue. Each turn the loop collects results and
// interrupts, feeds them to the Scheduler and the GateTracker, starts due reads and ready
// operations while capacity allows, and waits for a result or its next deadline.
//
// Parallelism bounds the API requests in flight (calls and reads), not the waits: an
// operation waiting for its gate holds no worker between reads, so twelve services can all
// build at once with parallelism 10 while the reads stay within the bound.
//
// Readiness (details in gate_tracker.h): after a successful call, the gate is read first
// after `poll_initial` (a kGone gate at once, topics and integrations after `poll_min`),
// then at intervals multiplied by `poll_backoff` up to `poll_max`; a service create is read
// on a cadence shaped by when it is expected to run (cadence.h), and the service gates of
// one project share their reads (one service list per tick, poller.h). Service gates need
// `service_confirmations` ready readings in a row (default 2, the second taken `poll_initial` after
// the first): a RUNNING that turns into REBALANCING right after an update is caught, and
// REBALANCING (like any not-ready reading) only resets the count, it never fails the operation.
// Each operation has a timeout (Timeouts) from its first call; running out is a kDeadlineExceeded
// failure naming the address and the last state seen.
//
// Deadline: with `stop_at` set, the run stops by itself like RequestStop() once the Clock
// reaches it (`apply --deadline 25m`: stop in time, before a CI job is killed), and
// RunResult::deadline says so.
//
// Interrupts: RequestStop() (first SIGINT/SIGTERM) starts nothing new, lets API requests in
// flight finish, stops waiting on gates, and Run returns what was done and what is left.
// Abort() (the second) does the same and also requests stop on the token every Call and
// Probe was given; a call or read that then returns kCancelled counts as interrupted, not
// failed. Abort does not cut a transfer itself: Run still returns only when every request in
// flight has returned, so how soon depends on the runner (ApiRunner checks the token only
// before its requests, see runner.h). The CLI does not wait for that: its second interrupt
// calls Abort and exits the process at once (engine/cli/interrupts.cc).
//
// Time: every wait goes through the core::Clock. While requests are in flight the
// coordinator waits for their results (bounded by its next deadline, in real time); when
// none are, it sleeps on the Clock until its next deadline, so with a FakeClock a run takes
// milliseconds and its timings are exact.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "diff/changeset.h"
#include "exec/estimates.h"
#include "exec/events.h"
#include "exec/runner.h"
#include "exec/work_queue.h"

namespace aivenctl::exec {

/// Knobs of a run (the CLI maps flags onto these).
struct ExecutorOptions {
  int parallelism = 10;                             ///< API requests in flight, >= 1
  Duration poll_initial = std::chrono::seconds(1);  ///< first gate poll after the call
  Duration poll_max = std::chrono::seconds(10);     ///< ceiling of the poll interval
  double poll_backoff = 1.5;                        ///< interval factor per poll, >= 1
  /// First read of topic and integration gates; the densest shaped interval.
  Duration poll_min = std::chrono::milliseconds(250);
  int service_confirmations = 2;                  ///< ready readings in a row
  Timeouts timeouts;                              ///< per-operation time limits
  Duration heartbeat = std::chrono::seconds(30);  ///< kHeartbeat period (0: none)
  /// How long a resource may read as absent while its gate is awaited before the
  /// operation fails (someone deleted it: a reap, another run): after a create, Aiven's
  /// lag (a few seconds) must pass; after an update the resource was just there.
  Duration absent_after_create = std::chrono::seconds(60);
  Duration absent_after_other = std::chrono::seconds(10);
  /// When an operation's gate is expected to be met (shapes its reads, see cadence.h);
  /// ExpectedReady when unset; zero: back off from the start.
  std::function<Duration(const diff::Operation&)> expected_ready;
  /// Weight of an operation for critical path first; EstimateDuration when unset.
  std::function<Duration(const diff::Operation&)> estimate;
  /// When set: at this Clock instant the run stops as on RequestStop() (see the top).
  std::optional<core::SteadyTime> stop_at;
};

/// How one operation ended.
enum class Outcome {
  kNotStarted,   ///< never started (interrupted run)
  kDone,         ///< call made and gate met
  kFailed,       ///< error (its own)
  kSkipped,      ///< a dependency failed (see cause)
  kInterrupted,  ///< started, but the run stopped before it was confirmed
};

/// "not started", "done", "failed", "skipped", "interrupted".
const char* OutcomeName(Outcome outcome);

/// One operation's end.
struct OpResult {
  int id = 0;
  core::Address address;
  diff::Action action = diff::Action::kNoop;
  Outcome outcome = Outcome::kNotStarted;
  core::Status error;      ///< kFailed: the error
  std::string cause;       ///< kSkipped: address of the failed root cause
  std::string live_state;  ///< last state seen by a probe ("" if none)
  std::string note;        ///< kInterrupted: what was left ("stopped waiting for RUNNING")
  Duration elapsed{};      ///< from start to settling (0 if never started)
};

/// The end of a run.
struct RunResult {
  std::vector<OpResult> ops;  ///< by operation id
  Counts counts;              ///< running is always 0 here
  int not_started = 0;        ///< left undone by an interrupt (or an invalid graph)
  bool stopped = false;       ///< RequestStop(), Abort() or the deadline took effect
  bool aborted = false;       ///< Abort() took effect
  bool deadline = false;      ///< the stop came from ExecutorOptions::stop_at
  Duration elapsed{};         ///< wall time of the run (Clock time)
  /// ok when everything is done; the first failure's code (by address) with "N operations
  /// failed, M skipped" when something failed; kCancelled "interrupted: ..." after a stop
  /// ("deadline reached: ..." after the deadline);
  /// kInvalidArgument for an invalid graph (nothing ran).
  core::Status status;
};

/// Runs a changeset's operations. Construct, optionally hand RequestStop/Abort to a signal
/// watcher thread, call Run once.
class Executor {
 public:
  /// `runner`, `clock` and `sink` must outlive the executor.
  Executor(OperationRunner& runner, core::Clock& clock, EventSink& sink,
           ExecutorOptions options = {});
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  /// Runs `ops` (ids = indexes, depends_on within range, acyclic) to the end or to an
  /// interrupt and returns the outcome of each. Blocks; emits events on this thread.
  RunResult Run(const std::vector<diff::Operation>& ops);

  /// First interrupt: no new operation starts, requests in flight finish, gate waits stop.
  /// Thread-safe and idempotent, also before Run; not async-signal-safe (call it from a
  /// watcher thread).
  void RequestStop() { queue_.RequestStop(); }
  /// Second interrupt: RequestStop, and stop requested on the token of every Call and Probe
  /// (it does not cut transfers itself; see the top of this file). Thread-safe, idempotent.
  void Abort() { queue_.Abort(); }

 private:
  class Loop;  // the coordinator's state for one Run (executor.cc)

  OperationRunner& runner_;
  core::Clock& clock_;
  EventSink& sink_;
  ExecutorOptions options_;
  WorkQueue queue_;  // shared with the workers and RequestStop/Abort callers
};

}  // namespace aivenctl::exec
