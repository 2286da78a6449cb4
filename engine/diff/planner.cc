// The planner's entry points: projects, integrations, then the common finish (fingerprints,
// targets, operations, cost, sorting).

#include "diff/planner.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "diff/fingerprint.h"
#include "diff/json_diff.h"
#include "diff/ownership.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff {
namespace internal {

using nlohmann::json;

void Context::Error(const core::SourcePos& pos, const core::Address& address, std::string message) {
  errors.push_back({core::Severity::kError, pos, std::move(message),
                    address.parts.empty() ? "" : address.ToString()});
}

void Context::Warn(const core::SourcePos& pos, const core::Address& address, std::string message) {
  warnings.push_back({core::Severity::kWarning, pos, std::move(message),
                      address.parts.empty() ? "" : address.ToString()});
}

Pending& Context::Add(const core::Address& address, Action action) {
  Pending& p = pending.emplace_back();
  p.change.address = address;
  p.change.action = action;
  return p;
}

std::optional<double> Context::Price(const core::Address& address, const std::string& type,
                                     const std::string& plan_name, const std::string& cloud,
                                     bool powered, bool desired) {
  if (catalog.service_types.empty()) {
    if (cost_complete) Warn({plan.file, 0, 0}, {}, "the catalog was not read: costs are unknown");
    cost_complete = false;
    return std::nullopt;
  }
  std::optional<double> price = catalog.HourlyPrice(type, plan_name, cloud);
  if (price) return powered ? *price : 0.0;
  cost_complete = false;
  const model::ServiceType* t = catalog.FindServiceType(type);
  bool known = t != nullptr && t->FindPlan(plan_name) != nullptr &&
               (catalog.clouds.empty() || catalog.FindCloud(cloud) != nullptr);
  if (cloud.empty()) {
    Warn({plan.file, 0, 0}, address,
         address.ToString() +
             ": its cloud is not known before it is created (set cloud on the service, its "
             "project or in defaults); the cost leaves it out");
  } else if (known || !desired) {
    Warn({plan.file, 0, 0}, address,
         address.ToString() + ": no price for " + type + " " + plan_name + " in cloud \"" + cloud +
             "\" in the catalog; the cost leaves it out");
  }
  return std::nullopt;
}

void DiffTags(const model::Tags& want, const model::Tags& have, std::vector<FieldChange>& out) {
  auto w = want.begin();
  auto h = have.begin();
  while (w != want.end() || h != have.end()) {
    if (h == have.end() || (w != want.end() && w->first < h->first)) {
      out.push_back({"tags." + w->first, json(), w->second, false});
      ++w;
    } else if (w == want.end() || h->first < w->first) {
      out.push_back({"tags." + h->first, h->second, json(), false});
      ++h;
    } else {
      if (w->second != h->second) out.push_back({"tags." + w->first, h->second, w->second, false});
      ++w, ++h;
    }
  }
}

namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// Returns false when the project's services cannot be planned (a missing create: false one).
bool DiffProject(Context& cx, const model::Project& project, const model::LiveProject* lp) {
  const core::Address& addr = project.address;
  if (project.cloud.is_explicit()) {
    if (auto m = cx.checker.CheckCloud(*project.cloud.value)) {
      cx.Error(project.cloud.pos, addr, addr.ToString() + ": " + *m);
    }
  }
  if (!project.create) {
    if (lp == nullptr) {
      cx.Error(project.pos, addr,
               addr.ToString() +
                   " does not exist; the plan uses it with \"create: false\", so it must exist");
      return false;
    }
    cx.Add(addr, Action::kNoop);
    return true;
  }
  if (lp == nullptr) {
    Pending& p = cx.Add(addr, Action::kCreate);
    ProjectCreate request{.name = project.name,
                          .cloud = project.cloud.value,
                          .billing_group_id = project.billing_group_id,
                          .account_id = project.parent_id};
    auto& f = p.change.fields;
    if (project.cloud.value) f.push_back({"cloud", json(), *project.cloud.value, false});
    if (project.billing_group_id) {
      f.push_back({"billing_group_id", json(), *project.billing_group_id, false});
    }
    if (project.parent_id) f.push_back({"parent_id", json(), *project.parent_id, false});
    model::Tags& tags = request.tags;
    tags = project.tags;
    StampOwnership(tags, cx.plan.name);
    if (project.ttl.value) tags[kTagExpiresAt] = core::FormatTimeBasic(cx.now + *project.ttl.value);
    DiffTags(tags, {}, f);
    p.create_request = std::move(request);
    return true;
  }
  Ownership own = OwnershipOf(lp->tags, cx.plan.name);
  if (own != Ownership::kThisPlan) {
    cx.Error(project.pos, addr,
             own == Ownership::kOtherPlan
                 ? addr.ToString() + " belongs to plan " + Quote(*OwnerPlan(lp->tags)) +
                       "; a plan never changes what another plan owns"
                 : addr.ToString() +
                       " exists and is not owned by this plan; set \"create: false\" to deploy "
                       "into it without owning it");
    cx.Add(addr, Action::kNoop);
    return true;
  }
  model::Tags want = project.tags;
  StampOwnership(want, cx.plan.name);
  for (const auto& [k, v] : lp->tags) {
    if (IsLifecycleTag(k) && !want.contains(k)) want[k] = v;
  }
  std::vector<FieldChange> fields;
  DiffTags(want, lp->tags, fields);
  Pending& p = cx.Add(addr, fields.empty() ? Action::kNoop : Action::kUpdate);
  p.change.fields = std::move(fields);
  if (p.change.action == Action::kUpdate) p.update_request = ProjectUpdate{std::move(want)};
  return true;
}

using IntegrationKey = std::tuple<std::string, std::string, std::string, std::string, std::string>;

// A service end by name, an endpoint end as "@name".
std::string EndName(const std::string& service, const std::string& endpoint_id,
                    const std::string& endpoint) {
  return endpoint_id.empty() ? service : "@" + endpoint;
}

IntegrationKey KeyOf(const model::LiveIntegration& i) {
  return {i.type, i.source_project,
          EndName(i.source_service, i.source_endpoint_id, i.source_endpoint), i.dest_project,
          EndName(i.dest_service, i.dest_endpoint_id, i.dest_endpoint)};
}

// The address of one end: its service, or its endpoint.
core::Address EndAddress(const model::Endpoint& e) {
  if (e.IsEndpoint()) return core::Address::Endpoint(e.project, e.endpoint);
  return core::Address::Service(e.project, e.service);
}

// The end as KeyOf names it.
std::string EndKey(const model::Endpoint& e) {
  return e.IsEndpoint() ? "@" + e.endpoint : e.service;
}

bool EndExists(const Context& cx, const model::Endpoint& e) {
  if (!e.IsEndpoint()) return cx.live.FindService(e.project, e.service) != nullptr;
  const model::LiveProject* lp = cx.live.FindProject(e.project);
  return lp != nullptr && lp->FindEndpoint(e.endpoint) != nullptr;
}

std::string TypeOf(const Context& cx, const std::string& project, const std::string& service) {
  if (const auto* s = cx.plan.FindService(project, service)) return s->type;
  if (const auto* s = cx.live.FindService(project, service)) return s->type;
  return "";
}

// The pair check needs the integration types, read from a project; the user_config check
// uses their schemas, else Aiven's offline ones.
void CheckIntegrationCatalog(Context& cx, const model::Integration& i, const std::string& src_type,
                             const std::string& dst_type) {
  const std::string at = i.address.ToString() + ": ";
  if (!cx.checker.HasIntegrationTypes()) {
    cx.Warn(model::PosOf(i.key_pos, "type", i.pos), i.address,
            at + "not checked: the integration types are read from a project and the token " +
                "can read none yet; apply creates the project and checks it before it creates " +
                "any service");
  } else if (auto m = cx.checker.CheckIntegration(i.type, src_type, dst_type)) {
    cx.Error(model::PosOf(i.key_pos, "type", i.pos), i.address, at + *m);
  }
  for (const auto& p : cx.checker.CheckIntegrationUserConfig(i.type, i.user_config)) {
    cx.Error(model::PosOf(i.key_pos, p.path, i.pos), i.address, at + p.ToString());
  }
}

std::string Label(const std::string& project, const std::string& service, const std::string& home) {
  return project == home ? service : project + "/" + service;
}

// A live integration with an endpoint end that the plan does not declare. It goes when its
// endpoint goes (Aiven would refuse to delete the endpoint otherwise), with its service
// (deleted with it), or when its service is owned by this plan and its endpoint declared;
// else it is unmanaged and kept.
void EndpointIntegrationLeft(Context& cx, const model::LiveIntegration& li) {
  const bool src_is_endpoint = !li.source_endpoint_id.empty();
  const std::string& endpoint = src_is_endpoint ? li.source_endpoint : li.dest_endpoint;
  if (endpoint.empty()) return;  // its endpoint's list was not read
  const std::string& ep_project = src_is_endpoint ? li.source_project : li.dest_project;
  const auto ep = core::Address::Endpoint(ep_project, endpoint);
  const auto svc = src_is_endpoint ? core::Address::Service(li.dest_project, li.dest_service)
                                   : core::Address::Service(li.source_project, li.source_service);
  const auto addr = core::Address::Integration(li.source_project, li.type,
                                               src_is_endpoint ? "@" + endpoint : li.source_service,
                                               src_is_endpoint ? li.dest_service : "@" + endpoint);
  if (cx.going.contains(ep)) {
    Pending& p = cx.Add(addr, Action::kDelete);
    p.change.reason = "its endpoint " + ep.ToString() + " is deleted";
    p.fingerprint = FingerprintObject(li);
    p.delete_request = IntegrationDelete{li.id};
    return;
  }
  if (cx.going.contains(svc)) {
    Pending& p = cx.Add(addr, Action::kDelete);
    p.change.deleted_with = svc.ToString();
    p.change.reason = "deleted with " + p.change.deleted_with;
    p.fingerprint = FingerprintObject(li);
    return;
  }
  const model::Service* s = cx.plan.FindService(svc.parts[0], svc.parts[1]);
  const model::LiveService* ls = cx.live.FindService(svc.parts[0], svc.parts[1]);
  bool declared = false;
  for (const auto& project : cx.plan.projects) {
    if (project.name != ep_project) continue;
    for (const auto& e : project.endpoints) declared = declared || e.name == endpoint;
  }
  if (s != nullptr && ls != nullptr && declared &&
      OwnershipOf(ls->tags, cx.plan.name) == Ownership::kThisPlan) {
    Pending& p = cx.Add(addr, Action::kDelete);
    p.change.reason = "not in the plan, its service owned and its endpoint declared by this plan";
    p.fingerprint = FingerprintObject(li);
    p.delete_request = IntegrationDelete{li.id};
  } else if (!cx.destroying && (s != nullptr || declared)) {
    cx.unmanaged.push_back({addr, "", json(), ""});
  }
}

void DiffIntegrations(Context& cx) {
  std::map<IntegrationKey, const model::LiveIntegration*> index;
  std::map<std::string, const model::LiveIntegration*> by_id;
  for (const auto& lp : cx.live.projects) {
    for (const auto& ls : lp.services) {
      for (const auto& i : ls.integrations) {
        index.emplace(KeyOf(i), &i);
        by_id.emplace(i.id, &i);
      }
    }
  }
  std::set<std::string> matched;
  for (const auto& project : cx.plan.projects) {
    if (cx.destroying) break;
    for (const auto& i : project.integrations) {
      const auto src = EndAddress(i.source);
      const auto dst = EndAddress(i.destination);
      for (const auto* end : {&i.source, &i.destination}) {
        if (!end->in_plan && !EndExists(cx, *end)) {
          cx.Error(end->pos, i.address,
                   i.address.ToString() + ": " +
                       (end->IsEndpoint() ? "integration endpoint " : "service ") + end->project +
                       "/" + (end->IsEndpoint() ? end->endpoint : end->service) + " was not found");
        }
      }
      // The pair check knows service types only: an endpoint end is not checked there.
      CheckIntegrationCatalog(
          cx, i, i.source.IsEndpoint() ? "" : TypeOf(cx, src.parts[0], src.parts[1]),
          i.destination.IsEndpoint() ? "" : TypeOf(cx, dst.parts[0], dst.parts[1]));
      auto found =
          index.find({i.type, src.parts[0], EndKey(i.source), dst.parts[0], EndKey(i.destination)});
      const model::LiveIntegration* li = found == index.end() ? nullptr : found->second;
      const bool end_going = cx.going.contains(src) || cx.going.contains(dst);
      Pending& p = cx.Add(i.address, Action::kCreate);
      if (li != nullptr) {
        matched.insert(li->id);
        p.fingerprint = FingerprintObject(*li);
      }
      if (li != nullptr && !end_going) {
        DiffManaged(i.user_config, li->user_config, "user_config", p.change.fields);
        p.change.action = p.change.fields.empty() ? Action::kNoop : Action::kUpdate;
        if (p.change.action == Action::kUpdate) {
          p.update_request = IntegrationUpdate{li->id, Overlay(li->user_config, i.user_config)};
        }
        continue;
      }
      if (li != nullptr) {
        const core::Address& going = cx.going.contains(src) ? src : dst;
        p.change.reason = "recreated with " + going.ToString();
        if (i.source.IsEndpoint() || i.destination.IsEndpoint()) {
          // Aiven keeps an endpoint's integrations: this one goes first, then comes back.
          p.change.action = Action::kReplace;
          p.delete_request = IntegrationDelete{li->id};
        }
      }
      IntegrationCreate request{.type = i.type,
                                .source_project = src.parts[0],
                                .source_service = i.source.service,
                                .dest_project = dst.parts[0],
                                .dest_service = i.destination.service};
      if (i.source.IsEndpoint()) request.source_endpoint = i.source.endpoint;
      if (i.destination.IsEndpoint()) request.dest_endpoint = i.destination.endpoint;
      json uc = StripNulls(i.user_config);
      if (uc.is_object() && !uc.empty()) {
        FlattenCreate(uc, "user_config", p.change.fields);
        request.user_config = std::move(uc);
      }
      p.create_request = std::move(request);
      p.create_gate = Gate::kIntegrationActive;
    }
  }
  for (const auto& [id, li] : by_id) {
    if (matched.contains(id)) continue;
    if (!li->source_endpoint_id.empty() || !li->dest_endpoint_id.empty()) {
      EndpointIntegrationLeft(cx, *li);
      continue;
    }
    if (li->dest_service.empty()) continue;
    const auto src = core::Address::Service(li->source_project, li->source_service);
    const auto dst = core::Address::Service(li->dest_project, li->dest_service);
    const auto addr =
        core::Address::Integration(li->source_project, li->type, li->source_service,
                                   Label(li->dest_project, li->dest_service, li->source_project));
    if (cx.going.contains(src) || cx.going.contains(dst)) {
      Pending& p = cx.Add(addr, Action::kDelete);
      p.change.deleted_with = (cx.going.contains(src) ? src : dst).ToString();
      p.change.reason = "deleted with " + p.change.deleted_with;
      p.fingerprint = FingerprintObject(*li);
      continue;
    }
    auto owned = [&](const core::Address& a) {
      const auto* s = cx.live.FindService(a.parts[0], a.parts[1]);
      return s != nullptr && OwnershipOf(s->tags, cx.plan.name) == Ownership::kThisPlan &&
             cx.plan.FindService(a.parts[0], a.parts[1]) != nullptr;
    };
    if (owned(src) && owned(dst)) {
      Pending& p = cx.Add(addr, Action::kDelete);
      p.change.reason = "not in the plan, both ends owned by this plan";
      p.fingerprint = FingerprintObject(*li);
      p.delete_request = IntegrationDelete{li->id};
    } else if (!cx.destroying && (cx.plan.FindService(src.parts[0], src.parts[1]) != nullptr ||
                                  cx.plan.FindService(dst.parts[0], dst.parts[1]) != nullptr)) {
      cx.unmanaged.push_back({addr, "", json(), ""});
    }
  }
}

bool DiagnosticLess(const core::Diagnostic& a, const core::Diagnostic& b) {
  return std::tie(a.pos.file, a.pos.line, a.pos.column, a.address, a.message) <
         std::tie(b.pos.file, b.pos.line, b.pos.column, b.address, b.message);
}

void SortUnique(core::Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), DiagnosticLess);
  ds.erase(std::unique(ds.begin(), ds.end(),
                       [](const core::Diagnostic& a, const core::Diagnostic& b) {
                         return a.pos == b.pos && a.message == b.message && a.address == b.address;
                       }),
           ds.end());
}

