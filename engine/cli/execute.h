#pragma once
// Running a changeset (apply, destroy, reap, extend): confirmation, the executor over the
// API runner with progress display, interrupts, the end summary and the exit code.

#include <atomic>
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
  /// --deadline: from the start of the command, stop starting work (see RunControl).
  std::optional<std::chrono::milliseconds> deadline;
  bool quiet = false;  ///< no progress and no summary (the caller reports)
  LockFlags lock;      ///< --lock URL, --lock-timeout
};

/// SIGINT/SIGTERM and the deadline for one command: the first interrupt (or the deadline)
/// stops refresh reads and the executor gracefully; a second interrupt exits at once with
/// 128 + its signal. Either way the run ends with the command that continues it. Create it
/// before any thread starts.
class RunControl {
 public:
  /// `options.args` is the command line the continue command repeats.
  RunControl(Io& io, const GlobalOptions& options);
  /// Cancelled on the first interrupt and at the deadline.
  std::stop_token stop_token() const { return stop_.get_token(); }
  /// The executor to stop (nullptr: none running).
  void Attach(exec::Executor* executor);
  /// True after the first interrupt or once the deadline passed.
  bool interrupted() const { return stop_.stop_requested(); }
  /// Stops like a first interrupt once `limit` has passed from now; `flag` names it in the
  /// message ("--deadline 25m"). The executor stops there by itself (deadline()).
  void SetDeadline(core::Duration limit, std::string flag);
  /// Stops like the deadline, for `reason` (printed as "aivenctl: REASON"): no new work
  /// starts, calls in flight finish, the exit code is kExitInvalid. Thread-safe; no-op
  /// once stopped.
  void StopBecause(const std::string& reason);
  /// The deadline on the real clock (nullopt: none).
  std::optional<core::SteadyTime> deadline() const { return deadline_at_; }
  /// 128 + the signal after an interrupt (130 SIGINT, 143 SIGTERM); kExitInvalid otherwise
  /// (a stop at the deadline).
  int StoppedExitCode() const;
  /// The command that continues this run: "aivenctl " + the quoted command line.
  const std::string& continue_command() const { return continue_command_; }
  /// Continue with `args` instead (apply of a saved changeset continues with --resume).
  void ContinueWith(const std::vector<std::string>& args);
  /// Ends a run that got as far as changing things (or was stopped): unless `exit_code` is
  /// kExitOk, prints "Run again to finish: COMMAND" to io.err. Returns `exit_code`.
  int Finish(int exit_code);
  /// Finish(StoppedExitCode()): for a run stopped before the executor started.
  int Stopped() { return Finish(StoppedExitCode()); }

 private:
  Io& io_;
  std::stop_source stop_;
  std::mutex mu_;  // guards executor_ and continue_command_ against the watcher thread
  exec::Executor* executor_ = nullptr;
  std::string continue_command_;
  std::atomic<int> signal_{0};  // the first interrupt's signal, 0 before one
  std::optional<core::SteadyTime> deadline_at_;
  std::string deadline_flag_;
  std::atomic<bool> deadline_announced_{false};
  std::unique_ptr<InterruptWatcher> watcher_;
  std::jthread deadline_;

  /// Prints "aivenctl: deadline reached (FLAG): ..." once and stops; called by the deadline
  /// thread, and by Finish when the run ended at the deadline before that thread woke (the
  /// executor stops at the same instant by itself).
  void AnnounceDeadline();
};

/// control.SetDeadline for --deadline, when given.
void StartDeadline(RunControl& control, const ExecFlags& flags);

/// What apply, destroy and extend do before they change anything, decided alike: with
/// --yes go on; ask when both stdin and stdout are terminals; otherwise refuse (a CI job
/// must say --yes). destroy asks for the plan name, the others for "yes"; reap never asks
/// (without --yes it is a dry run).
enum class Consent { kGiven, kAsk, kRefused };

/// The rule above; `has_input` is false when there is no stdin to read an answer from.
Consent WhenToAsk(bool yes, bool has_input, bool in_is_terminal, bool out_is_terminal);

/// Applies WhenToAsk: asks on a terminal for `expected` (e.g. "yes" or the plan name) with
/// `question`; refuses without a terminal, saying to pass --yes. True to go on.
bool Confirm(const std::string& what, const std::string& question, const std::string& expected,
             const ExecFlags& flags, Io& io);

/// Runs `cs.operations` with progress on io.out and prints the summary. Returns the run
/// result; `exit_code` is 0 when every operation is done, control.StoppedExitCode() after
/// an interrupt or the deadline, 1 otherwise. The caller ends with control.Finish.
exec::RunResult Execute(const diff::Changeset& cs, Connection& connection, const ExecFlags& flags,
                        const GlobalOptions& options, RunControl& control, Io& io, int& exit_code);

}  // namespace aivenctl::cli
