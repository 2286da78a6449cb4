#include "support/schema_validator.h"

#include <cstddef>
#include <utility>

namespace aivenctl::testing {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 200;  // guards against cyclic $refs

std::string EscapeToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool EnumHasNullString(const json& schema) {
  auto it = schema.find("enum");
  if (it == schema.end() || !it->is_array()) return false;
  for (const auto& v : *it) {
    if (v.is_string() && v.get_ref<const std::string&>() == "null") return true;
  }
  return false;
}

bool IsTrue(const json& schema, const char* key) {
  auto it = schema.find(key);
  return it != schema.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

struct SchemaValidator::Place {
  std::string path;     // JSON pointer of the instance
  std::string pattern;  // same with array indices as "[]"
  std::string_view schema_name;

  std::string Shown() const { return path.empty() ? "/" : path; }
  Place Member(std::string_view key) const {
    std::string token = EscapeToken(key);
    return {path + "/" + token, pattern + "/" + token, schema_name};
  }
  Place Item(std::size_t index) const {
    return {path + "/" + std::to_string(index), pattern + "/[]", schema_name};
  }
};

SchemaValidator::SchemaValidator(const json& document, NullPolicy null_policy)
    : document_(document), null_policy_(std::move(null_policy)) {}

std::string SchemaValidator::JsonTypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    case json::value_t::string:
      return "string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::null:
      return "null";
    default:
      return "unknown";
  }
}

std::vector<std::string> SchemaValidator::Validate(const json& schema, const json& instance,
                                                   std::string_view schema_name) const {
  std::vector<std::string> errors;
  Check(schema, instance, Place{"", "", schema_name}, 0, errors);
  return errors;
}

void SchemaValidator::Check(const json& schema, const json& instance, const Place& place, int depth,
                            std::vector<std::string>& errors) const {
  if (!schema.is_object()) return;  // `true`/`{}`-like: anything goes
  if (depth > kMaxDepth) {
    errors.push_back(place.Shown() + ": schema nesting deeper than " + std::to_string(kMaxDepth) +
                     " (cyclic $ref?)");
    return;
  }
  if (auto ref = schema.find("$ref"); ref != schema.end()) {
    const std::string target = ref->is_string() ? ref->get<std::string>() : std::string();
    const json* resolved = nullptr;
    if (target.rfind("#", 0) == 0) {
      try {
        json::json_pointer pointer(target.substr(1));
        if (document_.contains(pointer)) resolved = &document_.at(pointer);
      } catch (const json::exception&) {
        resolved = nullptr;
      }
    }
    if (resolved == nullptr) {
      errors.push_back(place.Shown() + ": cannot resolve $ref \"" + target + "\"");
      return;
    }
    Check(*resolved, instance, place, depth + 1, errors);
    return;
  }

  if (instance.is_null()) {
    if (IsTrue(schema, "nullable") || EnumHasNullString(schema)) return;
    if (null_policy_ && null_policy_(place.schema_name, place.pattern)) return;
  }
  if (!CheckType(schema, instance, place, errors)) return;

  if (auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
    bool found = false;
    for (const auto& v : *it) {
      if (v == instance) found = true;
    }
    if (instance.is_string() && instance.get_ref<const std::string&>() == "null" &&
        EnumHasNullString(schema)) {
      errors.push_back(place.Shown() +
                       ": string \"null\" where the spec's \"null\" enum entry means JSON null");
    } else if (!found) {
      errors.push_back(place.Shown() + ": value " + instance.dump() + " not in enum " + it->dump());
    }
  }

  if (instance.is_string()) {
    const std::size_t length = CodePoints(instance.get_ref<const std::string&>());
    if (auto it = schema.find("minLength");
        it != schema.end() && it->is_number() && static_cast<double>(length) < it->get<double>()) {
      errors.push_back(place.Shown() + ": string length " + std::to_string(length) +
                       " is less than minLength " + it->dump());
    }
    if (auto it = schema.find("maxLength");
        it != schema.end() && it->is_number() && static_cast<double>(length) > it->get<double>()) {
      errors.push_back(place.Shown() + ": string length " + std::to_string(length) +
                       " is greater than maxLength " + it->dump());
    }
  }

  if (instance.is_number()) {
    const double value = instance.get<double>();
    if (auto it = schema.find("minimum"); it != schema.end() && it->is_number()) {
      const bool exclusive = IsTrue(schema, "exclusiveMinimum");
      const double limit = it->get<double>();
      if (exclusive ? value <= limit : value < limit) {
        errors.push_back(
            place.Shown() + ": " + instance.dump() +
            (exclusive ? " is not greater than exclusive minimum " : " is less than minimum ") +
            it->dump());
      }
    }
    if (auto it = schema.find("maximum"); it != schema.end() && it->is_number()) {
      const bool exclusive = IsTrue(schema, "exclusiveMaximum");
      const double limit = it->get<double>();
      if (exclusive ? value >= limit : value > limit) {
        errors.push_back(
            place.Shown() + ": " + instance.dump() +
            (exclusive ? " is not less than exclusive maximum " : " is greater than maximum ") +
            it->dump());
      }
    }
  }

  if (instance.is_array()) {
    const std::size_t size = instance.size();
    if (auto it = schema.find("minItems");
        it != schema.end() && it->is_number() && static_cast<double>(size) < it->get<double>()) {
      errors.push_back(place.Shown() + ": array has " + std::to_string(size) +
                       " items, fewer than minItems " + it->dump());
    }
    if (auto it = schema.find("maxItems");
        it != schema.end() && it->is_number() && static_cast<double>(size) > it->get<double>()) {
      errors.push_back(place.Shown() + ": array has " + std::to_string(size) +
                       " items, more than maxItems " + it->dump());
    }
    if (auto it = schema.find("items"); it != schema.end()) {
      for (std::size_t i = 0; i < size; ++i) {
        Check(*it, instance[i], place.Item(i), depth + 1, errors);
      }
    }
  }

  if (instance.is_object()) CheckObject(schema, instance, place, depth, errors);
  CheckComposition(schema, instance, place, depth, errors);
}

