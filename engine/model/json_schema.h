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

/// One readable problem of a value against a schema: where (a dotted path such as
/// "user_config.pg.max_connections") and what ("unknown key (did you mean ...?)").
struct SchemaProblem {
  std::string path;     ///< the offending key's path, starting with the root name
  std::string message;  ///< without the path

  /// "path: message".
  std::string ToString() const { return path + ": " + message; }
};

/// The readable checks of `value` against `schema`, named from `root`: unknown keys of
/// closed objects, value types, enums, minimum/maximum and string lengths, walking into
/// nested objects. JSON null members count as unset. One problem per key at most.
std::vector<SchemaProblem> ReadableProblems(const nlohmann::json& value,
                                            const nlohmann::json& schema, const std::string& root);

}  // namespace aivenctl::model
