#pragma once
// Shell completion scripts generated from the command line's definition (cli_spec.h):
// subcommands, their flags, the values of enum flags, plan files for plan arguments.

#include <string>

#include "cli/cli_spec.h"

namespace aivenctl::cli {

/// The script for `shell` ("bash", "zsh" or "fish"; anything else gives "").
std::string CompletionScript(const CliSpec& spec, const std::string& shell);

/// bash: a function registered with `complete -F`.
std::string BashCompletion(const CliSpec& spec);
/// zsh: a #compdef file using _arguments (for $fpath, or to source after compinit).
std::string ZshCompletion(const CliSpec& spec);
/// fish: `complete -c` lines.
std::string FishCompletion(const CliSpec& spec);

}  // namespace aivenctl::cli
