#pragma once
// The plan lock: session-level PostgreSQL advisory locks on the keys of a run's scope
// (lock_keys.h), taken before the live state is read and held to the end of the run.
// PostgreSQL releases them when the session ends, so a runner killed with -9 leaves no
// lock behind. While a run waits it shows who holds the lock: every holder keeps a row
// (host, pid, command, since) in aivenctl_lock_holders.

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/status.h"
#include "lock/lock_keys.h"
#include "lock/postgres.h"

namespace aivenctl::lock {

/// How to take the lock.
struct LockOptions {
  Scope scope;
  std::string command;                                   ///< shown to waiters; must hold no secret
  std::string host;                                      ///< this machine's name
  int pid = 0;                                           ///< this process
  core::Duration timeout = std::chrono::minutes(10);     ///< give up after waiting this long
  core::Duration poll = std::chrono::milliseconds(500);  ///< between two attempts
  /// Told "waiting for ..." when the lock is taken, again when its holder changes.
  std::function<void(const std::string&)> note;
  std::stop_token stop;  ///< an interrupt stops the wait
  core::Clock* clock = &core::RealClock::Instance();
};

/// Creates the tables aivenctl keeps (holders, the shared rate window, a random salt) when
/// they are missing; safe when many runners start at once.
core::Status PrepareSchema(Database& db);

/// A held lock. Destruction releases it (and stops the watch).
class PlanLock {
 public:
  /// Prepares the schema, then takes every key of `options.scope` (all or none, retried
  /// every options.poll). Errors: kDeadlineExceeded after options.timeout (naming the
  /// holder), kCancelled when options.stop was requested, kUnavailable from the database.
  static core::Result<std::unique_ptr<PlanLock>> Acquire(std::unique_ptr<Database> db,
                                                         const LockOptions& options);
  ~PlanLock();
  PlanLock(const PlanLock&) = delete;
  PlanLock& operator=(const PlanLock&) = delete;

  /// How long Acquire waited (zero when the lock was free).
  core::Duration waited() const { return waited_; }
  /// The session holding the lock (the rate window uses it too).
  Database& database() { return *db_; }
  /// Checks the session every `every` from a thread of its own; the first failure is
  /// passed to `on_lost` (once), from that thread.
  void Watch(core::Duration every, std::function<void(const core::Status&)> on_lost);

 private:
  PlanLock(std::unique_ptr<Database> db, core::Duration waited)
      : db_(std::move(db)), waited_(waited) {}

  std::unique_ptr<Database> db_;
  core::Duration waited_{};
  std::jthread watch_;
};

}  // namespace aivenctl::lock
