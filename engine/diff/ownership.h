#pragma once
// Ownership and lifecycle tags: what marks a project, service or topic as this plan's.

#include <optional>
#include <string>

#include "model/desired.h"

namespace aivenctl::diff {

/// Tag key and value that mark anything aivenctl created.
inline constexpr const char* kTagManagedBy = "managed-by";
inline constexpr const char* kManagedByValue = "aivenctl";
/// Tag key naming the plan that owns the resource.
inline constexpr const char* kTagPlan = "aivenctl-plan";
/// Tag key holding the expiry (basic ISO 8601, "20261128T140000Z") stamped from a ttl.
inline constexpr const char* kTagExpiresAt = "expires-at";

/// Who owns a resource, judged from its tags.
enum class Ownership {
  kUnowned,    ///< no aivenctl ownership tags
  kThisPlan,   ///< managed-by: aivenctl and aivenctl-plan: <this plan>
  kOtherPlan,  ///< managed-by: aivenctl for another plan
};

/// The ownership of something tagged `tags`, for the plan named `plan_name`.
Ownership OwnershipOf(const model::Tags& tags, const std::string& plan_name);

/// The plan named in `tags` (aivenctl-plan), or nullopt.
std::optional<std::string> OwnerPlan(const model::Tags& tags);

/// Adds the two ownership tags for `plan_name` to `tags`.
void StampOwnership(model::Tags& tags, const std::string& plan_name);

/// True for tags other tools (reap, extend, people) maintain on owned resources and that a
/// plan keeps unless it sets them itself: expires-at, protect-until, reap.
bool IsLifecycleTag(const std::string& key);

}  // namespace aivenctl::diff
