// Databases, users, topics (and, through pools.cc, PgBouncer pools) of a service: create, update,
// replace, prune, "deleted with".

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "diff/fingerprint.h"
#include "diff/json_diff.h"
#include "diff/ownership.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

core::Address ChildAddress(core::Kind kind, const model::LiveService& ls, const std::string& n) {
  return core::Address::Child(kind, ls.project, ls.name, n);
}

template <typename T>
std::map<std::string_view, const T*> ByName(const std::vector<T>& items) {
  std::map<std::string_view, const T*> out;
  for (const auto& x : items) out.emplace(x.name, &x);
  return out;
}

template <typename M>
auto Find(const M& m, const std::string& name) -> typename M::mapped_type {
  auto it = m.find(name);
  return it == m.end() ? nullptr : it->second;
}

model::Tags TopicTags(const Context& cx, const model::Topic& t) {
  model::Tags tags = t.tags;
  StampOwnership(tags, cx.plan.name);
  return tags;
}

void CreateDatabase(const model::Service& s, const model::Database& d, Pending& p) {
  if (model::ChildrenOf(s.type).clickhouse_databases) {
    p.create_request = ClickhouseDatabaseCreate{d.name};
    p.create_gate = Gate::kDatabaseOk;  // pending_creation until ClickHouse has it
    return;
  }
  if (d.lc_collate) p.change.fields.push_back({"lc_collate", json(), *d.lc_collate, false});
  if (d.lc_ctype) p.change.fields.push_back({"lc_ctype", json(), *d.lc_ctype, false});
  p.create_request = DatabaseCreate{d.name, d.lc_collate, d.lc_ctype};
}

void CreateUser(const model::User& u, Pending& p) {
  UserCreate request{.name = u.name, .authentication = u.authentication};
  if (u.authentication) {
    p.change.fields.push_back({"authentication", json(), *u.authentication, false});
  }
  if (u.access_control.is_object()) {
    json ac = StripNulls(u.access_control);
    if (!ac.empty()) {
      FlattenCreate(ac, "access_control", p.change.fields);
      request.access_control = std::move(ac);
    }
  }
  p.create_request = std::move(request);
}

void CreateTopic(Context& cx, const model::Topic& t, Pending& p) {
  TopicCreate request{.name = t.name,
                      .partitions = t.partitions,
                      .replication = t.replication,
                      .min_insync_replicas = t.min_insync_replicas,
                      .description = t.description};
  auto& f = p.change.fields;
  auto num = [&](const char* key, const std::optional<int>& v) {
    if (v) f.push_back({key, json(), *v, false});
  };
  num("partitions", t.partitions);
  num("replication", t.replication);
  num("min_insync_replicas", t.min_insync_replicas);
  json config = StripNulls(t.config);
  if (!config.empty()) {
    FlattenCreate(config, "config", f);
    request.config = std::move(config);
  }
  if (t.description) f.push_back({"description", json(), *t.description, false});
  request.tags = TopicTags(cx, t);
  DiffTags(request.tags, {}, f);
  p.create_request = std::move(request);
  p.create_gate = Gate::kTopicActive;
}

void CheckReplication(Context& cx, const model::Service& s, const model::Topic& t) {
  if (!t.replication) return;
  int nodes = cx.checker.NodeCount(s.type, s.plan);
  if (nodes > 0 && *t.replication > nodes) {
    cx.Error(t.pos, t.address,
             t.address.ToString() + ": replication " + std::to_string(*t.replication) +
                 " is above the " + std::to_string(nodes) + " nodes of plan " + Quote(s.plan));
  }
}

// Turns a create already added at `index` into a replace of the live object.
void MakeReplace(Context& cx, std::size_t index, std::vector<FieldChange> fields,
                 const model::Service& s, const core::SourcePos& pos, Request delete_request,
                 Gate delete_gate) {
  Pending& p = cx.pending[index];
  p.change.action = Action::kReplace;
  p.change.fields = std::move(fields);
  p.delete_request = std::move(delete_request);
  p.delete_gate = delete_gate;
  for (const auto& f : p.change.fields) {
    if (f.forces_replace) {
      p.change.reason = Quote(f.path) + " cannot change in place";
      break;
    }
  }
  CheckReplace(cx, pos, p.change.address, p.change.fields, s.protect,
               "its service " + s.address.ToString());
}

