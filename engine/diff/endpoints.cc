// Integration endpoints: declared ones are created, updated in place (user_config) or
// replaced (type); undeclared live ones are "unmanaged, kept", deleted only under the
// project's `prune_endpoints: true` and never while an integration the plan does not delete
// uses them. Aiven puts no tags on endpoints: the plan's declaration is the ownership.

#include <set>

#include "diff/fingerprint.h"
#include "diff/json_diff.h"
#include "diff/planner_internal.h"
#include "model/aiven_schemas.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

// The endpoint's user_config without nulls and secrets (`_secure` in the type's schema, or a
// secret by name where no schema describes the key, at any depth); the secrets written as
// ${env:NAME} become SecretFromEnv entries (apply reads them again) and fields that name the
// variable.
json Managed(Context& cx, const model::IntegrationEndpoint& e, std::vector<FieldChange>* fields) {
  if (!e.user_config.is_object()) return json::object();
  const json* schema = model::OfflineEndpointSchema(e.type);
  std::set<std::string> secure;
  if (schema != nullptr) {
    for (auto& path : model::MarkedPaths(*schema, e.user_config, "user_config", "_secure")) {
      secure.insert(std::move(path));
    }
  }
  std::vector<std::string> dropped;
  json out = WithoutSecrets(e.user_config, "user_config", schema, secure, false, dropped);
  for (const auto& path : dropped) {
    auto env = e.user_config_env.find(path.substr(std::string("user_config.").size()));
    if (env == e.user_config_env.end()) continue;  // the loader refused it already
    cx.secrets.push_back({e.address, path, env->second});
    if (fields)
      fields->push_back({path, json(), "(secret from $" + env->second + " at apply)", false});
  }
  return out;
}

void Create(Context& cx, const model::IntegrationEndpoint& e, Pending& p) {
  EndpointCreate request{.name = e.name, .type = e.type};
  auto& f = p.change.fields;
  f.push_back({"type", json(), e.type, false});
  request.user_config = Managed(cx, e, &f);
  FlattenCreate(request.user_config, "user_config", f);
  p.create_request = std::move(request);
}

}  // namespace

void DiffEndpoints(Context& cx, const model::Project& project, const model::LiveProject* lp) {
  for (const auto& e : project.endpoints) {
    const model::LiveEndpoint* le = lp ? lp->FindEndpoint(e.name) : nullptr;
    if (le == nullptr) {
      Pending& p = cx.Add(e.address, Action::kCreate);
      p.fingerprint = kAbsent;
      Create(cx, e, p);
      continue;
    }
    Pending& p = cx.Add(e.address, Action::kNoop);
    p.fingerprint = FingerprintObject(*le);
    if (le->type != e.type) {
      p.change.fields.push_back({"type", le->type, e.type, true});
      CheckReplace(cx, model::PosOf(e.key_pos, "type", e.pos), e.address, p.change.fields, false,
                   "");
      p.change.action = Action::kReplace;
      p.change.reason = "an endpoint's type cannot change";
      p.delete_request = EndpointDelete{le->id};
      Create(cx, e, p);
      p.change.fields.erase(p.change.fields.begin() + 1);  // Create's "type": said above
      cx.going.insert(e.address);
      continue;
    }
    std::vector<FieldChange> fields;
    json managed = Managed(cx, e, nullptr);
    DiffManaged(managed, le->user_config, "user_config", fields);
    if (fields.empty()) {
      // Secrets are not compared (Aiven never shows them): nothing to send.
      std::erase_if(cx.secrets, [&](const SecretFromEnv& s) { return s.address == e.address; });
      continue;
    }
    p.change.action = Action::kUpdate;
    p.change.fields = std::move(fields);
    // The whole user_config: what Aiven shows, overlaid with the plan's keys (the secrets
    // written as ${env:NAME} are added at apply).
    p.update_request = EndpointUpdate{le->id, Overlay(le->user_config, managed)};
  }
}

void DestroyEndpoints(Context& cx, const model::Project& project, const model::LiveProject* lp) {
  if (lp == nullptr) return;
  for (const auto& e : project.endpoints) {
    const model::LiveEndpoint* le = lp->FindEndpoint(e.name);
    if (le == nullptr) continue;
    Pending& p = cx.Add(e.address, Action::kDelete);
    p.fingerprint = FingerprintObject(*le);
    p.change.reason = "declared by this plan";
    p.delete_request = EndpointDelete{le->id};
    cx.going.insert(e.address);
  }
}

void PruneEndpoints(Context& cx) {
  // Integrations this run deletes: an endpoint only they use may go too.
  std::set<core::Address> deleted;
  for (const auto& p : cx.pending) {
    if (p.change.address.kind == core::Kind::kIntegration &&
        (p.change.action == Action::kDelete || p.change.action == Action::kReplace)) {
      deleted.insert(p.change.address);
    }
  }
  for (const auto& project : cx.plan.projects) {
    const model::LiveProject* lp = cx.live.FindProject(project.name);
    if (lp == nullptr || !lp->endpoints_read) continue;
    std::set<std::string> declared;
    for (const auto& e : project.endpoints) declared.insert(e.name);
    for (const auto& le : lp->endpoints) {
      if (declared.contains(le.name)) continue;
      const auto addr = core::Address::Endpoint(project.name, le.name);
      std::string user;  // an integration that stays and uses it
      for (const auto& ls : lp->services) {
        for (const auto& i : ls.integrations) {
          if (i.source_endpoint_id != le.id && i.dest_endpoint_id != le.id) continue;
          const auto ia = core::Address::Integration(
              i.source_project, i.type,
              i.source_endpoint.empty() ? i.source_service : "@" + i.source_endpoint,
              i.dest_endpoint.empty() ? i.dest_service : "@" + i.dest_endpoint);
          if (!deleted.contains(ia)) user = ia.ToString();
        }
      }
      if (project.prune_endpoints && user.empty()) {
        Pending& p = cx.Add(addr, Action::kDelete);
        p.fingerprint = FingerprintObject(le);
        p.change.reason = "not in the plan, prune_endpoints: true";
        p.delete_request = EndpointDelete{le.id};
        continue;
      }
      cx.unmanaged.push_back({addr, "", json(), user.empty() ? "" : "used by " + user});
    }
  }
}

}  // namespace aivenctl::diff::internal
