#pragma once
// Runs a program (the aivenctl binary) as a user would: its own process, arguments, a
// clean environment, stdout and stderr captured, bounded in time; optionally signalled or
// killed part way through (interrupt and crash tests).

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aivenctl::testing {

/// What to run.
struct ProcessSpec {
  std::string program;                        ///< path of the executable
  std::vector<std::string> args;              ///< arguments (program name excluded)
  std::map<std::string, std::string> env;     ///< the whole environment (PATH added)
  std::string cwd;                            ///< working directory ("" = current)
  std::string stdin_text;                     ///< written to the child's stdin
  std::chrono::milliseconds timeout{180000};  ///< SIGKILL after this (reported)
  /// Send `signal_number` once this much time has passed (SIGINT tests, kill -9 tests).
  std::optional<std::chrono::milliseconds> signal_after;
  int signal_number = 9;
  /// Instead of a time: send the signal once stdout contains this text.
  std::string signal_when_output;
};

/// How it ended.
struct ProcessOutcome {
  int code = -1;           ///< exit code, -1 when killed by a signal
  int signal = 0;          ///< terminating signal, 0 when it exited
  bool timed_out = false;  ///< killed because it ran past the timeout
  std::string out;         ///< stdout
  std::string err;         ///< stderr
  /// "exit 0" / "signal 9" plus stderr, for assertion messages.
  std::string Describe() const;
};

/// Runs `spec` to its end and returns what it did.
ProcessOutcome RunProcess(const ProcessSpec& spec);

/// $AIVENCTL_BINARY_DIR (or the build dir) + "/engine/cli/aivenctl".
std::string AivenctlBinary();
/// $AIVENCTL_SOURCE_DIR or the source dir this test was built from.
std::string SourceDir();

}  // namespace aivenctl::testing
