#pragma once
// How the executor makes the readings its gate waits ask for: the seam between deciding
// when to read (GateTracker) and reading (OperationRunner::Probe).
//
// Each tick the loop hands the Poller the operations whose read is due, earliest first, and
// the number of API requests it may start (the free parallelism). The Poller groups them
// into reads, one API request's worth each, and a worker performs each read, returning one
// reading per operation. Today every read serves one operation with one Probe.
//
// Serving several due operations of one project with one list request per tick is a change
// inside this class: Group puts the due service waits of a project into one Read (it may add
// that project's other service waits, reading them early: GateTracker::BeginRead accepts a
// wait that is not due yet), and Perform answers such a read with one list request (a new
// OperationRunner method, e.g. `ProbeServices(project, ops)` over `GET .../service`) and one
// reading per operation. The loop, the tracker and the workers stay as they are: a Read
// holds one parallelism slot however many readings it returns.

#include <stop_token>
#include <vector>

#include "diff/changeset.h"
#include "exec/runner.h"

namespace aivenctl::exec {

/// The waiting operations one read serves (one API request's worth); today always one.
struct Read {
  std::vector<int> ids;  ///< operation ids, in the order Perform answers them
};

/// One operation's reading.
struct Reading {
  int id = 0;
  ProbeResult result;
};

/// Groups due reads and performs them through an OperationRunner.
class Poller {
 public:
  /// `runner` and `ops` (indexed by id) must outlive the poller.
  Poller(OperationRunner& runner, const std::vector<diff::Operation>& ops)
      : runner_(runner), ops_(ops) {}

  /// Groups `due` (earliest first) into at most `capacity` reads, in that order; the ids
  /// left out stay due for a later tick. Today: one read per id.
  std::vector<Read> Group(const std::vector<int>& due, int capacity) const;
  /// Performs `read`: one reading per id, in order. Called on worker threads (thread-safe
  /// as the runner is); `stop` goes to the runner as for OperationRunner::Probe.
  std::vector<Reading> Perform(const Read& read, std::stop_token stop) const;

 private:
  OperationRunner& runner_;
  const std::vector<diff::Operation>& ops_;
};

}  // namespace aivenctl::exec
