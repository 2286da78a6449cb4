#pragma once
// The Schema Registry's rules as the emulator models them (Karapace behind Aiven's API):
// which schema texts are valid, when two are the same, and a simple, honest compatibility
// check. Modelled: AVRO records field by field (BACKWARD: a field the new schema adds needs
// a default; FORWARD: a field it removes needs a default in the old one; a field whose type
// changes is incompatible; FULL: both); any other AVRO change is compatible only when the
// top-level type stays the same. JSON and PROTOBUF changes are always compatible (not
// modelled). *_TRANSITIVE levels check every earlier version instead of the latest.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::emulator {

/// The compatibility levels, upper case as the API writes them.
bool IsCompatibilityLevel(const std::string& level);

/// nullopt when `text` is a valid schema of `type` (AVRO | JSON | PROTOBUF); else the
/// reason, as Karapace words it after "Invalid AVRO schema. Error: ".
std::optional<std::string> InvalidSchema(const std::string& type, const std::string& text);

/// The text in canonical form (JSON dumped with sorted keys for AVRO and JSON), for "is
/// this schema already registered".
std::string CanonicalSchemaText(const std::string& type, const std::string& text);

/// Why `next` cannot follow `previous` (both of `type`) under `level`; empty: compatible.
std::vector<std::string> Incompatibilities(const std::string& type, const std::string& level,
                                           const std::string& previous, const std::string& next);

}  // namespace aivenctl::emulator
