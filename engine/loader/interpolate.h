#pragma once
// Variable interpolation in plan files: ${name} (from `vars:` or --var, which wins),
// ${env:NAME}, ${env:NAME:-default}; "$${" is a literal "${". Works in every scalar,
// keys included. Variable values may refer to other variables and to the environment.

#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/diagnostic.h"
#include "core/env.h"
#include "loader/yaml_tree.h"

namespace aivenctl::loader {

/// Variables from the command line (--var name=value); they override `vars:`.
using VarMap = std::map<std::string, std::string>;

/// Resolves the root's `vars:` and interpolates every scalar in `root` in place.
/// Problems (undefined variable, unset environment variable without default, cycles,
/// malformed references, bad variable names) go to `diags` at the scalar's position; an
/// unused variable is a warning. Scalars that could not be resolved keep their text and
/// their (line, column) is added to `unresolved`, so later checks can skip them.
/// Returns every variable's resolved value.
VarMap Interpolate(const std::string& file, YamlNode& root, const VarMap& cli_vars,
                   const core::Environment& env, core::Diagnostics& diags,
                   std::set<std::pair<int, int>>& unresolved);

/// True for names usable as variables and environment variables: [A-Za-z_][A-Za-z0-9_]*.
bool IsVariableName(const std::string& name);

}  // namespace aivenctl::loader
