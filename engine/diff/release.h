#pragma once
// `aivenctl release`: hand back what a plan owns by removing aivenctl's ownership tags
// (the inverse of adopt). Afterwards destroy, prune and reap leave those resources alone.

#include <vector>

#include "core/address.h"
#include "core/diagnostic.h"
#include "diff/changeset.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::diff {

/// Tag updates (kind "release") removing managed-by, aivenctl-plan, aivenctl-adopted and
/// expires-at from every live project, service and topic `plan` owns in its projects,
/// declared or not; other tags stay. With `targets`, only those and what is inside them
/// (a project's services and topics, a service's topics); a target that names nothing the
/// plan owns is an error in `errors`.
Changeset PlanRelease(const model::Plan& plan, const model::LiveState& live,
                      const std::vector<core::Address>& targets, core::Diagnostics& errors);

}  // namespace aivenctl::diff
