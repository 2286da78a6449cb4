#pragma once
// The changeset as JSON (`plan --out`, `plan --format json`, `apply CHANGESET.json`),
// documented by schemas/changeset.schema.json. Round-trips exactly: FromJson(ToJson(x)) == x.
// Operation requests are read into their typed form (request_json.h): an unknown, missing or
// ill-typed key is refused with its JSON path. A changeset never holds a secret, so neither
// does its JSON.

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "diff/changeset.h"

namespace aivenctl::diff {

/// The changeset as one JSON object (plus a derived "summary" that FromJson ignores).
nlohmann::json ToJson(const Changeset& cs);

/// Reads a changeset written by ToJson; names the first problem (with its JSON path).
core::Result<Changeset> FromJson(const nlohmann::json& j);

}  // namespace aivenctl::diff
