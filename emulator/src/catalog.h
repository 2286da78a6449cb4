#pragma once
// The sample Aiven catalog (clouds, service types, plans, prices, user_config
// schemas, integration and endpoint types) loaded from emulator/data/catalog.json.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "http.h"

namespace aivenctl::emulator {

/// Read-only after Load; safe to share between threads.
class Catalog {
 public:
  /// Parses the catalog file; on error returns nullopt and sets *error (file and reason).
  static std::optional<Catalog> Load(const std::string& path, std::string* error);
  /// Parses catalog text; errors start with `origin` (a file name or "built-in catalog").
  static std::optional<Catalog> Parse(std::string_view text, const std::string& origin,
                                      std::string* error);
  /// The compiled-in catalog (emulator/data/catalog.json at build time) when `path` is
  /// empty, else the file at `path` (--catalog).
  static std::optional<Catalog> LoadOrBuiltIn(const std::string& path, std::string* error);

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
  std::optional<std::string> CheckUserConfig(const std::string& type,
                                             const Json& user_config) const;

  /// {"integration_types": [...]} and {"endpoint_types": [...]}.
  Json IntegrationTypesBody() const;
  Json EndpointTypesBody() const;
  /// True when `integration_type` connects a source of `source_type` to a destination
  /// of `dest_type` (either may be "" for endpoint ends).
  bool IntegrationAllowed(const std::string& integration_type, const std::string& source_type,
                          const std::string& dest_type) const;
  bool HasEndpointType(const std::string& endpoint_type) const;

  // Additions beyond the first interface (used by the catalog routes and handlers).

  /// The type's entry of the full catalog (description, versions, service_plans,
  /// user_config_schema) or nullptr.
  const Json* ServiceType(const std::string& type) const;
  /// The cloud's entry of CloudsBody() or nullptr.
  const Json* Cloud(const std::string& cloud) const;
  /// Hourly price of one extra GiB of disk in the cloud ("" when the cloud is unknown).
  std::string ExtraDiskPricePerGbUsd(const std::string& cloud) const;
  /// True when an endpoint of `endpoint_type` may be the source (or destination) end of
  /// an `integration_type` integration.
  bool EndpointIntegrationAllowed(const std::string& integration_type,
                                  const std::string& endpoint_type, bool endpoint_is_source) const;
  /// Validates an integration's user_config against its type's schema (as CheckUserConfig).
  std::optional<std::string> CheckIntegrationUserConfig(const std::string& integration_type,
                                                        const Json& user_config) const;
  /// Validates an integration endpoint's user_config against its type's schema.
  std::optional<std::string> CheckEndpointUserConfig(const std::string& endpoint_type,
                                                     const Json& user_config) const;

 private:
  Json data_;
  // Lookup indexes built once by Load; positions, not pointers, so copies stay valid.
  std::map<std::pair<std::string, std::string>, std::size_t> plans_;  ///< (type, plan) -> index
  std::map<std::string, std::size_t> integration_types_;              ///< type -> index
  std::map<std::string, std::size_t> endpoint_types_;                 ///< type -> index
  std::map<std::string, std::size_t> cloud_index_;                    ///< cloud -> index
};

}  // namespace aivenctl::emulator
