#pragma once
// Ownership and lifecycle tags: what marks a project, service or topic as this plan's.

#include <optional>
#include <string>

#include <vector>

#include "core/address.h"
#include "diff/changeset.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::diff {

/// Tag key and value that mark anything aivenctl created.
inline constexpr const char* kTagManagedBy = "managed-by";
inline constexpr const char* kManagedByValue = "aivenctl";
/// Tag key naming the plan that owns the resource.
inline constexpr const char* kTagPlan = "aivenctl-plan";
/// Tag key holding the expiry (basic ISO 8601, "20261128T140000Z") stamped from a ttl.
inline constexpr const char* kTagExpiresAt = "expires-at";
/// Tag key (value "true") beside managed-by on what aivenctl adopted rather than created:
/// a ttl or extend never stamps expires-at on it, reap never deletes it.
inline constexpr const char* kTagAdopted = "aivenctl-adopted";

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

/// True when `tags` mark a resource aivenctl adopted (aivenctl-adopted: true).
bool IsAdopted(const model::Tags& tags);

/// True for the tags aivenctl release removes: managed-by, aivenctl-plan, aivenctl-adopted
/// and expires-at.
bool IsOwnershipTag(const std::string& key);

/// True for tags other tools (reap, extend, people) maintain on owned resources and that a
/// plan keeps unless it sets them itself: expires-at, protect-until, reap, and
/// aivenctl-adopted (set once, when adopting).
bool IsLifecycleTag(const std::string& key);

/// The services and topics `cs` deletes that `live` marks adopted (sorted): destroy lists
/// them apart, since they existed before aivenctl took them over.
std::vector<core::Address> AdoptedDeletes(const Changeset& cs, const model::LiveState& live);

/// What Aiven creates by itself and aivenctl never lists, imports or deletes: the service's
/// own databases (defaultdb, _aiven), its primary user (avnadmin), and Kafka's and Aiven's
/// internal topics (__consumer_offsets, _schemas, ...) and Schema Registry subjects.
bool AivenOwnedDatabase(const std::string& name);
bool AivenOwnedUser(const model::LiveUser& user);
bool InternalTopic(const std::string& name);
/// The ACL Aiven adds to every Kafka service (avnadmin, `*`, admin) and the Schema Registry's
/// (avnadmin, `Config:` / `Subject:*`, schema_registry_write): never listed, pruned or imported.
bool AivenOwnedAcl(core::Kind kind, const model::LiveAcl& acl);
/// Aiven's and Karapace's own Schema Registry subjects: every name starting with '_'.
bool InternalSubject(const std::string& name);

}  // namespace aivenctl::diff
