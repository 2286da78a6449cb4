#include "model/json_schema.h"

#include <algorithm>

#include "core/suggest.h"

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

namespace {

using nlohmann::json;

void Walk(const json& value, const json& schema, const std::string& path,
          std::vector<SchemaProblem>& out) {
  if (!schema.is_object() || !value.is_object()) return;
  const json props = schema.value("properties", json::object());
  const bool closed = schema.contains("additionalProperties") &&
                      schema["additionalProperties"].is_boolean() &&
                      !schema["additionalProperties"].get<bool>();
  std::vector<std::string> known;
  for (auto it = props.begin(); it != props.end(); ++it) known.push_back(it.key());
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string here = path + "." + it.key();
    auto p = props.find(it.key());
    if (p == props.end()) {
      if (closed) out.push_back({here, "unknown key" + core::DidYouMean(it.key(), known)});
      continue;
    }
    const json& v = it.value();
    if (v.is_null()) continue;  // managed as "unset"
    std::vector<std::string> types = SchemaTypes(*p);
    std::erase(types, "null");  // null values are "unset", skipped above
    if (!TypeAccepts(types, JsonType(v))) {
      out.push_back(
          {here, "expected " + core::JoinOr(types) + ", got " + JsonType(v) + " " + v.dump()});
      continue;
    }
    if (auto e = p->find("enum"); e != p->end() && e->is_array()) {
      bool found = std::any_of(e->begin(), e->end(), [&](const json& x) { return x == v; });
      if (!found) {
        std::vector<std::string> names;
        for (const auto& x : *e) {
          if (!x.is_null()) names.push_back(x.dump());
        }
        out.push_back({here, v.dump() + " is not one of " + core::JoinOr(names)});
        continue;
      }
    }
    if (v.is_number()) {
      if (auto m = p->find("minimum"); m != p->end() && m->is_number() && v < *m) {
        out.push_back({here, v.dump() + " is below the minimum " + m->dump()});
        continue;
      }
      if (auto m = p->find("maximum"); m != p->end() && m->is_number() && v > *m) {
        out.push_back({here, v.dump() + " is above the maximum " + m->dump()});
        continue;
      }
    }
    if (v.is_string()) {
      const auto size = v.get_ref<const std::string&>().size();
      if (auto m = p->find("maxLength");
          m != p->end() && m->is_number_unsigned() && size > m->get<std::size_t>()) {
        out.push_back({here, "longer than " + m->dump() + " characters"});
        continue;
      }
      if (auto m = p->find("minLength");
          m != p->end() && m->is_number_unsigned() && size < m->get<std::size_t>()) {
        out.push_back({here, "shorter than " + m->dump() + " characters"});
        continue;
      }
    }
    if (v.is_object()) Walk(v, *p, here, out);
  }
}

}  // namespace

std::vector<SchemaProblem> ReadableProblems(const json& value, const json& schema,
                                            const std::string& root) {
  std::vector<SchemaProblem> out;
  Walk(value, schema, root, out);
  return out;
}

}  // namespace aivenctl::model
