#pragma once
// One request budget shared by every thread of a run: a token bucket whose rate adapts
// AIMD to the server's 429s, and a shared pause until the instant the server named.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>

#include "core/clock.h"
#include "core/status.h"

namespace aivenctl::api {

/// Tuning of the budget. Defaults suit Aiven's ~120 requests/minute/token limit and an
/// unlimited emulator alike: no throttling until the first 429, then AIMD from the
/// measured rate.
struct RateBudgetOptions {
  double max_rps = 0;         ///< fixed ceiling (--max-rps); 0 = none
  double initial_rps = 0;     ///< 0 = unlimited until the first 429
  double min_rps = 0.2;       ///< the rate never drops below this
  double increase_rps = 0.5;  ///< additive increase per window
  core::Duration increase_window = std::chrono::seconds(5);  ///< 429-free time per increase
  double decrease_factor = 0.5;                              ///< multiplicative decrease on 429
  core::Duration measure_window = std::chrono::seconds(10);  ///< to measure the unlimited rate
};

/// A rate window shared with other processes using the same token (the lock module keeps
/// one in PostgreSQL). While one is attached it, not this process, adapts the rate: every
/// runner reserves its slots from it, so N runners together stay under the limit. All
/// times are relative, so the runners' clocks need not agree. Thread-safe.
class SharedRateWindow {
 public:
  virtual ~SharedRateWindow() = default;
  /// The answer to Reserve.
  struct Slot {
    core::Duration wait{};  ///< how long to wait
    bool taken = true;      ///< true: then send; false: then ask again
  };
  /// Takes the next slot for one request when it is due soon (wait, then send); otherwise
  /// says how long to wait before asking again, so slots are never queued far ahead of a
  /// rate that may change meanwhile.
  virtual core::Result<Slot> Reserve() = 0;
  /// A request was answered without a 429 (may raise the shared rate).
  virtual core::Status OnSuccess() = 0;
  /// A request sent `sent_ago` before now got a 429 naming `pause`.
  virtual core::Status OnRateLimited(core::Duration sent_ago, core::Duration pause) = 0;
};

/// The shared budget. Thread-safe; all waiting goes through the core::Clock.
class RateBudget {
 public:
  /// Counters and the current state.
  struct Snapshot {
    double rate_rps = 0;            ///< current effective rate; 0 = unlimited
    core::SteadyTime paused_until;  ///< nobody is let through before this
    int64_t acquired = 0;           ///< Acquire calls that returned true
    int64_t rate_limited = 0;       ///< OnRateLimited calls
    int64_t decreases = 0;
    int64_t increases = 0;
    int64_t shared_waits = 0;     ///< reservations from the shared window that had to wait
    int64_t shared_failures = 0;  ///< calls to the shared window that failed
  };

  /// `clock` must outlive the budget.
  explicit RateBudget(core::Clock& clock, RateBudgetOptions options = {});

  /// Blocks until one request may be sent: after any shared pause, and within the rate.
  /// Returns false (without taking a token) when `stop` is requested.
  bool Acquire(std::stop_token stop);
  /// A request was answered without a 429; may raise the rate (one step per window).
  void OnSuccess();
  /// A request sent at `sent_at` got a 429 naming `pause`: every caller waits until
  /// now + pause. The rate drops once per episode: 429s for requests sent before the
  /// last decrease only extend the pause.
  void OnRateLimited(core::SteadyTime sent_at, core::Duration pause);

  Snapshot snapshot() const;

  /// Attaches (or, with nullptr, detaches) a window shared with other runners; it must
  /// outlive its use. --max-rps and a pause the server named still apply locally. Once a
  /// call to it fails the budget goes on alone (adaptive, as without one) and `on_failure`
  /// is told once with the error.
  void SetShared(SharedRateWindow* shared,
                 std::function<void(const core::Status&)> on_failure = nullptr);

 private:
  /// The shared window, or nullptr (none attached, or it failed).
  SharedRateWindow* SharedLocked() const { return shared_failed_ ? nullptr : shared_; }
  /// After a local token was taken: the shared window's slot (waits for it; false when
  /// `stop` is requested meanwhile). `lock` holds mu_ and is released.
  bool AcquireShared(std::unique_lock<std::mutex>& lock, std::stop_token stop);
  /// Records a failed call to the shared window (outside mu_).
  void SharedFailed(const core::Status& status);

  double EffectiveRateLocked() const;  // 0 = unlimited
  double MeasuredRateLocked(core::SteadyTime now);

  core::Clock& clock_;
  const RateBudgetOptions options_;
  mutable std::mutex mu_;
  double rate_ = 0;  // adaptive rate; 0 = unlimited
  double tokens_ = 1;
  core::SteadyTime last_refill_;
  core::SteadyTime paused_until_;
  core::SteadyTime last_decrease_;
  core::SteadyTime last_change_;
  std::deque<core::SteadyTime> recent_;  // acquisitions within measure_window, while unlimited
  Snapshot counters_;
  SharedRateWindow* shared_ = nullptr;
  bool shared_failed_ = false;
  std::function<void(const core::Status&)> on_shared_failure_;
  core::SteadyTime last_shared_success_ = core::SteadyTime::min();
};

}  // namespace aivenctl::api
