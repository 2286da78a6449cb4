#pragma once
// `aivenctl plan PLANFILE` (the dry-run preview) and `aivenctl graph PLANFILE`.

#include <optional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/session.h"
#include "diff/planner.h"

namespace aivenctl::cli {

/// Flags of `plan` (and the planning half of `apply`).
struct PlanFlags {
  std::string out;                         ///< --out FILE: save the changeset (JSON)
  bool detailed_exitcode = false;          ///< --detailed-exitcode: 0 none, 2 changes, 1 error
  std::vector<std::string> targets;        ///< --target ADDRESS (repeatable)
  std::vector<std::string> allow_replace;  ///< --allow-replace ADDRESS (repeatable)
  bool mermaid = false;                    ///< graph: Mermaid instead of DOT
  /// --max-monthly-cost USD: exit 1 (after printing the plan) when it would cost more.
  std::optional<double> max_monthly_cost;
  bool destroy = false;               ///< plan --destroy: what destroy would delete
  bool force_unprotect = false;       ///< plan --destroy --force-unprotect
  std::string plan_name;              ///< --plan NAME (plan --destroy, destroy): no plan file
  std::vector<std::string> projects;  ///< --project P (with --plan)
};

/// Plans `session` (already refreshed); prints diagnostics on errors. nullopt on errors
/// (bad --target/--allow-replace addresses included).
std::optional<diff::Changeset> MakeChangeset(const Session& session, const PlanFlags& flags,
                                             const GlobalOptions& options, Io& io);

/// Plans deleting everything `session`'s plan owns; prints diagnostics and "nothing was
/// deleted" on errors.
std::optional<diff::Changeset> MakeDestroyChangeset(const Session& session, bool force_unprotect,
                                                    const GlobalOptions& options, Io& io);

/// Prints `cs` as text, JSON or Markdown per --format; `plan` (when known) gives the
/// Markdown its services' ttl for the cost over the ttl.
void PrintChangeset(const diff::Changeset& cs, const GlobalOptions& options, Io& io,
                    const model::Plan* plan = nullptr);

/// Nothing when `cs` costs at most `limit` USD per month after the change; else prints to
/// io.err how much more it would cost and returns false.
bool WithinMonthlyCost(const diff::Changeset& cs, double limit, Io& io);

/// `aivenctl plan FILE`, `plan --destroy FILE|--plan NAME --project P`.
int RunPlan(const PlanRef& ref, const PlanFlags& flags, const GlobalOptions& options, Io& io);

/// `aivenctl graph FILE`.
int RunGraph(const std::string& file, const PlanFlags& flags, const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
