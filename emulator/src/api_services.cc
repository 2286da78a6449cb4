// Services: list, get, create, update, delete, type change, tags (REFERENCE §5.4).
#include <cmath>

#include "api_routes.h"
#include "lifecycle.h"
#include "names.h"
#include "schema_marks.h"
#include "service_view.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kProtected =
    "Service is protected against termination and shutdown. Remove termination protection first.";

std::string ServicePath(const std::string& p, const std::string& s) {
  return Path({"projects", p, "services", s});
}

void CheckPlan(const World& w, const std::string& type, const std::string& plan) {
  if (!w.catalog.Plan(type, plan)) {
    throw ApiError{400, "Invalid plan '" + plan + "' for service type '" + type + "'", ""};
  }
}

void CheckUserConfig(const World& w, const std::string& type, const Json& config) {
  if (auto problem = w.catalog.CheckUserConfig(type, config)) throw ApiError{400, *problem, ""};
}

/// A number in [0, 1) fixed by the seed, the project and the service name: the same
/// service builds equally long in every run with the same --seed, whatever the order of
/// requests (splitmix64 over FNV-1a).
double Uniform(uint64_t seed, const std::string& project, const std::string& service) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char ch : project + "/" + service) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  uint64_t z = h + seed * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) / 9007199254740992.0;  // 2^53
}

/// --build-seconds x the catalog's type/plan multiplier x (1 +- --build-jitter).
double BuildSeconds(const World& w, const std::string& type, const std::string& plan,
                    const std::string& project, const std::string& service) {
  const double jitter = w.opts.build_jitter * (2 * Uniform(w.opts.seed, project, service) - 1);
  return w.opts.build_seconds * w.catalog.BuildMultiplier(type, plan) * (1 + jitter);
}

int64_t CheckDisk(const World& w, const std::string& type, const std::string& plan,
                  int64_t requested) {
  const Json* p = w.catalog.Plan(type, plan);
  const int64_t base = p ? p->value("disk_space_mb", int64_t{0}) : 0;
  const int64_t cap = p ? p->value("disk_space_cap_mb", base) : base;
  if (requested <= 0) return base;
  if (requested < base || (cap > 0 && requested > cap)) {
    throw ApiError{400,
                   "disk_space_mb must be between " + std::to_string(base) + " and " +
                       std::to_string(cap) + " for plan " + plan,
                   ""};
  }
  return requested;
}

/// Null-valued keys remove themselves (REFERENCE §8: null = absent).
Json StripNulls(const Json& config) { return MergeTopLevel(Json::object(), config); }

std::string ResolveVpc(const Json& body, const Json& project_entry, const std::string& cloud,
                       double now) {
  const auto it = body.find("project_vpc_id");
  const Json& vpcs = project_entry.at("vpcs");
  if (it == body.end()) {
    // Absent key: placed in the project's VPC in that cloud, if there is one.
    for (const auto& [id, vpc] : vpcs.items()) {
      // VPC records hold no "state": it is ACTIVE from active_at until deleted (api_vpcs.cc).
      const bool active = !vpc.contains("deleted_at") && now >= vpc.value("active_at", 0.0);
      if (vpc.value("cloud_name", "") == cloud && active) return id;
    }
    return "";
  }
  if (it->is_null()) return "";
  if (!it->is_string())
    throw ApiError{400, "Invalid input for project_vpc_id: expected a string", ""};
  const std::string id = *it;
  if (!vpcs.contains(id) || vpcs[id].contains("deleted_at"))
    throw ApiError{404, "Project VPC does not exist", "project_vpc_not_found"};
  if (vpcs[id].value("cloud_name", "") != cloud) {
    throw ApiError{400, "Project VPC " + id + " is not in cloud " + cloud, ""};
  }
  if (now < vpcs[id].value("active_at", 0.0)) {
    throw ApiError{400, "Project VPC " + id + " is not active yet (state APPROVED)", ""};
  }
  return id;
}

