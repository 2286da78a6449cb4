#pragma once
// How the executor makes the readings its gate waits ask for: the seam between deciding
// when to read (GateTracker) and reading (OperationRunner::Probe).
//
// Each tick the loop hands the Poller the operations whose read is due, earliest first, the
// number of API requests it may start (the free parallelism), and the waits that may be read
// early (GateTracker::Early). The Poller groups them into reads, one API request's worth
// each, and a worker performs each read, returning one reading per operation.
//
// Shared reads: the gates one list answers are one read: the due ones, plus the waits of the
// same list that may be read early.
// - A project's service list (`GET .../service`, whose objects carry every service's state
//   and its integrations' `active`) answers the service gates (RUNNING, backup, gone) and
//   the integration gates (active) of the project: one OperationRunner::ProbeServices.
// - A service's topic list (`GET .../topic`, with every topic's state) answers the topic
//   gates (ACTIVE) of the service: one OperationRunner::ProbeTopics.
// So N services building in a project cost one request per tick, and a RUNNING that needs
// confirming is confirmed by the next tick of its project. A read of one operation, and
// every other gate, is one Probe. A Read holds one parallelism slot however many readings
// it returns.

#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "diff/changeset.h"
#include "exec/runner.h"

namespace aivenctl::exec {

/// The waiting operations one read serves (one API request's worth).
struct Read {
  std::vector<int> ids;  ///< operation ids, in the order Perform answers them
  /// Set when the ids share one list of this project: its service list (`service` empty) or
  /// the topic list of its service `service`.
  std::string project;
  std::string service;
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

  /// Groups `due` (earliest first) into at most `capacity` reads, in the order of their
  /// first due id: one read per shared list (with the ids of `early` that the same list
  /// answers, after the due ones), one read per other id. The ids left out stay due for a
  /// later tick.
  std::vector<Read> Group(const std::vector<int>& due, int capacity,
                          const std::vector<int>& early = {}) const;
  /// The list that answers `op`'s gate, as a Read's {project, service}: {P, ""} for the
  /// service gates (RUNNING, backup, gone) and integration gates (active) of project P,
  /// {P, S} for the topic gates (ACTIVE) of service P/S; {"", ""} for every other gate.
  static std::pair<std::string, std::string> SharedList(const diff::Operation& op);
  /// Performs `read`: one reading per id, in order. Called on worker threads (thread-safe
  /// as the runner is); `stop` goes to the runner as for OperationRunner::Probe.
  std::vector<Reading> Perform(const Read& read, std::stop_token stop) const;

 private:
  OperationRunner& runner_;
  const std::vector<diff::Operation>& ops_;
};

}  // namespace aivenctl::exec
