#include "loader/schema_text.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace aivenctl::loader {
namespace {

// "line:column" of byte offset `byte` (1-based, as nlohmann counts it) in `text`.
std::string LineColumn(const std::string& text, std::size_t byte) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line
// 3, column 5: " prefix (the place is given separately).
std::string Reason(const std::string& what) {
  const auto colon = what.find(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::optional<std::string> ReadSchemaFile(const std::string& plan_file, const std::string& path,
                                          std::string& error) {
  namespace fs = std::filesystem;
  fs::path p(path);
  if (p.is_relative()) p = fs::path(plan_file).parent_path() / p;
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    error = "cannot read " + p.string() + ": it is a directory";
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    error = "cannot read " + p.string() + ": no such file (a path relative to the plan file)";
    return std::nullopt;
  }
  std::ostringstream out;
  out << in.rdbuf();
  std::string text = out.str();
  if (text.size() > kMaxSchemaBytes) {
    error = p.string() + " is larger than the registry's limit of 1 MiB";
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> CheckSchemaText(const std::string& type, const std::string& text) {
  if (text.size() > kMaxSchemaBytes) return "the schema is larger than the registry's 1 MiB";
  if (type == "PROTOBUF") {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "the schema is empty";
    return std::nullopt;
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return LineColumn(text, e.byte) + ": " + Reason(e.what()) + " (" + type + " schemas are JSON)";
  }
  if (type == "AVRO" && !doc.is_object() && !doc.is_array() && !doc.is_string()) {
    return "an AVRO schema is a JSON object, array or type name, not " +
           std::string(doc.type_name());
  }
  if (type == "AVRO" && doc.is_object() && !doc.contains("type")) {
    return "an AVRO schema object needs a \"type\"";
  }
  if (type == "JSON" && !doc.is_object() && !doc.is_boolean()) {
    return "a JSON schema is a JSON object or boolean, not " + std::string(doc.type_name());
  }
  return std::nullopt;
}

}  // namespace aivenctl::loader
