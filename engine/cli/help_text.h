#pragma once
// Texts that --help, the man pages and the completion scripts share: exit statuses,
// environment variables and the duration grammar, each written once.

#include <string>

namespace aivenctl::cli {

/// One documented item: an exit status or an environment variable, and what it means.
struct HelpItem {
  const char* name;
  const char* text;
};

/// The exit statuses of every command.
inline constexpr HelpItem kExitStatuses[] = {
    {"0", "success (with --detailed-exitcode: nothing to change)"},
    {"1", "any error, usage errors included; also a run stopped by --deadline"},
    {"2", "changes present: plan, or reap without --yes, with --detailed-exitcode"},
    {"130", "interrupted by SIGINT (Ctrl-C)"},
    {"143", "interrupted by SIGTERM"},
};

/// Said after the exit statuses.
inline constexpr const char* kExitNote =
    "A stopped or failed apply, destroy, extend or reap ends with the command that continues "
    "it.";

/// The environment variables aivenctl reads; a flag wins over each of them.
inline constexpr HelpItem kEnvironment[] = {
    {"AIVEN_TOKEN", "the API token, unless --token-file is given"},
    {"AIVEN_AUTH_TOKEN", "the API token when neither --token-file nor AIVEN_TOKEN is given"},
    {"AIVEN_API_URL", "the API URL, unless --api-url is given (default https://api.aiven.io)"},
    {"AIVEN_WEB_URL", "the API URL when neither --api-url nor AIVEN_API_URL is given"},
    {"AIVENCTL_LOCK_URL",
     "the PostgreSQL URL of --lock for apply, destroy, extend and reap --yes, unless --lock is "
     "given"},
    {"NO_COLOR", "when set and not empty, never use colour"},
    {"AIVENCTL_NOW", "pins the current time (ISO 8601) for expiry stamps and reap previews"},
};

/// How every duration flag is written.
inline constexpr const char* kDurationHelp =
    "Durations: 1500ms, 90s, 1h30m, 2w (units ms s m h d w, combinable).";

/// What aivenctl is, in a few words (the man page's NAME line).
inline constexpr const char* kSummary = "declarative automation for the Aiven data platform";

/// What it does, after the summary.
inline constexpr const char* kDescriptionBody =
    "Describe projects and services in a plan file; aivenctl checks it, shows what would\n"
    "change and makes it so.";

/// The --help description: "aivenctl: " + kSummary + ".\n" + kDescriptionBody.
std::string Description();

/// Where the plan format is described.
inline constexpr const char* kPlanFormatHelp =
    "Plan format: docs/PLAN_FORMAT.md; schema: schemas/plan.schema.json.";

/// The top-level --help footer: exit statuses, environment, durations, plan format.
std::string MainFooter();

}  // namespace aivenctl::cli
