#pragma once
// JSON helpers for the planner: value equality that ignores number representation, the
// "only keys present in the plan are managed" comparison, and create-time flattening.

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/changeset.h"

namespace aivenctl::diff {

/// Equality where 3, 3u and 3.0 are equal; objects and arrays compared deeply.
bool JsonEqual(const nlohmann::json& a, const nlohmann::json& b);

/// A copy of `v` without null-valued object members (recursively).
nlohmann::json StripNulls(const nlohmann::json& v);

/// True for user_config keys holding secrets (passwords, private keys, tokens): never kept
/// in a changeset, never diffed (the live model drops them).
bool IsSecretKey(const std::string& key);

/// `v` (at `path`, described by `schema` when known) without secrets, through objects and
/// arrays, and without nulls unless `keep_nulls`. A secret is a `secure` path (`_secure` in a
/// schema) or, where no schema describes the key, a secret-looking name ("password", ...): a
/// described key such as pg.password_encryption is an ordinary setting. Names the dropped
/// secrets' paths in `dropped` ("user_config.migration.password", "user_config.p[0].token").
nlohmann::json WithoutSecrets(const nlohmann::json& v, const std::string& path,
                              const nlohmann::json* schema, const std::set<std::string>& secure,
                              bool keep_nulls, std::vector<std::string>& dropped);

/// Appends one FieldChange per managed leaf that differs: every key present in `desired`
/// (recursing into objects present on both sides), compared with `live`; a desired null
/// means "unset" and differs from any live value. Paths are `prefix` + "." + key...
void DiffManaged(const nlohmann::json& desired, const nlohmann::json& live,
                 const std::string& prefix, std::vector<FieldChange>& out);

/// `live` with the managed keys of `desired` written over it (a null removes the key).
nlohmann::json Overlay(const nlohmann::json& live, const nlohmann::json& desired);

/// Appends a FieldChange (before null) per non-null leaf of `value` below `prefix`.
void FlattenCreate(const nlohmann::json& value, const std::string& prefix,
                   std::vector<FieldChange>& out);

}  // namespace aivenctl::diff
