#include "schema_marks.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kRedacted = "<redacted>";

bool Marked(const Json& schema, const char* mark) {
  auto it = schema.find(mark);
  return it != schema.end() && it->is_boolean() && it->get<bool>();
}

const Json* PropertyOf(const Json& schema, const std::string& key) {
  if (!schema.is_object()) return nullptr;
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return nullptr;
  auto it = props->find(key);
  return it == props->end() ? nullptr : &*it;
}

}  // namespace

Json RedactSecure(const Json& schema, const Json& value) {
  if (value.is_array()) {  // e.g. kafka_connect secret_providers[].vault.token
    auto items = schema.is_object() ? schema.find("items") : schema.end();
    if (items == schema.end()) return value;
    Json out = Json::array();
    for (const auto& v : value) out.push_back(RedactSecure(*items, v));
    return out;
  }
  if (!value.is_object()) return value;
  Json out = value;
  for (auto& [key, v] : out.items()) {
    const Json* sub = PropertyOf(schema, key);
    if (sub == nullptr || v.is_null()) continue;
    if (Marked(*sub, "_secure")) {
      v = kRedacted;
    } else if (v.is_object() || v.is_array()) {
      v = RedactSecure(*sub, v);
    }
  }
  return out;
}

std::optional<std::string> CheckCreateOnly(const Json& schema, const Json& before,
                                           const Json& after, const std::string& root) {
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return std::nullopt;
  static const Json kAbsent;
  for (auto it = props->begin(); it != props->end(); ++it) {
    const Json& was = before.is_object() && before.contains(it.key()) ? before[it.key()] : kAbsent;
    const Json& now = after.is_object() && after.contains(it.key()) ? after[it.key()] : kAbsent;
    const std::string path = root + "." + it.key();
    if (Marked(*it, "create_only")) {
      if (was != now) return "Invalid '" + path + "': can only be set when the service is created";
    } else if (was.is_object() || now.is_object()) {
      if (auto err = CheckCreateOnly(*it, was, now, path)) return err;
    }
  }
  return std::nullopt;
}

}  // namespace aivenctl::emulator
