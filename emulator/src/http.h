#pragma once
// Request context and API errors shared by every emulator route.

#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace aivenctl::emulator {

using Json = nlohmann::json;

/// An error answer in Aiven's shape; handlers throw it, the server renders it as
/// {"message": m, "errors": [{"message": m, "status": s, "error_code": c}]}.
struct ApiError {
  int status;
  std::string message;
  std::string error_code;  ///< empty: omitted from the body
};

/// Aiven's error body for an ApiError.
Json ErrorBody(const ApiError& e);

/// The JSON Schema type of a value: "string", "integer", "number", "boolean", "array",
/// "object" or "null".
const char* JsonTypeName(const Json& v);
/// Whether `v` has JSON Schema type `type` (3.0 counts as an integer; a type name this
/// does not know restricts nothing).
bool JsonIsType(const Json& v, const std::string& type);

/// What a route handler sees: path parameters, the parsed body, query flags.
struct Ctx {
  const httplib::Request& req;
  httplib::Response& res;
  std::map<std::string, std::string> params;  ///< from {name} segments of the route
  Json body;                                  ///< parsed JSON body; null when absent or empty
  std::string token;                          ///< authenticated token ("" on public routes)

  /// Path parameter by name (throws ApiError 500 if the route has none such: a bug).
  const std::string& Param(const std::string& name) const;
  /// ?include_secrets=true (also "1").
  bool IncludeSecrets() const;
  /// Body as an object; 400 "Invalid request body" style error when it is not one.
  const Json& Object() const;
  /// Writes a 200 JSON answer (Aiven never uses 201).
  void Reply(const Json& j, int status = 200) const;
};

/// Body field helpers: each throws ApiError 400 naming the field on a wrong type.
/// A JSON null counts as absent (REFERENCE §8), so these return the fallback.
std::string OptString(const Json& obj, const char* field, const std::string& fallback = "");
std::string ReqString(const Json& obj, const char* field);
int64_t OptInt(const Json& obj, const char* field, int64_t fallback);
bool OptBool(const Json& obj, const char* field, bool fallback);
/// Top-level merge of `patch` into `base` where a null value removes the key (how the
/// API treats tag PATCHes and user_config updates).
Json MergeTopLevel(Json base, const Json& patch);

/// Object/array fields: the value, or nullptr when absent/null; 400 on wrong type.
const Json* OptObject(const Json& obj, const char* field);
const Json* OptArray(const Json& obj, const char* field);

}  // namespace aivenctl::emulator
