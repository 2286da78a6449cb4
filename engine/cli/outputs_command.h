#pragma once
// Connection outputs of a plan's services: `apply --outputs FILE` and `aivenctl outputs`.

#include <string>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/session.h"

namespace aivenctl::cli {

/// Reads every plan service that exists with its secrets and writes `path` (mode 0600;
/// `.json` -> JSON, anything else -> dotenv), or prints to io.out when `path` is "-".
/// Prints what it wrote (names only) to io.err. False on failure.
bool WriteOutputs(const Session& session, const std::string& path, Io& io);

/// `aivenctl outputs PLANFILE --outputs FILE` (or `--show-secrets` to print them).
int RunOutputs(const std::string& file, const std::string& path, bool show_secrets,
               const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
