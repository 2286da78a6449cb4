#pragma once
// Validates a plan document against the plan JSON Schema with valijson and turns its
// errors into positioned, human diagnostics ("unknown field ... (did you mean ...?)").

#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "loader/yaml_tree.h"

namespace aivenctl::loader {

/// Checks `doc` (converted from `root`) against PlanSchema(); appends one diagnostic per
/// problem, positioned at the offending node (or key, for unknown fields) in `file`.
void CheckSchema(const std::string& file, const nlohmann::json& doc, const YamlNode& root,
                 core::Diagnostics& diags);

}  // namespace aivenctl::loader
