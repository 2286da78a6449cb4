#pragma once
// Plan-time checks against the catalog: clouds, service types, plans, user_config against
// the type's user_config_schema, integration types. Messages name the address and the
// nearest valid names; callers attach the plan file position.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/catalog.h"
#include "model/json_schema.h"

namespace valijson {
class Schema;
}

namespace aivenctl::diff {

/// Checks desired values against one catalog. Compiles each type's user_config schema once.
class CatalogChecker {
 public:
  explicit CatalogChecker(const model::Catalog& catalog);
  ~CatalogChecker();

  /// Problem with `cloud` ("unknown cloud ...") or nullopt. No clouds read: nullopt.
  std::optional<std::string> CheckCloud(const std::string& cloud) const;
  /// Problem with the service type, or nullopt (also when the catalog has no types).
  std::optional<std::string> CheckType(const std::string& type) const;
  /// Problem with `plan` of `type` (unknown, or not offered in `cloud` when given).
  std::optional<std::string> CheckPlan(const std::string& type, const std::string& plan,
                                       const std::string& cloud) const;
  /// Problems with `user_config` of a service `type`: one per key (path
  /// "user_config.pg.x"), against the live catalog's schema, else Aiven's offline one.
  /// Null values mean "unset" and are always accepted.
  std::vector<model::SchemaProblem> CheckUserConfig(const std::string& type,
                                                    const nlohmann::json& user_config);
  /// The same for an integration's user_config.
  std::vector<model::SchemaProblem> CheckIntegrationUserConfig(const std::string& type,
                                                               const nlohmann::json& user_config);
  /// The schema user_config of a service `type` is checked against (live, else offline),
  /// or nullptr.
  const nlohmann::json* ServiceSchema(const std::string& type) const;
  /// True when the integration types were read (the pair check can run).
  bool HasIntegrationTypes() const { return !catalog_.integration_types.empty(); }
  /// Problem with an integration of `type` from a `source_type` to a `dest_type` service
  /// (either may be "" when unknown), or nullopt.
  std::optional<std::string> CheckIntegration(const std::string& type,
                                              const std::string& source_type,
                                              const std::string& dest_type) const;
  /// Nodes of `type`/`plan` per the catalog; 0 when unknown.
  int NodeCount(const std::string& type, const std::string& plan) const;

 private:
  std::vector<model::SchemaProblem> Check(const std::string& key, const nlohmann::json& schema,
                                          const nlohmann::json& value);

  const model::Catalog& catalog_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

}  // namespace aivenctl::diff
