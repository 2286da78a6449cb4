// Typed operations: Kafka Connect connectors (`.../service/{service}/connectors`).
#include <utility>

#include <spdlog/spdlog.h>

#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using core::Address;
using nlohmann::json;
using value_t = nlohmann::json::value_t;

namespace {

std::string ConnectorAddress(const std::string& project, const std::string& service,
                             const std::string& connector) {
  return Address::Child(core::Kind::kConnector, project, service, connector).ToString();
}

}  // namespace

core::Result<std::vector<model::LiveConnector>> Api::ListConnectors(const std::string& project,
                                                                    const std::string& service) {
  Call call{.path = ProjectPath(project, {"service", service, "connectors"}),
            .address = Address::Service(project, service).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "connectors", value_t::array); !m.ok()) return m.status();
  return ConnectorsFromJson(*body);
}

core::Result<std::vector<std::string>> Api::ListConnectorClasses(const std::string& project,
                                                                 const std::string& service) {
  Call call{.path = ProjectPath(project, {"service", service, "available-connectors"}),
            .address = Address::Service(project, service).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "plugins", value_t::array); !m.ok()) return m.status();
  return ConnectorClassesFromJson(*body);
}

core::Result<model::ConnectorStatus> Api::GetConnectorStatus(const std::string& project,
                                                             const std::string& service,
                                                             const std::string& connector) {
  Call call{.path = ProjectPath(project, {"service", service, "connectors", connector, "status"}),
            .address = ConnectorAddress(project, service, connector)};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "status", value_t::object); !m.ok()) return m.status();
  return ConnectorStatusFromJson(*body);
}

core::Status Api::CreateConnector(const std::string& project, const std::string& service,
                                  const json& body) {
  const std::string name = StringOr(body, "name");
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service", service, "connectors"}),
            .body = &body,
            .address = ConnectorAddress(project, service, name)};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) return core::Status::Ok();
  // 409 after our own ambiguous attempt: confirm by the list.
  auto listed = ListConnectors(project, service);
  if (!listed.ok()) return listed.status();
  for (const auto& c : *listed) {
    if (c.name == name) return core::Status::Ok();
  }
  return core::Internal(call.address + ": 409 already exists, but the connector list lacks it");
}

core::Status Api::UpdateConnector(const std::string& project, const std::string& service,
                                  const std::string& connector, const json& body,
                                  const std::vector<std::string>& changed) {
  std::string keys;
  for (const auto& key : changed) keys += (keys.empty() ? "" : ", ") + key;
  spdlog::debug("{}: PUT the whole config; changed: {}",
                ConnectorAddress(project, service, connector), keys.empty() ? "-" : keys);
  return Write({.method = "PUT",
                .path = ProjectPath(project, {"service", service, "connectors", connector}),
                .body = &body,
                .address = ConnectorAddress(project, service, connector)},
               /*absent_is_success=*/false);
}

core::Status Api::DeleteConnector(const std::string& project, const std::string& service,
                                  const std::string& connector) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service, "connectors", connector}),
                .address = ConnectorAddress(project, service, connector)},
               /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
