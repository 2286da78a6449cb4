#pragma once
// Runs aiven-emulator (or a stand-in) as a child process for a test.

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/status.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {

/// How to start the emulator.
struct EmulatorOptions {
  /// Executable; empty means $AIVENCTL_BINARY_DIR/emulator/aiven-emulator.
  std::string binary;
  /// Extra arguments; "--strict" (unless `strict` is false) and "--port 0" are appended.
  std::vector<std::string> args;
  /// Adds "--data-dir <private temp dir>" (kept across Restart, removed at the end).
  bool temp_data_dir = false;
  /// How long to wait for the first stdout line.
  std::chrono::milliseconds start_timeout{10000};
  /// How long Stop() waits after SIGTERM before it sends SIGKILL.
  std::chrono::milliseconds stop_timeout{5000};
  /// Appends "--strict": every request body must match Aiven's OpenAPI description. Off
  /// only for the few tests of the emulator's own (lenient) request handling.
  bool strict = true;
};

/// How the child ended.
struct ExitInfo {
  bool exited = false;       ///< ended through exit(); see code
  int code = 0;              ///< exit code when exited
  int signal = 0;            ///< terminating signal otherwise
  bool forced_kill = false;  ///< Stop() had to fall back to SIGKILL
  /// "exit code 0", "killed by signal 9", ...
  std::string ToString() const;
};

/// One emulator child process. The first stdout line must be exactly
/// "aiven-emulator listening on http://127.0.0.1:PORT"; stderr and the rest of stdout go
/// to log_path(). The child gets SIGKILL if the thread that started it dies. On
/// destruction the child is killed and reaped; if the current test has failed the log's
/// path and tail are printed and the log directory is kept. Not thread-safe.
class EmulatorProcess {
 public:
  /// Prepares, does not start.
  explicit EmulatorProcess(EmulatorOptions options = {});
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  /// Starts the child and waits for the listening line. On failure the child is gone and
  /// the Status names the cause and includes the log tail.
  core::Status Start();
  /// SIGTERM, waits up to stop_timeout, then SIGKILL; reaps. No-op when not running.
  ExitInfo Stop();
  /// SIGKILL and reap (a crash, for durability tests). No-op when not running.
  ExitInfo Kill9();
  /// Stop() if running, then Start() again with the same arguments and data dir.
  core::Status Restart();

  /// True while a started child has not been reaped.
  bool running() const { return pid_ > 0; }
  /// Child pid, or -1.
  pid_t pid() const { return pid_; }
  /// Port from the last listening line (0 before the first successful Start).
  int port() const { return port_; }
  /// "http://127.0.0.1:PORT".
  std::string base_url() const;
  /// File receiving the child's stderr and stdout after the first line.
  const std::string& log_path() const { return log_path_; }
  /// The --data-dir passed to the child when temp_data_dir is set, else "".
  const std::string& data_dir() const { return data_dir_; }
  /// The last `max_lines` lines of the log.
  std::string LogTail(std::size_t max_lines = 40) const;
  /// The executable that Start() runs.
  const std::string& binary() const { return binary_; }

  /// $AIVENCTL_BINARY_DIR/emulator/aiven-emulator (or the build's configured dir).
  static std::string DefaultBinary();

 private:
  core::Status Spawn(int stdout_write_fd, int log_fd);
  core::Status AwaitListeningLine(int stdout_read_fd);
  ExitInfo Reap(bool forced_kill);
  core::Status Fail(std::string message);

  EmulatorOptions options_;
  std::string binary_;
  std::unique_ptr<TempDir> dir_;
  std::string log_path_;
  std::string data_dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::thread drain_;  // copies stdout after the first line into the log
};

}  // namespace aivenctl::testing
