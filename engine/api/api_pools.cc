// Typed operations: PgBouncer connection pools and ClickHouse databases.
#include <string>

#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using core::Address;
using core::Kind;
using nlohmann::json;
using value_t = nlohmann::json::value_t;

namespace {

std::string PoolAddress(const std::string& project, const std::string& service,
                        const std::string& pool) {
  return Address::Child(Kind::kPool, project, service, pool).ToString();
}

std::string DatabaseAddress(const std::string& project, const std::string& service,
                            const std::string& database) {
  return Address::Child(Kind::kDatabase, project, service, database).ToString();
}

}  // namespace

core::Result<std::vector<model::LiveDatabase>> Api::ListClickhouseDatabases(
    const std::string& project, const std::string& service) {
  Call call{.path = ProjectPath(project, {"service", service, "clickhouse", "db"}),
            .address = Address::Service(project, service).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "databases", value_t::array); !m.ok()) return m.status();
  return ClickhouseDatabasesFromJson(*body);
}

core::Status Api::CreateClickhouseDatabase(const std::string& project, const std::string& service,
                                           const std::string& database) {
  const json body = {{"database", database}};
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service", service, "clickhouse", "db"}),
            .body = &body,
            .address = DatabaseAddress(project, service, database)};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) return core::Status::Ok();
  auto dbs = ListClickhouseDatabases(project, service);  // confirm our earlier attempt
  if (!dbs.ok()) return dbs.status();
  for (const auto& d : *dbs) {
    if (d.name == database) return core::Status::Ok();
  }
  return core::Internal(call.address + ": 409 already exists, but the database list lacks it");
}

core::Status Api::DeleteClickhouseDatabase(const std::string& project, const std::string& service,
                                           const std::string& database) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service, "clickhouse", "db", database}),
                .address = DatabaseAddress(project, service, database)},
               /*absent_is_success=*/true);
}

core::Status Api::CreatePool(const std::string& project, const std::string& service,
                             const json& body) {
  const json& name_value = body.contains("pool_name") ? body["pool_name"] : json();
  const std::string name = name_value.is_string() ? name_value.get<std::string>() : "";
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service", service, "connection_pool"}),
            .body = &body,
            .address = PoolAddress(project, service, name)};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) return core::Status::Ok();
  // Confirm our earlier attempt; pools have no list: the service carries them.
  auto live = ReadService(project, service, true);
  if (!live.ok()) return live.status();
  if (live->FindPool(name) != nullptr) return core::Status::Ok();
  return core::Internal(call.address + ": 409 already exists, but the service lacks the pool");
}

core::Status Api::UpdatePool(const std::string& project, const std::string& service,
                             const std::string& pool, const json& body) {
  return Write({.method = "PUT",
                .path = ProjectPath(project, {"service", service, "connection_pool", pool}),
                .body = &body,
                .address = PoolAddress(project, service, pool)},
               /*absent_is_success=*/false);
}

core::Status Api::DeletePool(const std::string& project, const std::string& service,
                             const std::string& pool) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service, "connection_pool", pool}),
                .address = PoolAddress(project, service, pool)},
               /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
