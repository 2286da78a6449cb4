#pragma once
// `aivenctl validate FILE|DIR...`: load plan files offline and report every problem.

#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/options.h"

namespace aivenctl::cli {

/// Expands directories into their *.yaml / *.yml files (sorted, not recursive). Returns
/// false and sets `problem` when a directory holds no plan files.
bool ExpandPlanPaths(const std::vector<std::string>& paths, std::vector<std::string>& files,
                     std::string& problem);

/// Validates `files`, prints diagnostics and a summary per file; returns the exit code.
int RunValidate(const std::vector<std::string>& files, const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
