#include "schema_compat.h"

#include <map>

namespace aivenctl::emulator {
namespace {

using Json = nlohmann::json;

Json Parse(const std::string& text) { return Json::parse(text, nullptr, false); }

std::string TypeOf(const Json& avro) {
  if (avro.is_string()) return avro.get<std::string>();
  if (avro.is_array()) return "union";
  if (avro.is_object() && avro.contains("type") && avro["type"].is_string()) {
    return avro["type"].get<std::string>();
  }
  return "";
}

std::optional<std::string> InvalidAvro(const Json& doc) {
  if (doc.is_string()) return std::nullopt;
  if (doc.is_array()) {
    for (const auto& branch : doc) {
      if (auto why = InvalidAvro(branch)) return why;
    }
    return std::nullopt;
  }
  if (!doc.is_object()) return "a schema is a JSON object, array or type name";
  if (!doc.contains("type")) return "No \"type\" property: " + doc.dump();
  const std::string type = TypeOf(doc);
  if (type == "record" || type == "error") {
    if (!doc.contains("name") || !doc["name"].is_string()) {
      return "Record schema requires a non-empty name";
    }
    if (!doc.contains("fields") || !doc["fields"].is_array()) {
      return "Record schema requires a non-empty fields property";
    }
    for (const auto& f : doc["fields"]) {
      if (!f.is_object() || !f.contains("name") || !f["name"].is_string()) {
        return "Field must have a non-empty name";
      }
      if (!f.contains("type")) return "Field \"" + f["name"].get<std::string>() + "\" has no type";
      if (auto why = InvalidAvro(f["type"])) return why;
    }
  }
  if (type == "enum" && (!doc.contains("symbols") || !doc["symbols"].is_array())) {
    return "Enum symbols must be a sequence of strings";
  }
  if (type.empty()) return "Unknown type: " + doc["type"].dump();
  return std::nullopt;
}

// Fields of an AVRO record by name.
std::map<std::string, Json> Fields(const Json& record) {
  std::map<std::string, Json> out;
  for (const auto& f : record["fields"]) out[f["name"].get<std::string>()] = f;
  return out;
}

void CheckRecords(const Json& reader, const Json& writer, const char* direction,
                  std::vector<std::string>& out) {
  const auto have = Fields(writer);
  for (const auto& [name, field] : Fields(reader)) {
    auto it = have.find(name);
    if (it == have.end()) {
      if (!field.contains("default")) {
        out.push_back(std::string(direction) + ": field '" + name +
                      "' is missing in the writer's schema and has no default");
      }
    } else if (it->second["type"] != field["type"]) {
      out.push_back(std::string(direction) + ": field '" + name + "' changed type from " +
                    it->second["type"].dump() + " to " + field["type"].dump());
    }
  }
}

}  // namespace

bool IsCompatibilityLevel(const std::string& level) {
  for (const char* l : {"BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL",
                        "FULL_TRANSITIVE", "NONE"}) {
    if (level == l) return true;
  }
  return false;
}

std::optional<std::string> InvalidSchema(const std::string& type, const std::string& text) {
  if (type == "PROTOBUF") {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "empty schema";
    return std::nullopt;
  }
  const Json doc = Parse(text);
  if (doc.is_discarded()) return "the schema is not valid JSON";
  if (type == "JSON") {
    if (!doc.is_object() && !doc.is_boolean()) return "a JSON schema is an object or a boolean";
    return std::nullopt;
  }
  return InvalidAvro(doc);
}

std::string CanonicalSchemaText(const std::string& type, const std::string& text) {
  if (type == "PROTOBUF") return text;
  const Json doc = Parse(text);
  return doc.is_discarded() ? text : doc.dump();
}

std::vector<std::string> Incompatibilities(const std::string& type, const std::string& level,
                                           const std::string& previous, const std::string& next) {
  std::vector<std::string> out;
  if (level == "NONE" || type != "AVRO") return out;
  const Json old_doc = Parse(previous), new_doc = Parse(next);
  if (old_doc.is_discarded() || new_doc.is_discarded()) return out;
  if (TypeOf(old_doc) != TypeOf(new_doc)) {
    out.push_back("the schema type changed from " + TypeOf(old_doc) + " to " + TypeOf(new_doc));
    return out;
  }
  if (TypeOf(new_doc) != "record") return out;
  const bool backward = level.rfind("BACKWARD", 0) == 0 || level.rfind("FULL", 0) == 0;
  const bool forward = level.rfind("FORWARD", 0) == 0 || level.rfind("FULL", 0) == 0;
  if (backward) CheckRecords(new_doc, old_doc, "reader (new schema)", out);
  if (forward) CheckRecords(old_doc, new_doc, "reader (old schema)", out);
  return out;
}

}  // namespace aivenctl::emulator
