#include "diff/json_diff.h"

namespace aivenctl::diff {

using nlohmann::json;

bool JsonEqual(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_number_float() || b.is_number_float()) return a.get<double>() == b.get<double>();
    if (a.is_number_unsigned() && b.is_number_unsigned()) {
      return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    }
    return a.get<std::int64_t>() == b.get<std::int64_t>() &&
           (a.get<std::int64_t>() >= 0) == (b.get<std::int64_t>() >= 0);
  }
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
      if (ia.key() != ib.key() || !JsonEqual(ia.value(), ib.value())) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!JsonEqual(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

json StripNulls(const json& v) {
  if (!v.is_object()) return v;
  json out = json::object();
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!it.value().is_null()) out[it.key()] = StripNulls(it.value());
  }
  return out;
}

bool IsSecretKey(const std::string& key) {
  for (const char* word : {"password", "secret", "private_key", "access_key", "token"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return false;
}

void DiffManaged(const json& desired, const json& live, const std::string& prefix,
                 std::vector<FieldChange>& out) {
  static const json kNull;
  if (!desired.is_object()) return;
  for (auto it = desired.begin(); it != desired.end(); ++it) {
    const std::string path = prefix + "." + it.key();
    const json& want = it.value();
    const json* have = &kNull;
    if (live.is_object()) {
      auto found = live.find(it.key());
      if (found != live.end()) have = &*found;
    }
    if (want.is_object() && !want.empty() && (have->is_object() || have->is_null())) {
      DiffManaged(want, *have, path, out);
    } else if (!JsonEqual(want, *have)) {
      out.push_back({path, *have, want, false});
    }
  }
}

json Overlay(const json& live, const json& desired) {
  if (!desired.is_object()) return desired;
  json out = live.is_object() ? live : json::object();
  for (auto it = desired.begin(); it != desired.end(); ++it) {
    if (it.value().is_null()) {
      out.erase(it.key());
    } else if (it.value().is_object() && !it.value().empty()) {
      auto found = out.find(it.key());
      out[it.key()] = Overlay(found == out.end() ? json() : *found, it.value());
    } else {
      out[it.key()] = it.value();
    }
  }
  return out;
}

void FlattenCreate(const json& value, const std::string& prefix, std::vector<FieldChange>& out) {
  if (value.is_null()) return;
  if (value.is_object() && !value.empty()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      FlattenCreate(it.value(), prefix + "." + it.key(), out);
    }
    return;
  }
  out.push_back({prefix, json(), value, false});
}

namespace {

// The property `key` of an object schema, or nullptr.
const json* Property(const json* schema, const std::string& key) {
  if (schema == nullptr || !schema->is_object()) return nullptr;
  auto props = schema->find("properties");
  if (props == schema->end() || !props->is_object()) return nullptr;
  auto p = props->find(key);
  return p == props->end() ? nullptr : &*p;
}

}  // namespace

json WithoutSecrets(const json& v, const std::string& path, const json* schema,
                    const std::set<std::string>& secure, bool keep_nulls,
                    std::vector<std::string>& dropped) {
  if (v.is_array()) {
    const json* items = nullptr;
    if (schema != nullptr && schema->is_object() && schema->contains("items")) {
      items = &schema->at("items");
    }
    json out = json::array();
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string at = path + "[" + std::to_string(i) + "]";
      out.push_back(WithoutSecrets(v[i], at, items, secure, keep_nulls, dropped));
    }
    return out;
  }
  if (!v.is_object()) return v;
  json out = json::object();
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it.value().is_null() && !keep_nulls) continue;
    const std::string below = path + "." + it.key();
    const json* prop = Property(schema, it.key());
    if (secure.contains(below) || (prop == nullptr && IsSecretKey(it.key()))) {
      dropped.push_back(below);
      continue;
    }
    out[it.key()] = WithoutSecrets(it.value(), below, prop, secure, keep_nulls, dropped);
  }
  return out;
}

}  // namespace aivenctl::diff
