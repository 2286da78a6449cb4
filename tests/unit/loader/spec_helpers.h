#pragma once
// Helpers for loader specs: inline YAML in, one line per diagnostic out.

#include <map>
#include <string>
#include <utility>

#include "core/env.h"
#include "loader/loader.h"

namespace aivenctl::loader {

/// An environment holding exactly `vars`.
inline core::MapEnvironment Env(std::map<std::string, std::string> vars) {
  return core::MapEnvironment(std::move(vars));
}

/// Loads `yaml` as "plan.yaml" with `env` (empty by default) and --var `vars`.
inline LoadResult LoadSpec(const std::string& yaml, const VarMap& vars = {},
                           const core::MapEnvironment& env = core::MapEnvironment()) {
  LoadOptions options;
  options.env = &env;
  options.vars = vars;
  return LoadPlanText("plan.yaml", yaml, options);
}

/// "LINE:COL: error: MESSAGE\n" for each diagnostic.
inline std::string Lines(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) {
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " +
           (d.severity == core::Severity::kError ? "error: " : "warning: ") + d.message + "\n";
  }
  return out;
}

}  // namespace aivenctl::loader
