#pragma once
// JSON Schema type names, shared by the plan schema checks (loader) and the user_config
// checks against the catalog's schemas (diff).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::model {

/// JSON Schema type name of a value: "null", "boolean", "integer", "number", "string",
/// "array" or "object".
std::string JsonType(const nlohmann::json& v);

/// The types a schema's "type" keyword allows, as written (a string or a list of strings);
/// empty when the schema has no "type" (anything goes).
std::vector<std::string> SchemaTypes(const nlohmann::json& schema);

/// True when a value of type `actual` (a JsonType) fits `types` (SchemaTypes): empty allows
/// anything, and "number" allows integers.
bool TypeAccepts(const std::vector<std::string>& types, const std::string& actual);

}  // namespace aivenctl::model
