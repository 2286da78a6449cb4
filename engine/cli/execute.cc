#include "cli/execute.h"

#include <iostream>

#include "cli/continue_command.h"
#include "core/duration.h"
#include "exec/api_runner.h"
#include "render/progress.h"
#include "render/run_summary.h"

namespace aivenctl::cli {

RunControl::RunControl(Io& io, const GlobalOptions& options)
    : io_(io), continue_command_(ContinueCommand(options.args)) {
  watcher_ = std::make_unique<InterruptWatcher>(
      [this](int signal) {
        signal_ = signal;
        io_.err << "\naivenctl: interrupted: no new work starts; calls in flight finish. "
                   "Interrupt again to exit at once.\n";
        io_.err.flush();
        stop_.request_stop();
        std::lock_guard lock(mu_);
        if (executor_ != nullptr) executor_->RequestStop();
      },
      [this] {
        std::lock_guard lock(mu_);
        if (executor_ != nullptr) executor_->Abort();
        io_.out.flush();
        io_.err << "\naivenctl: interrupted twice: exiting now.\nRun again to finish: "
                << continue_command_ << "\n";
        io_.err.flush();
      });
}

void RunControl::Attach(exec::Executor* executor) {
  std::lock_guard lock(mu_);
  executor_ = executor;
  if (executor_ != nullptr && stop_.stop_requested()) executor_->RequestStop();
}

void RunControl::SetDeadline(core::Duration limit, std::string flag) {
  deadline_at_ = core::RealClock::Instance().Now() + limit;
  deadline_flag_ = std::move(flag);
  deadline_ = std::jthread([this, at = *deadline_at_](std::stop_token done) {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    if (cv.wait_until(lock, done, at, [] { return false; }); done.stop_requested()) return;
    if (stop_.stop_requested()) return;  // interrupted before
    AnnounceDeadline();
  });
}

void RunControl::AnnounceDeadline() {
  if (deadline_announced_.exchange(true)) return;
  io_.err << "aivenctl: deadline reached (" << deadline_flag_
          << "): no new work starts; calls in flight finish.\n";
  io_.err.flush();
  // The executor stops at the same instant by itself (ExecutorOptions::stop_at).
  stop_.request_stop();
}

void RunControl::StopBecause(const std::string& reason) {
  std::lock_guard lock(mu_);
  if (stop_.stop_requested()) return;
  io_.err << "aivenctl: " << reason << "\n";
  io_.err.flush();
  stop_.request_stop();
  if (executor_ != nullptr) executor_->RequestStop();
}

int RunControl::StoppedExitCode() const {
  const int signal = signal_.load();
  return signal != 0 ? ExitCodeForSignal(signal) : kExitInvalid;
}

void RunControl::ContinueWith(const std::vector<std::string>& args) {
  std::lock_guard lock(mu_);
  continue_command_ = ContinueCommand(args);
}

int RunControl::Finish(int exit_code) {
  if (exit_code == kExitOk) return exit_code;
  // A run that ended at the deadline says so even when the deadline thread has not woken
  // yet (the executor stopped at the same instant and the summary came first).
  if (deadline_at_ && !stop_.stop_requested() &&
      core::RealClock::Instance().Now() >= *deadline_at_) {
    AnnounceDeadline();
  }
  io_.out.flush();
  std::lock_guard lock(mu_);
  io_.err << "Run again to finish: " << continue_command_ << "\n";
  io_.err.flush();
  return exit_code;
}

namespace {

class QuietSink : public render::ProgressSink {
 public:
  void OnEvent(const exec::Event&) override {}
};

}  // namespace

void StartDeadline(RunControl& control, const ExecFlags& flags) {
  if (!flags.deadline) return;
  control.SetDeadline(*flags.deadline, "--deadline " + core::FormatFlagDuration(*flags.deadline));
}

Consent WhenToAsk(bool yes, bool has_input, bool in_is_terminal, bool out_is_terminal) {
  if (yes) return Consent::kGiven;
  return has_input && in_is_terminal && out_is_terminal ? Consent::kAsk : Consent::kRefused;
}

bool Confirm(const std::string& what, const std::string& question, const std::string& expected,
             const ExecFlags& flags, Io& io) {
  const Consent consent =
      WhenToAsk(flags.yes, io.in != nullptr, io.in_is_terminal, io.out_is_terminal);
  if (consent == Consent::kGiven) return true;
  if (consent == Consent::kRefused) {
    io.err << "aivenctl: refusing to " << what
           << " without confirmation: not on a terminal. Pass --yes to " << what
           << " non-interactively.\n";
    return false;
  }
  io.out << "\n" << question << "\n  Enter a value: " << std::flush;
  std::string answer;
  std::getline(*io.in, answer);
  if (answer != expected) {
    io.err << "aivenctl: " << what << " cancelled (the answer was not \"" << expected
           << "\"); nothing was changed.\n";
    return false;
  }
  return true;
}

exec::RunResult Execute(const diff::Changeset& cs, Connection& connection, const ExecFlags& flags,
                        const GlobalOptions& options, RunControl& control, Io& io, int& exit_code) {
  exec::ExecutorOptions exec_options;
  exec_options.parallelism = std::max(1, flags.parallelism);
  exec_options.poll_initial = flags.poll_initial;
  exec_options.poll_max = flags.poll_max;
  if (flags.timeout) exec_options.timeouts.all = *flags.timeout;
  exec_options.stop_at = control.deadline();
  if (exec_options.poll_max < exec_options.poll_initial) {
    exec_options.poll_max = exec_options.poll_initial;
  }

  render::ProgressOptions progress;
  progress.format = options.format == "json" ? render::ProgressFormat::kJson
                    : io.out_is_terminal     ? render::ProgressFormat::kTty
                                             : render::ProgressFormat::kPlain;
  progress.width = io.terminal_width;
  // On a terminal the live lines' elapsed times tick every second.
  if (progress.format == render::ProgressFormat::kTty) {
    exec_options.heartbeat = std::chrono::seconds(1);
  }
  std::unique_ptr<render::ProgressSink> sink =
      flags.quiet ? std::make_unique<QuietSink>() : render::MakeProgressSink(io.out, progress);
  exec::ApiRunner runner(connection.api());
  exec::Executor executor(runner, core::RealClock::Instance(), *sink, exec_options);
  control.Attach(&executor);
  exec::RunResult result = executor.Run(cs.operations);
  control.Attach(nullptr);
  sink->Close();
  if (flags.quiet) {
    // the caller reports
  } else if (options.format == "json") {
    io.out << render::RunSummaryToJson(result).dump() << "\n";
  } else {
    io.out << "\n" << render::FormatRunSummary(result);
  }
  io.out.flush();
  exit_code = result.status.ok() ? kExitOk
              : result.stopped   ? control.StoppedExitCode()
                                 : kExitInvalid;
  return result;
}

}  // namespace aivenctl::cli
