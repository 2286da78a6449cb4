// PgBouncer connection pools (pg) and ClickHouse databases (REFERENCE §5.6 and the
// ServicePGBouncer* / ServiceClickHouseDatabase* operations of Aiven's description).
//
// Service record additions:
//   pools/<name>          {pool_name, database, username?, pool_size, pool_mode}
//   ch_databases/<name>   {name, engine, required, created_at, ready_at, delete_at?}
#include "api_pools.h"

#include <algorithm>
#include <cstdlib>

#include "api_routes.h"
#include "lifecycle.h"
#include "service_view.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kTryLater = "An error occurred. Please try again later.";

std::string RecordPath(const Ctx& c, const char* kind, const std::string& name) {
  return Path({"projects", c.Param("project"), "services", c.Param("service_name"), kind, name});
}

const Json& RequireServingType(const World& w, const Json& doc, const Ctx& c,
                               const std::string& type, const char* what) {
  const Json& rec = RequireService(doc, c.Param("project"), c.Param("service_name"));
  if (rec.value("service_type", "") != type) {
    throw ApiError{
        400, "Service type " + rec.value("service_type", "") + " does not support " + what, ""};
  }
  if (!ServiceServing(rec, w.clock.Now())) throw ApiError{503, kTryLater, ""};
  return rec;
}

// --- Pools ---------------------------------------------------------------------------------

void CheckPoolFields(const World& w, const Json& rec, const Json& pool) {
  const std::string database = pool.value("database", "");
  if (!rec.value("databases", Json::object()).contains(database)) {
    throw ApiError{400, "Database '" + database + "' does not exist", "database_not_found"};
  }
  const std::string username = pool.value("username", "");
  if (!username.empty() && !rec.value("users", Json::object()).contains(username)) {
    throw ApiError{400, "User '" + username + "' does not exist", "user_not_found"};
  }
  const std::string mode = pool.value("pool_mode", "transaction");
  if (mode != "session" && mode != "transaction" && mode != "statement") {
    throw ApiError{400, "Invalid pool_mode '" + mode + "': use session, transaction or statement",
                   ""};
  }
  const int64_t size = pool.value("pool_size", int64_t{10});
  const std::string plan = rec.value("plan", "");
  const int max = MaxPoolSize(w, rec);
  if (max == 0) {
    throw ApiError{400, "Connection pooling is not available on plan '" + plan + "'", ""};
  }
  if (size < 1 || size > max) {
    throw ApiError{
        400, "pool_size must be between 1 and " + std::to_string(max) + " on plan '" + plan + "'",
        ""};
  }
}

void RegisterPoolRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/service/{service_name}/connection_pool";
  r.Add("POST", base, [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = ReqString(body, "pool_name");
    if (name.empty() || name.size() > 63) {
      throw ApiError{400, "pool_name must be 1-63 characters", ""};
    }
    Json pool{{"pool_name", name},
              {"database", ReqString(body, "database")},
              {"pool_size", OptInt(body, "pool_size", 10)},
              {"pool_mode", OptString(body, "pool_mode", "transaction")}};
    if (const std::string user = OptString(body, "username"); !user.empty()) {
      pool["username"] = user;
    }
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireServingType(w, t.doc(), c, "pg", "connection pools");
      if (rec.value("pools", Json::object()).contains(name)) {
        throw ApiError{409, "Connection pool '" + name + "' already exists",
                       "connection_pool_already_exists"};
      }
      CheckPoolFields(w, rec, pool);
      t.Set(RecordPath(c, "pools", name), pool);
    });
    c.Reply({{"message", "created"}});
  });
  r.Add("PUT", base + "/{pool_name}", [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = c.Param("pool_name");
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireServingType(w, t.doc(), c, "pg", "connection pools");
      const Json pools = rec.value("pools", Json::object());
      if (!pools.contains(name)) {
        throw ApiError{404, "Connection pool '" + name + "' does not exist",
                       "connection_pool_not_found"};
      }
      Json pool = pools.at(name);
      if (const std::string db = OptString(body, "database"); !db.empty()) pool["database"] = db;
      if (body.contains("username") && body["username"].is_null()) {
        pool.erase("username");  // avn connection-pool-update sends null to clear it
      } else if (const std::string user = OptString(body, "username"); !user.empty()) {
        pool["username"] = user;
      }
      if (body.contains("pool_size") && !body["pool_size"].is_null()) {
        pool["pool_size"] = OptInt(body, "pool_size", 10);
      }
      if (const std::string mode = OptString(body, "pool_mode"); !mode.empty()) {
        pool["pool_mode"] = mode;
      }
      CheckPoolFields(w, rec, pool);
      t.Set(RecordPath(c, "pools", name), pool);
    });
    c.Reply({{"message", "updated"}});
  });
  r.Add("DELETE", base + "/{pool_name}", [&w](Ctx& c) {
    const std::string name = c.Param("pool_name");
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireService(t.doc(), c.Param("project"), c.Param("service_name"));
      if (!rec.value("pools", Json::object()).contains(name)) {
        throw ApiError{404, "Connection pool '" + name + "' does not exist",
                       "connection_pool_not_found"};
      }
      t.Erase(RecordPath(c, "pools", name));
    });
    c.Reply({{"message", "deleted"}});
  });
}

// --- ClickHouse databases ------------------------------------------------------------------

