#pragma once
// Global options shared by every subcommand.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aivenctl::cli {

/// Options given before or after the subcommand name.
struct GlobalOptions {
  std::optional<std::string> api_url;       ///< --api-url or AIVEN_API_URL (else AIVEN_WEB_URL)
  std::optional<std::string> token_file;    ///< --token-file (AIVEN_TOKEN wins)
  std::optional<std::string> ca_cert;       ///< --ca-cert: an extra CA file for TLS
  double max_rps = 0;                       ///< --max-rps: fixed request ceiling; 0 = adaptive
  std::string connect_timeout = "10s";      ///< --connect-timeout
  std::string request_timeout = "60s";      ///< --request-timeout
  int max_attempts = 7;                     ///< --max-attempts (first try included)
  std::string retry_max_time = "2m";        ///< --retry-max-time: cap on one call's retries
  bool stats = false;                       ///< --stats: requests and time per endpoint
  std::string log_level = "warn";           ///< --log-level
  bool no_color = false;                    ///< --no-color (or NO_COLOR set)
  std::string format = "text";              ///< --format text|json
  std::vector<std::string> var_args;        ///< --var name=value, repeatable
  std::map<std::string, std::string> vars;  ///< parsed var_args
  bool color = false;                       ///< resolved: use ANSI colours
};

}  // namespace aivenctl::cli
