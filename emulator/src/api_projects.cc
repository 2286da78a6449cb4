// Projects, project tags and organizations (REFERENCE §5.2).
#include "api_routes.h"
#include "names.h"
#include "project_ca.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kDefaultOrg = "org4f9e1a2b3c4d";
constexpr const char* kDefaultAccount = "a4f9e1a2b3c4";
constexpr const char* kDefaultCloud = "google-europe-west1";

std::string ProjectPath(const std::string& p) { return Path({"projects", p}); }

Json ProjectObject(const Json& entry) {
  Json p = entry.at("project");
  p["tags"] = entry.value("tags", Json::object());
  return p;
}

Json Organization(const std::string& id, const std::string& account, double created) {
  return {{"organization_id", id},
          {"organization_name", id == kDefaultOrg ? "Emulated Organization" : "Organization " + id},
          {"account_id", account},
          {"tier", "business"},
          {"create_time", IsoTime(created)},
          {"update_time", IsoTime(created)}};
}

void CheckTechEmails(const Json& body) {
  if (const Json* emails = OptArray(body, "tech_emails")) {
    if (emails->size() > 10) throw ApiError{400, "tech_emails: at most 10 addresses", ""};
    for (const auto& e : *emails) {
      if (!e.is_object() || !e.contains("email") || !e["email"].is_string()) {
        throw ApiError{400, "Invalid input for tech_emails: expected [{\"email\": \"...\"}]", ""};
      }
    }
  }
}

void CheckCloud(const World& w, const std::string& cloud) {
  if (!cloud.empty() && !w.catalog.HasCloud(cloud)) {
    throw ApiError{400, "Invalid cloud name '" + cloud + "'", "cloud_not_found"};
  }
}

void CreateProject(World& w, Ctx& c) {
  const Json& body = c.Object();
  const std::string name = ReqString(body, "project");
  CheckProjectName(name);
  const std::string cloud = OptString(body, "cloud", kDefaultCloud);
  CheckCloud(w, cloud);
  CheckTechEmails(body);
  Json tags = Json::object();
  if (const Json* t = OptObject(body, "tags")) {
    CheckTags(*t, false);
    tags = *t;
  }
  // avn sends --parent-id as parent_id (an account or organization id); older
  // clients send account_id.
  std::string parent = OptString(body, "parent_id", OptString(body, "account_id"));
  std::string org = kDefaultOrg, account = kDefaultAccount;
  if (parent.rfind("org", 0) == 0) {
    org = parent;
  } else if (!parent.empty()) {
    account = parent;
  }
  const std::string billing_group =
      OptString(body, "billing_group_id", "c7a0fb4e-2f0b-4a8f-9e1f-3b5d6c7e8f90");
  const double now = w.clock.Now();
  const Json project = w.store.Write([&](Txn& t) {
    if (t.Find(ProjectPath(name))) {
      throw ApiError{409, "Project '" + name + "' already exists", "project_already_exists"};
    }
    Json effective_tags = tags;
    const std::string copy_from = OptString(body, "copy_from_project");
    if (!copy_from.empty()) {
      const Json* src = t.Find(ProjectPath(copy_from));
      if (!src) throw ApiError{404, "Project does not exist", "project_not_found"};
      if (OptBool(body, "copy_tags", false)) {
        Json merged = src->value("tags", Json::object());
        merged.update(tags);
        effective_tags = merged;
      }
    }
    Json p{{"project_name", name},
           {"account_id", account},
           {"account_name", "Emulated Account"},
           {"organization_id", org},
           {"default_cloud", cloud},
           {"billing_group_id", billing_group},
           {"billing_group_name", "Default billing group"},
           {"billing_address", ""},
           {"billing_emails", Json::array()},
           {"billing_currency", "USD"},
           {"billing_extra_text", ""},
           {"country", "Finland"},
           {"country_code", "FI"},
           {"estimated_balance", "0.00"},
           {"available_credits", "0.00"},
           {"payment_method", "no_payment_expected"},
           {"vat_id", ""},
           {"tenant_id", "aiven"},
           {"features", Json::object()},
           {"tech_emails", body.contains("tech_emails") && body["tech_emails"].is_array()
                               ? body["tech_emails"]
                               : Json::array()},
           {"end_of_life_extension", Json::object()},
           {"create_time", IsoTime(now)}};
    t.Set(ProjectPath(name), Json{{"project", p},
                                  {"tags", effective_tags},
                                  {"services", Json::object()},
                                  {"integrations", Json::object()},
                                  {"endpoints", Json::object()},
                                  {"vpcs", Json::object()}});
    if (!t.Find(Path({"organizations", org}))) {
      t.Set(Path({"organizations", org}), Organization(org, account, now));
    }
    return ProjectObject(*t.Find(ProjectPath(name)));
  });
  c.Reply({{"project", project}, {"message", "created"}});
}