/// The service in `rec` leaves its VPC (deleted or moved out): Aiven holds the VPC a while
/// longer (its delete answers 409 until the VMs are gone).
void HoldVpc(World& w, Txn& t, const std::string& project, const Json& rec, double now) {
  const Json id = rec.value("project_vpc_id", Json());
  if (!id.is_string()) return;
  const std::string path = Path({"projects", project, "vpcs", id.get<std::string>()});
  const Json* vpc = t.Find(path);
  if (vpc == nullptr) return;
  Json held = *vpc;
  held["held_until"] = now + w.opts.vpc_release_seconds;
  t.Set(path, held);
}

Json Reply(const World& w, const std::string& project, const std::string& service, Ctx& c,
           const char* message = nullptr) {
  const double now = w.clock.Now();
  Json view = w.store.Read([&](const Json& d) {
    return ServiceView(w, d, project, RequireService(d, project, service), now, c.IncludeSecrets());
  });
  Json body{{"service", view}};
  if (message) body["message"] = message;
  return body;
}

void CreateService(World& w, Ctx& c) {
  const Json& body = c.Object();
  const std::string project = c.Param("project");
  const std::string name = ReqString(body, "service_name");
  const std::string type = ReqString(body, "service_type");
  const std::string plan = ReqString(body, "plan");
  CheckServiceName(name);
  if (!w.catalog.HasServiceType(type)) {
    throw ApiError{400, "Invalid service type '" + type + "'", "service_type_not_found"};
  }
  CheckPlan(w, type, plan);
  Json user_config = Json::object();
  if (const Json* uc = OptObject(body, "user_config")) user_config = StripNulls(*uc);
  CheckUserConfig(w, type, user_config);
  // Like Aiven: admin_password sets the primary user's password at creation and is not
  // kept in user_config.
  std::string admin_password;
  if (user_config.contains("admin_password") && user_config["admin_password"].is_string()) {
    admin_password = user_config["admin_password"].get<std::string>();
    user_config.erase("admin_password");
  }
  Json maintenance = Json::object();
  if (const Json* m = OptObject(body, "maintenance")) {
    CheckMaintenance(*m);
    maintenance = *m;
  }
  Json tags = Json::object();
  if (const Json* t = OptObject(body, "tags")) {
    CheckTags(*t, false);
    tags = *t;
  }
  const Json* integrations = OptArray(body, "service_integrations");
  const bool protection = OptBool(body, "termination_protection", false);
  const int64_t disk = CheckDisk(w, type, plan, OptInt(body, "disk_space_mb", 0));
  const double now = w.clock.Now();
  w.store.Write([&](Txn& t) {
    const Json* entry = t.Find(Path({"projects", project}));
    if (!entry) throw ApiError{404, "Project does not exist", "project_not_found"};
    if (entry->at("services").contains(name)) {
      throw ApiError{409, "Service '" + name + "' already exists", "service_already_exists"};
    }
    std::string cloud = OptString(body, "cloud");
    if (cloud.empty()) cloud = entry->at("project").value("default_cloud", "");
    if (!w.catalog.HasCloud(cloud)) {
      throw ApiError{400, "Invalid cloud name '" + cloud + "'", "cloud_not_found"};
    }
    const std::string vpc = ResolveVpc(body, *entry, cloud, now);
    Json users = Json::object();
    users[PrimaryUser(type)] = NewUser(PrimaryUser(type), type, true, now);
    if (!admin_password.empty()) users[PrimaryUser(type)]["password"] = admin_password;
    Json dbs = Json::object();
    if (HasDatabases(type)) {
      dbs["defaultdb"] = {{"database_name", "defaultdb"},
                          {"lc_collate", "en_US.UTF-8"},
                          {"lc_ctype", "en_US.UTF-8"}};
    }
    Json record{{"service_name", name},
                {"service_type", type},
                {"plan", plan},
                {"cloud_name", cloud},
                {"project_vpc_id", vpc.empty() ? Json() : Json(vpc)},
                {"create_time", now},
                {"update_time", now},
                {"build_start", now},
                {"ready_at", now + BuildSeconds(w, type, plan, project, name)},
                {"rebalance_start", 0},
                {"rebalance_until", 0},
                {"powered", true},
                {"node_count", w.catalog.NodeCount(type, plan)},
                {"disk_space_mb", disk},
                {"termination_protection", protection},
                {"user_config", user_config},
                {"maintenance", maintenance},
                {"tags", tags},
                {"tech_emails", body.contains("tech_emails") && body["tech_emails"].is_array()
                                    ? body["tech_emails"]
                                    : Json::array()},
                {"users", users},
                {"databases", dbs},
                {"topics", Json::object()}};
    if (type == "kafka") {
      record["acl"] = DefaultAcls();
      record["schema_registry_acl"] = DefaultSchemaRegistryAcls();
    }
    t.Set(ServicePath(project, name), record);
    if (integrations) {
      for (const Json& spec : *integrations) {
        Json full = spec;
        if (!full.contains("dest_service") || full["dest_service"].is_null()) {
          full["dest_service"] = name;
        }
        CreateIntegration(w, t, project, full, now);
      }
    }
  });
  c.Reply(Reply(w, project, name, c, "created"));
}

