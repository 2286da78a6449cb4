#pragma once
// The Aiven catalog: clouds, service types with their plans and per-cloud prices, and
// integration types. Read once per run (engine/state), used by the planner's checks and
// cost estimates. Plain values, no I/O.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::model {

/// One cloud from `GET /v1/clouds`.
struct Cloud {
  std::string name;         ///< cloud_name, e.g. "google-europe-west1"
  std::string description;  ///< cloud_description
  std::string provider;     ///< provider ("" if not reported)
  std::string geo_region;   ///< geo_region
};

/// A plan's figures in one cloud (`regions.<cloud>`).
struct PlanRegion {
  double price_usd_per_hour = 0;  ///< parsed from the `price_usd` string
  long long disk_space_mb = 0;    ///< 0 when not reported
  long long node_memory_mb = 0;   ///< 0 when not reported
};

/// A service plan of one service type.
struct ServicePlan {
  std::string name;                           ///< service_plan, e.g. "startup-4"
  int node_count = 0;                         ///< 0 when not reported
  std::map<std::string, PlanRegion> regions;  ///< by cloud name
};

/// A service type with its plans.
struct ServiceType {
  std::string name;                                              ///< "pg", "kafka", ...
  std::string description;                                       ///< description
  std::optional<std::string> default_version;                    ///< default_version
  std::vector<ServicePlan> plans;                                ///< in API order
  nlohmann::json user_config_schema = nlohmann::json::object();  ///< JSON Schema

  /// The plan named `name`, or nullptr.
  const ServicePlan* FindPlan(const std::string& name) const;
};

/// An integration type and the service types it connects.
struct IntegrationType {
  std::string name;                                              ///< integration_type
  std::vector<std::string> source_service_types;                 ///< allowed sources
  std::vector<std::string> dest_service_types;                   ///< allowed destinations
  nlohmann::json user_config_schema = nlohmann::json::object();  ///< JSON Schema ({} unread)
};

/// Everything the planner checks against. Empty members mean "not read".
struct Catalog {
  std::vector<Cloud> clouds;                         ///< sorted by name
  std::map<std::string, ServiceType> service_types;  ///< by type name
  std::vector<IntegrationType> integration_types;    ///< sorted by name

  const Cloud* FindCloud(const std::string& name) const;
  const ServiceType* FindServiceType(const std::string& name) const;
  const IntegrationType* FindIntegrationType(const std::string& name) const;
  /// The largest PgBouncer pool `type`/`plan` allows in `cloud`: the plan's PostgreSQL
  /// max_connections (25 per GiB of node memory, at most 1000); 0 when the plan has no
  /// pooling (under 4 GiB: hobbyist, free); nullopt when the catalog lacks the figures.
  /// Node memory does not depend on the cloud: an unknown `cloud` reads any region.
  std::optional<int> MaxPoolSize(const std::string& type, const std::string& plan,
                                 const std::string& cloud) const;
  /// Hourly USD price of `type`/`plan` in `cloud`, or nullopt when the catalog lacks it.
  std::optional<double> HourlyPrice(const std::string& type, const std::string& plan,
                                    const std::string& cloud) const;
};

}  // namespace aivenctl::model
