#pragma once
// Every duration flag of the command line reads one grammar (core::ParseFlagDuration:
// units ms s m h d w, combinable) and is checked while the arguments are parsed, so a bad
// value is a usage error naming the flag before any work starts.

#include <chrono>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/status.h"

namespace aivenctl::cli {

/// The lower bound a duration flag has beyond the grammar.
enum class DurationRule {
  kAny,             ///< 0 included
  kPositive,        ///< more than 0
  kAtLeastASecond,  ///< a whole second or more (the value is used in seconds)
};

/// Parses `text` given to `flag`; errors read "<flag> <text>: <reason>".
core::Result<std::chrono::milliseconds> ParseDurationFlag(const std::string& flag,
                                                          const std::string& text,
                                                          DurationRule rule = DurationRule::kAny);

/// Adds `name` (e.g. "--poll-max") storing into `target`; help shows its value as the
/// default. A bad value makes the parse fail (a CLI::ValidationError, exit 2).
CLI::Option* AddDurationOption(CLI::App* app, const std::string& name,
                               std::chrono::milliseconds& target, const std::string& help,
                               DurationRule rule = DurationRule::kAny);

/// The same for a flag without a default (unset: nullopt).
CLI::Option* AddDurationOption(CLI::App* app, const std::string& name,
                               std::optional<std::chrono::milliseconds>& target,
                               const std::string& help, DurationRule rule = DurationRule::kAny);

}  // namespace aivenctl::cli
