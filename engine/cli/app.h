#pragma once
// The command line's definition: every subcommand, flag and help text on one CLI11 App,
// built apart from running it, so the completion scripts and man pages walk the same
// tree that parses (cli_spec.h).

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/engine_commands.h"
#include "cli/options.h"
#include "cli/ownership_commands.h"

namespace aivenctl::cli {

/// The App and the storage its options write into. Not movable: the App refers to the
/// members, so it lives behind a unique_ptr.
struct CommandLine {
  CLI::App app;
  GlobalOptions options;
  EngineCommands engine;
  OwnershipCommands ownership;
  std::vector<std::string> paths;  ///< validate PATH...
  std::string shell;               ///< completion SHELL
  std::string man_dir;             ///< __man DIR
  CLI::App* validate = nullptr;
  CLI::App* clouds = nullptr;
  CLI::App* projects = nullptr;
  CLI::App* version = nullptr;
  CLI::App* completion = nullptr;
  CLI::App* man = nullptr;  ///< hidden: writes the man pages (the build runs it)

  CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;
};

/// Builds the whole command line (nothing is parsed yet).
std::unique_ptr<CommandLine> BuildCommandLine();

}  // namespace aivenctl::cli