// The plan's identity: what apply and outputs need when the plan file is not there.
void FillIdentity(const model::Plan& plan, Changeset& cs) {
  cs.plan_projects = plan.Scope();
  for (const auto& project : plan.projects) {
    for (const auto& s : project.services) {
      PlanService ps{.project = project.name, .name = s.name, .type = s.type};
      for (const auto& d : s.databases) ps.databases.push_back(d.name);
      for (const auto& u : s.users) ps.users.push_back(u.name);
      for (const auto& t : s.topics) {
        if (!t.config.is_object() || t.config.empty()) continue;
        auto& keys = ps.topic_config_keys[t.name];
        for (auto it = t.config.begin(); it != t.config.end(); ++it) keys.push_back(it.key());
      }
      cs.plan_services.push_back(std::move(ps));
    }
  }
}

PlanResult Finish(Context& cx, const std::vector<core::Address>& targets, const std::string& kind,
                  const std::string& engine_version, const std::string& plan_digest) {
  for (auto& p : cx.pending) {
    if (p.fingerprint.empty()) p.fingerprint = FingerprintOf(cx.live, p.change.address);
  }
  // Sort by address through indices: a Pending is large, an index is cheap to move.
  std::vector<std::uint32_t> order(cx.pending.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return cx.pending[a].change.address < cx.pending[b].change.address;
  });
  std::vector<Pending> sorted;
  sorted.reserve(order.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(cx.pending[i]));
  cx.pending.clear();
  cx.pending.shrink_to_fit();
  std::vector<Pending> kept = FilterTargets(std::move(sorted), targets, cx.errors, cx.warnings);
  PlanResult r;
  Changeset& cs = r.changeset;
  cs.engine_version = engine_version;
  cs.plan_name = cx.plan.name;
  cs.plan_file = cx.plan.file;
  cs.plan_digest = plan_digest;
  FillIdentity(cx.plan, cs);
  cs.created_at = core::FormatTimeIso(cx.now);
  cs.kind = kind;
  BuildOperations(kept, cs);
  for (auto& secret : cx.secrets) {
    // Only for the requests the changeset sends that carry them (--target may have left
    // some out; most updates carry none).
    bool sent = std::any_of(cs.operations.begin(), cs.operations.end(), [&](const auto& op) {
      return op.address == secret.address && CarriesSecrets(op.request);
    });
    if (sent) cs.secrets_from_env.push_back(std::move(secret));
  }
  cs.changes.reserve(kept.size());
  for (auto& p : kept) {
    if (p.change.address.kind == core::Kind::kService) {
      cs.cost.hourly_before += p.change.hourly_before.value_or(0);
      cs.cost.hourly_after += p.change.hourly_after.value_or(0);
    }
    cs.fingerprints.emplace_hint(cs.fingerprints.end(), p.change.address.ToString(),
                                 std::move(p.fingerprint));
    cs.changes.push_back(std::move(p.change));
  }
  cs.cost.complete = cx.cost_complete;
  if (targets.empty()) {
    std::sort(cx.unmanaged.begin(), cx.unmanaged.end(), [](const Unmanaged& a, const Unmanaged& b) {
      return std::tie(a.address, a.path) < std::tie(b.address, b.path);
    });
    cs.unmanaged = std::move(cx.unmanaged);
  }
  for (auto* ds : {&cx.errors, &cx.warnings}) {
    for (auto& d : *ds) {
      if (d.pos.file.empty()) d.pos.file = cx.plan.file;
    }
  }
  SortUnique(cx.errors);
  SortUnique(cx.warnings);
  cs.warnings = std::move(cx.warnings);
  r.errors = std::move(cx.errors);
  return r;
}

}  // namespace
}  // namespace internal

