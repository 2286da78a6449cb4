#pragma once
// The changeset as JSON (`plan --out`, `plan --format json`, `apply CHANGESET.json`),
// documented by schemas/changeset.schema.json. Round-trips exactly: FromJson(ToJson(x)) == x.
// A changeset never holds a secret, so neither does its JSON.

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "diff/changeset.h"

namespace aivenctl::diff {

/// The changeset as one JSON object (plus a derived "summary" that FromJson ignores).
nlohmann::json ToJson(const Changeset& cs);

/// Reads a changeset written by ToJson; names the first problem (with its JSON path).
core::Result<Changeset> FromJson(const nlohmann::json& j);

}  // namespace aivenctl::diff
