// Typed operations: Aiven ACLs of a Kafka service and of its Schema Registry.
#include <utility>

#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using core::Address;
using nlohmann::json;
using value_t = nlohmann::json::value_t;

namespace {

std::vector<std::string> AclPath(const std::string& service, bool schema_registry) {
  if (schema_registry) return {"service", service, "kafka", "schema-registry", "acl"};
  return {"service", service, "acl"};
}

core::Kind AclKind(bool schema_registry) {
  return schema_registry ? core::Kind::kSchemaRegistryAcl : core::Kind::kKafkaAcl;
}

}  // namespace

core::Result<std::vector<model::LiveAcl>> Api::ListAcls(const std::string& project,
                                                        const std::string& service,
                                                        bool schema_registry) {
  Call call{.path = ProjectPath(project, AclPath(service, schema_registry)),
            .address = Address::Service(project, service).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "acl", value_t::array); !m.ok()) return m.status();
  return AclsFromJson((*body)["acl"]);
}

core::Status Api::AddAcl(const std::string& project, const std::string& service,
                         bool schema_registry, const model::Acl& acl) {
  const json body = {{"username", acl.username},
                     {schema_registry ? "resource" : "topic", acl.resource},
                     {"permission", acl.permission}};
  Call call{.method = "POST",
            .path = ProjectPath(project, AclPath(service, schema_registry)),
            .body = &body,
            .address = Address::Acl(AclKind(schema_registry), project, service, acl.username,
                                    acl.resource, acl.permission)
                           .ToString(),
            .idempotent = false};
  ApiResult result = Send(call);
  if (result.ok()) {
    auto answer = Body(call, result);
    if (!answer.ok()) return answer.status();
    return Member(call, *answer, "acl", value_t::array).status();
  }
  if (!result.error || !result.error->outcome_unknown) return result.status();
  // The add may have happened: the list tells, and an absent entry is added again.
  auto listed = ListAcls(project, service, schema_registry);
  if (!listed.ok()) return result.status();
  for (const auto& a : *listed) {
    if (a.Key() == acl.Key()) return core::Status::Ok();
  }
  ApiResult again = Send(call);
  return again.ok() ? core::Status::Ok() : again.status();
}

core::Status Api::DeleteAcl(const std::string& project, const std::string& service,
                            bool schema_registry, const std::string& id,
                            const std::string& address) {
  std::vector<std::string> path = AclPath(service, schema_registry);
  path.push_back(id);
  return Write({.method = "DELETE", .path = ProjectPath(project, path), .address = address},
               /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
