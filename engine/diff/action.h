#pragma once
// What happens to a resource (Action) and what an operation waits for afterwards (Gate), with
// their names as changesets, JSON and progress lines spell them.

#include <optional>
#include <string>

namespace aivenctl::diff {

/// What happens to one resource.
enum class Action { kNoop, kCreate, kUpdate, kReplace, kDelete };

/// "no-op", "create", "update", "replace", "delete".
const char* ActionName(Action action);
/// Inverse of ActionName; nullopt for unknown text.
std::optional<Action> ParseAction(const std::string& text);

/// Readiness gate an operation waits for after its API call(s).
enum class Gate {
  kNone,
  kServiceRunning,     ///< service state RUNNING (tolerating a REBALANCING blip)
  kServiceBackup,      ///< RUNNING and at least one backup (PostgreSQL creates)
  kTopicActive,        ///< topic state ACTIVE
  kIntegrationActive,  ///< integration active
  kConnectorRunning,   ///< connector and all its tasks RUNNING (a FAILED task fails)
  kDatabaseOk,         ///< ClickHouse database state "ok"
  kGone,               ///< the resource no longer exists (deletes that are asynchronous)
  kVpcActive,          ///< project VPC state ACTIVE
};

/// "none", "service-running", "service-backup", "topic-active", "integration-active",
/// "connector-running", "database-ok", "gone", "vpc-active".
const char* GateName(Gate gate);
/// Inverse of GateName; nullopt for unknown text.
std::optional<Gate> ParseGate(const std::string& text);

}  // namespace aivenctl::diff
