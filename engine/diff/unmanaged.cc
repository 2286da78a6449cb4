// "Unmanaged, kept": what the planner lists beside the changes (see planner.h).

#include "diff/unmanaged.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "diff/json_diff.h"
#include "diff/ownership.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff {
namespace {

using nlohmann::json;

// ip_filter as Aiven sets it when nobody asked: open to everyone.
bool OpenIpFilter(const json& value) {
  if (!value.is_array() || value.empty()) return false;
  for (const auto& entry : value) {
    const json& network = entry.is_object() ? entry.value("network", json()) : entry;
    if (network != "0.0.0.0/0" && network != "::/0") return false;
  }
  return true;
}

bool AssignedByAiven(const std::string& key, const json& value, bool top) {
  if (!top) return false;
  if (key == "ip_filter") return OpenIpFilter(value);
  if (key == "backup_hour" || key == "backup_minute") return true;
  const std::string suffix = "_version";
  return key.size() > suffix.size() &&
         key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const json& SubSchema(const json& schema, const std::string& key) {
  static const json kNone = json::object();
  if (!schema.is_object()) return kNone;
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return kNone;
  auto it = props->find(key);
  return it == props->end() ? kNone : *it;
}

void Walk(const json& live, const json& declared, const json& schema, const std::string& prefix,
          bool top, std::vector<std::pair<std::string, json>>& out) {
  if (!live.is_object()) return;
  for (auto it = live.begin(); it != live.end(); ++it) {
    const std::string& key = it.key();
    const json& value = it.value();
    if (value.is_null() || IsSecretKey(key) || AssignedByAiven(key, value, top)) continue;
    const json& sub = SubSchema(schema, key);
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (declared.is_object() && declared.contains(key)) {
      const json& d = declared.at(key);
      if (d.is_object() && value.is_object()) Walk(value, d, sub, path, false, out);
      continue;
    }
    if (auto def = sub.find("default"); def != sub.end() && JsonEqual(*def, value)) continue;
    if (value.is_object()) {
      Walk(value, json::object(), sub, path, false, out);  // each key on its own
      continue;
    }
    out.emplace_back(path, value);
  }
}

}  // namespace

std::vector<std::pair<std::string, json>> UndeclaredUserConfig(const json& live,
                                                               const json& declared,
                                                               const json& schema) {
  std::vector<std::pair<std::string, json>> out;
  Walk(live, declared, schema, "", true, out);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

namespace internal {
namespace {

// The names in `items`, for lookups (a service may hold thousands of topics).
template <typename T>
std::set<std::string_view> Names(const std::vector<T>& items) {
  std::set<std::string_view> out;
  for (const auto& x : items) out.insert(x.name);
  return out;
}

void ServiceChildren(Context& cx, const model::Service& s, const model::LiveService& ls) {
  auto add = [&](core::Kind kind, const std::string& name, std::string note = "") {
    cx.unmanaged.push_back(
        {core::Address::Child(kind, ls.project, ls.name, name), "", json(), std::move(note)});
  };
  if (!s.prune) {
    const auto databases = Names(s.databases);
    const auto users = Names(s.users);
    for (const auto& d : ls.databases) {
      if (!AivenOwnedDatabase(d.name) && !databases.contains(d.name)) {
        add(core::Kind::kDatabase, d.name);
      }
    }
    for (const auto& u : ls.users) {
      if (!AivenOwnedUser(u) && !users.contains(u.name)) add(core::Kind::kUser, u.name);
    }
    const auto schemas = Names(s.schemas);
    for (const auto& x : ls.schemas) {
      if (!InternalSubject(x.name) && !schemas.contains(x.name)) add(core::Kind::kSchema, x.name);
    }
  }
  if (!s.prune) {
    auto acls = [&](core::Kind kind, const std::vector<model::Acl>& declared,
                    const std::vector<model::LiveAcl>& live) {
      std::set<std::string> keys;
      for (const auto& a : declared) keys.insert(a.Key());
      for (const auto& a : live) {
        if (!AivenOwnedAcl(kind, a) && keys.insert(a.Key()).second) {
          cx.unmanaged.push_back(
              {core::Address::Acl(kind, ls.project, ls.name, a.username, a.resource, a.permission),
               "", json(), ""});
        }
      }
    };
    acls(core::Kind::kKafkaAcl, s.acls, ls.acls);
    acls(core::Kind::kSchemaRegistryAcl, s.schema_registry_acls, ls.schema_registry_acls);
    const auto pools = Names(s.pools);
    for (const auto& pool : ls.pools) {
      if (!pools.contains(pool.name)) add(core::Kind::kPool, pool.name);
    }
  }
  const auto topics = Names(s.topics);
  for (const auto& t : ls.topics) {
    if (InternalTopic(t.name) || topics.contains(t.name)) continue;
    const Ownership own = OwnershipOf(t.tags, cx.plan.name);
    if (own == Ownership::kOtherPlan) {
      add(core::Kind::kTopic, t.name, "owned by plan \"" + *OwnerPlan(t.tags) + "\"");
    } else if (!s.prune && (own == Ownership::kUnowned || IsAdopted(t.tags))) {
      add(core::Kind::kTopic, t.name, own == Ownership::kUnowned ? "" : "adopted");
    }
  }
  if (!s.prune) {
    const auto connectors = Names(s.connectors);
    for (const auto& c : ls.connectors) {
      if (!connectors.contains(c.name)) add(core::Kind::kConnector, c.name);
    }
  }
  const model::ServiceType* type = cx.catalog.FindServiceType(ls.type);
  const json& schema = type ? type->user_config_schema : json::object();
  for (auto& [path, value] : UndeclaredUserConfig(ls.user_config, s.user_config, schema)) {
    cx.unmanaged.push_back({s.address, "user_config." + path, std::move(value), ""});
  }
}

}  // namespace

void CollectUnmanaged(Context& cx) {
  for (const auto& project : cx.plan.projects) {
    const model::LiveProject* lp = cx.live.FindProject(project.name);
    if (lp == nullptr) continue;
    for (const auto& ls : lp->services) {
      const core::Address addr = core::Address::Service(ls.project, ls.name);
      if (cx.going.contains(addr) || ls.state == "DELETING") continue;
      const model::Service* s = cx.plan.FindService(project.name, ls.name);
      const Ownership own = OwnershipOf(ls.tags, cx.plan.name);
      if (s == nullptr) {
        if (own == Ownership::kThisPlan) continue;  // deleted: a change
        cx.unmanaged.push_back(
            {addr, "", json(),
             own == Ownership::kOtherPlan ? "owned by plan \"" + *OwnerPlan(ls.tags) + "\"" : ""});
        continue;
      }
      if (own == Ownership::kOtherPlan || (own == Ownership::kUnowned && !s->adopt)) continue;
      ServiceChildren(cx, *s, ls);
    }
  }
}

}  // namespace internal
}  // namespace aivenctl::diff
