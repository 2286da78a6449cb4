#pragma once
// Schema Registry subjects in a plan: reading `schema_file` next to the plan file and
// checking a schema's text for its type before anything is sent.

#include <optional>
#include <string>

namespace aivenctl::loader {

/// The schema types the registry takes.
inline constexpr const char* kSchemaTypes[] = {"AVRO", "JSON", "PROTOBUF"};

/// Largest schema text aivenctl sends (the API's maxLength for "schema").
inline constexpr std::size_t kMaxSchemaBytes = 1048576;

/// The text of `path`, relative to the directory of `plan_file` unless absolute; nullopt
/// with `error` ("cannot read ...: No such file or directory", "... is larger than ...").
std::optional<std::string> ReadSchemaFile(const std::string& plan_file, const std::string& path,
                                          std::string& error);

/// nullopt when `text` can be a schema of `type`; else what is wrong, with the line and
/// column inside the text for JSON ("3:5: syntax error while parsing object ...").
/// AVRO and JSON schemas are JSON documents (AVRO: an object, an array or a type name
/// string; JSON Schema: an object or a boolean); a PROTOBUF schema must not be blank.
std::optional<std::string> CheckSchemaText(const std::string& type, const std::string& text);

}  // namespace aivenctl::loader
