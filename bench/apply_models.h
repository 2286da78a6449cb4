#pragma once
// Time models for bench/apply_bench: the critical-path lower bound of a changeset's
// operation graph against aiven-emulator's lifecycle, and what a sequential Aiven CLI
// script and Terraform's Aiven provider would take for the same resources. Pure functions
// of the operations and the emulator parameters; every figure is in seconds.

#include <map>
#include <string>
#include <vector>

#include "diff/changeset.h"

namespace aivenctl::bench {

/// The emulator's lifecycle flags (the bench starts it with these).
struct Lifecycle {
  double latency = 0.05;   ///< --latency-ms, per request, served before the handler
  double build = 60;       ///< --build-seconds (times the catalog's type/plan multiplier)
  double topic = 1;        ///< --topic-seconds: CONFIGURING -> ACTIVE
  double integration = 2;  ///< --integration-seconds: inactive -> active
  double rebalance = 2;    ///< --rebalance-seconds: REBALANCING -> RUNNING
  /// emulator/data/catalog.json "build_multipliers": service type and plan tier factors.
  std::map<std::string, double> type_factor, tier_factor;
  /// Seconds to start one CLI process (ScriptModel): `avn` is a Python program.
  double command_start = 0;
  /// Measured build seconds by service address ("service:p/s"), read from the emulator's
  /// state after a run with --build-jitter; they replace BuildSeconds for those services.
  std::map<std::string, double> build_of;

  /// Seconds a new service of `type`/`plan` spends REBUILDING.
  double BuildSeconds(const std::string& type, const std::string& plan) const;
};

/// API requests the executor's runner sends for `op` (exec/api_runner.cc): 1, or 2 for a
/// service delete that lifts termination protection first or an update with tags too.
int CallCount(const diff::Operation& op);

/// Seconds the emulator takes to meet `op`'s gate after its last call (0 without a gate;
/// 0 for kGone: the emulator deletes synchronously).
double GateSeconds(const diff::Operation& op, const Lifecycle& lc);

/// One operation placed on a model's timeline.
struct Step {
  std::string address;
  std::string action;  ///< "create", "delete", ...
  double start = 0;    ///< seconds from the model's time 0
  double end = 0;
  std::string note;  ///< how the duration was made up
};

/// A model's answer: total seconds and the steps behind it (the critical path for the
/// graph models, every step in order for the sequential one).
struct Estimate {
  double seconds = 0;
  std::vector<Step> steps;
};

/// Earliest finish of every operation with unlimited parallelism, each taking
/// CallCount x latency + (gated ? GateSeconds + one confirming read : 0); the total is the
/// longest chain. `steps` is that chain, first to last.
Estimate LowerBound(const std::vector<diff::Operation>& ops, const Lifecycle& lc);

/// Earliest finish of each operation under the LowerBound rule (by id), for comparing a
/// measured timeline with it.
std::vector<double> EarliestFinish(const std::vector<diff::Operation>& ops, const Lifecycle& lc);

/// Seconds a poll loop "sleep `interval`, then GET" needs to see a state the emulator
/// reaches `ready_after` seconds after the loop starts (each GET takes one latency and
/// reads the state when it arrives).
double PollLoop(double interval, double ready_after, double latency);

/// terraform-plugin-sdk's retry.StateChangeConf (helper/retry/state.go, WaitForStateContext):
/// sleep Delay; refresh at once; then wait 100 ms doubled after each refresh that did not
/// see the target (kept while it keeps seeing it), bounded to [MinTimeout, 10 s]; done after
/// ContinuousTargetOccurence target readings in a row.
struct StateChangeConf {
  double delay = 10;       ///< Delay (the provider's common.DefaultStateChangeDelay)
  double min_timeout = 5;  ///< MinTimeout (common.DefaultStateChangeMinTimeout)
  int continuous = 5;      ///< ContinuousTargetOccurence
  int reads_target = 1;    ///< requests per refresh once the target is seen
  int reads_pending = 1;   ///< requests per refresh before
};

/// Seconds WaitForStateContext takes for a target reached `ready_after` seconds after it
/// starts.
double StateChangeWait(const StateChangeConf& conf, double ready_after, double latency);

/// A shell script with the Aiven CLI, one command after another: projects, then each
/// service created and waited for with 3 s polls, then each topic, database, user and
/// integration, waiting (3 s polls) where the API has a state to wait for. For a teardown
/// (`ops` from PlanDestroy): each delete request in turn, no waits.
Estimate ShellModel(const std::vector<diff::Operation>& ops, const Lifecycle& lc);

/// The script of issue 17, with the Aiven CLI: `avn project create`, `avn service create`
/// for every service in turn, then `avn service wait` for each service in turn (a GET;
/// while not RUNNING, sleep 3 s and GET again), then every topic, database, user and
/// integration one command after another without waiting for any state. Each command
/// (each `avn service wait` once, however many GETs it makes) costs `lc.command_start`.
Estimate ScriptModel(const std::vector<diff::Operation>& ops, const Lifecycle& lc);

/// Terraform with the Aiven provider creating the resources of `ops` (an apply changeset)
/// with -parallelism=10, each resource holding its slot through its waits (rules in
/// apply_models.cc, cited from the provider's source).
Estimate TerraformCreate(const std::vector<diff::Operation>& ops, const Lifecycle& lc);

/// Terraform destroying what `created` (an apply changeset) created, dependents first, after
/// a separate `terraform apply` that sets termination_protection = false on each service
/// in `unprotect` (Terraform cannot delete a protected service).
Estimate TerraformDestroy(const std::vector<diff::Operation>& created,
                          const std::vector<std::string>& unprotect, const Lifecycle& lc);

}  // namespace aivenctl::bench