void Prune(Context& cx, const core::Address& address, std::string fingerprint,
           const std::string& reason, Request request, Gate gate) {
  Pending& p = cx.Add(address, Action::kDelete);
  p.change.reason = reason;
  p.fingerprint = std::move(fingerprint);
  p.delete_request = std::move(request);
  p.delete_gate = gate;
}

}  // namespace

void CreateChildren(Context& cx, const model::Service& s, const std::string& reason) {
  for (const auto& d : s.databases) {
    Pending& p = cx.Add(d.address, Action::kCreate);
    p.change.reason = reason;
    CreateDatabase(s, d, p);
  }
  for (const auto& u : s.users) {
    Pending& p = cx.Add(u.address, Action::kCreate);
    p.change.reason = reason;
    CreateUser(u, p);
  }
  for (const auto& t : s.topics) {
    CheckReplication(cx, s, t);
    Pending& p = cx.Add(t.address, Action::kCreate);
    p.change.reason = reason;
    CreateTopic(cx, t, p);
  }
  CreateAcls(cx, s, reason);
  CreateSchemas(cx, s, reason);
  CreateConnectors(cx, s, reason);
  CreatePools(cx, s, reason);
  // Fingerprints are filled in at the end from the live state (absent or the old object).
}

void ChildrenGoWith(Context& cx, const model::LiveService& ls, const model::Service* recreated) {
  const core::Address service = core::Address::Service(ls.project, ls.name);
  const std::string with = "deleted with " + service.ToString();
  auto listed = [&](core::Kind kind, const std::string& name) {
    if (recreated == nullptr) return false;
    auto match = [&](const auto& v) {
      return std::any_of(v.begin(), v.end(), [&](const auto& x) { return x.name == name; });
    };
    if (kind == core::Kind::kDatabase) return match(recreated->databases);
    if (kind == core::Kind::kUser) return match(recreated->users);
    if (kind == core::Kind::kSchema) return match(recreated->schemas);
    if (kind == core::Kind::kConnector) return match(recreated->connectors);
    if (kind == core::Kind::kPool) return match(recreated->pools);
    return match(recreated->topics);
  };
  auto add = [&](core::Kind kind, const std::string& name, const json& canonical) {
    if (listed(kind, name)) return;
    Pending& p = cx.Add(ChildAddress(kind, ls, name), Action::kDelete);
    p.change.deleted_with = service.ToString();
    p.change.reason = with;
    p.fingerprint = Fingerprint(canonical);
  };
  for (const auto& d : ls.databases) {
    if (!AivenOwnedDatabase(d.name)) add(core::Kind::kDatabase, d.name, CanonicalJson(d));
  }
  for (const auto& u : ls.users) {
    if (!AivenOwnedUser(u)) add(core::Kind::kUser, u.name, CanonicalJson(u));
  }
  for (const auto& t : ls.topics) {
    if (!InternalTopic(t.name)) add(core::Kind::kTopic, t.name, CanonicalJson(t));
  }
  // ACLs: by content; those the recreated service declares again are creates instead.
  auto acls = [&](core::Kind kind, const std::vector<model::LiveAcl>& live,
                  const std::vector<model::Acl>* again) {
    std::set<std::string> keys;
    if (again != nullptr) {
      for (const auto& a : *again) keys.insert(a.Key());
    }
    for (const auto& a : live) {
      if (AivenOwnedAcl(kind, a) || !keys.insert(a.Key()).second) continue;
      Pending& p = cx.Add(
          core::Address::Acl(kind, ls.project, ls.name, a.username, a.resource, a.permission),
          Action::kDelete);
      p.change.deleted_with = service.ToString();
      p.change.reason = with;
      p.fingerprint = Fingerprint(CanonicalJson(a));
    }
  };
  acls(core::Kind::kKafkaAcl, ls.acls, recreated ? &recreated->acls : nullptr);
  acls(core::Kind::kSchemaRegistryAcl, ls.schema_registry_acls,
       recreated ? &recreated->schema_registry_acls : nullptr);
  for (const auto& x : ls.schemas) {
    if (!InternalSubject(x.name)) add(core::Kind::kSchema, x.name, CanonicalJson(x));
  }
  for (const auto& c : ls.connectors) add(core::Kind::kConnector, c.name, CanonicalJson(c));
  for (const auto& pool : ls.pools) add(core::Kind::kPool, pool.name, CanonicalJson(pool));
}

