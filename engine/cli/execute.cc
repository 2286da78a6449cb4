#include "cli/execute.h"

#include <iostream>

#include "exec/api_runner.h"
#include "render/progress.h"
#include "render/run_summary.h"

namespace aivenctl::cli {

RunControl::RunControl(Io& io) : io_(io) {
  watcher_ = std::make_unique<InterruptWatcher>(
      [this](int) {
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
        io_.err << "\naivenctl: interrupted twice: exiting now; run the command again to "
                   "converge.\n";
        io_.err.flush();
      });
}

void RunControl::Attach(exec::Executor* executor) {
  std::lock_guard lock(mu_);
  executor_ = executor;
  if (executor_ != nullptr && stop_.stop_requested()) executor_->RequestStop();
}

void RunControl::StopAfter(core::Duration limit) {
  deadline_ = std::jthread([this, limit](std::stop_token done) {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    if (cv.wait_for(lock, done, limit, [] { return false; }); done.stop_requested()) return;
    io_.err << "aivenctl: time limit reached: no new work starts; calls in flight finish.\n";
    stop_.request_stop();
    std::lock_guard executor_lock(mu_);
    if (executor_ != nullptr) executor_->RequestStop();
  });
}

namespace {

class QuietSink : public render::ProgressSink {
 public:
  void OnEvent(const exec::Event&) override {}
};

}  // namespace

bool Confirm(const std::string& what, const std::string& question, const std::string& expected,
             const ExecFlags& flags, Io& io) {
  if (flags.yes) return true;
  if (io.in == nullptr || !io.in_is_terminal || !io.out_is_terminal) {
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
  exit_code = result.status.ok() ? kExitOk : result.stopped ? 130 : kExitInvalid;
  return result;
}

}  // namespace aivenctl::cli
