#include "model/json_schema.h"

#include <algorithm>

namespace aivenctl::model {

std::string JsonType(const nlohmann::json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number_integer()) return "integer";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_array()) return "array";
  return "object";
}

std::vector<std::string> SchemaTypes(const nlohmann::json& schema) {
  std::vector<std::string> out;
  if (!schema.is_object()) return out;
  auto t = schema.find("type");
  if (t == schema.end()) return out;
  if (t->is_string()) out.push_back(t->get<std::string>());
  if (t->is_array()) {
    for (const auto& x : *t) {
      if (x.is_string()) out.push_back(x.get<std::string>());
    }
  }
  return out;
}

bool TypeAccepts(const std::vector<std::string>& types, const std::string& actual) {
  if (types.empty()) return true;
  return std::any_of(types.begin(), types.end(), [&](const std::string& t) {
    return t == actual || (t == "number" && actual == "integer");
  });
}

}  // namespace aivenctl::model
