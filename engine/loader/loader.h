#pragma once
// Loading a plan file: bytes -> YAML tree -> variables -> JSON -> schema -> desired model ->
// semantic checks. Every problem is reported at once, sorted by position. No network.

#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "core/env.h"
#include "loader/interpolate.h"
#include "loader/source_text.h"
#include "loader/yaml_tree.h"
#include "model/desired.h"

namespace aivenctl::loader {

/// How to load: variables from the command line, the environment, limits.
struct LoadOptions {
  VarMap vars;                                   ///< --var name=value (wins over `vars:`)
  const core::Environment* env = nullptr;        ///< nullptr: the process environment
  std::size_t max_bytes = kDefaultMaxPlanBytes;  ///< larger files are refused
  YamlLimits yaml;                               ///< alias-expansion guard
};

/// The outcome of loading one file.
struct LoadResult {
  std::optional<model::Plan> plan;  ///< set when there are no errors (warnings allowed)
  core::Diagnostics diagnostics;    ///< errors and warnings, sorted by line and column
  std::string source;               ///< the file's text, for rendering source lines

  bool ok() const { return plan.has_value(); }
};

/// Reads and loads the plan file at `path` (diagnostics name `path`).
LoadResult LoadPlanFile(const std::string& path, const LoadOptions& options);

/// Loads plan text already in memory; `file` names it in diagnostics.
LoadResult LoadPlanText(const std::string& file, std::string text, const LoadOptions& options);

}  // namespace aivenctl::loader
