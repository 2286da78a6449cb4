#pragma once
// The ownership lifecycle commands: `show` (what aivenctl owns, live), `release` (hand
// resources back: remove the ownership tags) and `import` (a plan file from a live project).
// Registered on the CLI11 app here, so cli.cc stays thin.

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/execute.h"
#include "cli/options.h"

namespace aivenctl::cli {

/// Flag storage and subcommands; lives as long as the parse.
struct OwnershipCommands {
  CLI::App* show = nullptr;
  CLI::App* release = nullptr;
  CLI::App* import = nullptr;
  std::string file;                   ///< PLANFILE
  std::string project;                ///< show --project, import --project
  std::vector<std::string> targets;   ///< release --target (repeatable)
  std::vector<std::string> services;  ///< import --service (repeatable)
  std::string name;                   ///< import --name
  std::string out;                    ///< import --out
  ExecFlags exec_flags;               ///< release --yes
};

/// Adds the subcommands and their flags to `app`.
void AddOwnershipCommands(CLI::App& app, OwnershipCommands& commands);

/// `aivenctl import` (import_command.cc).
int RunImport(const OwnershipCommands& c, const GlobalOptions& options, Io& io);

/// Runs the one that was parsed; nullopt when none of them was.
std::optional<int> RunOwnershipCommand(OwnershipCommands& commands, const GlobalOptions& options,
                                       Io& io);

}  // namespace aivenctl::cli