void UpdateService(World& w, Ctx& c) {
  const Json& body = c.Object();
  const std::string project = c.Param("project");
  const std::string name = c.Param("service_name");
  const double now = w.clock.Now();
  w.store.Write([&](Txn& t) {
    const Json* found = t.Find(ServicePath(project, name));
    if (!found) RequireService(t.doc(), project, name);  // throws the right 404
    Json r = *found;
    const std::string type = r["service_type"];
    const std::string state = ServiceState(r, now);
    bool rebalance = false;
    if (body.contains("termination_protection")) {
      r["termination_protection"] = OptBool(body, "termination_protection", false);
    }
    if (const std::string plan = OptString(body, "plan"); !plan.empty() && plan != r["plan"]) {
      CheckPlan(w, type, plan);
      r["plan"] = plan;
      r["node_count"] = w.catalog.NodeCount(type, plan);
      r["disk_space_mb"] = CheckDisk(w, type, plan, 0);
      rebalance = true;
    }
    bool cloud_changed = false;
    if (const std::string cloud = OptString(body, "cloud");
        !cloud.empty() && cloud != r["cloud_name"]) {
      if (!w.catalog.HasCloud(cloud)) throw ApiError{400, "Invalid cloud name '" + cloud + "'", ""};
      r["cloud_name"] = cloud;
      rebalance = true;
      cloud_changed = true;
    }
    if (body.contains("disk_space_mb")) {
      const int64_t disk = CheckDisk(w, type, r["plan"], OptInt(body, "disk_space_mb", 0));
      if (disk != r.value("disk_space_mb", int64_t{0})) rebalance = true;
      r["disk_space_mb"] = disk;
    }
    if (const Json* uc = OptObject(body, "user_config")) {
      Json merged = MergeTopLevel(r["user_config"], *uc);
      CheckUserConfig(w, type, merged);
      if (const Json* schema = w.catalog.UserConfigSchema(type)) {
        if (auto err = CheckCreateOnly(*schema, r["user_config"], merged, "user_config")) {
          throw ApiError{400, *err, ""};
        }
      }
      r["user_config"] = merged;
    }
    if (const Json* m = OptObject(body, "maintenance")) {
      CheckMaintenance(*m);
      r["maintenance"].update(*m);
    }
    if (body.contains("tech_emails") && body["tech_emails"].is_array()) {
      r["tech_emails"] = body["tech_emails"];
    }
    // A VPC belongs to one cloud: after a move without an explicit project_vpc_id the
    // service lands in the new cloud's VPC, if any (the "key absent" rule).
    if (body.contains("project_vpc_id") || cloud_changed) {
      const Json* entry = t.Find(Path({"projects", project}));
      const std::string vpc = ResolveVpc(body, *entry, r["cloud_name"], now);
      const Json to = vpc.empty() ? Json() : Json(vpc);
      if (r.value("project_vpc_id", Json()) != to) {  // a migration: rebuilt in place
        HoldVpc(w, t, project, r, now);
        r["project_vpc_id"] = to;
        rebalance = true;
      }
    }
    if (body.contains("powered")) {
      const bool powered = OptBool(body, "powered", true);
      if (!powered && r.value("powered", true)) {
        if (r.value("termination_protection", false)) throw ApiError{403, kProtected, ""};
        r["powered"] = false;
      } else if (powered && !r.value("powered", true)) {
        r["powered"] = true;
        r["build_start"] = now;
        r["ready_at"] = now + BuildSeconds(w, type, r["plan"], project, name);
        rebalance = false;
      }
    }
    if (rebalance && state != "REBUILDING" && r.value("powered", true)) {
      r["rebalance_start"] = now;
      r["rebalance_until"] = now + w.opts.rebalance_seconds;
    }
    r["update_time"] = now;
    t.Set(ServicePath(project, name), r);
  });
  c.Reply(Reply(w, project, name, c, "updated"));
}

