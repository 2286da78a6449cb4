// Kafka and Schema Registry ACLs of a kafka service. An entry is named by its content
// (username, topic or resource, permission): Aiven's ids are not in the plan, so reordering
// the plan is no change and an edit is an add of the new entry plus, under `prune: true`, a
// delete of the old one (without it the old entry is reported "unmanaged, kept"). The entries
// Aiven adds by itself (AivenOwnedAcl) are never deleted.

#include <map>
#include <set>
#include <string>

#include "diff/fingerprint.h"
#include "diff/ownership.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

void CreateAcl(core::Kind kind, const model::Acl& a, Pending& p) {
  const bool kafka = kind == core::Kind::kKafkaAcl;
  auto& f = p.change.fields;
  f.push_back({"username", json(), a.username, false});
  f.push_back({kafka ? "topic" : "resource", json(), a.resource, false});
  f.push_back({"permission", json(), a.permission, false});
  if (kafka) {
    p.create_request = KafkaAclCreate{a.username, a.resource, a.permission};
  } else {
    p.create_request = SchemaRegistryAclCreate{a.username, a.resource, a.permission};
  }
}

void DeleteAcl(core::Kind kind, const model::LiveAcl& a, Pending& p) {
  if (kind == core::Kind::kKafkaAcl) {
    p.delete_request = KafkaAclDelete{a.id};
  } else {
    p.delete_request = SchemaRegistryAclDelete{a.id};
  }
}

void DiffList(Context& cx, const model::Service& s, const model::LiveService& ls, core::Kind kind,
              const std::vector<model::Acl>& declared, const std::vector<model::LiveAcl>& live) {
  std::map<std::string, const model::LiveAcl*> by_key;  // the first id of twins
  for (const auto& a : live) by_key.emplace(a.Key(), &a);
  std::set<std::string> keys;
  for (const auto& a : declared) {
    if (!keys.insert(a.Key()).second) continue;  // the loader refuses duplicates
    auto it = by_key.find(a.Key());
    if (it == by_key.end()) {
      Pending& p = cx.Add(a.address, Action::kCreate);
      CreateAcl(kind, a, p);
      p.fingerprint = kAbsent;
    } else {
      cx.Add(a.address, Action::kNoop).fingerprint = FingerprintObject(*it->second);
    }
  }
  if (!s.prune) return;  // undeclared entries are "unmanaged, kept" (unmanaged.cc)
  for (const auto& a : live) {
    if (AivenOwnedAcl(kind, a) || !keys.insert(a.Key()).second) continue;
    Pending& p =
        cx.Add(core::Address::Acl(kind, ls.project, ls.name, a.username, a.resource, a.permission),
               Action::kDelete);
    p.change.reason = "not in the plan, prune: true";
    p.fingerprint = FingerprintObject(a);
    DeleteAcl(kind, a, p);
  }
}

}  // namespace

void CreateAcls(Context& cx, const model::Service& s, const std::string& reason) {
  for (const auto& a : s.acls) {
    Pending& p = cx.Add(a.address, Action::kCreate);
    p.change.reason = reason;
    CreateAcl(core::Kind::kKafkaAcl, a, p);
  }
  for (const auto& a : s.schema_registry_acls) {
    Pending& p = cx.Add(a.address, Action::kCreate);
    p.change.reason = reason;
    CreateAcl(core::Kind::kSchemaRegistryAcl, a, p);
  }
}

void DiffAcls(Context& cx, const model::Service& s, const model::LiveService& ls) {
  DiffList(cx, s, ls, core::Kind::kKafkaAcl, s.acls, ls.acls);
  DiffList(cx, s, ls, core::Kind::kSchemaRegistryAcl, s.schema_registry_acls,
           ls.schema_registry_acls);
}

}  // namespace aivenctl::diff::internal
