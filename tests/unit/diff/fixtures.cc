#include "fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

#include "diff/request_json.h"
#include "loader/loader.h"
#include "model/aiven_schemas.h"
#include "render/changeset_text.h"
#include "render/diagnostics.h"

namespace aivenctl::difftest {

using nlohmann::json;

std::string SourceDir() {
  if (const char* env = std::getenv("AIVENCTL_SOURCE_DIR")) return env;
  return AIVENCTL_DEFAULT_SOURCE_DIR;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

model::Catalog CatalogFromJson(const json& j) {
  model::Catalog c;
  for (const auto& cloud : j.at("clouds")) {
    c.clouds.push_back({cloud.at("cloud_name"), cloud.value("cloud_description", ""),
                        cloud.value("provider", ""), cloud.value("geo_region", "")});
  }
  const json types = j.at("service_types");
  for (auto it = types.begin(); it != types.end(); ++it) {
    model::ServiceType t;
    t.name = it.key();
    t.description = it.value().value("description", "");
    if (it.value().contains("default_version")) t.default_version = it.value()["default_version"];
    for (const auto& p : it.value().at("service_plans")) {
      model::ServicePlan plan;
      plan.name = p.at("service_plan");
      plan.node_count = p.value("node_count", 0);
      const json regions = p.value("regions", json::object());
      for (auto r = regions.begin(); r != regions.end(); ++r) {
        plan.regions[r.key()] = {std::stod(r.value().at("price_usd").get<std::string>()),
                                 r.value().value("disk_space_mb", 0LL),
                                 r.value().value("node_memory_mb", 0LL)};
      }
      t.plans.push_back(std::move(plan));
    }
    t.user_config_schema = it.value().value("user_config_schema", json::object());
    c.service_types.emplace(t.name, std::move(t));
  }
  for (const auto& i : j.at("integration_types")) {
    c.integration_types.push_back(
        {i.at("integration_type"), i.at("source_service_types"), i.at("dest_service_types")});
  }
  return c;
}

const model::Catalog& TestCatalog() {
  static const model::Catalog catalog =
      CatalogFromJson(json::parse(ReadFile(SourceDir() + "/tests/testdata/diff/catalog.json")));
  return catalog;
}

const model::Catalog& AivenSchemaCatalog() {
  static const model::Catalog catalog = [] {
    model::Catalog c = TestCatalog();
    for (auto& [name, type] : c.service_types) {
      if (const auto* aiven = model::OfflineServiceSchema(name)) type.user_config_schema = *aiven;
    }
    return c;
  }();
  return catalog;
}

namespace {

model::Tags TagsOf(const json& j) {
  model::Tags tags;
  const json t = j.value("tags", json::object());
  for (auto it = t.begin(); it != t.end(); ++it) tags[it.key()] = it.value();
  if (j.contains("owned")) {
    tags["managed-by"] = "aivenctl";
    tags["aivenctl-plan"] = j["owned"].is_string() ? j["owned"].get<std::string>() : "test";
  }
  return tags;
}

std::pair<std::string, std::string> End(const std::string& label, const std::string& home) {
  auto slash = label.find('/');
  if (slash == std::string::npos) return {home, label};
  return {label.substr(0, slash), label.substr(slash + 1)};
}

model::LiveService ServiceFromJson(const json& j, const model::LiveProject& p) {
  model::LiveService s;
  s.name = j.at("name");
  s.project = p.name;
  s.type = j.at("type");
  s.plan = j.at("plan");
  s.cloud = j.value("cloud", p.default_cloud);
  s.state = j.value("state", "RUNNING");
  s.create_time = "2026-11-01T10:00:00Z";
  s.termination_protection = j.value("termination_protection", false);
  s.user_config = j.value("user_config", json::object());
  if (j.contains("maintenance")) {
    s.maintenance = model::Maintenance{j["maintenance"].at("dow"), j["maintenance"].at("time")};
  }
  if (j.contains("disk_space_mb")) s.disk_space_mb = j["disk_space_mb"].get<long long>();
  s.node_count = j.value("node_count", 1);
  s.project_vpc_id = j.value("project_vpc_id", "");
  s.tags = TagsOf(j);
  s.address = core::Address::Service(p.name, s.name);
  bool sql = s.type == "pg" || s.type == "mysql";
  s.users.push_back({"avnadmin", "primary", std::nullopt, json()});
  if (sql) s.databases.push_back({"defaultdb", std::nullopt, std::nullopt});
  for (const auto& u : j.value("users", json::array())) {
    model::LiveUser lu;
    lu.name = u.is_string() ? u.get<std::string>() : u.at("name").get<std::string>();
    lu.type = "regular";
    if (u.is_object() && u.contains("authentication")) lu.authentication = u["authentication"];
    lu.access_control = u.is_object() ? u.value("access_control", json()) : json();
    s.users.push_back(std::move(lu));
  }
  for (const auto& d : j.value("databases", json::array())) {
    model::LiveDatabase ld;
    ld.name = d.is_string() ? d.get<std::string>() : d.at("name").get<std::string>();
    if (d.is_object() && d.contains("lc_collate")) ld.lc_collate = d["lc_collate"];
    if (d.is_object() && d.contains("lc_ctype")) ld.lc_ctype = d["lc_ctype"];
    s.databases.push_back(std::move(ld));
  }
  for (const auto& p : j.value("pools", json::array())) {
    s.pools.push_back({p.at("name"), p.at("database"), p.value("user", ""), p.value("size", 10),
                       p.value("mode", "transaction")});
  }
  s.topics_read = s.type == "kafka";
  for (const auto& t : j.value("topics", json::array())) {
    model::LiveTopic lt;
    lt.name = t.at("name");
    lt.partitions = t.value("partitions", 1);
    lt.replication = t.value("replication", 3);
    lt.min_insync_replicas = t.value("min_insync_replicas", 1);
    lt.config = t.value("config", json::object());
    lt.tags = TagsOf(t);
    lt.description = t.value("description", "");
    lt.state = "ACTIVE";
    s.topics.push_back(std::move(lt));
  }
  // ACLs: Aiven's default entries on every kafka service, then "acls" /
  // "schema_registry_acls" as [{id, username, topic | resource, permission}].
  if (s.type == "kafka") {
    s.acls_read = s.schema_registry_acls_read = true;
    s.acls.push_back({"default", "avnadmin", "*", "admin"});
    s.schema_registry_acls.push_back(
        {"default-sr-admin-config", "avnadmin", "Config:", "schema_registry_write"});
  }
  for (const char* field : {"acls", "schema_registry_acls"}) {
    auto& out = std::string(field) == "acls" ? s.acls : s.schema_registry_acls;
    for (const auto& a : j.value(field, json::array())) {
      out.push_back({a.value("id", ""), a.at("username"), a.value("topic", a.value("resource", "")),
                     a.at("permission")});
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.Key() < b.Key(); });
  }
  s.schemas_read = j.contains("schemas");
  for (const auto& x : j.value("schemas", json::array())) {
    model::LiveSchema lx;
    lx.name = x.at("subject");
    lx.version = x.value("version", 1);
    lx.id = x.value("id", 1);
    lx.type = x.value("type", "AVRO");
    lx.schema = x.at("schema");
    if (x.contains("compatibility")) lx.compatibility = x["compatibility"];
    s.schemas.push_back(std::move(lx));
  }
  // "connectors": [{name, class, config, secret_keys}]; "connector_classes": [...] (read
  // by a plan's refresh where it declares connectors).
  s.connectors_read = j.contains("connectors");
  for (const auto& k : j.value("connectors", json::array())) {
    model::LiveConnector lk;
    lk.name = k.at("name");
    lk.class_name = k.value("class", "");
    lk.config = k.value("config", json::object());
    lk.secret_keys = k.value("secret_keys", std::vector<std::string>{});
    s.connectors.push_back(std::move(lk));
  }
  if (j.contains("connector_classes")) {
    s.connector_classes = j["connector_classes"].get<std::vector<std::string>>();
  }
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(s.connectors.begin(), s.connectors.end(), by_name);
  std::sort(s.schemas.begin(), s.schemas.end(), by_name);
  std::sort(s.users.begin(), s.users.end(), by_name);
  std::sort(s.databases.begin(), s.databases.end(), by_name);
  std::sort(s.topics.begin(), s.topics.end(), by_name);
  std::sort(s.pools.begin(), s.pools.end(), by_name);
  return s;
}

}  // namespace

model::LiveState LiveFromJson(const json& j) {
  model::LiveState live;
  for (const auto& pj : j.value("projects", json::array())) {
    model::LiveProject p;
    p.name = pj.at("name");
    p.default_cloud = pj.value("default_cloud", "google-europe-west1");
    p.tags = TagsOf(pj);
    p.address = core::Address::Project(p.name);
    for (const auto& sj : pj.value("services", json::array())) {
      p.services.push_back(ServiceFromJson(sj, p));
    }
    for (const auto& vj : pj.value("vpcs", json::array())) {
      p.vpcs.push_back(
          {vj.at("id"), vj.at("cloud"), vj.at("network_cidr"), vj.value("state", "ACTIVE")});
    }
    std::sort(p.services.begin(), p.services.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    if (pj.contains("endpoints")) p.endpoints_read = true;
    for (const auto& ej : pj.value("endpoints", json::array())) {
      p.endpoints.push_back(
          {ej.at("id"), ej.at("name"), ej.at("type"), ej.value("user_config", json::object())});
    }
    std::sort(p.endpoints.begin(), p.endpoints.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    live.projects.push_back(std::move(p));
  }
  std::sort(live.projects.begin(), live.projects.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  // Integrations are listed on both ends' services.
  for (const auto& pj : j.value("projects", json::array())) {
    for (const auto& ij : pj.value("integrations", json::array())) {
      model::LiveIntegration i;
      i.id = ij.at("id");
      i.type = ij.at("type");
      std::tie(i.source_project, i.source_service) = End(ij.at("source"), pj.at("name"));
      std::tie(i.dest_project, i.dest_service) = End(ij.at("dest"), pj.at("name"));
      i.active = i.enabled = true;
      // "@name": an endpoint end of the project (its id from the project's endpoints).
      for (auto* end : {&i.source_service, &i.dest_service}) {
        if (end->empty() || (*end)[0] != '@') continue;
        const std::string name = end->substr(1);
        const bool src = end == &i.source_service;
        (src ? i.source_endpoint : i.dest_endpoint) = name;
        for (const auto& ej : pj.value("endpoints", json::array())) {
          if (ej.at("name") == name)
            (src ? i.source_endpoint_id : i.dest_endpoint_id) = ej.at("id");
        }
        end->clear();
      }
      i.user_config = ij.value("user_config", json::object());
      for (auto& p : live.projects) {
        for (auto& s : p.services) {
          bool src = p.name == i.source_project && s.name == i.source_service;
          bool dst = p.name == i.dest_project && s.name == i.dest_service;
          if (src || dst) s.integrations.push_back(i);
        }
      }
    }
  }
  for (const auto& a : j.value("absent_projects", json::array())) {
    live.absent_projects.push_back(a);
  }
  return live;
}

model::Plan LoadPlan(const std::string& yaml) {
  core::MapEnvironment env(std::map<std::string, std::string>{
      {"PROM_PASSWORD", "not-a-real-password"},  // endpoint secret specs
      // A secret the connector specs read (`${env:PG_PASSWORD}`): never in a rendered changeset.
      {"PG_PASSWORD", "fixture-secret"}});
  loader::LoadOptions options;
  options.env = &env;
  loader::LoadResult r = loader::LoadPlanText("plan.yaml", yaml, options);
  if (!r.ok()) {
    ADD_FAILURE() << "plan does not load:\n"
                  << render::FormatDiagnostics(r.diagnostics, {}, render::TextStyle{});
    return model::Plan{};
  }
  return *r.plan;
}

std::string RenderOperations(const diff::Changeset& cs, bool requests) {
  std::string out;
  for (const auto& op : cs.operations) {
    out += "#" + std::to_string(op.id) + " " + diff::ActionName(op.action) + " " +
           op.address.ToString();
    if (op.gate != diff::Gate::kNone) out += std::string(" wait:") + diff::GateName(op.gate);
    out += " [";
    for (std::size_t i = 0; i < op.depends_on.size(); ++i) {
      out += (i ? "," : "") + std::to_string(op.depends_on[i]);
    }
    out += "]";
    if (requests) out += " " + diff::RequestToJson(op.request).dump();
    out += "\n";
  }
  return out;
}

std::string Render(const diff::PlanResult& r, bool ops) {
  std::string out = render::FormatDiagnostics(r.errors, {}, render::TextStyle{});
  if (!out.empty()) out += "--\n";
  out += render::FormatChangesetText(r.changeset, render::TextStyle{});
  if (ops) out += "--\n" + RenderOperations(r.changeset, true);
  return out;
}

}  // namespace aivenctl::difftest

namespace aivenctl::difftest {

core::TimePoint Now() { return *core::ParseTime("2026-11-28T12:00:00Z"); }

std::string RunCase(const Case& c) {
  model::Plan plan = LoadPlan(c.yaml);
  model::LiveState live = LiveFromJson(json::parse(c.live));
  diff::PlanResult r;
  if (c.destroy) {
    diff::DestroyOptions o;
    o.now = Now();
    o.force_unprotect = c.force_unprotect;
    r = diff::PlanDestroy(plan, live, TestCatalog(), o);
  } else {
    diff::PlanOptions o;
    o.now = Now();
    for (const auto& a : c.allow_replace) o.allow_replace.push_back(*core::Address::Parse(a));
    for (const auto& a : c.targets) o.targets.push_back(*core::Address::Parse(a));
    model::Catalog catalog = TestCatalog();
    if (c.no_integration_types) catalog.integration_types.clear();
    r = diff::Plan(plan, live, catalog, o);
  }
  std::string out = Render(r, c.ops);
  if (std::getenv("AIVENCTL_DIFF_DUMP") != nullptr) {
    std::printf("=== %s\n%s=== end\n", c.name.c_str(), out.c_str());
  }
  return out;
}

}  // namespace aivenctl::difftest
