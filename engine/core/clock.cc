#include "core/clock.h"

#include <algorithm>

namespace aivenctl::core {

namespace {
// A fixed origin so FakeClock readings do not depend on when the test runs.
const SteadyTime kFakeOrigin = SteadyTime(std::chrono::hours(1000));
}  // namespace

bool RealClock::SleepFor(Duration d, std::stop_token stop) {
  if (stop.stop_requested()) return false;
  if (d <= Duration::zero()) return true;
  std::mutex mu;
  std::condition_variable_any cv;
  std::unique_lock lock(mu);
  // wait_for with a stop_token returns early (true only if the predicate holds) on a stop.
  cv.wait_for(lock, stop, d, [] { return false; });
  return !stop.stop_requested();
}

RealClock& RealClock::Instance() {
  static RealClock clock;
  return clock;
}

FakeClock::FakeClock(WallTime wall_start) : wall_start_(wall_start) {}

SteadyTime FakeClock::Now() {
  std::lock_guard lock(mu_);
  return kFakeOrigin + offset_;
}

WallTime FakeClock::WallNow() {
  std::lock_guard lock(mu_);
  return wall_start_ + std::chrono::duration_cast<WallTime::duration>(offset_);
}

bool FakeClock::SleepFor(Duration d, std::stop_token stop) {
  return Sleep(d, std::move(stop), false);
}

bool FakeClock::SleepUntil(SteadyTime deadline, std::stop_token stop) {
  return Sleep(deadline - kFakeOrigin, std::move(stop), true);
}

bool FakeClock::Sleep(Duration d, std::stop_token stop, bool until) {
  if (stop.stop_requested()) return false;
  std::function<void(Duration)> hook;
  {
    std::lock_guard lock(mu_);
    // For SleepUntil, d is the deadline's offset; another sleeper may have passed it.
    if (until) d -= offset_;
    if (d <= Duration::zero()) return true;
    offset_ += d;
    total_slept_ += d;
    ++sleep_count_;
    hook = on_sleep_;
  }
  if (hook) hook(d);
  return !stop.stop_requested();
}

void FakeClock::Advance(Duration d) {
  std::lock_guard lock(mu_);
  offset_ += d;
}

Duration FakeClock::total_slept() const {
  std::lock_guard lock(mu_);
  return total_slept_;
}

int FakeClock::sleep_count() const {
  std::lock_guard lock(mu_);
  return sleep_count_;
}

void FakeClock::SetOnSleep(std::function<void(Duration)> hook) {
  std::lock_guard lock(mu_);
  on_sleep_ = std::move(hook);
}

}  // namespace aivenctl::core
