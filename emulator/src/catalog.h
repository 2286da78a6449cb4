#pragma once
// The sample Aiven catalog (clouds, service types, plans, prices, user_config
// schemas, integration and endpoint types) loaded from emulator/data/catalog.json.

#include <optional>
#include <string>

#include "http.h"

namespace aivenctl::emulator {

/// Read-only after Load; safe to share between threads.
class Catalog {
 public:
  /// Parses the catalog file; on error returns nullopt and sets *error (file and reason).
  static std::optional<Catalog> Load(const std::string& path, std::string* error);

  /// {"clouds": [...]} as GET /v1/clouds answers.
  Json CloudsBody() const;
  bool HasCloud(const std::string& cloud) const;

  /// {"service_types": {type: {description, default_version, latest_available_version,
  /// service_plans: [Plan...], user_config_schema}}} as GET /v1/service_types answers.
  Json ServiceTypesBody() const;
  bool HasServiceType(const std::string& type) const;
  /// The Plan object (service_plan, service_type, node_count, backup_config, regions, ...)
  /// or nullptr when the type or plan is unknown.
  const Json* Plan(const std::string& type, const std::string& plan) const;
  /// The type's user_config_schema (JSON Schema object) or nullptr.
  const Json* UserConfigSchema(const std::string& type) const;
  /// Default version string of the type ("" when it has none).
  std::string DefaultVersion(const std::string& type) const;

  /// Nodes of a plan (1 when unknown), disk size, memory, cpu for a cloud.
  int NodeCount(const std::string& type, const std::string& plan) const;
  /// Build time multiplier for the type/plan (1.0 by default; bigger plans take longer).
  double BuildMultiplier(const std::string& type, const std::string& plan) const;

  /// Validates a service's user_config against the type's schema: unknown keys, value
  /// types, enums, ranges. Returns the 400 message naming the key, or nullopt when valid.
  std::optional<std::string> CheckUserConfig(const std::string& type, const Json& user_config) const;

  /// {"integration_types": [...]} and {"endpoint_types": [...]}.
  Json IntegrationTypesBody() const;
  Json EndpointTypesBody() const;
  /// True when `integration_type` connects a source of `source_type` to a destination
  /// of `dest_type` (either may be "" for endpoint ends).
  bool IntegrationAllowed(const std::string& integration_type, const std::string& source_type,
                          const std::string& dest_type) const;
  bool HasEndpointType(const std::string& endpoint_type) const;

 private:
  Json data_;
};

}  // namespace aivenctl::emulator