PlanResult Plan(const model::Plan& plan, const model::LiveState& live,
                const model::Catalog& catalog, const PlanOptions& options) {
  internal::Context cx(plan, live, catalog);
  cx.now = options.now;
  model::PlanCounts n = model::Count(plan);
  std::size_t expected = n.projects + n.vpcs + n.services + n.databases + n.users + n.topics +
                         n.integrations + n.endpoints;
  for (const auto& lp : live.projects) {
    for (const auto& ls : lp.services) expected += ls.topics.size() / 16;  // some pruning room
  }
  cx.pending.reserve(expected);
  cx.allow_replace.insert(options.allow_replace.begin(), options.allow_replace.end());
  if (plan.defaults.cloud) {
    if (auto m = cx.checker.CheckCloud(*plan.defaults.cloud)) {
      cx.Error(plan.defaults.cloud_pos, {}, "defaults.cloud: " + *m);
    }
  }
  for (const auto& project : plan.projects) {
    const model::LiveProject* lp = live.FindProject(project.name);
    if (!internal::DiffProject(cx, project, lp)) continue;
    std::set<std::string> listed;
    for (const auto& s : project.services) {
      listed.insert(s.name);
      internal::DiffService(cx, project, lp, s);
    }
    internal::DiffEndpoints(cx, project, lp);
    if (lp != nullptr) {
      for (const auto& ls : lp->services) {
        if (!listed.contains(ls.name) && OwnershipOf(ls.tags, plan.name) == Ownership::kThisPlan) {
          internal::PruneService(cx, ls, project.pos, "no longer in the plan", false);
        }
      }
    }
    internal::DiffVpcs(cx, project, lp);  // after the services: prune sees what goes
  }
  internal::DiffIntegrations(cx);
  internal::PruneEndpoints(cx);
  internal::CollectUnmanaged(cx);
  return internal::Finish(cx, options.targets, "apply", options.engine_version,
                          options.plan_digest);
}

