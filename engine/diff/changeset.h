#pragma once
// The changeset: every change the plan makes, the operation graph the executor runs, the
// cost estimate and the fingerprints of the live objects read. A value: `plan` builds it,
// renderers print it, `--out` saves it as JSON, `apply` consumes exactly it. It never holds
// a secret.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "core/diagnostic.h"
#include "diff/action.h"
#include "diff/requests.h"

namespace aivenctl::diff {

/// One field's before -> after. `path` is dotted below the resource ("plan",
/// "user_config.pg.max_connections", "tags.team", "config.retention_ms"). A null JSON means
/// unset/absent on that side.
struct FieldChange {
  std::string path;
  nlohmann::json before;        ///< live value (null: absent)
  nlohmann::json after;         ///< desired value (null: unset / removed)
  bool forces_replace = false;  ///< this field cannot be updated in place

  bool operator==(const FieldChange&) const = default;
};

/// One resource's change.
struct Change {
  core::Address address;
  Action action = Action::kNoop;
  std::vector<FieldChange> fields;  ///< for update/replace; for create: every set field
  std::string reason;  ///< why, for deletes and replaces ("no longer in the plan", ...)
  /// Set when the resource disappears with its service: "deleted with service:p/s".
  std::string deleted_with;
  std::optional<double> hourly_before;  ///< services: USD/h now (nullopt: none or unknown)
  std::optional<double> hourly_after;   ///< services: USD/h after the change

  bool operator==(const Change&) const = default;
};

/// One unit of work for the executor: API call(s) for one change, then a readiness gate.
/// A replace is two operations: a delete, then a create that depends on it.
struct Operation {
  int id = 0;                     ///< index in Changeset::operations
  core::Address address;          ///< the resource
  Action action = Action::kNoop;  ///< kCreate, kUpdate or kDelete (never kNoop/kReplace)
  Request request;                ///< what to send: fits address.kind and action
  Gate gate = Gate::kNone;        ///< what to wait for after the calls
  std::vector<int> depends_on;    ///< ids that must finish first (sorted)

  bool operator==(const Operation&) const = default;
};

/// Cost of the plan's services (USD), from the catalog's per-cloud prices.
struct Cost {
  double hourly_before = 0;
  double hourly_after = 0;
  /// Per month = per hour * 730.
  double monthly_before() const { return hourly_before * 730; }
  double monthly_after() const { return hourly_after * 730; }
  bool complete = true;  ///< false when some price was missing from the catalog

  bool operator==(const Cost&) const = default;
};

/// Something live inside the plan's projects and services that the plan does not declare.
/// Kept, and not a change: declaring it manages it; `prune: true` deletes a service's
/// undeclared databases, users and topics.
struct Unmanaged {
  core::Address address;  ///< the resource (for a user_config key: its service)
  std::string path;       ///< "user_config.pg.work_mem" for a key; "" for a whole resource
  nlohmann::json value;   ///< the key's live value (null for a whole resource)
  std::string note;       ///< e.g. "owned by plan \"billing\"" ("" when none)

  bool operator==(const Unmanaged&) const = default;
};

/// Counts per action, for summaries and exit codes.
struct Summary {
  int create = 0, update = 0, replace = 0, destroy = 0, noop = 0;
  bool has_changes() const { return create + update + replace + destroy > 0; }
};

/// A service of the plan, as far as apply and outputs need it without the plan file.
struct PlanService {
  std::string project;                 ///< project name
  std::string name;                    ///< service name
  std::string type;                    ///< "pg", "kafka", ...
  std::vector<std::string> databases;  ///< declared databases, in plan order
  std::vector<std::string> users;      ///< declared users, in plan order
  /// Topic name -> the config keys the plan sets on it (the refresh reads those fully).
  std::map<std::string, std::vector<std::string>> topic_config_keys;

  bool operator==(const PlanService&) const = default;
};

/// A secret the plan reads from the environment (`key: ${env:NAME}` on a secret
/// user_config key): the changeset keeps the variable's NAME only; apply reads the value
/// again and sends it.
struct SecretFromEnv {
  core::Address address;  ///< the service it belongs to
  std::string path;       ///< "user_config.admin_password"
  std::string env;        ///< the environment variable's name

  bool operator==(const SecretFromEnv&) const = default;
};

/// The format version this aivenctl writes and reads.
inline constexpr int kChangesetFormatVersion = 2;

/// The whole changeset.
struct Changeset {
  int format_version = kChangesetFormatVersion;
  std::string engine_version;  ///< aivenctl version that built it
  // The plan's identity (JSON: the `plan` object).
  std::string plan_name;                        ///< plan file's `name`
  std::string plan_file;                        ///< path as given
  std::string plan_relative_path;               ///< the plan file from the changeset's folder
  std::string plan_digest;                      ///< sha256 hex of the plan file's bytes
  std::vector<std::string> plan_projects;       ///< the projects the plan reads (sorted)
  std::vector<PlanService> plan_services;       ///< the plan's services, in plan order
  std::vector<SecretFromEnv> secrets_from_env;  ///< re-read from the environment at apply
  std::string created_at;                       ///< ISO 8601 UTC
  std::string kind = "apply";                   ///< "apply" or "destroy"
  std::vector<Change> changes;                  ///< sorted by address, no-ops included
  std::vector<Operation> operations;            ///< topologically valid, deterministic order
  /// Address text -> digest of the live object read (absent objects: "absent").
  std::map<std::string, std::string> fingerprints;
  Cost cost;
  core::Diagnostics warnings;  ///< non-fatal notes (e.g. unknown price)
  /// "unmanaged, kept": live, inside the plan's scope, undeclared (sorted; not changes).
  std::vector<Unmanaged> unmanaged;

  Summary Summarize() const;
  /// The change for `address`, or nullptr.
  const Change* FindChange(const core::Address& address) const;
};

/// Field-by-field equality (warnings compared by severity, place, message and address).
bool operator==(const Changeset& a, const Changeset& b);

}  // namespace aivenctl::diff