bool SchemaValidator::CheckType(const json& schema, const json& instance, const Place& place,
                                std::vector<std::string>& errors) const {
  auto it = schema.find("type");
  if (it == schema.end() || !it->is_string()) {
    // No type: null is only fine when nothing else constrains the value.
    return true;
  }
  const std::string& want = it->get_ref<const std::string&>();
  bool ok = false;
  if (want == "object") {
    ok = instance.is_object();
  } else if (want == "array") {
    ok = instance.is_array();
  } else if (want == "string") {
    ok = instance.is_string();
  } else if (want == "integer") {
    ok = instance.is_number_integer();  // signed or unsigned, never float
  } else if (want == "number") {
    ok = instance.is_number();
  } else if (want == "boolean") {
    ok = instance.is_boolean();
  } else if (want == "null") {
    ok = instance.is_null();
  } else {
    errors.push_back(place.Shown() + ": schema has unsupported type \"" + want + "\"");
    return false;
  }
  if (!ok) {
    errors.push_back(place.Shown() + ": expected " + want + ", got " + JsonTypeName(instance));
  }
  return ok;
}

void SchemaValidator::CheckObject(const json& schema, const json& instance, const Place& place,
                                  int depth, std::vector<std::string>& errors) const {
  if (auto it = schema.find("required"); it != schema.end() && it->is_array()) {
    for (const auto& name : *it) {
      if (name.is_string() && !instance.contains(name.get_ref<const std::string&>())) {
        errors.push_back(place.Shown() + ": missing required property \"" +
                         name.get<std::string>() + "\"");
      }
    }
  }
  const json* properties = nullptr;
  if (auto it = schema.find("properties"); it != schema.end() && it->is_object()) {
    properties = &*it;
  }
  auto additional = schema.find("additionalProperties");
  for (const auto& [key, value] : instance.items()) {
    if (properties != nullptr) {
      if (auto prop = properties->find(key); prop != properties->end()) {
        Check(*prop, value, place.Member(key), depth + 1, errors);
        continue;
      }
    }
    if (additional == schema.end()) continue;
    if (additional->is_boolean()) {
      if (!additional->get<bool>()) {
        errors.push_back(place.Shown() + ": unexpected property \"" + key +
                         "\" (additionalProperties is false)");
      }
    } else if (additional->is_object()) {
      Check(*additional, value, place.Member(key), depth + 1, errors);
    }
  }
}

void SchemaValidator::CheckComposition(const json& schema, const json& instance, const Place& place,
                                       int depth, std::vector<std::string>& errors) const {
  if (auto it = schema.find("allOf"); it != schema.end() && it->is_array()) {
    for (const auto& sub : *it) Check(sub, instance, place, depth + 1, errors);
  }
  auto count_matches = [&](const json& alternatives, std::string* first_problem) {
    int matches = 0;
    for (const auto& sub : alternatives) {
      std::vector<std::string> sub_errors;
      Check(sub, instance, place, depth + 1, sub_errors);
      if (sub_errors.empty()) {
        ++matches;
      } else if (first_problem->empty()) {
        *first_problem = sub_errors.front();
      }
    }
    return matches;
  };
  if (auto it = schema.find("anyOf"); it != schema.end() && it->is_array()) {
    std::string first_problem;
    if (count_matches(*it, &first_problem) == 0) {
      errors.push_back(place.Shown() +
                       ": matches none of the anyOf alternatives (first: " + first_problem + ")");
    }
  }
  if (auto it = schema.find("oneOf"); it != schema.end() && it->is_array()) {
    std::string first_problem;
    const int matches = count_matches(*it, &first_problem);
    if (matches == 0) {
      errors.push_back(place.Shown() +
                       ": matches none of the oneOf alternatives (first: " + first_problem + ")");
    } else if (matches > 1) {
      errors.push_back(place.Shown() + ": matches " + std::to_string(matches) +
                       " of the oneOf alternatives, expected exactly 1");
    }
  }
}

}  // namespace aivenctl::testing
