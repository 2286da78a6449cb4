#include "diff/json_read.h"

#include <climits>
#include <cstdint>
#include <utility>

#include "core/suggest.h"

namespace aivenctl::diff::internal {

using nlohmann::json;

const json& Member(const json& j, const char* key, const std::string& path) {
  if (!j.is_object()) throw JsonReadError(path + ": expected an object");
  auto it = j.find(key);
  if (it == j.end()) throw JsonReadError(path + "." + key + ": missing");
  return *it;
}

std::string String(const json& j, const char* key, const std::string& path) {
  const json& v = Member(j, key, path);
  if (!v.is_string()) throw JsonReadError(path + "." + key + ": expected a string");
  return v.get<std::string>();
}

std::string OptString(const json& j, const char* key, const std::string& path) {
  return j.contains(key) ? String(j, key, path) : "";
}

bool IsInt(const json& v) {
  if (v.is_number_unsigned()) return v.get<uint64_t>() <= INT_MAX;
  return v.is_number_integer() && v.get<int64_t>() >= INT_MIN && v.get<int64_t>() <= INT_MAX;
}

int Int(const json& j, const char* key, const std::string& path) {
  const json& v = Member(j, key, path);
  if (!IsInt(v)) throw JsonReadError(path + "." + key + ": expected an integer");
  return v.get<int>();
}

double Number(const json& j, const char* key, const std::string& path) {
  const json& v = Member(j, key, path);
  if (!v.is_number()) throw JsonReadError(path + "." + key + ": expected a number");
  return v.get<double>();
}

bool Bool(const json& j, const char* key, const std::string& path) {
  const json& v = Member(j, key, path);
  if (!v.is_boolean()) throw JsonReadError(path + "." + key + ": expected a boolean");
  return v.get<bool>();
}

const json& Array(const json& j, const char* key, const std::string& path) {
  const json& v = Member(j, key, path);
  if (!v.is_array()) throw JsonReadError(path + "." + key + ": expected an array");
  return v;
}

ObjectReader::ObjectReader(const json& j, std::string path) : j_(j), path_(std::move(path)) {
  if (!j_.is_object()) throw JsonReadError(path_ + ": expected an object");
}

const json* ObjectReader::Take(const char* key, bool required) {
  known_.insert(key);
  auto it = j_.find(key);
  if (it == j_.end()) {
    if (required) throw JsonReadError(At(key) + ": missing");
    return nullptr;
  }
  return &*it;
}

std::string ObjectReader::Str(const char* key) { return Required(OptStr(key), key); }

std::optional<std::string> ObjectReader::OptStr(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) throw JsonReadError(At(key) + ": expected a string");
  return v->get<std::string>();
}

std::optional<bool> ObjectReader::OptBool(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) throw JsonReadError(At(key) + ": expected a boolean");
  return v->get<bool>();
}

std::optional<int> ObjectReader::OptInt(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  if (!IsInt(*v)) throw JsonReadError(At(key) + ": expected an integer");
  return v->get<int>();
}

std::optional<long long> ObjectReader::OptInt64(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  const bool fits =
      v->is_number_unsigned() ? v->get<uint64_t>() <= LLONG_MAX : v->is_number_integer();
  if (!fits) throw JsonReadError(At(key) + ": expected an integer");
  return v->get<long long>();
}

std::vector<std::string> ObjectReader::StrList(const char* key) {
  const json* v = Take(key, true);
  if (!v->is_array()) throw JsonReadError(At(key) + ": expected a list of strings");
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) throw JsonReadError(At(key) + ": expected a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

json ObjectReader::Object(const char* key) { return Required(OptObject(key), key); }

std::optional<json> ObjectReader::OptObject(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) throw JsonReadError(At(key) + ": expected an object");
  return *v;
}

model::Tags ObjectReader::TagMap(const char* key) { return Required(OptTagMap(key), key); }

std::optional<model::Tags> ObjectReader::OptTagMap(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) throw JsonReadError(At(key) + ": expected an object of strings");
  model::Tags tags;
  for (auto it = v->begin(); it != v->end(); ++it) {
    if (!it.value().is_string()) {
      throw JsonReadError(At(key) + "." + it.key() + ": expected a string");
    }
    tags.emplace(it.key(), it.value().get<std::string>());
  }
  return tags;
}

model::Tags ObjectReader::TagList(const char* key) { return Required(OptTagList(key), key); }

std::optional<model::Tags> ObjectReader::OptTagList(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_array()) throw JsonReadError(At(key) + ": expected a list of {key, value}");
  model::Tags tags;
  for (std::size_t i = 0; i < v->size(); ++i) {
    ObjectReader tag((*v)[i], At(key) + "[" + std::to_string(i) + "]");
    std::string name = tag.Str("key");
    std::string value = tag.Str("value");
    tag.Finish();
    if (tags.contains(name)) throw JsonReadError(tag.path() + ".key: \"" + name + "\" twice");
    tags.emplace(std::move(name), std::move(value));
  }
  return tags;
}

ObjectReader ObjectReader::Nested(const char* key) {
  return ObjectReader(*Take(key, true), At(key));
}

std::optional<ObjectReader> ObjectReader::OptNested(const char* key) {
  const json* v = Take(key, false);
  if (v == nullptr) return std::nullopt;
  return ObjectReader(*v, At(key));
}

void ObjectReader::Finish() const {
  const std::vector<std::string> known(known_.begin(), known_.end());
  for (auto it = j_.begin(); it != j_.end(); ++it) {
    if (known_.contains(it.key())) continue;
    throw JsonReadError(At(it.key().c_str()) + ": unknown key" + core::DidYouMean(it.key(), known));
  }
}

}  // namespace aivenctl::diff::internal
