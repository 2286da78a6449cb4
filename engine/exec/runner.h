#pragma once
// The side of the executor that talks to the API (cf. ninja's CommandRunner): one call
// sequence per operation and one-shot readiness probes. The real one is API-backed; tests
// use a scripted fake.

#include <stop_token>
#include <string>
#include <vector>

#include "core/status.h"
#include "diff/changeset.h"

namespace aivenctl::exec {

/// What one readiness probe saw.
struct ProbeResult {
  bool ready = false;      ///< the gate is met by this reading
  std::string live_state;  ///< the state as the API names it ("REBUILDING", "ACTIVE", "absent")
  core::Status error;      ///< a problem that fails the operation (e.g. POWEROFF, a 4xx)
  /// The resource is not there (404). Pending just after a create (Aiven lags); the
  /// executor fails the operation when it stays absent (see ExecutorOptions).
  bool absent = false;
};

/// Runs operations against the API. Called from worker threads, concurrently for
/// different operations (never twice at once for the same one): implementations must be
/// thread-safe. Retries of transient errors belong in the API client below.
class OperationRunner {
 public:
  virtual ~OperationRunner() = default;
  /// Makes the operation's API call(s). `stop` is requested by Executor::Abort(): return
  /// promptly if you can, with a kCancelled status if the call did not complete; the
  /// executor waits for the return either way. (ApiRunner checks `stop` only before its
  /// requests; a transfer in flight is cut only by the api::ApiOptions::stop of its Api.)
  virtual core::Status Call(const diff::Operation& op, std::stop_token stop) = 0;
  /// Reads the operation's readiness once (never for Gate::kNone). A state that is only
  /// pending (REBUILDING, REBALANCING, CONFIGURING, absent just after a create) is
  /// {ready=false, live_state}, not an error. `stop` as for Call.
  virtual ProbeResult Probe(const diff::Operation& op, std::stop_token stop) = 0;
  /// Reads several gates of `project` at once (service RUNNING, backup or gone gates and
  /// integration active gates; the Poller groups them): one reading per op, in order,
  /// meaning what Probe would return for each. ApiRunner answers with one service list;
  /// this default probes each op in turn (scripted fakes keep working).
  virtual std::vector<ProbeResult> ProbeServices(const std::string& project,
                                                 const std::vector<const diff::Operation*>& ops,
                                                 std::stop_token stop) {
    (void)project;
    return ProbeEach(ops, stop);
  }
  /// Reads the ACTIVE gates of several topics of service `project`/`service` at once, as
  /// ProbeServices does for a project. ApiRunner answers with one topic list.
  virtual std::vector<ProbeResult> ProbeTopics(const std::string& project,
                                               const std::string& service,
                                               const std::vector<const diff::Operation*>& ops,
                                               std::stop_token stop) {
    (void)project, (void)service;
    return ProbeEach(ops, stop);
  }

 protected:
  /// Probe of each op in turn.
  std::vector<ProbeResult> ProbeEach(const std::vector<const diff::Operation*>& ops,
                                     std::stop_token stop) {
    std::vector<ProbeResult> out;
    out.reserve(ops.size());
    for (const diff::Operation* op : ops) out.push_back(Probe(*op, stop));
    return out;
  }
};

}  // namespace aivenctl::exec
