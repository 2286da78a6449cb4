#include "cli/app.h"

#include "cli/cli_spec.h"
#include "cli/duration_flags.h"
#include "cli/help_text.h"
#include "cli/version.h"

namespace aivenctl::cli {

std::string Description() {
  return std::string("aivenctl: ") + kSummary + ".\n" + kDescriptionBody;
}

std::string MainFooter() {
  auto table = [](const std::string& title, const auto& items) {
    std::string out = title + "\n";
    for (const HelpItem& item : items) {
      std::string name = item.name;
      name.resize(18, ' ');
      out += "  " + name + item.text + "\n";
    }
    return out;
  };
  return table("Exit status:", kExitStatuses) + "  " + kExitNote + "\n" +
         table("Environment (a flag wins over it):", kEnvironment) + kDurationHelp + "\n" +
         kPlanFormatHelp;
}

namespace {

void AddGlobalOptions(CLI::App& app, GlobalOptions& options) {
  app.add_option("--api-url", options.api_url,
                 "Aiven API base URL (default: AIVEN_API_URL, AIVEN_WEB_URL, "
                 "https://api.aiven.io)")
      ->type_name("URL");
  app.add_option("--token-file", options.token_file,
                 "Read the API token from FILE (wins over AIVEN_TOKEN and AIVEN_AUTH_TOKEN)")
      ->type_name(kFileType);
  app.add_option("--ca-cert", options.ca_cert, "Also trust the CA certificates in FILE (PEM)")
      ->type_name(kFileType);
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
      ->type_name("LEVEL")
      ->check(OneOf({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  app.add_flag("--no-color", options.no_color, "Never use colour (also: NO_COLOR set)");
  app.add_option("--format", options.format, "Output format (markdown: plan only)")
      ->type_name("FORMAT")
      ->check(OneOf({"text", "json", "markdown"}))
      ->capture_default_str();
  app.add_option("--var", options.var_args,
                 "Set a plan variable, name=value (repeatable; wins over vars: in the plan)")
      ->type_name("NAME=VALUE")
      ->take_all()
      ->allow_extra_args(false);
}

}  // namespace

CommandLine::CommandLine() : app(Description(), "aivenctl") {
  app.footer(MainFooter());
  app.set_version_flag("--version", VersionText(), "Print the version, git commit and build type");
  app.require_subcommand(1);
  app.fallthrough();
  AddGlobalOptions(app, options);

  validate = app.add_subcommand(
      "validate",
      "Check plan files offline (no API calls): YAML, schema, names, references, variables");
  validate->add_option("paths", paths, "Plan files, or directories of *.yaml / *.yml files")
      ->type_name(kPlanPathType)
      ->required();
  validate->footer("Example: aivenctl validate plans/ --var run=42");

  clouds = app.add_subcommand(
      "clouds", "List the clouds services can run in (needs no token; checks the API URL)");
  clouds->footer("Example: aivenctl clouds --format json");
  projects = app.add_subcommand("projects",
                                "List the token's projects with its roles (checks URL and token)");
  projects->footer("Example: AIVEN_TOKEN=... aivenctl projects");

  AddEngineCommands(app, engine);
  AddOwnershipCommands(app, ownership);

  version = app.add_subcommand("version", "Print the version, git commit and build type");
  completion = app.add_subcommand("completion", "Print the shell completion script for SHELL");
  completion->add_option("shell", shell, "bash, zsh or fish")
      ->type_name("SHELL")
      ->check(OneOf({"bash", "zsh", "fish"}))
      ->required();
  completion->footer(
      "Example: aivenctl completion bash > ~/.local/share/bash-completion/completions/aivenctl\n"
      "(zsh: a file _aivenctl in $fpath; fish: ~/.config/fish/completions/aivenctl.fish)");
  man = app.add_subcommand("__man", "Write the man pages to DIR (the build runs this)");
  man->add_option("dir", man_dir, "Where to write aivenctl.1 and aivenctl-COMMAND.1")
      ->type_name("DIR")
      ->required();
  man->group("");  // hidden from --help, completions and man pages
}

std::unique_ptr<CommandLine> BuildCommandLine() { return std::make_unique<CommandLine>(); }

}  // namespace aivenctl::cli