void UpdateProject(World& w, Ctx& c) {
  const Json& body = c.Object();
  const std::string name = c.Param("project");
  const std::string new_name = OptString(body, "project_name", name);
  CheckProjectName(new_name);
  const std::string cloud = OptString(body, "cloud");
  CheckCloud(w, cloud);
  CheckTechEmails(body);
  if (const Json* t = OptObject(body, "tags")) CheckTags(*t, false);
  const Json project = w.store.Write([&](Txn& t) {
    const Json* entry = t.Find(ProjectPath(name));
    if (!entry) throw ApiError{404, "Project does not exist", "project_not_found"};
    Json updated = *entry;
    Json& p = updated["project"];
    if (!cloud.empty()) p["default_cloud"] = cloud;
    for (const char* key : {"billing_group_id", "account_id"}) {
      const std::string v = OptString(body, key);
      if (!v.empty()) p[key] = v;
    }
    if (body.contains("tech_emails") && body["tech_emails"].is_array()) {
      p["tech_emails"] = body["tech_emails"];
    }
    if (const Json* tags = OptObject(body, "tags")) updated["tags"] = *tags;
    if (new_name != name) {
      if (t.Find(ProjectPath(new_name))) {
        throw ApiError{409, "Project '" + new_name + "' already exists", "project_already_exists"};
      }
      p["project_name"] = new_name;
      t.Erase(ProjectPath(name));
    }
    t.Set(ProjectPath(new_name), updated);
    if (new_name != name) {
      // Integrations anywhere (cross-project ones live in the other project) follow.
      const Json projects = t.doc().at("projects");  // a copy: t.Set changes the document
      for (const auto& [other, entry] : projects.items()) {
        for (const auto& [id, integ] : entry.at("integrations").items()) {
          for (const char* end : {"source_project", "dest_project"}) {
            if (integ.value(end, "") == name) {
              t.Set(Path({"projects", other, "integrations", id, end}), new_name);
            }
          }
        }
      }
    }
    return ProjectObject(updated);
  });
  c.Reply({{"project", project}, {"message", "updated"}});
}

void DeleteProject(World& w, Ctx& c) {
  const std::string name = c.Param("project");
  w.store.Write([&](Txn& t) {
    const Json* entry = t.Find(ProjectPath(name));
    if (!entry) throw ApiError{404, "Project does not exist", "project_not_found"};
    const size_t services = entry->at("services").size();
    if (services > 0) {
      // Assumed rule (the real API's exact answer is undocumented): refuse, name why.
      throw ApiError{409,
                     "Project " + name + " still has " + std::to_string(services) +
                         " service(s); delete them before deleting the project",
                     "project_has_services"};
    }
    t.Erase(ProjectPath(name));
  });
  c.Reply({{"message", "deleted"}});
}

}  // namespace

void RegisterProjectRoutes(Router& r, World& w) {
  r.Add("GET", "/v1/project", [&w](Ctx& c) {
    const Json body = w.store.Read([](const Json& d) {
      Json projects = Json::array(), membership = Json::object(), memberships = Json::object();
      for (const auto& [name, entry] : d.at("projects").items()) {
        projects.push_back(ProjectObject(entry));
        membership[name] = "admin";
        memberships[name] = Json::array({"admin"});
      }
      return Json{{"projects", projects},
                  {"project_membership", membership},
                  {"project_memberships", memberships}};
    });
    c.Reply(body);
  });
  r.Add("POST", "/v1/project", [&w](Ctx& c) { CreateProject(w, c); });
  r.Add("GET", "/v1/project/{project}", [&w](Ctx& c) {
    const Json p = w.store.Read([&](const Json& d) {
      RequireProject(d, c.Param("project"));
      return ProjectObject(d["projects"][c.Param("project")]);
    });
    c.Reply({{"project", p}});
  });
  r.Add("PUT", "/v1/project/{project}", [&w](Ctx& c) { UpdateProject(w, c); });
  r.Add("DELETE", "/v1/project/{project}", [&w](Ctx& c) { DeleteProject(w, c); });
  AddTagRoutes(r, w, "/v1/project/{project}/tags", [](const Json& d, const Ctx& c) {
    RequireProject(d, c.Param("project"));
    return Path({"projects", c.Param("project"), "tags"});
  });
  r.Add("GET", "/v1/project/{project}/kms/ca", [&w](Ctx& c) {
    w.store.Read([&](const Json& d) {
      RequireProject(d, c.Param("project"));
      return 0;
    });
    c.Reply({{"certificate", ProjectCaPem()}});
  });
  r.Add("GET", "/v1/organization/{organization_id}", [&w](Ctx& c) {
    const std::string id = c.Param("organization_id");
    const Json org = w.store.Read([&](const Json& d) {
      const auto& orgs = d.at("organizations");
      if (orgs.contains(id)) return orgs.at(id);
      if (id == kDefaultOrg) return Organization(id, kDefaultAccount, 1767225600.0);
      throw ApiError{404, "Organization not found", "organization_not_found"};
    });
    c.Reply(org);
  });
}

}  // namespace aivenctl::emulator
