#pragma once
// `aivenctl clouds`: every cloud (name, provider, region, description). Needs no token,
// so it checks the URL (and TLS) before anything else.

#include "cli/cli.h"
#include "cli/options.h"

namespace aivenctl::cli {

/// Prints the clouds as a table, or JSON with --format json; returns the exit code.
int RunClouds(const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
