#pragma once
// Builds the desired model from a plan document (JSON plus the YAML tree for positions)
// and runs the per-object semantic checks the schema cannot express: naming rules after
// interpolation, children that do not fit the service type, `version` against
// user_config.<type>_version, TTLs, reserved tags, topic settings. Lenient: values of the
// wrong type (already reported by the schema) are skipped, so every check still runs.

#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "loader/interpolate.h"
#include "loader/yaml_tree.h"
#include "model/desired.h"

namespace aivenctl::loader {

/// Builds the plan; appends problems to `diags`.
model::Plan BuildPlan(const std::string& file, const nlohmann::json& doc, const YamlNode& root,
                      const VarMap& vars, core::Diagnostics& diags);

/// Plan-wide checks on a built plan: unique names at each level and integration endpoints
/// that resolve (marking Endpoint::in_plan). Appends problems to `diags`.
void CheckPlan(model::Plan& plan, core::Diagnostics& diags);

/// Project VPCs (vpc_checks.cc): CIDR (IPv4, /16-/24, private, no overlap in a project), one
/// per cloud, and each service's `vpc:` (declared in its project; the service takes the VPC's
/// cloud). Appends problems to `diags`.
void CheckVpcs(model::Plan& plan, core::Diagnostics& diags);

}  // namespace aivenctl::loader
