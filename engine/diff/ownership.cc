#include "diff/ownership.h"

#include <algorithm>

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

bool IsAdopted(const model::Tags& tags) {
  auto it = tags.find(kTagAdopted);
  return it != tags.end() && it->second == "true";
}

bool IsOwnershipTag(const std::string& key) {
  return key == kTagManagedBy || key == kTagPlan || key == kTagAdopted || key == kTagExpiresAt;
}

bool IsLifecycleTag(const std::string& key) {
  return key == kTagExpiresAt || key == "protect-until" || key == "reap" || key == kTagAdopted;
}

std::vector<core::Address> AdoptedDeletes(const Changeset& cs, const model::LiveState& live) {
  std::vector<core::Address> out;
  for (const auto& change : cs.changes) {
    if (change.action != Action::kDelete) continue;
    const auto& a = change.address;
    const model::LiveService* s =
        a.parts.size() >= 2 ? live.FindService(a.parts[0], a.parts[1]) : nullptr;
    if (s == nullptr) continue;
    if (a.kind == core::Kind::kService && IsAdopted(s->tags)) out.push_back(a);
    if (a.kind == core::Kind::kTopic) {
      const model::LiveTopic* t = s->FindTopic(a.parts[2]);
      if (t != nullptr && IsAdopted(t->tags)) out.push_back(a);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool AivenOwnedDatabase(const std::string& name) {
  // pg/mysql: defaultdb, _aiven; ClickHouse: default, system and the information schemas.
  return name == "defaultdb" || name == "_aiven" || name == "default" || name == "system" ||
         name == "information_schema" || name == "INFORMATION_SCHEMA";
}

bool AivenOwnedUser(const model::LiveUser& user) {
  return user.type == "primary" || user.name == "avnadmin";
}

bool InternalSubject(const std::string& name) { return !name.empty() && name[0] == '_'; }

bool InternalTopic(const std::string& name) {
  return name.rfind("__", 0) == 0 || name == "_schemas";
}

bool AivenOwnedAcl(core::Kind kind, const model::LiveAcl& acl) {
  if (acl.username != "avnadmin") return false;
  if (kind == core::Kind::kKafkaAcl) return acl.resource == "*" && acl.permission == "admin";
  return acl.permission == "schema_registry_write" &&
         (acl.resource == "Config:" || acl.resource == "Subject:*");
}

}  // namespace aivenctl::diff
