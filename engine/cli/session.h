#pragma once
// What every online plan command starts with: load the plan file (diagnostics printed on
// failure), open the API connection, refresh the plan's scope.

#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/connection.h"
#include "cli/locking.h"
#include "cli/options.h"
#include "model/desired.h"
#include "state/refresh.h"

namespace aivenctl::cli {

/// A loaded plan with its connection and the live state of its scope.
struct Session {
  model::Plan plan;
  std::string source;  ///< the plan file's text (diagnostics show its lines)
  std::string digest;  ///< sha256 of the file's text (a saved changeset holds resolved values)
  std::unique_ptr<RunLock> lock;  ///< held with --lock; outlives the connection
  std::unique_ptr<Connection> connection;
  state::RefreshResult refreshed;
};

/// Loads `file` and prints its diagnostics (warnings too) to io.err. nullopt on errors.
std::optional<Session> LoadPlan(const std::string& file, const GlobalOptions& options, Io& io);

/// What a command needs the refresh to read.
enum class Reads {
  kAll,         ///< everything in scope (plan, apply, outputs, extend)
  kForDestroy,  ///< no topic or database lists: what destroy deletes takes them along
};

/// Opens the connection (token required) and refreshes the scope of `session.plan`.
/// Prints the problem and returns false on failure. With `lock`, the connection's budget
/// shares the lock's rate window.
bool OpenAndRefresh(Session& session, const GlobalOptions& options, Io& io,
                    std::stop_token stop = {}, Reads reads = Reads::kAll, RunLock* lock = nullptr);

/// Where a command's plan comes from: a plan file, or (destroy, plan --destroy) a plan
/// name and its projects, when only the ownership tags say what the plan owns.
struct PlanRef {
  std::string file;                   ///< the plan file ("" when by name)
  std::string name;                   ///< --plan NAME
  std::vector<std::string> projects;  ///< --project P (repeatable)
};

/// True when `ref` names a plan file or a name with projects, not both; else prints how to
/// call `command` and returns false.
bool CheckPlanRef(const PlanRef& ref, const std::string& command, Io& io);

/// StartSession of the file; by name, the plan `name` with `projects` (and nothing declared
/// in them) refreshed.
std::optional<Session> StartSessionFor(const PlanRef& ref, const GlobalOptions& options, Io& io,
                                       std::stop_token stop = {}, Reads reads = Reads::kAll);

/// LoadPlan + OpenAndRefresh.
std::optional<Session> StartSession(const std::string& file, const GlobalOptions& options, Io& io,
                                    std::stop_token stop = {}, Reads reads = Reads::kAll);

/// For the commands that change things: with --lock (or AIVENCTL_LOCK_URL), takes the lock
/// of the plan in each of its projects first, and shares the token's rate window once the
/// connection is open; then OpenAndRefresh. kExitOk, or the exit code after printing why.
int LockAndRefresh(Session& session, const LockFlags& flags, const GlobalOptions& options,
                   RunControl& control, Io& io, Reads reads = Reads::kAll);

/// LoadPlan + LockAndRefresh; on failure nullopt with `exit_code` set.
std::optional<Session> StartLockedSession(const std::string& file, const LockFlags& flags,
                                          const GlobalOptions& options, RunControl& control, Io& io,
                                          int& exit_code, Reads reads = Reads::kAll);

/// StartLockedSession of the file; by name, the plan `name` with `projects`, locked the same
/// way (destroy --plan NAME --project P).
std::optional<Session> StartLockedSessionFor(const PlanRef& ref, const LockFlags& flags,
                                             const GlobalOptions& options, RunControl& control,
                                             Io& io, int& exit_code, Reads reads = Reads::kAll);

/// The current UTC time, or the AIVENCTL_NOW environment value when set (ISO 8601; tests
/// and previews pin time with it).
core::TimePoint Now(const core::Environment& env);

}  // namespace aivenctl::cli