PlanResult PlanDestroy(const model::Plan& plan, const model::LiveState& live,
                       const model::Catalog& catalog, const DestroyOptions& options) {
  internal::Context cx(plan, live, catalog);
  cx.now = options.now;
  cx.force_unprotect = options.force_unprotect;
  cx.destroying = true;
  for (const auto& project : plan.projects) {
    const model::LiveProject* lp = live.FindProject(project.name);
    if (lp == nullptr) continue;
    std::vector<std::string> foreign;
    for (const auto& ls : lp->services) {
      const model::Service* s = plan.FindService(project.name, ls.name);
      if (OwnershipOf(ls.tags, plan.name) != Ownership::kThisPlan) {
        foreign.push_back(ls.name);
        if (s != nullptr) {
          cx.Warn(s->pos, s->address,
                  s->address.ToString() + " is not owned by this plan; destroy leaves it alone");
        }
        continue;
      }
      if (s != nullptr && s->protect) {
        cx.Error(s->pos, s->address,
                 s->address.ToString() +
                     " has \"protect: true\"; remove it from the plan to destroy the service");
      }
      // Without a plan file (destroy --plan NAME) only the tags say it is the plan's.
      const std::string reason = s                   ? ""
                                 : plan.file.empty() ? "owned by plan " + plan.name
                                                     : "no longer in the plan";
      internal::PruneService(cx, ls, s ? s->pos : project.pos, reason, true);
    }
    internal::DestroyEndpoints(cx, project, lp);
    const bool owned = project.create && OwnershipOf(lp->tags, plan.name) == Ownership::kThisPlan;
    internal::DestroyVpcs(cx, project, *lp, owned && foreign.empty());
    if (!owned) continue;
    if (!foreign.empty()) {
      std::string names;
      for (const auto& n : foreign) names += (names.empty() ? "" : ", ") + n;
      cx.Warn(project.pos, project.address,
              project.address.ToString() + " stays: it holds services this plan does not own (" +
                  names + ")");
      continue;
    }
    internal::Pending& p = cx.Add(project.address, Action::kDelete);
    p.delete_request = ProjectDelete{};
  }
  internal::DiffIntegrations(cx);
  return internal::Finish(cx, {}, "destroy", options.engine_version, options.plan_digest);
}

}  // namespace aivenctl::diff
