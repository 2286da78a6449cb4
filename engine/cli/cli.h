#pragma once
// The aivenctl command line: argument parsing and wiring (CLI11). main() only forwards
// here, so tests run the whole command line in-process.

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/env.h"

namespace aivenctl::cli {

/// Exit codes (the --help footer's table, help_text.h, says the same): 0 success, 1 any
/// error (usage errors included), 2 only for "there are changes" (plan and reap with
/// --detailed-exitcode), 128 + the signal after an interrupt (130 SIGINT, 143 SIGTERM).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 1;  ///< a usage error is an error like any other
inline constexpr int kExitChanges = 2;
/// The exit code after `signal` interrupted a run (as a shell reports a killed process).
inline constexpr int ExitCodeForSignal(int signal) { return 128 + signal; }

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
