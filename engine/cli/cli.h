#pragma once
// The aivenctl command line: argument parsing and wiring (CLI11). main() only forwards
// here, so tests run the whole command line in-process.

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/env.h"

namespace aivenctl::cli {

/// Exit codes: 0 success, 1 the input is invalid (or a command failed), 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

/// Where a run reads and writes; everything a test wants to control.
struct Io {
  std::ostream& out;             ///< command output (stdout)
  std::ostream& err;             ///< usage errors (stderr); logs go to spdlog's stderr sink
  const core::Environment& env;  ///< NO_COLOR, ${env:...} in plans, AIVEN_API_URL
  bool out_is_terminal = false;  ///< colour is only used on a terminal
  std::istream* in = nullptr;    ///< confirmations (apply, destroy) read a line here
  bool in_is_terminal = false;   ///< prompts only when both stdin and stdout are terminals
  int terminal_width = 0;        ///< columns of the terminal (0: unknown)
};

/// Runs `aivenctl args...` (args exclude the program name) and returns the exit code.
int Run(const std::vector<std::string>& args, Io& io);

}  // namespace aivenctl::cli
