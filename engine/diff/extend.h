#pragma once
// `aivenctl extend`: push `expires-at` forward on what a plan owns, and nothing else.

#include "core/duration.h"
#include "diff/changeset.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::diff {

/// Tag updates setting `expires-at` to now + ttl on every live project and service of
/// `plan` that carries this plan's ownership tags. Unowned and absent resources are skipped,
/// adopted ones (aivenctl-adopted) too, with a warning;
/// an owned one that already expires at that instant is a no-op change (no operation); one
/// whose expiry moves earlier gets a warning naming both instants.
Changeset PlanExtend(const model::Plan& plan, const model::LiveState& live, core::Seconds ttl,
                     core::TimePoint now);

}  // namespace aivenctl::diff
