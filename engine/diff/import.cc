#include "diff/import.h"

#include <algorithm>
#include <cctype>

#include "diff/ownership.h"
#include "diff/unmanaged.h"
#include "model/aiven_schemas.h"

namespace aivenctl::diff {
namespace {

using nlohmann::json;

json Nest(const std::vector<std::pair<std::string, json>>& keys) {
  json out = json::object();
  for (const auto& [path, value] : keys) {
    json* at = &out;
    std::size_t from = 0;
    for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', from)) {
      at = &(*at)[path.substr(from, dot - from)];
      from = dot + 1;
    }
    (*at)[path.substr(from)] = value;
  }
  return out;
}

model::Tags UserTags(const model::Tags& tags) {
  model::Tags out;
  for (const auto& [k, v] : tags) {
    if (!IsOwnershipTag(k) && !IsLifecycleTag(k)) out[k] = v;
  }
  return out;
}

// An integration between an imported service and an endpoint of the project: listed once,
// on the service (the endpoint has no list).
void ImportEndpointIntegration(const model::LiveIntegration& li, const model::LiveProject& lp,
                               model::Project& project) {
  const bool src_is_endpoint = !li.source_endpoint_id.empty();
  const std::string& name = src_is_endpoint ? li.source_endpoint : li.dest_endpoint;
  const std::string& ep_project = src_is_endpoint ? li.source_project : li.dest_project;
  if (name.empty() || ep_project != lp.name) return;  // not one of this project's endpoints
  model::Integration i;
  i.type = li.type;
  model::Endpoint endpoint{.project = ep_project, .endpoint = name};
  if (src_is_endpoint) {
    i.source = endpoint;
    i.destination = {.project = li.dest_project, .service = li.dest_service};
  } else {
    i.source = {.project = li.source_project, .service = li.source_service};
    i.destination = endpoint;
  }
  i.user_config = li.user_config.is_object() ? li.user_config : json::object();
  project.integrations.push_back(i);
}

model::Service ImportService(const model::LiveService& ls, const model::Catalog& catalog,
                             const std::string& plan_name) {
  model::Service s;
  s.name = ls.name;
  s.project = ls.project;
  s.type = ls.type;
  s.plan = ls.plan;
  s.cloud.value = ls.cloud;
  s.cloud.origin = model::Origin::kExplicit;
  s.termination_protection = ls.termination_protection;
  s.maintenance = ls.maintenance;
  s.adopt = OwnershipOf(ls.tags, plan_name) != Ownership::kThisPlan;
  if (ls.state == "POWEROFF") s.powered = false;
  const model::ServiceType* type = catalog.FindServiceType(ls.type);
  if (ls.disk_space_mb && type != nullptr) {
    if (const model::ServicePlan* plan = type->FindPlan(ls.plan)) {
      auto region = plan->regions.find(ls.cloud);
      if (region != plan->regions.end() && region->second.disk_space_mb > 0 &&
          region->second.disk_space_mb != *ls.disk_space_mb) {
        s.disk_space_mb = ls.disk_space_mb;
      }
    }
  }
  s.user_config = Nest(UndeclaredUserConfig(ls.user_config, json::object(),
                                            type ? type->user_config_schema : json::object()));
  s.tags = UserTags(ls.tags);
  for (const auto& d : ls.databases) {
    if (AivenOwnedDatabase(d.name)) continue;
    model::Database db;
    db.name = d.name;
    s.databases.push_back(db);
  }
  for (const auto& u : ls.users) {
    if (u.type == "primary" || u.name == "avnadmin") continue;
    model::User user;
    user.name = u.name;
    user.access_control = json();
    s.users.push_back(user);
  }
  for (const auto& lp : ls.pools) {
    model::Pool pool;
    pool.name = lp.name;
    pool.database = lp.database;
    if (!lp.username.empty()) pool.username = lp.username;
    pool.size = lp.size;
    pool.mode = lp.mode;
    s.pools.push_back(pool);
  }
  for (const auto& lt : ls.topics) {
    if (InternalTopic(lt.name) || OwnershipOf(lt.tags, plan_name) == Ownership::kOtherPlan)
      continue;
    model::Topic t;
    t.name = lt.name;
    t.partitions = lt.partitions;
    t.replication = lt.replication;
    if (lt.min_insync_replicas > 0) t.min_insync_replicas = lt.min_insync_replicas;
    t.config = lt.config;
    t.tags = UserTags(lt.tags);
    if (!lt.description.empty()) t.description = lt.description;
    s.topics.push_back(t);
  }
  auto acls = [](core::Kind kind, const std::vector<model::LiveAcl>& live,
                 std::vector<model::Acl>& out) {
    for (const auto& a : live) {
      if (AivenOwnedAcl(kind, a)) continue;
      if (!out.empty() && out.back().username == a.username && out.back().resource == a.resource &&
          out.back().permission == a.permission) {
        continue;  // twins (same content, two ids) are one entry of a plan
      }
      out.push_back({.username = a.username, .resource = a.resource, .permission = a.permission});
    }
  };
  acls(core::Kind::kKafkaAcl, ls.acls, s.acls);
  acls(core::Kind::kSchemaRegistryAcl, ls.schema_registry_acls, s.schema_registry_acls);
  for (const auto& lx : ls.schemas) {  // inline: an imported plan is one file
    if (InternalSubject(lx.name)) continue;
    model::Schema x;
    x.name = lx.name;
    x.type = lx.type;
    x.schema = lx.schema;
    x.compatibility = lx.compatibility;
    s.schemas.push_back(x);
  }
  for (const auto& lk : ls.connectors) {
    model::Connector k;
    k.name = lk.name;
    k.class_name = lk.class_name;
    k.config = lk.config;
    // A secret is never read back: the plan reads it from the environment, by a name made
    // of the connector's and the key's ("pg-sink" + "connection.password" ->
    // PG_SINK_CONNECTION_PASSWORD).
    for (const auto& key : lk.secret_keys) k.config_env[key] = SecretEnvName(lk.name, key);
    s.connectors.push_back(std::move(k));
  }
  return s;
}

}  // namespace

