#pragma once
// The planner: desired model + live model + catalog -> changeset. Pure: no I/O, no clock
// (the caller passes `now`). Every problem is reported at once, each naming its address and,
// where known, the place in the plan file.

#include <string>
#include <vector>

#include "core/address.h"
#include "core/diagnostic.h"
#include "core/duration.h"
#include "diff/changeset.h"
#include "model/catalog.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::diff {

/// How to plan an apply.
struct PlanOptions {
  std::vector<core::Address> allow_replace;  ///< --allow-replace: replaces permitted here
  std::vector<core::Address> targets;        ///< --target: only these and what they depend on
  core::TimePoint now{};                     ///< for created_at and expires-at stamps
  std::string engine_version;                ///< recorded in the changeset
  std::string plan_digest;                   ///< Sha256Hex of the plan file's bytes ("" unknown)
};

/// How to plan a destroy.
struct DestroyOptions {
  bool force_unprotect = false;  ///< lift termination protection first instead of failing
  core::TimePoint now{};         ///< for created_at
  std::string engine_version;    ///< recorded in the changeset
  std::string plan_digest;       ///< Sha256Hex of the plan file's bytes ("" unknown)
};

/// A changeset and every error that forbids applying it. The changeset is filled as far as
/// possible even with errors, so it can still be shown.
struct PlanResult {
  Changeset changeset;
  core::Diagnostics errors;  ///< sorted by file place, then address

  /// True when the changeset may be applied.
  bool ok() const { return errors.empty(); }
};

/// Plans bringing `live` to `plan`: creates and updates; replaces where a field cannot change
/// in place (an error unless allowed in `options`, always under `protect: true`); deletes of
/// what this plan owns and no longer lists (services; databases and users with `prune:
/// true`; topics with `prune: true` or this plan's tags). Something of the plan's that
/// another plan owns, or that exists unowned without `adopt: true` (`create: false` for a
/// project), is an error. Only the user_config keys the plan writes are managed. Ownership
/// tags: diff/ownership.h. Each operation carries its typed request (diff/requests.h).
PlanResult Plan(const model::Plan& plan, const model::LiveState& live,
                const model::Catalog& catalog, const PlanOptions& options);

/// Plans deleting everything `plan` owns in `live`: its services (children and
/// integrations go with them) and the projects it created, owns and leaves empty.
PlanResult PlanDestroy(const model::Plan& plan, const model::LiveState& live,
                       const model::Catalog& catalog, const DestroyOptions& options);

}  // namespace aivenctl::diff
