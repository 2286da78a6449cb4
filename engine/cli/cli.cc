#include "cli/cli.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/clouds_command.h"
#include "cli/duration_flags.h"
#include "cli/engine_commands.h"
#include "cli/options.h"
#include "cli/projects_command.h"
#include "cli/validate_command.h"

#ifndef AIVENCTL_VERSION
#define AIVENCTL_VERSION "0.0.0"
#endif

namespace aivenctl::cli {
namespace {

constexpr const char* kDescription =
    "aivenctl: declarative automation for the Aiven data platform.\n"
    "Describe projects and services in a plan file; aivenctl checks it, shows what would\n"
    "change and makes it so.";

constexpr const char* kFooter =
    "Exit status: 0 success, 1 invalid input or failed command, 2 usage error.\n"
    "Environment: AIVEN_TOKEN (or AIVEN_AUTH_TOKEN) is the API token unless --token-file is\n"
    "given; AIVEN_API_URL (or AIVEN_WEB_URL) the API URL unless --api-url is given (default\n"
    "https://api.aiven.io); NO_COLOR disables colour.\n"
    "Durations: 1500ms, 90s, 1h30m, 2w (units ms s m h d w, combinable).\n"
    "Plan format: docs/PLAN_FORMAT.md; schema: schemas/plan.schema.json.";

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

}  // namespace

int Run(const std::vector<std::string>& args, Io& io) {
  GlobalOptions options;

  CLI::App app{kDescription, "aivenctl"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("aivenctl ") + AIVENCTL_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option(
      "--api-url", options.api_url,
      "Aiven API base URL (default: AIVEN_API_URL, AIVEN_WEB_URL, https://api.aiven.io)");
  app.add_option("--token-file", options.token_file,
                 "Read the API token from FILE (wins over AIVEN_TOKEN and AIVEN_AUTH_TOKEN)");
  app.add_option("--ca-cert", options.ca_cert, "Also trust the CA certificates in FILE (PEM)");
  app.add_option("--max-rps", options.max_rps,
                 "Fixed ceiling on API requests per second (default: adapt to 429s)")
      ->check(CLI::NonNegativeNumber);
  AddDurationOption(&app, "--connect-timeout", options.connect_timeout, "TCP+TLS connect timeout",
                    DurationRule::kPositive);
  AddDurationOption(&app, "--request-timeout", options.request_timeout,
                    "Timeout of one API request", DurationRule::kPositive);
  app.add_option("--max-attempts", options.max_attempts,
                 "Attempts per API call, the first included")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddDurationOption(&app, "--retry-max-time", options.retry_max_time,
                    "Give up retrying a call after this long (waits included)",
                    DurationRule::kPositive);
  app.add_flag("--stats", options.stats,
               "Print API requests and time per endpoint to stderr at the end");
  app.add_option("--log-level", options.log_level, "Diagnostic log level on stderr")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  app.add_flag("--no-color", options.no_color, "Never use colour (also: NO_COLOR set)");
  app.add_option("--format", options.format, "Output format (markdown: plan only)")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  app.add_option("--var", options.var_args,
                 "Set a plan variable, name=value (repeatable; wins over vars: in the plan)")
      ->take_all()
      ->allow_extra_args(false);

  std::vector<std::string> paths;
  CLI::App* validate = app.add_subcommand(
      "validate",
      "Check plan files offline (no API calls): YAML, schema, names, references, variables");
  validate->add_option("paths", paths, "Plan files, or directories of *.yaml / *.yml files")
      ->required();
  validate->footer("Example: aivenctl validate plans/ --var run=42");

  CLI::App* clouds = app.add_subcommand(
      "clouds", "List the clouds services can run in (needs no token; checks the API URL)");
  clouds->footer("Example: aivenctl clouds --format json");
  CLI::App* projects = app.add_subcommand(
      "projects", "List the token's projects with its roles (checks URL and token)");
  projects->footer("Example: AIVEN_TOKEN=... aivenctl projects");

  EngineCommands engine_commands;
  AddEngineCommands(app, engine_commands);

  app.add_subcommand("version", "Print the aivenctl version");

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
    return kExitUsage;
  }

  std::string problem;
  if (!ParseVars(options, problem)) {
    io.err << "aivenctl: " << problem << "\n";
    return kExitUsage;
  }
  SetUpLogging(options.log_level);
  auto no_color_env = io.env.Get("NO_COLOR");
  options.color = io.out_is_terminal && !options.no_color &&
                  !(no_color_env && !no_color_env->empty()) && options.format == "text";

  if (app.got_subcommand("version")) {
    io.out << "aivenctl " << AIVENCTL_VERSION << "\n";
    return kExitOk;
  }
  if (validate->parsed()) {
    std::vector<std::string> files;
    if (!ExpandPlanPaths(paths, files, problem)) {
      io.err << "aivenctl: " << problem << "\n";
      return kExitUsage;
    }
    return RunValidate(files, options, io);
  }
  if (clouds->parsed()) return RunClouds(options, io);
  if (projects->parsed()) return RunProjects(options, io);
  if (auto code = RunEngineCommand(engine_commands, options, io)) return *code;
  return kExitUsage;
}

}  // namespace aivenctl::cli
