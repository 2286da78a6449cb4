#pragma once
// `aivenctl projects`: the token's projects with its roles, default cloud and tags; the
// check that URL and token work before a first plan.

#include "cli/cli.h"
#include "cli/options.h"

namespace aivenctl::cli {

/// Prints the projects as a table, or JSON with --format json; returns the exit code.
int RunProjects(const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
