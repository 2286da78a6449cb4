#include "cli/cli.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "cli/app.h"
#include "cli/cli_spec.h"
#include "cli/clouds_command.h"
#include "cli/completion.h"
#include "cli/man_page.h"
#include "cli/projects_command.h"
#include "cli/validate_command.h"
#include "cli/version.h"
#include "core/suggest.h"

namespace aivenctl::cli {
namespace {

void SetUpLogging(const std::string& level) {
  auto logger = spdlog::get("aivenctl");
  if (!logger) {
    logger = spdlog::stderr_logger_mt("aivenctl");
    spdlog::set_default_logger(logger);
  }
  logger->set_level(spdlog::level::from_str(level));
}

// Parses --var name=value arguments; false (and `problem`) on malformed ones.
bool ParseVars(GlobalOptions& options, std::string& problem) {
  for (const auto& arg : options.var_args) {
    std::size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) {
      problem = "--var expects name=value, got \"" + arg + "\"";
      return false;
    }
    options.vars[arg.substr(0, eq)] = arg.substr(eq + 1);
  }
  return true;
}

// "aivenctl: unknown flag --frmat (did you mean --format?)" for each argument that looks
// like a flag and is none of the command line's (CLI11 only says it was not expected).
void SuggestFlags(const std::vector<std::string>& args, const CLI::App& app, std::ostream& err) {
  const CliSpec spec = DescribeApp(app);
  std::vector<std::string> known;
  auto add = [&](const std::vector<FlagSpec>& flags) {
    for (const FlagSpec& f : flags) {
      for (const auto& name : f.names) {
        if (name.rfind("--", 0) == 0) known.push_back(name);
      }
    }
  };
  add(spec.global_flags);
  for (const CommandSpec& c : spec.commands) add(c.flags);
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  for (const auto& arg : args) {
    if (arg == "--") break;
    if (arg.size() < 3 || arg.rfind("--", 0) != 0) continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::binary_search(known.begin(), known.end(), name)) continue;
    err << "aivenctl: unknown flag " << name << core::DidYouMean(name, known) << "\n";
  }
}

}  // namespace

int Run(const std::vector<std::string>& args, Io& io) {
  std::unique_ptr<CommandLine> command_line = BuildCommandLine();
  CommandLine& cl = *command_line;
  CLI::App& app = cl.app;
  GlobalOptions& options = cl.options;

  std::vector<std::string> argv_storage;
  argv_storage.push_back("aivenctl");
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::ParseError& e) {
    app.exit(e, io.out, io.err);
    SuggestFlags(args, app, io.err);
    return kExitUsage;
  }

  options.args = args;
  std::string problem;
  if (!ParseVars(options, problem)) {
    io.err << "aivenctl: " << problem << "\n";
    return kExitUsage;
  }
  if (cl.version->parsed()) {
    io.out << VersionText() << "\n";
    return kExitOk;
  }
  if (cl.completion->parsed()) {
    io.out << CompletionScript(DescribeApp(app), cl.shell);
    return kExitOk;
  }
  if (cl.man->parsed()) {
    core::Status written = WriteManPages(DescribeApp(app), cl.man_dir);
    if (!written.ok()) {
      io.err << "aivenctl: " << written.message() << "\n";
      return kExitInvalid;
    }
    return kExitOk;
  }
  SetUpLogging(options.log_level);
  auto no_color_env = io.env.Get("NO_COLOR");
  options.color = io.out_is_terminal && !options.no_color &&
                  !(no_color_env && !no_color_env->empty()) && options.format == "text";

  if (cl.validate->parsed()) {
    std::vector<std::string> files;
    if (!ExpandPlanPaths(cl.paths, files, problem)) {
      io.err << "aivenctl: " << problem << "\n";
      return kExitUsage;
    }
    return RunValidate(files, options, io);
  }
  if (cl.clouds->parsed()) return RunClouds(options, io);
  if (cl.projects->parsed()) return RunProjects(options, io);
  if (auto code = RunEngineCommand(cl.engine, options, io)) return *code;
  if (auto code = RunOwnershipCommand(cl.ownership, options, io)) return *code;
  return kExitUsage;
}

}  // namespace aivenctl::cli
