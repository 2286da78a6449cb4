#pragma once
// Schema Registry answers (Aiven's `.../kafka/schema/...` proxy of Karapace) -> the live
// model. Tolerant like live_json.h: a missing or mistyped field yields the empty value.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/live.h"

namespace aivenctl::api {

/// `GET .../kafka/schema/subjects` {"subjects": [..]} -> subject names, sorted, unique.
std::vector<std::string> SubjectsFromJson(const nlohmann::json& body);

/// `GET .../subjects/{s}/versions` {"versions": [..]} -> the highest version (nullopt: none).
std::optional<int> LatestVersionFromJson(const nlohmann::json& body);

/// `GET .../subjects/{s}/versions/{v}` {"version": {id, schema, schemaType?, subject,
/// version}} -> a LiveSchema (type AVRO when schemaType is absent, as Karapace omits it).
model::LiveSchema SchemaVersionFromJson(const nlohmann::json& body);

/// `GET .../kafka/schema/config/{s}` {"compatibilityLevel"} -> the level (nullopt: none).
std::optional<std::string> CompatibilityFromJson(const nlohmann::json& body);

}  // namespace aivenctl::api
