#pragma once
// Where the executor's threads meet (ARCHITECTURE principle 7): the coordinator pushes jobs
// (an operation's Call, or a Read) and collects their results; worker threads take jobs and
// post results; a signal watcher posts interrupts (RequestStop, Abort). Everything shared
// between threads lives here, behind one mutex; the coordinator's decisions do not.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "exec/poller.h"

namespace aivenctl::exec {

/// One unit of work for a worker: an operation's Call, or a Read.
struct Job {
  int call = -1;  ///< the operation to Call; -1: perform `read`
  Read read;
};

/// A finished Job.
struct JobResult {
  int call = -1;                  ///< the Call's operation; -1 for a read
  core::Status status;            ///< the Call's result
  std::vector<Reading> readings;  ///< the read's readings
};

/// What the coordinator collects at once.
struct Inbox {
  std::deque<JobResult> results;  ///< finished jobs, in the order they finished
  bool stop = false;              ///< RequestStop() or Abort() has been called
  bool abort = false;             ///< Abort() has been called
};

/// Jobs out, results and interrupts in. Thread-safe.
class WorkQueue {
 public:
  /// Runs one job on a worker thread; gets the token that Abort() stops.
  using Perform = std::function<JobResult(const Job&, std::stop_token cancel)>;

  /// Coordinator: hands `job` to a worker.
  void Push(Job job);
  /// Worker: performs jobs and posts their results until `shutdown` is requested.
  void Serve(const Perform& perform, std::stop_token shutdown);
  /// Coordinator: takes the results so far and the interrupts received so far.
  Inbox Take();
  /// Coordinator: returns once Take has something new (a result, or an interrupt it has not
  /// returned yet) or at `until`. With jobs `in_flight` it waits for the workers (bounded by
  /// `until` in real time); with none it sleeps on `clock` until `until` (a FakeClock jumps
  /// there at once), and an interrupt wakes it early; with neither it returns at once.
  void Wait(bool in_flight, std::optional<core::SteadyTime> until, core::Clock& clock);

  /// Any thread: records a stop and wakes the coordinator.
  void RequestStop();
  /// Any thread: RequestStop, and requests stop on the token every job was given.
  void Abort();

 private:
  bool HasNewLocked() const;

  std::mutex mu_;
  std::condition_variable_any results_cv_;  // coordinator: a result or an interrupt arrived
  std::condition_variable_any jobs_cv_;     // workers: a job arrived
  std::deque<Job> jobs_;
  std::deque<JobResult> results_;
  bool stop_ = false;
  bool abort_ = false;
  bool stop_taken_ = false;  // what the last Take returned
  bool abort_taken_ = false;
  std::stop_source cancel_;  // its token goes to every job
  std::stop_source wake_;    // wakes a coordinator sleeping on the Clock
};

}  // namespace aivenctl::exec
