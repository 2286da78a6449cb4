#pragma once
// Reaping: which owned projects and services have expired, which are kept and why, and the
// changeset of deletes that removes the expired ones in reverse dependency order. Pure: the
// caller refreshes the live state and runs the changeset.

#include <optional>
#include <string>
#include <vector>

#include "core/address.h"
#include "core/duration.h"
#include "diff/changeset.h"
#include "model/catalog.h"
#include "model/live.h"

namespace aivenctl::diff {

/// What `aivenctl reap` was asked to do.
struct ReapOptions {
  core::TimePoint now;                      ///< the instant expiry is evaluated at (--now)
  std::optional<core::Seconds> older_than;  ///< owned services without expiry this old expire
  std::optional<std::string> plan;          ///< only resources of this plan (aivenctl-plan tag)
  bool force_unprotect = false;             ///< lift termination protection, then delete
  /// --expiring-within: list only what expires by now + this (expired included) and delete
  /// nothing; for a warning job.
  std::optional<core::Seconds> expiring_within;
};

/// The verdict on one owned resource (unowned ones are not listed: never touched).
struct ReapItem {
  core::Address address;
  bool reap = false;   ///< true: deleted (with --yes)
  std::string reason;  ///< "expires-at 20261128T120000Z passed 4h ago", "reap: never", ...
  std::string plan;    ///< the aivenctl-plan tag ("" when none)
  std::optional<double> monthly_usd;  ///< services: what deleting it saves per month
  bool already_deleting = false;      ///< another run is deleting it; counts as done
  bool adopted = false;               ///< aivenctl-adopted: never reaped, "kept (adopted)"
  std::string expires_at;             ///< the expires-at tag ("" when none)
};

/// The report and the deletes.
struct ReapPlan {
  std::vector<ReapItem> items;  ///< sorted by address
  Changeset changeset;          ///< kind "reap": the deletes, dependencies in reverse order
  double monthly_savings = 0;   ///< sum of monthly_usd over reaped services
};

/// Decides what to reap in `live` (every project in scope, services with their tags and
/// integrations) at `options.now`. Adopted services (aivenctl-adopted) are never reaped.
/// With `expiring_within`, only the items expiring by then are listed and nothing is deleted.
ReapPlan PlanReap(const model::LiveState& live, const model::Catalog& catalog,
                  const ReapOptions& options);

}  // namespace aivenctl::diff
