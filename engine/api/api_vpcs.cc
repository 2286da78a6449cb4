// Typed operations: project VPCs (REFERENCE §5.9). A VPC object comes back unwrapped (no
// "vpc" key); the list is {vpcs: [...]}.
#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using nlohmann::json;
using value_t = nlohmann::json::value_t;

core::Result<std::vector<model::LiveVpc>> Api::ListVpcs(const std::string& project) {
  Call call{.path = ProjectPath(project, {"vpcs"}),
            .address = core::Address::Project(project).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "vpcs", value_t::array); !m.ok()) return m.status();
  return VpcsFromJson(*body);
}

core::Result<model::LiveVpc> Api::GetVpc(const std::string& project, const std::string& id) {
  Call call{.path = ProjectPath(project, {"vpcs", id})};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "project_vpc_id", value_t::string); !m.ok()) return m.status();
  return VpcFromJson(*body);
}

core::Result<model::LiveVpc> Api::CreateVpc(const std::string& project, const std::string& cloud,
                                            const std::string& network_cidr,
                                            const std::string& address) {
  const json body = {{"cloud_name", cloud},
                     {"network_cidr", network_cidr},
                     {"peering_connections", json::array()}};
  Call call{.method = "POST",
            .path = ProjectPath(project, {"vpcs"}),
            .body = &body,
            .address = address.empty() ? core::Address::Vpc(project, cloud).ToString() : address};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) {
    auto id = Member(call, **created, "project_vpc_id", value_t::string);
    if (!id.ok()) return id.status();
    return VpcFromJson(**created);
  }
  // "already exists" after our own ambiguous attempt: the cloud's VPC is that attempt.
  auto listed = ListVpcs(project);
  if (!listed.ok()) return listed.status();
  for (const auto& v : *listed) {
    if (v.cloud == cloud && v.state != "DELETING") return v;
  }
  return core::Internal(call.address + ": 409 already exists, but the VPC list lacks it");
}

core::Status Api::DeleteVpc(const std::string& project, const std::string& id,
                            const std::string& address) {
  Call call{.method = "DELETE", .path = ProjectPath(project, {"vpcs", id}), .address = address};
  return Write(call, /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
