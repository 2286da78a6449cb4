// Services: create, update, replace, prune; ownership; termination protection; cost.

#include <algorithm>
#include <set>

#include "diff/fingerprint.h"
#include "diff/json_diff.h"
#include "diff/ownership.h"
#include "diff/planner_internal.h"
#include "model/aiven_schemas.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

// user_config keys Aiven only takes when a service is created; changing them later would
// do nothing, so they are sent at creation and never diffed afterwards.
bool IsCreateOnlyKey(const std::string& key) {
  return key == "admin_username" || key == "admin_password" || key == "service_to_fork_from" ||
         key == "project_to_fork_from" || key == "recovery_target_time" || key == "pg_read_replica";
}

// Paths of `uc`'s members whose schema carries `mark` (`_secure`, `create_only`): the
// catalog's schema and Aiven's published one, so a catalog without the marks loses none.
std::set<std::string> Marked(const json* schema, const json& uc, const char* mark,
                             const std::string& type) {
  std::set<std::string> out;
  for (const json* s : {schema, model::OfflineServiceSchema(type)}) {
    if (s == nullptr) continue;
    for (auto& path : model::MarkedPaths(*s, uc, "user_config", mark)) out.insert(path);
  }
  return out;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

const model::Project* FindProject(const model::Plan& plan, const std::string& name) {
  for (const auto& p : plan.projects) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

bool Powered(const model::LiveService& ls) { return ls.state != "POWEROFF"; }

// The cloud a desired service ends up in: its own (or inherited) value, else where it is
// now, else the project's default.
std::string EffectiveCloud(const model::Service& s, const model::LiveService* ls,
                           const model::LiveProject* lp) {
  if (s.cloud.value) return *s.cloud.value;
  if (ls != nullptr) return ls->cloud;
  if (lp != nullptr) return lp->default_cloud;
  return "";
}

void CheckCatalog(Context& cx, const model::Service& s, const std::string& cloud) {
  const std::string at = s.address.ToString() + ": ";
  if (s.cloud.is_explicit()) {
    if (auto m = cx.checker.CheckCloud(*s.cloud.value)) cx.Error(s.cloud.pos, s.address, at + *m);
  }
  if (auto m = cx.checker.CheckType(s.type)) {
    cx.Error(model::PosOf(s.key_pos, "type", s.pos), s.address, at + *m);
    return;
  }
  bool cloud_known = !cloud.empty() && !cx.checker.CheckCloud(cloud);
  if (auto m = cx.checker.CheckPlan(s.type, s.plan, cloud_known ? cloud : "")) {
    cx.Error(s.pos, s.address, at + *m);
  }
  for (const auto& p : cx.checker.CheckUserConfig(s.type, s.user_config)) {
    cx.Error(model::PosOf(s.key_pos, p.path, s.pos), s.address, at + p.ToString());
  }
}

model::Tags CreateTags(const Context& cx, const model::Service& s) {
  model::Tags tags = s.tags;
  StampOwnership(tags, cx.plan.name);
  if (s.ttl.value) tags[kTagExpiresAt] = core::FormatTimeBasic(cx.now + *s.ttl.value);
  return tags;
}

void CreateService(Context& cx, const model::Service& s, const std::string& cloud,
                   const std::string& reason) {
  Pending& p = cx.Add(s.address, Action::kCreate);
  p.change.reason = reason;
  ServiceCreate request{.name = s.name,
                        .type = s.type,
                        .plan = s.plan,
                        .cloud = s.cloud.value,
                        .maintenance = s.maintenance,
                        .termination_protection = s.termination_protection,
                        .disk_space_mb = s.disk_space_mb};
  auto& f = p.change.fields;
  f.push_back({"type", json(), s.type, false});
  f.push_back({"plan", json(), s.plan, false});
  if (s.cloud.value) f.push_back({"cloud", json(), *s.cloud.value, false});
  if (const std::string vpc_cloud = VpcCloudOf(cx, s.project, s); !vpc_cloud.empty()) {
    // Placed in its VPC, and created once the VPC is ACTIVE. Without one, the runner sends
    // project_vpc_id: null so that Aiven does not put it in the cloud's VPC by default.
    f.push_back({"vpc", json(), *s.vpc, false});
    request.vpc_cloud = vpc_cloud;
    p.after.push_back(core::Address::Vpc(s.project, vpc_cloud));
  }
  std::vector<std::string> dropped;
  const json* schema = cx.checker.ServiceSchema(s.type);
  json uc = WithoutSecrets(s.user_config, "user_config", schema,
                           Marked(schema, s.user_config, "_secure", s.type), false, dropped);
  for (const auto& d : dropped) {
    const std::string key = d.substr(std::string("user_config.").size());
    if (auto env = s.user_config_env.find(key); env != s.user_config_env.end()) {
      // Written as ${env:NAME}: apply reads NAME again and sends it; the changeset keeps
      // the name only.
      cx.secrets.push_back({s.address, d, env->second});
      f.push_back({d, json(), "(secret from $" + env->second + " at apply)", false});
      continue;
    }
    cx.Warn(s.pos, s.address,
            s.address.ToString() + ": " + d +
                " is a secret: aivenctl keeps secrets out of changesets and does not send it "
                "(write it as ${env:NAME} to have apply read it from the environment)");
  }
  if (!uc.empty()) {
    FlattenCreate(uc, "user_config", f);
    request.user_config = std::move(uc);
  }
  if (s.maintenance) {
    f.push_back({"maintenance.dow", json(), s.maintenance->dow, false});
    f.push_back({"maintenance.time", json(), s.maintenance->time, false});
  }
  if (s.termination_protection) {
    f.push_back({"termination_protection", json(), *s.termination_protection, false});
  }
  if (s.disk_space_mb) f.push_back({"disk_space_mb", json(), *s.disk_space_mb, false});
  if (s.powered && !*s.powered) {
    cx.Warn(s.pos, s.address,
            "powered: false on a service that does not exist yet: it is created running; "
            "plan again after apply to power it off");
  }
  request.tags = CreateTags(cx, s);
  DiffTags(request.tags, {}, f);
  p.create_request = std::move(request);
  p.create_gate = s.type == "pg" ? Gate::kServiceBackup : Gate::kServiceRunning;
  p.change.hourly_after = cx.Price(s.address, s.type, s.plan, cloud, true, true);
}

// A move into, out of or between VPCs: an in-place migration (PUT with project_vpc_id).
void VpcMove(const Context& cx, const model::Service& s, const model::LiveService& ls,
             std::vector<FieldChange>& f, ServiceChanges& update) {
  const model::LiveProject* lp = cx.live.FindProject(s.project);
  const model::LiveVpc* in = nullptr;
  if (lp != nullptr && !ls.project_vpc_id.empty()) in = lp->FindVpcById(ls.project_vpc_id);
  const std::string have_cloud = in != nullptr ? in->cloud : "";
  const std::string want_cloud = VpcCloudOf(cx, s.project, s);
  if (ls.project_vpc_id.empty() ? want_cloud.empty() : have_cloud == want_cloud) return;
  json before;  // the plan's label of the VPC it is in, else its id
  if (!ls.project_vpc_id.empty()) {
    before = ls.project_vpc_id;
    if (const model::Project* p = FindProject(cx.plan, s.project); p != nullptr && in) {
      for (const auto& v : p->vpcs) {
        if (v.cloud == in->cloud) before = v.name;
      }
    }
  }
  f.push_back({"vpc", before, s.vpc ? json(*s.vpc) : json(), false});
  update.vpc_cloud = want_cloud;
}

// Field changes of an existing service; `update` gets the PUT body's changed keys. `adopted`:
// the service is (being) adopted, so its tags get aivenctl-adopted.
void ServiceFields(Context& cx, const model::Service& s, const model::LiveService& ls, bool adopted,
                   std::vector<FieldChange>& f, ServiceChanges& update, model::Tags& want_tags) {
  if (s.type != ls.type) f.push_back({"type", ls.type, s.type, true});
  if (s.plan != ls.plan) {
    f.push_back({"plan", ls.plan, s.plan, false});
    update.plan = s.plan;
  }
  if (s.cloud.value && *s.cloud.value != ls.cloud) {
    f.push_back({"cloud", ls.cloud, *s.cloud.value, false});
    update.cloud = *s.cloud.value;
  }
  VpcMove(cx, s, ls, f, update);
  // Secrets are never compared, on either side (Aiven may show them masked), so a masked
  // value is never sent back. A create_only key (from the schema, else the known ones) is
  // compared only when the live service shows it, and a change to one needs a replace.
  const json* schema = cx.checker.ServiceSchema(s.type);
  const std::set<std::string> secure = Marked(schema, s.user_config, "_secure", s.type);
  std::set<std::string> create_only = Marked(schema, s.user_config, "create_only", s.type);
  std::vector<std::string> secrets;  // never compared, never sent in an update
  json managed = WithoutSecrets(s.user_config, "user_config", schema, secure, true, secrets);
  const json live =
      WithoutSecrets(ls.user_config, "user_config", schema,
                     Marked(schema, ls.user_config, "_secure", s.type), true, secrets);
  for (auto it = managed.begin(); it != managed.end();) {
    const std::string path = "user_config." + it.key();
    if (schema == nullptr && IsCreateOnlyKey(it.key())) create_only.insert(path);
    if (create_only.contains(path) && !live.contains(it.key())) {
      it = managed.erase(it);
    } else {
      ++it;
    }
  }
  std::size_t before = f.size();
  DiffManaged(managed, live, "user_config", f);
  for (std::size_t i = before; i < f.size(); ++i) {
    if (create_only.contains(f[i].path)) f[i].forces_replace = true;
  }
  if (f.size() > before) {
    json uc = json::object();
    for (std::size_t i = before; i < f.size(); ++i) {
      std::string top = f[i].path.substr(std::string("user_config.").size());
      top = top.substr(0, top.find('.'));
      if (uc.contains(top)) continue;
      const json& want = managed[top];
      auto have = live.find(top);
      uc[top] = want.is_object() ? Overlay(have == live.end() ? json() : *have, want) : want;
    }
    update.user_config = std::move(uc);
  }
  if (s.termination_protection && *s.termination_protection != ls.termination_protection) {
    f.push_back(
        {"termination_protection", ls.termination_protection, *s.termination_protection, false});
    update.termination_protection = *s.termination_protection;
  }
  if (s.maintenance) {
    json dow = ls.maintenance ? json(ls.maintenance->dow) : json();
    json time = ls.maintenance ? json(ls.maintenance->time) : json();
    bool changed = false;
    if (dow != json(s.maintenance->dow)) {
      f.push_back({"maintenance.dow", dow, s.maintenance->dow, false});
      changed = true;
    }
    if (time != json(s.maintenance->time)) {
      f.push_back({"maintenance.time", time, s.maintenance->time, false});
      changed = true;
    }
    if (changed) update.maintenance = s.maintenance;
  }
  if (s.disk_space_mb && ls.disk_space_mb != s.disk_space_mb) {
    f.push_back({"disk_space_mb", ls.disk_space_mb ? json(*ls.disk_space_mb) : json(),
                 *s.disk_space_mb, false});
    update.disk_space_mb = *s.disk_space_mb;
  }
  if (s.powered && *s.powered != Powered(ls)) {
    f.push_back({"powered", Powered(ls), *s.powered, false});
    update.powered = *s.powered;
  }
  want_tags = s.tags;
  StampOwnership(want_tags, cx.plan.name);
  if (adopted) want_tags[kTagAdopted] = "true";
  for (const auto& [k, v] : ls.tags) {
    if (IsLifecycleTag(k) && !want_tags.contains(k)) want_tags[k] = v;
  }
  DiffTags(want_tags, ls.tags, f);
}

// `"type" cannot change in place`, with the values when `values`.
std::string ForcingField(const std::vector<FieldChange>& fields, bool values = true) {
  for (const auto& f : fields) {
    if (f.forces_replace) {
      return Quote(f.path) + " cannot change in place" +
             (values ? " (" + f.before.dump() + " -> " + f.after.dump() + ")" : "");
    }
  }
  return "";
}

}  // namespace

void CheckReplace(Context& cx, const core::SourcePos& pos, const core::Address& address,
                  const std::vector<FieldChange>& fields, bool protect,
                  const std::string& protect_owner) {
  std::string why = address.ToString() + " must be replaced: " + ForcingField(fields);
  if (protect) {
    cx.Error(pos, address,
             why + ", but " + protect_owner + " has \"protect: true\", which forbids replacing");
  } else if (!cx.allow_replace.contains(address)) {
    cx.Error(
        pos, address,
        why + "; replacing destroys its data: allow it with --allow-replace " + address.ToString());
  }
}

void DiffService(Context& cx, const model::Project& project, const model::LiveProject* lp,
                 const model::Service& s) {
  const model::LiveService* ls = lp ? lp->FindService(s.name) : nullptr;
  const std::string cloud = EffectiveCloud(s, ls, lp);
  CheckCatalog(cx, s, cloud);
  CheckPools(cx, s, ls, cloud);
  (void)project;
  if (ls == nullptr) {
    CreateService(cx, s, cloud, "");
    cx.pending.back().fingerprint = kAbsent;
    CreateChildren(cx, s, "");
    return;
  }
  const std::string fingerprint = FingerprintObject(*ls);
  Ownership own = OwnershipOf(ls->tags, cx.plan.name);
  if (own == Ownership::kOtherPlan || (own == Ownership::kUnowned && !s.adopt)) {
    if (own == Ownership::kOtherPlan) {
      cx.Error(s.pos, s.address,
               s.address.ToString() + " belongs to plan " + Quote(*OwnerPlan(ls->tags)) +
                   "; a plan never changes what another plan owns");
    } else {
      cx.Error(s.pos, s.address,
               s.address.ToString() +
                   " exists and is not owned by this plan; add \"adopt: true\" to take it over "
                   "(aivenctl then stamps its ownership tags)");
    }
    Pending& p = cx.Add(s.address, Action::kNoop);
    p.fingerprint = fingerprint;
    return;
  }
  // Adopted: taken over now, or (adopted before the tag existed) owned, declared with
  // `adopt: true` and without the expires-at a ttl stamps on what aivenctl creates. When in
  // doubt the tag errs on the side of never reaping.
  const bool adopted = s.adopt && (own == Ownership::kUnowned || !ls->tags.contains(kTagExpiresAt));
  std::vector<FieldChange> fields;
  ServiceChanges update;
  model::Tags want_tags;
  ServiceFields(cx, s, *ls, adopted, fields, update, want_tags);
  const std::optional<double> before =
      cx.Price(s.address, ls->type, ls->plan, ls->cloud, Powered(*ls), false);
  const bool replace = std::any_of(fields.begin(), fields.end(),
                                   [](const FieldChange& f) { return f.forces_replace; });
  if (replace) {
    CheckReplace(cx, s.pos, s.address, fields, s.protect, "the service");
    if (ls->termination_protection) {
      cx.Error(s.pos, s.address,
               s.address.ToString() +
                   " must be replaced but has termination protection; set "
                   "\"termination_protection: false\", apply, then plan the replace again");
    }
    cx.going.insert(s.address);
    size_t index = cx.pending.size();
    CreateService(cx, s, cloud, "");
    Pending& p = cx.pending[index];
    p.change.action = Action::kReplace;
    p.change.reason = ForcingField(fields, false);
    p.change.fields = fields;
    p.change.hourly_before = before;
    p.delete_request = ServiceDelete{};
    p.delete_gate = Gate::kGone;
    p.fingerprint = fingerprint;
    ChildrenGoWith(cx, *ls, &s);
    CreateChildren(cx, s, "recreated with " + s.address.ToString());
    return;
  }
  const bool powering_off = s.powered && !*s.powered && Powered(*ls);
  if (powering_off && ls->termination_protection && s.termination_protection.value_or(true)) {
    cx.Error(s.pos, s.address,
             "cannot power off " + s.address.ToString() +
                 ": termination protection is on; set \"termination_protection: false\" in the "
                 "plan to lift it");
  }
  Pending& p = cx.Add(s.address, fields.empty() ? Action::kNoop : Action::kUpdate);
  p.fingerprint = fingerprint;
  p.change.fields = std::move(fields);
  p.change.hourly_before = before;
  p.change.hourly_after =
      cx.Price(s.address, s.type, s.plan, cloud, s.powered.value_or(Powered(*ls)), true);
  if (p.change.action == Action::kUpdate) {
    ServiceUpdate request;
    if (update != ServiceChanges{}) request.changes = update;
    bool tags_changed =
        std::any_of(p.change.fields.begin(), p.change.fields.end(),
                    [](const FieldChange& f) { return f.path.rfind("tags.", 0) == 0; });
    if (tags_changed) request.tags = std::move(want_tags);
    p.update_request = std::move(request);
    if (update.plan || update.cloud || update.disk_space_mb || update.powered == true ||
        update.vpc_cloud) {
      p.update_gate = Gate::kServiceRunning;
    }
    if (update.vpc_cloud && !update.vpc_cloud->empty()) {
      p.after.push_back(core::Address::Vpc(s.project, *update.vpc_cloud));
    }
    p.moves_vpc = update.vpc_cloud.has_value();
  }
  // Still building (an earlier run was interrupted before it was RUNNING): whatever the
  // plan creates in it or wires to it waits until it runs.
  if (ls->state == "REBUILDING" && s.powered.value_or(true)) {
    if (p.change.action == Action::kNoop) {
      p.update_request = ServiceWait{};
      p.wait_for_running = true;
    }
    p.update_gate = Gate::kServiceRunning;
  }
  DiffChildren(cx, s, *ls);
}

void PruneService(Context& cx, const model::LiveService& ls, const core::SourcePos& pos,
                  const std::string& reason, bool destroying) {
  const core::Address addr = core::Address::Service(ls.project, ls.name);
  if (ls.termination_protection) {
    if (destroying && !cx.force_unprotect) {
      cx.Error(pos, addr,
               addr.ToString() +
                   " has termination protection; destroy --force-unprotect lifts it first");
    } else if (!destroying) {
      cx.Error(pos, addr,
               addr.ToString() +
                   " is no longer in the plan and would be deleted, but it has termination "
                   "protection; lift it (termination_protection: false, e.g. in the Aiven "
                   "console) or put the service back in the plan");
    }
  }
  Pending& p = cx.Add(addr, Action::kDelete);
  p.change.reason = reason;
  p.fingerprint = FingerprintObject(ls);
  p.delete_request =
      ServiceDelete{.unprotect = destroying && ls.termination_protection && cx.force_unprotect};
  p.delete_gate = Gate::kGone;
  p.change.hourly_before = cx.Price(addr, ls.type, ls.plan, ls.cloud, Powered(ls), false);
  cx.going.insert(addr);
  ChildrenGoWith(cx, ls, nullptr);
}

}  // namespace aivenctl::diff::internal
