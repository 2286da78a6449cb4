#pragma once
// Global options shared by every subcommand.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aivenctl::cli {

/// --lock and --lock-timeout of the commands that change things (apply, destroy, extend,
/// reap --yes): coordination across runners in PostgreSQL.
struct LockFlags {
  std::optional<std::string> url;  ///< --lock URL (wins over AIVENCTL_LOCK_URL)
  std::chrono::milliseconds timeout = std::chrono::minutes(10);  ///< --lock-timeout
};

/// Options given before or after the subcommand name.
struct GlobalOptions {
  std::optional<std::string> api_url;     ///< --api-url (wins over the environment)
  std::optional<std::string> token_file;  ///< --token-file (wins over the environment)
  std::optional<std::string> ca_cert;     ///< --ca-cert: an extra CA file for TLS
  double max_rps = 0;                     ///< --max-rps: fixed request ceiling; 0 = adaptive
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);  ///< --connect-timeout
  std::chrono::milliseconds request_timeout = std::chrono::seconds(60);  ///< --request-timeout
  int max_attempts = 7;                                                  ///< --max-attempts
  /// --retry-max-time: cap on one call's retries (waits included).
  std::chrono::milliseconds retry_max_time = std::chrono::minutes(2);
  bool stats = false;                       ///< --stats: requests and time per endpoint
  std::string log_level = "warn";           ///< --log-level
  bool no_color = false;                    ///< --no-color (or NO_COLOR set)
  std::string format = "text";              ///< --format text|json
  std::vector<std::string> var_args;        ///< --var name=value, repeatable
  std::map<std::string, std::string> vars;  ///< parsed var_args
  bool color = false;                       ///< resolved: use ANSI colours
  std::vector<std::string> args;            ///< the command line as given (no program name)
};

}  // namespace aivenctl::cli