void DiffChildren(Context& cx, const model::Service& s, const model::LiveService& ls) {
  DiffConnectors(cx, s, ls);
  // Databases.
  auto live_dbs = ByName(ls.databases);
  for (const auto& d : s.databases) {
    const model::LiveDatabase* ld = Find(live_dbs, d.name);
    std::size_t index = cx.pending.size();
    Pending& p = cx.Add(d.address, Action::kCreate);
    CreateDatabase(s, d, p);
    if (ld == nullptr) {
      p.fingerprint = kAbsent;
      continue;
    }
    p.fingerprint = FingerprintObject(*ld);
    std::vector<FieldChange> fields;
    if (d.lc_collate && ld->lc_collate && *d.lc_collate != *ld->lc_collate) {
      fields.push_back({"lc_collate", *ld->lc_collate, *d.lc_collate, true});
    }
    if (d.lc_ctype && ld->lc_ctype && *d.lc_ctype != *ld->lc_ctype) {
      fields.push_back({"lc_ctype", *ld->lc_ctype, *d.lc_ctype, true});
    }
    if (fields.empty()) {
      p.change.action = Action::kNoop;
      p.change.fields.clear();
      p.create_request.reset();
      p.create_gate = Gate::kNone;
    } else {
      MakeReplace(cx, index, std::move(fields), s, d.pos, DatabaseDelete{}, Gate::kNone);
    }
  }
  // Users.
  auto live_users = ByName(ls.users);
  for (const auto& u : s.users) {
    const model::LiveUser* lu = Find(live_users, u.name);
    std::size_t index = cx.pending.size();
    Pending& p = cx.Add(u.address, Action::kCreate);
    if (lu == nullptr) {
      CreateUser(u, p);
      p.fingerprint = kAbsent;
      continue;
    }
    p.fingerprint = FingerprintObject(*lu);
    std::vector<FieldChange> fields;
    if (u.authentication && lu->authentication && *u.authentication != *lu->authentication) {
      fields.push_back({"authentication", *lu->authentication, *u.authentication, true});
    }
    if (!fields.empty()) {
      CreateUser(u, p);
      if (u.access_control.is_object()) {
        DiffManaged(u.access_control, lu->access_control, "access_control", fields);
      }
      MakeReplace(cx, index, std::move(fields), s, u.pos, UserDelete{}, Gate::kNone);
      continue;
    }
    if (u.access_control.is_object()) {
      DiffManaged(u.access_control, lu->access_control, "access_control", fields);
    }
    p.change.action = fields.empty() ? Action::kNoop : Action::kUpdate;
    if (!fields.empty()) {
      p.update_request = UserUpdate{Overlay(lu->access_control, u.access_control)};
    }
    p.change.fields = std::move(fields);
  }
  // Topics.
  auto live_topics = ByName(ls.topics);
  for (const auto& t : s.topics) {
    CheckReplication(cx, s, t);
    const model::LiveTopic* lt = Find(live_topics, t.name);
    std::size_t index = cx.pending.size();
    Pending& p = cx.Add(t.address, Action::kCreate);
    if (lt == nullptr) {
      CreateTopic(cx, t, p);
      p.fingerprint = kAbsent;
      continue;
    }
    p.fingerprint = FingerprintObject(*lt);
    Ownership own = OwnershipOf(lt->tags, cx.plan.name);
    if (own == Ownership::kOtherPlan || (own == Ownership::kUnowned && !s.adopt)) {
      p.change.action = Action::kNoop;
      cx.Error(t.pos, t.address,
               own == Ownership::kOtherPlan
                   ? t.address.ToString() + " belongs to plan " + Quote(*OwnerPlan(lt->tags)) +
                         "; a plan never changes what another plan owns"
                   : t.address.ToString() +
                         " exists and is not owned by this plan; add \"adopt: true\" to its "
                         "service to take it over");
      continue;
    }
    std::vector<FieldChange> fields;
    TopicChanges update;
    if (t.partitions && *t.partitions != lt->partitions) {
      bool shrink = *t.partitions < lt->partitions;
      fields.push_back({"partitions", lt->partitions, *t.partitions, shrink});
      update.partitions = t.partitions;
    }
    if (t.replication && *t.replication != lt->replication) {
      fields.push_back({"replication", lt->replication, *t.replication, false});
      update.replication = t.replication;
    }
    if (t.min_insync_replicas && *t.min_insync_replicas != lt->min_insync_replicas) {
      fields.push_back(
          {"min_insync_replicas", lt->min_insync_replicas, *t.min_insync_replicas, false});
      update.min_insync_replicas = t.min_insync_replicas;
    }
    std::size_t config_from = fields.size();
    DiffManaged(t.config, lt->config, "config", fields);
    for (std::size_t i = config_from; i < fields.size(); ++i) {
      if (!update.config) update.config = json::object();
      (*update.config)[fields[i].path.substr(7)] = fields[i].after;
    }
    if (t.description && *t.description != lt->description) {
      fields.push_back({"description", lt->description.empty() ? json() : json(lt->description),
                        *t.description, false});
      update.description = t.description;
    }
    model::Tags tags = TopicTags(cx, t);
    if (own == Ownership::kUnowned || IsAdopted(lt->tags)) tags[kTagAdopted] = "true";
    std::size_t tags_from = fields.size();
    DiffTags(tags, lt->tags, fields);
    if (fields.size() > tags_from) update.tags = std::move(tags);
    bool replace = std::any_of(fields.begin(), fields.end(),
                               [](const FieldChange& f) { return f.forces_replace; });
    if (replace) {
      CreateTopic(cx, t, p);
      MakeReplace(cx, index, std::move(fields), s, t.pos, TopicDelete{}, Gate::kGone);
      continue;
    }
    p.change.action = fields.empty() ? Action::kNoop : Action::kUpdate;
    p.change.fields = std::move(fields);
    if (p.change.action == Action::kUpdate) p.update_request = TopicUpdate{std::move(update)};
  }
  DiffAcls(cx, s, ls);
  // Pruning: unlisted children only with prune: true (topics also when they carry our tags).
  const std::string pruned = "not in the plan, prune: true";
  if (s.prune) {
    std::set<std::string> names;
    for (const auto& d : s.databases) names.insert(d.name);
    for (const auto& d : ls.databases) {
      if (names.contains(d.name) || AivenOwnedDatabase(d.name)) continue;
      if (model::ChildrenOf(ls.type).clickhouse_databases) {
        Prune(cx, ChildAddress(core::Kind::kDatabase, ls, d.name), FingerprintObject(d), pruned,
              ClickhouseDatabaseDelete{}, Gate::kGone);  // pending_removal, then gone
      } else {
        Prune(cx, ChildAddress(core::Kind::kDatabase, ls, d.name), FingerprintObject(d), pruned,
              DatabaseDelete{}, Gate::kNone);
      }
    }
    names.clear();
    for (const auto& u : s.users) names.insert(u.name);
    for (const auto& u : ls.users) {
      if (!names.contains(u.name) && !AivenOwnedUser(u)) {
        Prune(cx, ChildAddress(core::Kind::kUser, ls, u.name), FingerprintObject(u), pruned,
              UserDelete{}, Gate::kNone);
      }
    }
  }
  {
    std::set<std::string> names;
    for (const auto& t : s.topics) names.insert(t.name);
    for (const auto& t : ls.topics) {
      if (names.contains(t.name) || InternalTopic(t.name)) continue;
      // Created by this plan (adopted ones stay unless prune: true).
      bool ours = OwnershipOf(t.tags, cx.plan.name) == Ownership::kThisPlan && !IsAdopted(t.tags);
      if (s.prune && OwnershipOf(t.tags, cx.plan.name) == Ownership::kOtherPlan) continue;
      if (s.prune || ours) {
        Prune(cx, ChildAddress(core::Kind::kTopic, ls, t.name), FingerprintObject(t),
              s.prune ? pruned : "not in the plan, created by this plan", TopicDelete{},
              Gate::kGone);
      }
    }
  }
  DiffSchemas(cx, s, ls);
  DiffPools(cx, s, ls);
}

}  // namespace aivenctl::diff::internal
