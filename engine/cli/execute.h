#pragma once
// Running a changeset (apply, destroy, reap, extend): confirmation, the executor over the
// API runner with progress display, interrupts, the end summary and the exit code.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "cli/cli.h"
#include "cli/connection.h"
#include "cli/interrupts.h"
#include "cli/options.h"
#include "diff/changeset.h"
#include "exec/executor.h"

namespace aivenctl::cli {

/// Flags of the commands that execute.
struct ExecFlags {
  bool yes = false;      ///< --yes: no confirmation prompt
  int parallelism = 10;  ///< --parallelism N
  std::chrono::milliseconds poll_initial = std::chrono::seconds(1);  ///< --poll-initial
  std::chrono::milliseconds poll_max = std::chrono::seconds(10);     ///< --poll-max (ceiling)
  /// --timeout: per-operation limit (nullopt: the executor's defaults).
  std::optional<std::chrono::milliseconds> timeout;
  bool quiet = false;  ///< no progress and no summary (the caller reports)
};

/// SIGINT/SIGTERM for one command: the first stops refresh reads and the executor
/// gracefully; the second exits at once. Create it before any thread starts.
class RunControl {
 public:
  explicit RunControl(Io& io);
  /// Cancelled on the first interrupt.
  std::stop_token stop_token() const { return stop_.get_token(); }
  /// The executor to stop (nullptr: none running).
  void Attach(exec::Executor* executor);
  /// True after the first interrupt (or the deadline).
  bool interrupted() const { return stop_.stop_requested(); }
  /// Stops like a first interrupt once `limit` has passed (a command's --timeout).
  void StopAfter(core::Duration limit);

 private:
  Io& io_;
  std::stop_source stop_;
  std::mutex mu_;
  exec::Executor* executor_ = nullptr;
  std::unique_ptr<InterruptWatcher> watcher_;
  std::jthread deadline_;
};

/// Asks on a terminal for `expected` (e.g. "yes" or the plan name) with `question`.
/// Without a terminal (or without io.in) it refuses, saying to pass --yes. True to go on.
bool Confirm(const std::string& what, const std::string& question, const std::string& expected,
             const ExecFlags& flags, Io& io);

/// Runs `cs.operations` with progress on io.out and prints the summary. Returns the run
/// result; `exit_code` is 0 when every operation is done, 1 otherwise (130 after an
/// interrupt).
exec::RunResult Execute(const diff::Changeset& cs, Connection& connection, const ExecFlags& flags,
                        const GlobalOptions& options, RunControl& control, Io& io, int& exit_code);

}  // namespace aivenctl::cli