void DeleteService(World& w, Ctx& c) {
  const std::string project = c.Param("project");
  const std::string name = c.Param("service_name");
  w.store.Write([&](Txn& t) {
    const Json& r = RequireService(t.doc(), project, name);
    if (r.value("termination_protection", false)) throw ApiError{403, kProtected, ""};
    // Users, databases and topics live inside the record and go with it.
    EraseIntegrationsOfService(t, project, name);
    HoldVpc(w, t, project, r, w.clock.Now());
    t.Erase(ServicePath(project, name));
  });
  c.Reply({{"message", "deleted"}});
}

}  // namespace

void RegisterServiceRoutes(Router& r, World& w) {
  const std::string svc = "/v1/project/{project}/service/{service_name}";
  r.Add("GET", "/v1/project/{project}/service", [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json list = w.store.Read([&](const Json& d) {
      RequireProject(d, c.Param("project"));
      Json out = Json::array();
      for (const auto& [name, rec] : d["projects"][c.Param("project")]["services"].items()) {
        out.push_back(ServiceView(w, d, c.Param("project"), rec, now, c.IncludeSecrets()));
      }
      return out;
    });
    c.Reply({{"services", list}});
  });
  r.Add("POST", "/v1/project/{project}/service", [&w](Ctx& c) { CreateService(w, c); });
  r.Add("GET", svc,
        [&w](Ctx& c) { c.Reply(Reply(w, c.Param("project"), c.Param("service_name"), c)); });
  r.Add("PUT", svc, [&w](Ctx& c) { UpdateService(w, c); });
  r.Add("DELETE", svc, [&w](Ctx& c) { DeleteService(w, c); });
  r.Add("PATCH", svc + "/service_type", [&w](Ctx& c) {
    const std::string to = ReqString(c.Object(), "service_type");
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireService(t.doc(), c.Param("project"), c.Param("service_name"));
      if (!(rec.value("service_type", "") == "redis" && to == "valkey")) {
        throw ApiError{400,
                       "Changing service type from " + rec.value("service_type", "") + " to " + to +
                           " is not allowed",
                       "service_type_not_allowed"};
      }
      t.Set(ServicePath(c.Param("project"), c.Param("service_name")) + "/service_type", to);
    });
    c.Reply(Reply(w, c.Param("project"), c.Param("service_name"), c, "updated"));
  });
  AddTagRoutes(r, w, svc + "/tags", [](const Json& d, const Ctx& c) {
    RequireService(d, c.Param("project"), c.Param("service_name"));
    return ServicePath(c.Param("project"), c.Param("service_name")) + "/tags";
  });
}

}  // namespace aivenctl::emulator
