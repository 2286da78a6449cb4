// Service users and databases (REFERENCE §5.5, §5.6).
#include "api_routes.h"
#include "lifecycle.h"
#include "names.h"
#include "service_view.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kTryLater = "An error occurred. Please try again later.";

std::string ChildPath(const Ctx& c, const char* kind, const std::string& name) {
  return Path({"projects", c.Param("project"), "services", c.Param("service_name"), kind, name});
}

/// Children can only be changed on a service that is up; Aiven answers 503 then.
const Json& RequireServing(const World& w, const Txn& t, const Ctx& c) {
  const Json& rec = RequireService(t.doc(), c.Param("project"), c.Param("service_name"));
  if (!ServiceServing(rec, w.clock.Now())) throw ApiError{503, kTryLater, "not_powered"};
  return rec;
}

Json ServiceBody(const World& w, const Ctx& c) {
  const double now = w.clock.Now();
  return w.store.Read([&](const Json& d) {
    const Json& rec = RequireService(d, c.Param("project"), c.Param("service_name"));
    return Json{{"service", ServiceView(w, d, c.Param("project"), rec, now, c.IncludeSecrets())},
                {"message", "updated"}};
  });
}

const Json& RequireUser(const Json& rec, const std::string& username) {
  const auto& users = rec.at("users");
  const auto it = users.find(username);
  if (it == users.end()) {
    throw ApiError{404, "User " + username + " with component main not found", "user_not_found"};
  }
  return *it;
}

void ResetPassword(World& w, Ctx& c, const std::string& new_password, const Json* access_control,
                   const std::string& authentication) {
  const std::string username = c.Param("service_username");
  w.store.Write([&](Txn& t) {
    const Json& rec = RequireService(t.doc(), c.Param("project"), c.Param("service_name"));
    Json user = RequireUser(rec, username);
    if (!new_password.empty() || !access_control) {
      user["password"] = new_password.empty() ? NewPassword() : new_password;
      user["password_updated_time"] = IsoTime(w.clock.Now());
    }
    if (access_control) user["access_control"] = *access_control;
    if (!authentication.empty()) user["authentication"] = authentication;
    t.Set(ChildPath(c, "users", username), user);
  });
}

void RegisterUserRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/service/{service_name}/user";
  r.Add("POST", base, [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string username = ReqString(body, "username");
    CheckUserName(username);
    const std::string auth = OptString(body, "authentication");
    if (!auth.empty() && auth != "caching_sha2_password" && auth != "mysql_native_password") {
      throw ApiError{400, "Invalid authentication '" + auth + "'", ""};
    }
    const Json* access_control = OptObject(body, "access_control");
    const Json user = w.store.Write([&](Txn& t) {
      const Json& rec = RequireServing(w, t, c);
      if (rec.at("users").contains(username)) {
        throw ApiError{409, "User '" + username + "' already exists", "user_already_exists"};
      }
      Json u = NewUser(username, rec.at("service_type"), false, w.clock.Now());
      if (!auth.empty()) u["authentication"] = auth;
      if (access_control) u["access_control"] = *access_control;
      t.Set(ChildPath(c, "users", username), u);
      return u;
    });
    c.Reply({{"user", UserView(user, /*include_secrets=*/true)}, {"message", "created"}});
  });
  r.Add("GET", base + "/{service_username}", [&w](Ctx& c) {
    const Json user = w.store.Read([&](const Json& d) {
      return RequireUser(RequireService(d, c.Param("project"), c.Param("service_name")),
                         c.Param("service_username"));
    });
    c.Reply({{"user", UserView(user, c.IncludeSecrets())}});
  });
  r.Add("DELETE", base + "/{service_username}", [&w](Ctx& c) {
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireService(t.doc(), c.Param("project"), c.Param("service_name"));
      const Json& user = RequireUser(rec, c.Param("service_username"));
      if (user.value("type", "") == "primary") {
        throw ApiError{400, "The primary user cannot be deleted", "username_is_reserved"};
      }
      t.Erase(ChildPath(c, "users", c.Param("service_username")));
    });
    c.Reply({{"message", "deleted"}});
  });
  r.Add("PUT", base + "/{service_username}", [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string op = ReqString(body, "operation");
    const std::string password = OptString(body, "new_password");
    if (!password.empty() && (password.size() < 8 || password.size() > 256)) {
      throw ApiError{400, "new_password must be 8-256 characters", ""};
    }
    if (op == "reset-credentials") {
      ResetPassword(w, c, password, nullptr, OptString(body, "authentication"));
    } else if (op == "set-access-control") {
      const Json* ac = OptObject(body, "access_control");
      if (!ac) throw ApiError{400, "Missing required field: access_control", ""};
      ResetPassword(w, c, "", ac, "");
    } else if (op == "acknowledge-renewal") {
      w.store.Read([&](const Json& d) {
        return RequireUser(RequireService(d, c.Param("project"), c.Param("service_name")),
                           c.Param("service_username"));
      });
    } else {
      throw ApiError{400,
                     "Invalid operation '" + op +
                         "': use reset-credentials, set-access-control or acknowledge-renewal",
                     ""};
    }
    c.Reply(ServiceBody(w, c));
  });
  r.Add("PUT", base + "/{service_username}/credentials/reset", [&w](Ctx& c) {
    ResetPassword(w, c, "", nullptr, "");
    c.Reply(ServiceBody(w, c));
  });
}

void RegisterDatabaseRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/service/{service_name}/db";
  const auto require_sql = [](const Json& rec) {
    if (!HasDatabases(rec.value("service_type", ""))) {
      throw ApiError{400, "Service type " + rec.value("service_type", "") + " has no databases",
                     ""};
    }
  };
  r.Add("GET", base, [&w, require_sql](Ctx& c) {
    const double now = w.clock.Now();
    const Json dbs = w.store.Read([&](const Json& d) {
      const Json& rec = RequireService(d, c.Param("project"), c.Param("service_name"));
      require_sql(rec);
      if (!ServiceServing(rec, now)) throw ApiError{503, kTryLater, ""};
      Json out = Json::array();
      for (const auto& [name, db] : rec.at("databases").items()) out.push_back(db);
      return out;
    });
    c.Reply({{"databases", dbs}});
  });
  r.Add("POST", base, [&w, require_sql](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = ReqString(body, "database");
    CheckDatabaseName(name);
    const std::string collate = OptString(body, "lc_collate", "en_US.UTF-8");
    const std::string ctype = OptString(body, "lc_ctype", "en_US.UTF-8");
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireServing(w, t, c);
      require_sql(rec);
      if (rec.at("databases").contains(name)) {
        throw ApiError{409, "Database '" + name + "' already exists", "database_already_exists"};
      }
      t.Set(ChildPath(c, "databases", name),
            {{"database_name", name}, {"lc_collate", collate}, {"lc_ctype", ctype}});
    });
    c.Reply({{"message", "created"}});
  });
  r.Add("DELETE", base + "/{dbname}", [&w](Ctx& c) {
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireService(t.doc(), c.Param("project"), c.Param("service_name"));
      if (!rec.at("databases").contains(c.Param("dbname"))) {
        throw ApiError{404, "Database " + c.Param("dbname") + " does not exist",
                       "database_not_found"};
      }
      t.Erase(ChildPath(c, "databases", c.Param("dbname")));
    });
    c.Reply({{"message", "deleted"}});
  });
}

}  // namespace

void RegisterUserAndDatabaseRoutes(Router& r, World& w) {
  RegisterUserRoutes(r, w);
  RegisterDatabaseRoutes(r, w);
}

}  // namespace aivenctl::emulator