// "pending_creation" -> "ok"; after a delete "pending_removal" -> gone ("" here).
std::string DatabaseState(const Json& db, double now) {
  if (db.contains("delete_at")) return now < db.value("delete_at", 0.0) ? "pending_removal" : "";
  return now < db.value("ready_at", 0.0) ? "pending_creation" : "ok";
}

void RegisterClickhouseDatabaseRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/service/{service_name}/clickhouse/db";
  r.Add("GET", base, [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json dbs = w.store.Read([&](const Json& d) {
      const Json& rec = RequireServingType(w, d, c, "clickhouse", "ClickHouse databases");
      Json out = Json::array();
      const Json all = ClickhouseDatabases(rec);  // named: items() of a temporary dangles
      for (const auto& [name, db] : all.items()) {
        const std::string state = DatabaseState(db, now);
        if (state.empty()) continue;
        out.push_back({{"name", name},
                       {"engine", db.value("engine", "Atomic")},
                       {"required", db.value("required", false)},
                       {"state", state}});
      }
      return out;
    });
    c.Reply({{"databases", dbs}});
  });
  r.Add("POST", base, [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = ReqString(body, "database");
    if (name.empty() || name.size() > 40) {
      throw ApiError{400, "database must be 1-40 characters", ""};
    }
    const double now = w.clock.Now();
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireServingType(w, t.doc(), c, "clickhouse", "ClickHouse databases");
      const Json dbs = ClickhouseDatabases(rec);
      if (dbs.contains(name) && !DatabaseState(dbs.at(name), now).empty()) {
        throw ApiError{409, "Database '" + name + "' already exists", "database_already_exists"};
      }
      t.Set(RecordPath(c, "ch_databases", name), {{"name", name},
                                                  {"engine", "Atomic"},
                                                  {"required", false},
                                                  {"created_at", now},
                                                  {"ready_at", now + w.opts.database_seconds}});
    });
    c.Reply({{"message", "created"}});
  });
  r.Add("DELETE", base + "/{database}", [&w](Ctx& c) {
    const std::string name = c.Param("database");
    const double now = w.clock.Now();
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireServingType(w, t.doc(), c, "clickhouse", "ClickHouse databases");
      const Json dbs = ClickhouseDatabases(rec);
      if (!dbs.contains(name) || DatabaseState(dbs.at(name), now).empty()) {
        throw ApiError{404, "Database '" + name + "' does not exist", "database_not_found"};
      }
      Json db = dbs.at(name);
      if (db.value("required", false)) {
        throw ApiError{400, "Database '" + name + "' is required and cannot be deleted", ""};
      }
      if (db.contains("delete_at")) return;  // already going
      db["delete_at"] = now + w.opts.database_seconds;
      t.Set(RecordPath(c, "ch_databases", name), db);
    });
    c.Reply({{"message", "deleted"}});
  });
}

}  // namespace

int MaxPoolSize(const World& w, const Json& rec) {
  const Json* plan = w.catalog.Plan(rec.value("service_type", ""), rec.value("plan", ""));
  if (plan == nullptr) return 0;
  const Json region =
      plan->value("regions", Json::object()).value(rec.value("cloud_name", ""), Json::object());
  const int64_t gib = region.value("node_memory_mb", int64_t{0}) / 1024;
  if (gib < 4) return 0;  // hobbyist and free plans: no connection pooling
  return static_cast<int>(std::min<int64_t>(1000, 25 * gib));
}

Json ClickhouseDatabases(const Json& rec) {
  Json out{{"default", {{"name", "default"}, {"engine", "Atomic"}, {"required", true}}},
           {"system", {{"name", "system"}, {"engine", "Atomic"}, {"required", true}}}};
  const Json created = rec.value("ch_databases", Json::object());
  for (const auto& [name, db] : created.items()) out[name] = db;
  return out;
}

Json PoolsView(const Json& rec, const Json& service, bool include_secrets) {
  Json out = Json::array();
  const Json params = service.value("service_uri_params", Json::object());
  const std::string host = params.value("host", "");
  const std::string port = params.value("port", "");
  // PgBouncer listens on the port after PostgreSQL's.
  const std::string pool_port = port.empty() ? "" : std::to_string(std::atoi(port.c_str()) + 1);
  const Json users = rec.value("users", Json::object());
  const Json pools = rec.value("pools", Json::object());  // named: items() of a temporary dangles
  for (const auto& [name, pool] : pools.items()) {
    const std::string user = pool.value("username", PrimaryUser("pg"));
    const std::string password =
        include_secrets ? users.value(user, Json::object()).value("password", "") : "";
    std::string uri = "postgres://" + user;
    if (include_secrets && !password.empty()) uri += ":" + password;
    uri += "@" + host + ":" + pool_port + "/" + name + "?sslmode=require";
    Json view{{"pool_name", name},
              {"database", pool.value("database", "")},
              {"pool_size", pool.value("pool_size", 10)},
              {"pool_mode", pool.value("pool_mode", "transaction")},
              {"connection_uri", uri}};
    if (pool.contains("username")) view["username"] = pool["username"];
    out.push_back(view);
  }
  return out;
}

void RegisterPoolAndClickhouseRoutes(Router& r, World& w) {
  RegisterPoolRoutes(r, w);
  RegisterClickhouseDatabaseRoutes(r, w);
}

}  // namespace aivenctl::emulator
