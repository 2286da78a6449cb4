#pragma once
// Global options shared by every subcommand.

#include <map>
#include <string>
#include <vector>

namespace aivenctl::cli {

/// Options given before or after the subcommand name.
struct GlobalOptions {
  std::string api_url = "https://api.aiven.io";  ///< --api-url or AIVEN_API_URL
  std::string log_level = "warn";                ///< --log-level
  bool no_color = false;                         ///< --no-color (or NO_COLOR set)
  std::string format = "text";                   ///< --format text|json
  std::vector<std::string> var_args;             ///< --var name=value, repeatable
  std::map<std::string, std::string> vars;       ///< parsed var_args
  bool color = false;                            ///< resolved: use ANSI colours
};

}  // namespace aivenctl::cli