std::string SecretEnvName(const std::string& connector, const std::string& key) {
  std::string out;
  for (char ch : connector + "_" + key) {
    const auto c = static_cast<unsigned char>(ch);
    out += std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  }
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out[0]))) out = "_" + out;
  return out;
}

ImportResult ImportProject(const model::LiveProject& lp, const model::Catalog& catalog,
                           const ImportOptions& options) {
  ImportResult out;
  out.plan.name = options.name;
  model::Project project;
  project.name = lp.name;
  project.create = OwnershipOf(lp.tags, options.name) == Ownership::kThisPlan;
  if (project.create) project.tags = UserTags(lp.tags);
  // VPCs: labelled by their cloud (Aiven gives them no name); a VPC that exists is adopted.
  for (const auto& v : lp.vpcs) {
    if (v.state == "DELETING" || v.state == "DELETED") continue;
    project.vpcs.push_back({.name = v.cloud, .cloud = v.cloud, .network_cidr = v.network_cidr});
  }
  std::vector<std::string> missing = options.services;
  for (const auto& ls : lp.services) {
    if (!options.services.empty() && std::find(options.services.begin(), options.services.end(),
                                               ls.name) == options.services.end()) {
      continue;
    }
    std::erase(missing, ls.name);
    if (ls.state == "DELETING") continue;
    if (OwnershipOf(ls.tags, options.name) == Ownership::kOtherPlan) {
      out.notes.push_back(ls.address.ToString() + " is owned by plan \"" + *OwnerPlan(ls.tags) +
                          "\": left out (a plan never takes what another plan owns)");
      continue;
    }
    project.services.push_back(ImportService(ls, catalog, options.name));
    if (const model::LiveVpc* v = lp.FindVpcById(ls.project_vpc_id); v != nullptr) {
      project.services.back().vpc = v->cloud;
    }
    for (const auto& k : project.services.back().connectors) {
      for (const auto& [key, env] : k.config_env) {
        out.notes.push_back("connector:" + lp.name + "/" + ls.name + "/" + k.name + ": config." +
                            key + " is a secret aivenctl cannot read back: set " + env +
                            " before applying");
      }
    }
  }
  for (const auto& le : lp.endpoints) {
    model::IntegrationEndpoint e;
    e.name = le.name;
    e.type = le.type;
    e.user_config = le.user_config;
    project.endpoints.push_back(std::move(e));
    if (const json* schema = model::OfflineEndpointSchema(le.type)) {
      const json& props = schema->value("properties", json::object());
      for (auto it = props.begin(); it != props.end(); ++it) {
        if (!it->value("_secure", false)) continue;
        out.notes.push_back("endpoint:" + lp.name + "/" + le.name + ": Aiven never shows " +
                            "user_config." + it.key() + "; add it as \"${env:NAME}\" if it is set");
      }
    }
  }
  for (const auto& m : missing) {
    out.notes.push_back("--service " + m + ": project " + lp.name + " has no such service");
  }
  auto imported = [&](const std::string& p, const std::string& s) {
    return p == lp.name && std::any_of(project.services.begin(), project.services.end(),
                                       [&](const model::Service& x) { return x.name == s; });
  };
  for (const auto& ls : lp.services) {
    if (!imported(ls.project, ls.name)) continue;
    for (const auto& li : ls.integrations) {
      // Listed on both ends: take it from its source (or from the destination when the
      // source lives outside the project).
      if (!li.dest_endpoint_id.empty() || !li.source_endpoint_id.empty()) {
        ImportEndpointIntegration(li, lp, project);
        continue;
      }
      if (li.dest_service.empty()) continue;
      const bool from_here = li.source_project == lp.name && li.source_service == ls.name;
      const bool source_elsewhere = !imported(li.source_project, li.source_service);
      if (!from_here &&
          !(source_elsewhere && li.dest_project == lp.name && li.dest_service == ls.name)) {
        continue;
      }
      model::Integration i;
      i.type = li.type;
      i.source = {.project = li.source_project, .service = li.source_service};
      i.destination = {.project = li.dest_project, .service = li.dest_service};
      i.external = !imported(li.source_project, li.source_service) ||
                   !imported(li.dest_project, li.dest_service);
      i.user_config = li.user_config.is_object() ? li.user_config : json::object();
      project.integrations.push_back(i);
    }
  }
  out.plan.projects.push_back(std::move(project));
  return out;
}

}  // namespace aivenctl::diff
