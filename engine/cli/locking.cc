#include "cli/locking.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "api/redact.h"
#include "cli/continue_command.h"
#include "core/duration.h"
#include "lock/postgres.h"

namespace aivenctl::cli {
namespace {

std::string HostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

std::string Elapsed(core::Duration d) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", std::chrono::duration<double>(d).count());
  return text;
}

}  // namespace

std::string LockUrl(const LockFlags& flags, const core::Environment& env) {
  if (flags.url) return *flags.url;
  return env.Get("AIVENCTL_LOCK_URL").value_or("");
}

void HideLockPassword(const LockFlags& flags, const core::Environment& env) {
  const std::string password = lock::UrlPassword(LockUrl(flags, env));
  if (!password.empty()) api::Secrets().Add(password);
}

int TakeRunLock(const lock::Scope& scope, const LockFlags& flags, const GlobalOptions& options,
                RunControl& control, Io& io, std::unique_ptr<RunLock>& held) {
  const std::string url = LockUrl(flags, io.env);
  if (url.empty()) return kExitOk;
  const std::string from = flags.url ? "--lock" : "AIVENCTL_LOCK_URL";
  if (!lock::IsPostgresUrl(url)) {
    io.err << "aivenctl: " << from << " " << lock::RedactUrl(url)
           << ": not a PostgreSQL URL; write it like postgres://USER@HOST:5432/DB?sslmode=require"
              " (the password is best kept in PGPASSWORD or ~/.pgpass)\n";
    return kExitUsage;
  }
  HideLockPassword(flags, io.env);
  auto db = lock::ConnectPostgres(url);
  if (!db.ok()) {
    io.err << "aivenctl: " << api::Redact(db.status().message()) << " (from " << from
           << "); nothing was read or changed\n";
    return kExitInvalid;
  }
  lock::LockOptions lock_options;
  lock_options.scope = scope;
  lock_options.command = ContinueCommand(options.args);
  lock_options.host = HostName();
  lock_options.pid = static_cast<int>(::getpid());
  lock_options.timeout = flags.timeout;
  lock_options.stop = control.stop_token();
  lock_options.note = [&io](const std::string& text) {
    io.err << "aivenctl: " << api::Redact(text) << "\n";
    io.err.flush();
  };
  auto taken = lock::PlanLock::Acquire(std::move(*db), lock_options);
  if (!taken.ok()) {
    if (taken.status().code() == core::Code::kCancelled) return control.Stopped();
    io.err << "aivenctl: " << api::Redact(taken.status().message()) << "\n";
    return kExitInvalid;
  }
  if ((*taken)->waited() > core::Duration::zero()) {
    io.err << "aivenctl: got the lock after " << Elapsed((*taken)->waited()) << "\n";
  }
  held.reset(new RunLock(control, io));
  held->lock_ = std::move(*taken);
  held->lock_->Watch(std::chrono::seconds(1),
                     [run = held.get()](const core::Status& why) { run->Lost(why); });
  return kExitOk;
}

void RunLock::Lost(const core::Status& why) {
  control_.StopBecause("lost the lock database (" + api::Redact(why.message()) +
                       "): no new work starts; calls in flight finish, and what is done stays "
                       "done");
}

void RunLock::ShareRateWindow(Connection& connection) {
  auto window = lock::RateWindow::Open(lock_->database(), connection.resolved().token);
  if (!window.ok()) {
    io_.err << "aivenctl: warning: no shared rate window ("
            << api::Redact(window.status().message()) << "); this runner adapts to 429s alone\n";
    return;
  }
  window_ = std::move(*window);
  connection.budget().SetShared(window_.get(), [this](const core::Status& why) { Lost(why); });
}

}  // namespace aivenctl::cli
