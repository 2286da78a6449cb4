#pragma once
// The executor loop (cf. ninja's Builder): one coordinator thread owns the Scheduler and
// every operation's wait state; a bounded pool of worker threads only runs API calls and
// readiness probes through an OperationRunner and hands results back.
//
// Parallelism bounds the API requests in flight (Call or Probe), not the waits: an
// operation waiting for its gate holds no worker between polls, so twelve services can all
// build at once with parallelism 10 while the polls stay within the bound.
//
// Readiness: after a successful Call, the gate is probed first after `poll_initial` (a
// kGone gate at once: a DELETE has usually taken effect when it returns), then at
// intervals multiplied by `poll_backoff` up to `poll_max`. Service gates need
// `service_confirmations` ready readings in a row (default 2, the second taken
// `poll_initial` after the first): a RUNNING that turns into REBALANCING right after an
// update is caught, and REBALANCING (like any not-ready reading) only resets the count, it
// never fails the operation. Each operation has a timeout (Timeouts) from its first call;
// running out is a kDeadlineExceeded failure naming the address and the last state seen.
//
// Interrupts: RequestStop() (first SIGINT/SIGTERM) starts nothing new, lets API calls in
// flight finish, stops waiting on gates, and Run returns what was done and what is left.
// Abort() (the second) also cancels calls in flight through their stop_token.
//
// Time: every wait goes through the core::Clock. While requests are in flight the
// coordinator waits for their results (bounded by its next deadline, in real time); when
// none are, it sleeps on the Clock until its next deadline, so with a FakeClock a run takes
// milliseconds and its timings are exact.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "diff/changeset.h"
#include "exec/estimates.h"
#include "exec/events.h"
#include "exec/runner.h"

namespace aivenctl::exec {

/// Knobs of a run (the CLI maps flags onto these).
struct ExecutorOptions {
  int parallelism = 10;                             ///< API requests in flight, >= 1
  Duration poll_initial = std::chrono::seconds(1);  ///< first gate poll after the call
  Duration poll_max = std::chrono::seconds(10);     ///< ceiling of the poll interval
  double poll_backoff = 1.5;                        ///< interval factor per poll, >= 1
  int service_confirmations = 2;                    ///< ready readings in a row
  Timeouts timeouts;                                ///< per-operation time limits
  Duration heartbeat = std::chrono::seconds(30);    ///< kHeartbeat period (0: none)
  /// How long a resource may read as absent while its gate is awaited before the
  /// operation fails (someone deleted it: a reap, another run): after a create, Aiven's
  /// lag (a few seconds) must pass; after an update the resource was just there.
  Duration absent_after_create = std::chrono::seconds(60);
  Duration absent_after_other = std::chrono::seconds(10);
  /// Weight of an operation for critical path first; EstimateDuration when unset.
  std::function<Duration(const diff::Operation&)> estimate;
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
  bool stopped = false;       ///< RequestStop() or Abort() took effect
  bool aborted = false;       ///< Abort() took effect
  Duration elapsed{};         ///< wall time of the run (Clock time)
  /// ok when everything is done; the first failure's code (by address) with "N operations
  /// failed, M skipped" when something failed; kCancelled "interrupted: ..." after a stop;
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

  /// First interrupt: no new operation starts, calls in flight finish, gate waits stop.
  /// Thread-safe and idempotent; not async-signal-safe (call it from a watcher thread).
  void RequestStop();
  /// Second interrupt: RequestStop plus cancelling the calls in flight (their stop_token).
  void Abort();

 private:
  class Loop;  // the coordinator's state for one Run (executor.cc)
  struct Job {
    int id = 0;
    bool probe = false;  // Probe, else Call
  };
  struct JobResult {
    int id = 0;
    bool probe = false;
    core::Status status;  // Call's
    ProbeResult probe_result;
  };
  void WorkerLoop(std::stop_token shutdown);

  OperationRunner& runner_;
  core::Clock& clock_;
  EventSink& sink_;
  ExecutorOptions options_;
  const std::vector<diff::Operation>* ops_ = nullptr;  // during Run

  // Shared between the coordinator, the workers and RequestStop/Abort callers.
  std::mutex mu_;
  std::condition_variable_any cv_;       // coordinator: a result arrived, or a stop/abort
  std::condition_variable_any jobs_cv_;  // workers: a job arrived
  std::deque<Job> jobs_;
  std::deque<JobResult> results_;
  bool stop_requested_ = false;
  bool abort_requested_ = false;
  std::stop_source abort_;  // its token goes to Call/Probe
  std::stop_source wake_;   // wakes a coordinator sleeping on the Clock
};

}  // namespace aivenctl::exec
