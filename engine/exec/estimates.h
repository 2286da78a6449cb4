#pragma once
// What the executor assumes about how long operations take: estimated durations (the
// weights of "critical path first") and the per-operation timeouts, by resource kind,
// action, readiness gate and typed request (forks and restores); and the words progress
// lines use for actions, gates and elapsed time. The names of actions and gates as
// changesets spell them are diff::ActionName and diff::GateName.

#include <optional>
#include <string>

#include "core/clock.h"
#include "diff/changeset.h"

namespace aivenctl::exec {

using core::Duration;

/// True for a service create that forks another service or restores to a point in time
/// (`user_config.service_to_fork_from`, `project_to_fork_from` or `recovery_target_time`).
bool IsForkOrRestore(const diff::Operation& op);

/// Rough duration of an operation, call and gate together. Only the ratios matter: a
/// service create with a RUNNING gate (minutes) outweighs a topic (tens of seconds), which
/// outweighs a user or database (seconds).
Duration EstimateDuration(const diff::Operation& op);

/// When a service create is expected to be RUNNING, from its call, for shaping how often
/// it is read (exec/cadence.h): 6 minutes x a type factor (kafka 1.5; clickhouse,
/// opensearch, flink 1.3) x a plan tier factor (hobbyist 0.8, business 1.2, premium 1.5),
/// rough figures for Aiven; a run rescales them by the builds it sees finish (GateTracker).
/// Zero for every other operation (their reads back off from the start instead).
Duration ExpectedReady(const diff::Operation& op);

/// How long an operation may take, from its first API call to its gate being met.
struct Timeouts {
  Duration service_create = std::chrono::minutes(20);  ///< new service RUNNING
  Duration service_fork = std::chrono::minutes(60);    ///< fork or point-in-time restore
  Duration service_update = std::chrono::minutes(20);  ///< plan/disk changes rebalance
  Duration service_delete = std::chrono::minutes(10);  ///< waiting for it to be gone
  Duration other = std::chrono::minutes(10);           ///< topics, integrations, the rest
  std::optional<Duration> all;  ///< when set, overrides every default (a `--timeout` flag)
};

/// The timeout that applies to `op`.
Duration TimeoutFor(const diff::Operation& op, const Timeouts& timeouts);

/// What a gate waits for, in words for messages: "RUNNING", "RUNNING with a backup",
/// "ACTIVE", "active", "gone" ("" for Gate::kNone).
const char* GateGoal(diff::Gate gate);

/// Elapsed time for people: "0s", "450ms" (under a second), "59s", "1m12s", "1h0m5s".
std::string FormatElapsed(Duration d);

/// Present participle of an action for progress lines: "creating", "updating", "deleting",
/// "replacing", "checking" (no-op).
const char* ActionVerb(diff::Action action);

}  // namespace aivenctl::exec
