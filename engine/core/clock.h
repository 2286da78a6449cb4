#pragma once
// Time as a side effect behind a narrow interface (ARCHITECTURE principle 2): retries,
// the rate budget, the executor and its waits read and spend time only through a Clock.
// (Steady instants are `SteadyTime`; `core::TimePoint` in duration.h is a UTC second.)

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>

namespace aivenctl::core {

using Duration = std::chrono::steady_clock::duration;
using SteadyTime = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;

/// Source of time and of waiting. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  /// Monotonic now; used for elapsed times, deadlines and the rate budget.
  virtual SteadyTime Now() = 0;
  /// Wall-clock now; used only to interpret HTTP dates (Retry-After).
  virtual WallTime WallNow() = 0;
  /// Waits `d` (nothing when d <= 0). Returns false, early, when `stop` is requested.
  virtual bool SleepFor(Duration d, std::stop_token stop) = 0;
  /// Waits until `deadline` (nothing when it has passed); false when `stop` is requested.
  virtual bool SleepUntil(SteadyTime deadline, std::stop_token stop) {
    return SleepFor(deadline - Now(), std::move(stop));
  }
};

/// The real steady and system clocks; SleepFor wakes at once on a stop request.
class RealClock final : public Clock {
 public:
  SteadyTime Now() override { return std::chrono::steady_clock::now(); }
  WallTime WallNow() override { return std::chrono::system_clock::now(); }
  bool SleepFor(Duration d, std::stop_token stop) override;

  /// A process-wide instance for production wiring.
  static RealClock& Instance();
};

/// Test clock: sleeping returns at once. SleepFor(d) moves the time forward by d;
/// SleepUntil(t) moves it to t unless it is already later, so threads waiting for the same
/// instant (a shared rate-limit pause) overlap instead of adding up. Thread-safe.
class FakeClock final : public Clock {
 public:
  /// Starts at an arbitrary fixed steady instant and at `wall_start`.
  explicit FakeClock(WallTime wall_start = WallTime(std::chrono::seconds(1'800'000'000)));

  SteadyTime Now() override;
  WallTime WallNow() override;
  bool SleepFor(Duration d, std::stop_token stop) override;
  bool SleepUntil(SteadyTime deadline, std::stop_token stop) override;

  /// Moves the time forward by `d` (as if time had passed).
  void Advance(Duration d);
  /// Total time the sleepers asked for (SleepFor's d, SleepUntil's deadline - now).
  Duration total_slept() const;
  /// Number of sleeps that had to wait (d > 0).
  int sleep_count() const;
  /// Called (outside the lock) with each positive sleep after the time has moved;
  /// lets a test move another clock (the emulator's) along. Set before use.
  void SetOnSleep(std::function<void(Duration)> hook);

 private:
  mutable std::mutex mu_;
  bool Sleep(Duration d, std::stop_token stop, bool until);

  Duration offset_{};
  WallTime wall_start_;
  Duration total_slept_{};
  int sleep_count_ = 0;
  std::function<void(Duration)> on_sleep_;
};

}  // namespace aivenctl::core
