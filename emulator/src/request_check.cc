#include "request_check.h"

namespace aivenctl::emulator {
namespace {

constexpr int kMaxDepth = 48;             // deeper bodies are refused, not walked
constexpr std::size_t kMaxEnumShown = 8;  // enum values quoted in a message

std::string Quote(const Json& v) {
  std::string text = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 64) text = text.substr(0, 61) + "...";
  return text;
}

std::string Join(const std::string& field, const std::string& key) {
  return field.empty() ? key : field + "." + key;
}

// Does the schema's enum admit JSON null? Aiven writes that as the string "null".
bool EnumAllowsNull(const Json& schema) {
  const auto it = schema.find("enum");
  if (it == schema.end() || !it->is_array()) return false;
  for (const Json& v : *it) {
    if (v.is_null() || v == "null") return true;
  }
  return false;
}

}  // namespace

std::string GenericField(const std::string& field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    out += field[i];
    if (field[i] != '[') continue;
    while (i + 1 < field.size() && field[i + 1] != ']') ++i;
  }
  return out;
}

const Json* RequestChecker::Resolve(const Json& schema) const {
  const Json* current = &schema;
  for (int hops = 0; hops < 16; ++hops) {
    if (!current->is_object()) return current;
    const auto ref = current->find("$ref");
    if (ref == current->end()) return current;
    if (!ref->is_string()) return nullptr;
    const std::string& text = ref->get_ref<const std::string&>();
    // Only references within the document: "#" or "#/...".
    if (text != "#" && !text.starts_with("#/")) return nullptr;
    const Json::json_pointer pointer(text.substr(1));
    if (!document_.contains(pointer)) return nullptr;
    current = &document_.at(pointer);
  }
  return nullptr;
}

std::vector<BodyProblem> RequestChecker::Check(const Json& schema, const Json& body,
                                               const BodyAllowances& allow) const {
  std::vector<BodyProblem> out;
  Walk(schema, body, "", 0, allow, out);
  return out;
}

void RequestChecker::Walk(const Json& schema_in, const Json& value, const std::string& field,
                          int depth, const BodyAllowances& allow,
                          std::vector<BodyProblem>& out) const {
  if (depth > kMaxDepth) {
    out.push_back({field, "nested too deeply"});
    return;
  }
  const Json* resolved = Resolve(schema_in);
  if (resolved == nullptr) {
    out.push_back({field, "the schema's $ref cannot be resolved (an emulator bug)"});
    return;
  }
  const Json& schema = *resolved;
  if (!schema.is_object()) return;  // `true`/`{}`-like: anything goes
  const std::string type = schema.value("type", "");

  if (value.is_null()) {
    const bool ok = schema.value("nullable", false) || EnumAllowsNull(schema) ||
                    (allow.null_ok && allow.null_ok(GenericField(field)));
    if (!ok) out.push_back({field, "expected " + (type.empty() ? "a value" : type) + ", got null"});
    return;
  }

  if (const auto all = schema.find("allOf"); all != schema.end() && all->is_array()) {
    for (const Json& sub : *all) Walk(sub, value, field, depth + 1, allow, out);
  }
  for (const char* key : {"anyOf", "oneOf"}) {
    const auto any = schema.find(key);
    if (any == schema.end() || !any->is_array() || any->empty()) continue;
    bool matched = false;
    for (const Json& sub : *any) {
      std::vector<BodyProblem> trial;
      Walk(sub, value, field, depth + 1, allow, trial);
      if (trial.empty()) {
        matched = true;
        break;
      }
    }
    if (!matched) out.push_back({field, "matches none of the shapes the schema allows"});
  }

  if (!type.empty() && !JsonIsType(value, type)) {
    out.push_back({field, "expected " + type + ", got " + JsonTypeName(value)});
    return;
  }

  if (const auto values = schema.find("enum"); values != schema.end() && values->is_array()) {
    bool found = false;
    for (const Json& v : *values) found = found || v == value;
    if (!found) {
      std::string text = Quote(value) + " is not one of ";
      for (std::size_t i = 0; i < values->size() && i < kMaxEnumShown; ++i) {
        text += (i ? ", " : "") + Quote((*values)[i]);
      }
      if (values->size() > kMaxEnumShown) text += ", ...";
      out.push_back({field, text});
      return;
    }
  }

  if (value.is_array()) {
    if (const auto items = schema.find("items"); items != schema.end()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        Walk(*items, value[i], field + "[" + std::to_string(i) + "]", depth + 1, allow, out);
      }
    }
    return;
  }
  if (!value.is_object()) return;

  static const Json kNoProperties = Json::object();
  const auto props_it = schema.find("properties");
  const Json& properties =
      props_it != schema.end() && props_it->is_object() ? *props_it : kNoProperties;
  if (const auto required = schema.find("required"); required != schema.end()) {
    for (const Json& name : *required) {
      if (name.is_string() && !value.contains(name.get<std::string>())) {
        out.push_back({Join(field, name.get<std::string>()), "missing required field"});
      }
    }
  }
  const auto extra = schema.find("additionalProperties");
  // nlohmann's object keeps keys sorted, so problems come out in a stable order.
  for (const auto& [key, sub] : value.items()) {
    const std::string where = Join(field, key);
    if (const auto declared = properties.find(key); declared != properties.end()) {
      Walk(*declared, sub, where, depth + 1, allow, out);
    } else if (extra != schema.end() && extra->is_object()) {
      Walk(*extra, sub, where, depth + 1, allow, out);
    } else if (extra != schema.end() && extra->is_boolean() && !extra->get<bool>()) {
      out.push_back({where, "unknown field"});
    } else if (depth == 0 && extra == schema.end() && props_it != schema.end() &&
               !(allow.extra_ok && allow.extra_ok(where))) {
      out.push_back({where, "unknown field"});
    }
  }
}

}  // namespace aivenctl::emulator
