#pragma once
// The commands that talk to the API about a plan: plan, graph, apply, destroy, outputs,
// reap, extend. Their flags are registered on the CLI11 app here, so cli.cc stays thin.

#include <chrono>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/apply_command.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "cli/reap_command.h"

namespace aivenctl::cli {

/// Flag storage and subcommands; lives as long as the parse.
struct EngineCommands {
  CLI::App* plan = nullptr;
  CLI::App* graph = nullptr;
  CLI::App* apply = nullptr;
  CLI::App* destroy = nullptr;
  CLI::App* outputs = nullptr;
  CLI::App* reap = nullptr;
  CLI::App* extend = nullptr;
  std::string file;
  PlanFlags plan_flags;
  ExecFlags exec_flags;
  ApplyFlags apply_flags;
  ReapFlags reap_flags;
  std::optional<std::chrono::milliseconds> ttl;  ///< --ttl (required)
  bool show_secrets = false;
  std::string output_name;  ///< outputs NAME: print one value
};

/// Adds the subcommands and their flags to `app`.
void AddEngineCommands(CLI::App& app, EngineCommands& commands);

/// Runs the one that was parsed; nullopt when none of them was.
std::optional<int> RunEngineCommand(EngineCommands& commands, const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
