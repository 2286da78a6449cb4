// Typed operations: services, service tags, databases and service users.
#include <algorithm>
#include <utility>

#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using core::Address;
using core::Kind;
using nlohmann::json;
using value_t = nlohmann::json::value_t;

namespace {

std::string ServiceAddress(const std::string& project, const std::string& service) {
  return Address::Service(project, service).ToString();
}

}  // namespace

core::Result<std::vector<model::LiveService>> Api::ListServices(const std::string& project) {
  Call call{.path = ProjectPath(project, {"service"}),
            .address = Address::Project(project).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto list = Member(call, *body, "services", value_t::array);
  if (!list.ok()) return list.status();
  std::vector<model::LiveService> out;
  out.reserve(list->size());
  for (const auto& s : *list) out.push_back(ServiceFromJson(project, s));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

core::Result<model::LiveService> Api::GetService(const std::string& project,
                                                 const std::string& service) {
  return ReadService(project, service, /*confirms_create=*/false);
}

core::Result<model::LiveService> Api::ReadService(const std::string& project,
                                                  const std::string& service,
                                                  bool confirms_create) {
  Call call{.path = ProjectPath(project, {"service", service}),
            .address = ServiceAddress(project, service),
            .confirms_create = confirms_create};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto s = Member(call, *body, "service", value_t::object);
  if (!s.ok()) return s.status();
  return ServiceFromJson(project, *s);
}

core::Result<json> Api::GetServiceSecrets(const std::string& project, const std::string& service) {
  Call call{.path = ProjectPath(project, {"service", service}),
            .query = {{"include_secrets", "true"}},
            .address = ServiceAddress(project, service)};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  return Member(call, *body, "service", value_t::object);
}

core::Result<model::LiveService> Api::CreateService(const std::string& project, const json& body) {
  const std::string name = StringOr(body, "service_name");
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service"}),
            .body = &body,
            .address = ServiceAddress(project, name)};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (!created->has_value()) return ReadService(project, name, true);  // confirm our attempt
  auto s = Member(call, **created, "service", value_t::object);
  if (!s.ok()) return s.status();
  return ServiceFromJson(project, *s);
}

core::Result<model::LiveService> Api::UpdateService(const std::string& project,
                                                    const std::string& service, const json& body) {
  Call call{.method = "PUT",
            .path = ProjectPath(project, {"service", service}),
            .body = &body,
            .address = ServiceAddress(project, service)};
  auto answer = Json(call);
  if (!answer.ok()) return answer.status();
  auto s = Member(call, *answer, "service", value_t::object);
  if (!s.ok()) return s.status();
  return ServiceFromJson(project, *s);
}

core::Status Api::PutServiceTags(const std::string& project, const std::string& service,
                                 const model::Tags& tags) {
  json body = {{"tags", tags}};
  return Write({.method = "PUT",
                .path = ProjectPath(project, {"service", service, "tags"}),
                .body = &body,
                .address = ServiceAddress(project, service)},
               /*absent_is_success=*/false);
}

core::Status Api::DeleteService(const std::string& project, const std::string& service) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service}),
                .address = ServiceAddress(project, service)},
               /*absent_is_success=*/true);
}

core::Result<std::vector<model::LiveDatabase>> Api::ListDatabases(const std::string& project,
                                                                  const std::string& service) {
  return ReadDatabases(project, service, /*confirms_create=*/false);
}

core::Result<std::vector<model::LiveDatabase>> Api::ReadDatabases(const std::string& project,
                                                                  const std::string& service,
                                                                  bool confirms_create) {
  Call call{.path = ProjectPath(project, {"service", service, "db"}),
            .address = ServiceAddress(project, service),
            .confirms_create = confirms_create};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "databases", value_t::array); !m.ok()) return m.status();
  return DatabasesFromJson(*body);
}

core::Status Api::CreateDatabase(const std::string& project, const std::string& service,
                                 const json& body) {
  const std::string name = StringOr(body, "database");
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service", service, "db"}),
            .body = &body,
            .address = Address::Child(Kind::kDatabase, project, service, name).ToString()};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) return core::Status::Ok();
  auto dbs = ReadDatabases(project, service, true);  // confirm our earlier attempt
  if (!dbs.ok()) return dbs.status();
  for (const auto& d : *dbs) {
    if (d.name == name) return core::Status::Ok();
  }
  return core::Internal(call.address + ": 409 already exists, but the database list lacks it");
}

core::Status Api::DeleteDatabase(const std::string& project, const std::string& service,
                                 const std::string& database) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service, "db", database}),
                .address = Address::Child(Kind::kDatabase, project, service, database).ToString()},
               /*absent_is_success=*/true);
}

core::Result<model::LiveUser> Api::CreateUser(const std::string& project,
                                              const std::string& service, const json& body) {
  const std::string name = StringOr(body, "username");
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service", service, "user"}),
            .body = &body,
            .address = Address::Child(Kind::kUser, project, service, name).ToString()};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) {
    auto u = Member(call, **created, "user", value_t::object);
    if (!u.ok()) return u.status();
    return UserFromJson(*u);
  }
  // Confirm our earlier attempt; users have no list: the service carries them.
  auto live = ReadService(project, service, true);
  if (!live.ok()) return live.status();
  if (const model::LiveUser* u = live->FindUser(name)) return *u;
  return core::Internal(call.address + ": 409 already exists, but the service lacks the user");
}

core::Status Api::DeleteUser(const std::string& project, const std::string& service,
                             const std::string& user) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service, "user", user}),
                .address = Address::Child(Kind::kUser, project, service, user).ToString()},
               /*absent_is_success=*/true);
}

core::Status Api::SetUserAccessControl(const std::string& project, const std::string& service,
                                       const std::string& user, const json& access_control) {
  json body = {{"operation", "set-access-control"}, {"access_control", access_control}};
  return Write({.method = "PUT",
                .path = ProjectPath(project, {"service", service, "user", user}),
                .body = &body,
                .address = Address::Child(Kind::kUser, project, service, user).ToString()},
               /*absent_is_success=*/false);
}

}  // namespace aivenctl::api
