#pragma once
// Helpers shared by the catalog tests: where the data and the OpenAPI file are, and
// a small check of a body against an OpenAPI response schema (required keys, types).

#include <cstdlib>
#include <string>
#include <vector>

#include "catalog.h"

namespace aivenctl::emulator::testing {

/// emulator/data/catalog.json of this source tree.
inline std::string CatalogPath() {
  const char* root = std::getenv("AIVENCTL_SOURCE_DIR");
  return std::string(root ? root : ".") + "/emulator/data/catalog.json";
}

/// The committed subset of Aiven's openapi.json (emulator/data/aiven-openapi-subset.json).
inline std::string OpenApiPath() {
  const char* root = std::getenv("AIVENCTL_SOURCE_DIR");
  return std::string(root ? root : ".") + "/emulator/data/aiven-openapi-subset.json";
}

/// Appends to `errors` every required key missing and every declared type not matched
/// in `value`, walking object properties and array items of `schema`.
inline void CheckShape(const Json& schema, const Json& value, const std::string& path,
                       std::vector<std::string>& errors) {
  std::string type = schema.value("type", std::string());
  auto bad = [&](const char* want) { errors.push_back(path + ": not " + std::string(want)); };
  if (type == "object") {
    if (!value.is_object()) return bad("an object");
    for (const Json& key : schema.value("required", Json::array())) {
      if (!value.contains(key.get<std::string>())) {
        errors.push_back(path + ": missing required '" + key.get<std::string>() + "'");
      }
    }
    const Json props = schema.value("properties", Json::object());
    for (auto& [key, sub] : props.items()) {
      if (value.contains(key)) CheckShape(sub, value[key], path + "." + key, errors);
    }
  } else if (type == "array") {
    if (!value.is_array()) return bad("an array");
    for (std::size_t i = 0; i < value.size() && schema.contains("items"); ++i) {
      CheckShape(schema["items"], value[i], path + "[" + std::to_string(i) + "]", errors);
    }
  } else if (type == "string" && !value.is_string()) {
    bad("a string");
  } else if (type == "integer" && !value.is_number_integer()) {
    bad("an integer");
  } else if (type == "number" && !value.is_number()) {
    bad("a number");
  } else if (type == "boolean" && !value.is_boolean()) {
    bad("a boolean");
  }
}

}  // namespace aivenctl::emulator::testing
