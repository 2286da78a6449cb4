#pragma once
// Man pages in roff generated from the command line's definition (cli_spec.h):
// aivenctl(1) with the global options, and aivenctl-COMMAND(1) for each command.

#include <string>
#include <utility>
#include <vector>

#include "cli/cli_spec.h"
#include "core/status.h"

namespace aivenctl::cli {

/// Escapes text for roff: backslashes, hyphens (as \-), and a leading . or '.
std::string RoffEscape(const std::string& text);

/// (file name, roff text) for aivenctl.1 and every aivenctl-COMMAND.1; `version` goes in
/// the header ("aivenctl 0.1.0").
std::vector<std::pair<std::string, std::string>> ManPages(const CliSpec& spec,
                                                          const std::string& version);

/// Writes ManPages(spec, VersionName()) into `dir` (created if missing).
core::Status WriteManPages(const CliSpec& spec, const std::string& dir);

}  // namespace aivenctl::cli
