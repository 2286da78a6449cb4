#pragma once
// The changeset as JSON (`plan --out`, `plan --format json`, `apply CHANGESET.json`),
// documented by schemas/changeset.schema.json. Round-trips exactly: FromJson(ToJson(x)) == x.
// Operation requests are read into their typed form (request_json.h): an unknown, missing or
// ill-typed key is refused with its JSON path. A changeset never holds a secret, so neither
// does its JSON.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "diff/changeset.h"

namespace aivenctl::diff {

/// The changeset as one JSON object (plus a derived "summary" that FromJson ignores).
nlohmann::json ToJson(const Changeset& cs);

/// Reads a changeset written by ToJson; names the first problem (with its JSON path).
core::Result<Changeset> FromJson(const nlohmann::json& j);

/// The place of a secret in its user_config, from the planner's notation for it
/// (SecretFromEnv::path): "user_config.migration.password" -> /migration/password,
/// "user_config.p[0].token" -> /p/0/token. nullopt for anything else (no "user_config."
/// prefix, an empty key, an index that is not digits).
std::optional<nlohmann::json::json_pointer> SecretPointer(const std::string& path);

}  // namespace aivenctl::diff
