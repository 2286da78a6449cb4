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
  /// Problems with `user_config` of `type`: one message per key ("user_config.pg.x: ...").
  /// Null values mean "unset" and are always accepted.
  std::vector<std::string> CheckUserConfig(const std::string& type,
                                           const nlohmann::json& user_config);
  /// Problem with an integration of `type` from a `source_type` to a `dest_type` service
  /// (either may be "" when unknown), or nullopt.
  std::optional<std::string> CheckIntegration(const std::string& type,
                                              const std::string& source_type,
                                              const std::string& dest_type) const;
  /// Nodes of `type`/`plan` per the catalog; 0 when unknown.
  int NodeCount(const std::string& type, const std::string& plan) const;

 private:
  const model::Catalog& catalog_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

}  // namespace aivenctl::diff
