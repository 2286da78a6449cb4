#pragma once
// The plan file JSON Schema (schemas/plan.schema.json), compiled into the binary so that
// `aivenctl validate` works offline and from any directory.

#include <string_view>

#include <nlohmann/json.hpp>

namespace aivenctl::loader {

/// The schema text exactly as in schemas/plan.schema.json.
std::string_view PlanSchemaText();

/// The schema parsed once (thread-safe lazy initialisation).
const nlohmann::json& PlanSchema();

}  // namespace aivenctl::loader
