#pragma once
// --lock URL (or AIVENCTL_LOCK_URL) for the commands that change things: before the live
// state is read, take the lock of what the run changes in that PostgreSQL database
// (waiting up to --lock-timeout, saying who holds it), hold it to the end, and share one
// rate window per token with the other runners. Losing the database stops the run like
// the deadline does. Without --lock nothing here runs and libpq is never loaded.

#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/connection.h"
#include "cli/execute.h"
#include "cli/options.h"
#include "lock/lock_keys.h"
#include "lock/plan_lock.h"
#include "lock/rate_window.h"

namespace aivenctl::cli {

/// The lock URL: --lock, else AIVENCTL_LOCK_URL; "" when neither is set.
std::string LockUrl(const LockFlags& flags, const core::Environment& env);

/// Adds the password of the lock URL, if any, to the secrets every message is cleaned of
/// (the continue command repeats --lock).
void HideLockPassword(const LockFlags& flags, const core::Environment& env);

/// A run's hold on the lock. Destroy the Connection it shares a window with first.
class RunLock {
 public:
  /// Attaches the rate window of `connection`'s token to its budget (a warning and the
  /// budget alone when that fails).
  void ShareRateWindow(Connection& connection);

 private:
  friend int TakeRunLock(const lock::Scope&, const LockFlags&, const GlobalOptions&, RunControl&,
                         Io&, std::unique_ptr<RunLock>&);
  RunLock(RunControl& control, Io& io) : control_(control), io_(io) {}
  void Lost(const core::Status& why);

  RunControl& control_;
  Io& io_;
  std::unique_ptr<lock::PlanLock> lock_;
  std::unique_ptr<lock::RateWindow> window_;  // uses lock_'s session: goes first
};

/// Takes the lock of `scope` when one is asked for (`held` stays empty when not): prints
/// the waits on io.err, and "got the lock after ..." when it waited. Returns kExitOk, or
/// the exit code after printing why (1: a bad URL, no database, --lock-timeout passed;
/// 130/143: interrupted while waiting).
int TakeRunLock(const lock::Scope& scope, const LockFlags& flags, const GlobalOptions& options,
                RunControl& control, Io& io, std::unique_ptr<RunLock>& held);

}  // namespace aivenctl::cli
