// libFuzzer target: arbitrary JSON bodies through every API answer parser of
// engine/api/live_json.h (and the error-body parser). The first byte picks the endpoint
// (byte % 11; the seeds use letters, 'B' = 0 ... 'L' = 10): B clouds, C projects, D project (and
// VPC list / VPC object), E service (its acl and schema_registry_acl included), F databases and
// ACL lists, G topic list, H topic, I topic batch (v2), J integration (and the same body as an
// integration endpoint and as an endpoint list) and the Kafka Connect answers (connector list,
// one connector, status, available connectors), K service types / integration types, L error
// body. The rest is the body. Every JSON body also goes through the Schema Registry parsers
// (api/schema_json.h). The parsers promise tolerance: never an exception, never a crash, and no
// secret-looking user_config key (nor a secret connector config value) survives the mapping.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/errors.h"
#include "api/live_json.h"
#include "api/schema_json.h"

namespace {

using nlohmann::json;
namespace api = aivenctl::api;

// DropSecretKeys' promise: no secret-looking key is left in any object, at any depth,
// arrays included.
void CheckNoSecretKeys(const json& config) {
  if (config.is_array()) {
    for (const auto& item : config) CheckNoSecretKeys(item);
    return;
  }
  if (!config.is_object()) return;
  for (const auto& [key, value] : config.items()) {
    if (api::IsSecretKey(key)) std::abort();
    CheckNoSecretKeys(value);
  }
}

// A connector keeps the names of its secret keys, never their values.
void CheckConnector(const aivenctl::model::LiveConnector& c) {
  for (const auto& [key, value] : c.config.items()) {
    if (aivenctl::model::IsSecretConnectorKey(key) || !value.is_string()) std::abort();
  }
}

void CheckService(const aivenctl::model::LiveService& s) {
  CheckNoSecretKeys(s.user_config);
  for (const auto& i : s.integrations) CheckNoSecretKeys(i.user_config);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int which = data[0] % 11;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (which == 10) {
    (void)api::ParseErrorBody(text);  // bodies of non-2xx answers need not be JSON at all
    return 0;
  }
  const json body = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return 0;
  switch (which) {
    case 0:
      (void)api::CloudsFromJson(body);
      break;
    case 1:
      (void)api::ProjectsFromJson(body);
      break;
    case 2:  // a project object; the same byte feeds the VPC list and VPC object parsers
      (void)api::ProjectFromJson(body);
      (void)api::VpcsFromJson(body);
      (void)api::VpcFromJson(body);
      break;
    case 3:
      CheckService(api::ServiceFromJson("p", body));
      break;
    case 4: {
      (void)api::DatabasesFromJson(body);
      // An ACL list answer ({"acl": [...]}, the add and delete answers too): no entry
      // without its username or permission survives.
      const json& acl = body.is_object() && body.contains("acl") ? body["acl"] : body;
      for (const auto& a : api::AclsFromJson(acl)) {
        if (a.username.empty() || a.permission.empty()) std::abort();
      }
      (void)api::ClickhouseDatabasesFromJson(body);
      break;
    }
    case 5:
      (void)api::TopicsFromJson(body);
      break;
    case 6:
      (void)api::TopicFromGet(body);
      break;
    case 7:
      (void)api::TopicsFromBatch(body);
      break;
    case 8: {
      CheckNoSecretKeys(api::IntegrationFromJson(body).user_config);
      // An endpoint keeps neither a secret-looking key nor a redacted value.
      auto check_endpoint = [](const aivenctl::model::LiveEndpoint& e) {
        CheckNoSecretKeys(e.user_config);
        for (const auto& [key, value] : e.user_config.items()) {
          if (value.is_string() && value.get<std::string>() == "<redacted>") std::abort();
        }
      };
      check_endpoint(api::EndpointFromJson(body));
      if (body.is_object()) {
        for (const auto& e : api::EndpointsFromJson(body)) check_endpoint(e);
      }
      for (const auto& c : api::ConnectorsFromJson(body)) CheckConnector(c);
      CheckConnector(api::ConnectorFromJson(body));
      (void)api::ConnectorStatusFromJson(body);
      (void)api::ConnectorClassesFromJson(body);
      break;
    }
    case 9: {
      (void)api::ServiceTypesFromJson(body);
      (void)api::IntegrationTypesFromJson(body);
      CheckNoSecretKeys(api::DropSecretKeys(body));
      break;
    }
  }
  // Schema Registry answers: subjects, versions, one version, a compatibility level.
  for (const auto& subject : api::SubjectsFromJson(body)) {
    if (subject.empty()) std::abort();
  }
  if (auto latest = api::LatestVersionFromJson(body); latest && *latest < 1) std::abort();
  const auto schema = api::SchemaVersionFromJson(body);
  if (schema.type.empty() || schema.version < 0 || schema.id < 0) std::abort();
  (void)api::CompatibilityFromJson(body);
  return 0;
}
