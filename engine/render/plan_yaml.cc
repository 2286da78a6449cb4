#include "render/plan_yaml.h"

#include <nlohmann/json.hpp>

namespace aivenctl::render {
namespace {

using nlohmann::json;

std::string Q(const std::string& s) { return json(s).dump(); }

json TagsJson(const model::Tags& tags) {
  json out = json::object();
  for (const auto& [k, v] : tags) out[k] = v;
  return out;
}

std::string Endpoint(const model::Endpoint& e, const std::string& home) {
  if (e.IsEndpoint()) return "{endpoint: " + Q(e.endpoint) + "}";
  return Q(e.project == home ? e.service : e.project + "/" + e.service);
}

void Service(const model::Service& s, std::string& out) {
  const std::string in = "        ";
  out += "      - name: " + Q(s.name) + "\n";
  out += in + "type: " + Q(s.type) + "\n";
  out += in + "plan: " + Q(s.plan) + "\n";
  if (s.cloud.value) out += in + "cloud: " + Q(*s.cloud.value) + "\n";
  if (s.vpc) out += in + "vpc: " + Q(*s.vpc) + "\n";
  if (s.adopt) out += in + "adopt: true\n";
  if (s.termination_protection) {
    out += in + "termination_protection: " + (*s.termination_protection ? "true" : "false") + "\n";
  }
  if (s.powered) out += in + "powered: " + (*s.powered ? "true" : "false") + "\n";
  if (s.maintenance) {
    out += in + "maintenance: {dow: " + Q(s.maintenance->dow) +
           ", time: " + Q(s.maintenance->time) + "}\n";
  }
  if (s.disk_space_mb) out += in + "disk_space_mb: " + std::to_string(*s.disk_space_mb) + "\n";
  if (!s.user_config.empty()) out += in + "user_config: " + s.user_config.dump() + "\n";
  if (!s.tags.empty()) out += in + "tags: " + TagsJson(s.tags).dump() + "\n";
  if (!s.databases.empty()) {
    out += in + "databases:\n";
    for (const auto& d : s.databases) out += in + "  - " + Q(d.name) + "\n";
  }
  if (!s.users.empty()) {
    out += in + "users:\n";
    for (const auto& u : s.users) out += in + "  - " + Q(u.name) + "\n";
  }
  if (!s.pools.empty()) {
    out += in + "pools:\n";
    for (const auto& p : s.pools) {
      json j = {{"name", p.name}, {"database", p.database}};
      if (p.username) j["user"] = *p.username;
      if (p.size) j["size"] = *p.size;
      if (p.mode) j["mode"] = *p.mode;
      out += in + "  - " + j.dump() + "\n";
    }
  }
  if (!s.topics.empty()) {
    out += in + "topics:\n";
    for (const auto& t : s.topics) {
      json j = {{"name", t.name}};
      if (t.partitions) j["partitions"] = *t.partitions;
      if (t.replication) j["replication"] = *t.replication;
      if (t.min_insync_replicas) j["min_insync_replicas"] = *t.min_insync_replicas;
      if (!t.config.empty()) j["config"] = t.config;
      if (!t.tags.empty()) j["tags"] = TagsJson(t.tags);
      if (t.description) j["description"] = *t.description;
      out += in + "  - " + j.dump() + "\n";
    }
  }
  auto acls = [&](const char* key, const char* resource, const std::vector<model::Acl>& list) {
    if (list.empty()) return;
    out += in + key + ":\n";
    for (const auto& a : list) {
      out += in + "  - {username: " + Q(a.username) + ", " + resource + ": " + Q(a.resource) +
             ", permission: " + Q(a.permission) + "}\n";
    }
  };
  acls("acls", "topic", s.acls);
  acls("schema_registry_acls", "resource", s.schema_registry_acls);
  if (!s.schemas.empty()) {
    out += in + "schemas:\n";
    for (const auto& x : s.schemas) {
      json j = {{"subject", x.name}, {"type", x.type}};
      if (x.schema_file) {
        j["schema_file"] = *x.schema_file;
      } else {
        j["schema"] = x.schema;
      }
      if (x.compatibility) j["compatibility"] = *x.compatibility;
      out += in + "  - " + j.dump() + "\n";
    }
  }
  if (!s.connectors.empty()) {
    out += in + "connectors:\n";
    for (const auto& k : s.connectors) {
      json config = k.config;
      for (const auto& [key, env] : k.config_env) config[key] = "${env:" + env + "}";
      json j = {{"name", k.name}, {"class", k.class_name}};
      if (!config.empty()) j["config"] = config;
      out += in + "  - " + j.dump() + "\n";
    }
  }
}

}  // namespace

std::string PlanYaml(const model::Plan& plan, const std::vector<std::string>& comment) {
  std::string out;
  for (const auto& line : comment) out += "# " + line + "\n";
  out += "version: 1\nname: " + Q(plan.name) + "\nprojects:\n";
  for (const auto& p : plan.projects) {
    out += "  - name: " + Q(p.name) + "\n";
    out += std::string("    create: ") + (p.create ? "true" : "false") +
           (p.create ? "\n" : "   # used, not owned: destroy never deletes it\n");
    if (!p.tags.empty()) out += "    tags: " + TagsJson(p.tags).dump() + "\n";
    if (!p.vpcs.empty()) out += "    vpcs:\n";
    for (const auto& v : p.vpcs) {
      out += "      - {name: " + Q(v.name) + ", cloud: " + Q(v.cloud) +
             ", network_cidr: " + Q(v.network_cidr) + "}\n";
    }
    if (p.services.empty()) {
      out += "    services: []\n";
    } else {
      out += "    services:\n";
      for (const auto& s : p.services) Service(s, out);
    }
    if (!p.endpoints.empty()) {
      out += "    endpoints:\n";
      for (const auto& e : p.endpoints) {
        out += "      - {name: " + Q(e.name) + ", type: " + Q(e.type);
        if (!e.user_config.empty()) out += ", user_config: " + e.user_config.dump();
        out += "}\n";
      }
    }
    if (p.integrations.empty()) continue;
    out += "    integrations:\n";
    for (const auto& i : p.integrations) {
      out += "      - {type: " + Q(i.type) + ", source: " + Endpoint(i.source, p.name) +
             ", destination: " + Endpoint(i.destination, p.name);
      if (i.external) out += ", external: true";
      if (!i.user_config.empty()) out += ", user_config: " + i.user_config.dump();
      out += "}\n";
    }
  }
  return out;
}

}  // namespace aivenctl::render
