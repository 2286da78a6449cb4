#include "diff/ownership.h"

namespace aivenctl::diff {

std::optional<std::string> OwnerPlan(const model::Tags& tags) {
  auto it = tags.find(kTagPlan);
  if (it == tags.end()) return std::nullopt;
  return it->second;
}

Ownership OwnershipOf(const model::Tags& tags, const std::string& plan_name) {
  auto managed = tags.find(kTagManagedBy);
  if (managed == tags.end() || managed->second != kManagedByValue) return Ownership::kUnowned;
  auto owner = OwnerPlan(tags);
  if (!owner) return Ownership::kUnowned;
  return *owner == plan_name ? Ownership::kThisPlan : Ownership::kOtherPlan;
}

void StampOwnership(model::Tags& tags, const std::string& plan_name) {
  tags[kTagManagedBy] = kManagedByValue;
  tags[kTagPlan] = plan_name;
}

bool IsLifecycleTag(const std::string& key) {
  return key == kTagExpiresAt || key == "protect-until" || key == "reap";
}

}  // namespace aivenctl::diff
