#pragma once
// Reading a saved changeset's JSON (internal to engine/diff): typed getters that throw a
// JsonReadError naming the JSON path of the first problem, and ObjectReader, which also
// refuses the keys nobody asked for.

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/desired.h"

namespace aivenctl::diff::internal {

/// A read failure; what() is "<json path>: <problem>".
struct JsonReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `j[key]`; throws when `j` is not an object or lacks `key`.
const nlohmann::json& Member(const nlohmann::json& j, const char* key, const std::string& path);
/// `j[key]` as a string.
std::string String(const nlohmann::json& j, const char* key, const std::string& path);
/// `j[key]` as a string, "" when absent.
std::string OptString(const nlohmann::json& j, const char* key, const std::string& path);
/// True for an integer within int's range (a larger one must not wrap into a valid value).
bool IsInt(const nlohmann::json& v);
/// `j[key]` as an int.
int Int(const nlohmann::json& j, const char* key, const std::string& path);
/// `j[key]` as a number.
double Number(const nlohmann::json& j, const char* key, const std::string& path);
/// `j[key]` as a boolean.
bool Bool(const nlohmann::json& j, const char* key, const std::string& path);
/// `j[key]`, which must be an array.
const nlohmann::json& Array(const nlohmann::json& j, const char* key, const std::string& path);

/// Reads one JSON object whose keys are all known: each getter marks its key as known
/// (present or not), and Finish() refuses any other key (with a "did you mean" for a
/// likely typo).
class ObjectReader {
 public:
  /// Throws unless `j` is an object. `j` must outlive the reader.
  ObjectReader(const nlohmann::json& j, std::string path);

  /// The JSON path of the object ("changeset.operations[3].request").
  const std::string& path() const { return path_; }
  /// True when the object has `key`.
  bool Has(const char* key) const { return j_.contains(key); }

  /// A required string.
  std::string Str(const char* key);
  /// An optional string.
  std::optional<std::string> OptStr(const char* key);
  /// An optional boolean.
  std::optional<bool> OptBool(const char* key);
  /// An optional integer within int's range.
  std::optional<int> OptInt(const char* key);
  /// An optional integer within long long's range.
  std::optional<long long> OptInt64(const char* key);
  /// A required object, kept as JSON.
  nlohmann::json Object(const char* key);
  /// An optional object, kept as JSON.
  std::optional<nlohmann::json> OptObject(const char* key);
  /// A required object of string values ({"team": "x"}).
  model::Tags TagMap(const char* key);
  /// An optional object of string values.
  std::optional<model::Tags> OptTagMap(const char* key);
  /// A required list of {key, value} string pairs (topic tags).
  model::Tags TagList(const char* key);
  /// An optional list of {key, value} string pairs.
  std::optional<model::Tags> OptTagList(const char* key);
  /// A required list of strings.
  std::vector<std::string> StrList(const char* key);
  /// A required object read by its own reader (call Finish on it).
  ObjectReader Nested(const char* key);
  /// An optional object read by its own reader.
  std::optional<ObjectReader> OptNested(const char* key);

  /// Throws for the first key (in key order) no getter asked for.
  void Finish() const;

 private:
  const nlohmann::json* Take(const char* key, bool required);
  template <typename T>
  T Required(std::optional<T> value, const char* key) const {
    if (!value) throw JsonReadError(At(key) + ": missing");
    return std::move(*value);
  }
  std::string At(const char* key) const { return path_ + "." + key; }

  const nlohmann::json& j_;
  std::string path_;
  std::set<std::string> known_;
};

}  // namespace aivenctl::diff::internal
