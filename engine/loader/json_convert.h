#pragma once
// YAML tree -> JSON (YAML 1.2 core schema for plain scalars), and the way back from a
// path in that JSON to the YAML node it came from (for file:line:col in diagnostics).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "loader/yaml_tree.h"

namespace aivenctl::loader {

/// Converts a tree. Plain scalars become null/bool/integer/number when they read as such
/// (true/false only, decimal integers, decimals with '.'/exponent); quoted ones stay strings.
nlohmann::json ToJson(const YamlNode& node);

/// One step of a path into a document: a mapping key or a sequence index.
struct PathStep {
  std::string key;  ///< mapping key; empty for an index
  long index = -1;  ///< sequence index; -1 for a key
  bool IsIndex() const { return index >= 0; }
};

using Path = std::vector<PathStep>;

/// Converts valijson's context (["<root>", "[projects]", "[0]", ...]) into a Path, using the
/// tree to tell keys from indices.
Path PathFromContext(const YamlNode& root, const std::vector<std::string>& context);

/// The node at `path`, or the deepest existing node on the way. `key_node`, when the last
/// step is a mapping key that exists, is set to the key's node.
const YamlNode* Locate(const YamlNode& root, const Path& path, const YamlNode** key_node = nullptr);

/// "projects[0].services[2].name" for messages.
std::string PathText(const Path& path);

}  // namespace aivenctl::loader
