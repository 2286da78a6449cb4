#pragma once
// A YAML document as a small tree that keeps the source position of every node and the
// order and duplicates of mapping keys (yaml-cpp's Node API drops both), built from
// yaml-cpp's event parser. This is the adapter where yaml-cpp exceptions stop.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace aivenctl::loader {

/// One YAML node. Mappings keep keys and values in two parallel vectors.
struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  int line = 0;                  ///< 1-based
  int column = 0;                ///< 1-based, in bytes
  std::string value;             ///< scalar text (after interpolation, once that has run)
  bool quoted = false;           ///< quoted or block scalar: always a string, never a number/bool
  std::vector<YamlNode> keys;    ///< kMap: key nodes (scalars)
  std::vector<YamlNode> values;  ///< kMap: values; kSequence: items

  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  /// The value under `key` in a mapping, or nullptr.
  const YamlNode* Find(const std::string& key) const;
  YamlNode* Find(const std::string& key);
};

/// Limits that keep hostile input (alias bombs, huge documents) bounded.
struct YamlLimits {
  std::size_t max_nodes = 5'000'000;      ///< all nodes, including alias copies
  std::size_t max_alias_nodes = 200'000;  ///< nodes copied by expanding aliases
};

/// Parses exactly one YAML document. Syntax errors, duplicate keys, non-scalar keys,
/// several documents and a document that is not a mapping are appended to `diags`
/// (positions name `file`). Returns the tree when it could be built (possibly with
/// non-fatal diagnostics such as duplicate keys, whose later occurrence is dropped).
std::optional<YamlNode> ParseYaml(const std::string& file, const std::string& text,
                                  const YamlLimits& limits, core::Diagnostics& diags);

}  // namespace aivenctl::loader
