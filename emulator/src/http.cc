#include "http.h"

#include <cmath>

namespace aivenctl::emulator {
namespace {

// "a string", "an integer", ... as the handlers' messages say it.
std::string TypeName(const Json& v) {
  const std::string name = JsonTypeName(v);
  if (name == "null") return name;
  return (name == "integer" || name == "array" || name == "object" ? "an " : "a ") + name;
}

[[noreturn]] void WrongType(const char* field, const char* want, const Json& got) {
  throw ApiError{
      400,
      std::string("Invalid input for ") + field + ": expected " + want + ", got " + TypeName(got),
      ""};
}

const Json* Field(const Json& obj, const char* field) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

const char* JsonTypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "integer";
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::array:
      return "array";
    case Json::value_t::object:
      return "object";
    default:
      return "null";
  }
}

bool JsonIsType(const Json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  if (type == "number") return v.is_number();
  if (type == "integer") {
    if (v.is_number_integer()) return true;
    if (!v.is_number_float()) return false;
    const double d = v.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
  }
  return true;
}

Json MergeTopLevel(Json base, const Json& patch) {
  for (const auto& [k, v] : patch.items()) {
    if (v.is_null()) {
      base.erase(k);
    } else {
      base[k] = v;
    }
  }
  return base;
}

Json ErrorBody(const ApiError& e) {
  Json item{{"message", e.message}, {"status", e.status}};
  if (!e.error_code.empty()) item["error_code"] = e.error_code;
  return Json{{"message", e.message}, {"errors", Json::array({item})}};
}

const std::string& Ctx::Param(const std::string& name) const {
  const auto it = params.find(name);
  if (it == params.end()) throw ApiError{500, "route has no parameter " + name, ""};
  return it->second;
}

bool Ctx::IncludeSecrets() const {
  if (!req.has_param("include_secrets")) return false;
  const std::string v = req.get_param_value("include_secrets");
  return v == "true" || v == "1" || v == "True";
}

const Json& Ctx::Object() const {
  if (!body.is_object()) {
    throw ApiError{400, "Invalid request body: expected a JSON object", ""};
  }
  return body;
}

void Ctx::Reply(const Json& j, int status) const {
  res.status = status;
  res.set_content(j.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

std::string OptString(const Json& obj, const char* field, const std::string& fallback) {
  const Json* v = Field(obj, field);
  if (!v) return fallback;
  if (!v->is_string()) WrongType(field, "a string", *v);
  return v->get<std::string>();
}

std::string ReqString(const Json& obj, const char* field) {
  const Json* v = Field(obj, field);
  if (!v) throw ApiError{400, std::string("Missing required field: ") + field, ""};
  if (!v->is_string()) WrongType(field, "a string", *v);
  return v->get<std::string>();
}

int64_t OptInt(const Json& obj, const char* field, int64_t fallback) {
  const Json* v = Field(obj, field);
  if (!v) return fallback;
  if (!v->is_number_integer()) WrongType(field, "an integer", *v);
  return v->get<int64_t>();
}

bool OptBool(const Json& obj, const char* field, bool fallback) {
  const Json* v = Field(obj, field);
  if (!v) return fallback;
  if (!v->is_boolean()) WrongType(field, "a boolean", *v);
  return v->get<bool>();
}

const Json* OptObject(const Json& obj, const char* field) {
  const Json* v = Field(obj, field);
  if (v && !v->is_object()) WrongType(field, "an object", *v);
  return v;
}

const Json* OptArray(const Json& obj, const char* field) {
  const Json* v = Field(obj, field);
  if (v && !v->is_array()) WrongType(field, "an array", *v);
  return v;
}

}  // namespace aivenctl::emulator
