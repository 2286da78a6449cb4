#include "api/schema_json.h"

#include <algorithm>

#include "api/live_json.h"

namespace aivenctl::api {

using nlohmann::json;

std::vector<std::string> SubjectsFromJson(const json& body) {
  std::vector<std::string> out;
  if (!body.is_object()) return out;
  auto it = body.find("subjects");
  if (it == body.end() || !it->is_array()) return out;
  for (const auto& s : *it) {
    if (s.is_string() && !s.get_ref<const std::string&>().empty()) out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<int> LatestVersionFromJson(const json& body) {
  std::optional<int> out;
  if (!body.is_object()) return out;
  auto it = body.find("versions");
  if (it == body.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) continue;
    const auto n = v.get<long long>();
    if (n < 1 || n > 1'000'000'000) continue;
    if (!out || n > *out) out = static_cast<int>(n);
  }
  return out;
}

model::LiveSchema SchemaVersionFromJson(const json& body) {
  model::LiveSchema out;
  if (!body.is_object()) return out;
  auto it = body.find("version");
  if (it == body.end() || !it->is_object()) return out;
  const json& v = *it;
  out.name = StringOr(v, "subject");
  out.schema = StringOr(v, "schema");
  out.type = StringOr(v, "schemaType", "AVRO");
  if (out.type.empty()) out.type = "AVRO";
  auto number = [&](const char* key) {
    auto n = v.find(key);
    if (n == v.end() || !n->is_number_integer()) return 0;
    const auto x = n->get<long long>();
    return x < 0 || x > 2'000'000'000 ? 0 : static_cast<int>(x);
  };
  out.id = number("id");
  out.version = number("version");
  return out;
}

std::optional<std::string> CompatibilityFromJson(const json& body) {
  std::string level = StringOr(body, "compatibilityLevel");
  if (level.empty()) return std::nullopt;
  return level;
}

}  // namespace aivenctl::api
