#include "api/rate_budget.h"

#include <algorithm>

namespace aivenctl::api {

namespace {
double Seconds(core::Duration d) { return std::chrono::duration<double>(d).count(); }
core::Duration FromSeconds(double s) {
  return std::chrono::duration_cast<core::Duration>(std::chrono::duration<double>(s));
}
}  // namespace

RateBudget::RateBudget(core::Clock& clock, RateBudgetOptions options)
    : clock_(clock), options_(options), rate_(options.initial_rps) {
  core::SteadyTime now = clock_.Now();
  last_refill_ = now;
  paused_until_ = now;
  last_decrease_ = core::SteadyTime::min();
  last_change_ = now;
}

double RateBudget::EffectiveRateLocked() const {
  double rate = SharedLocked() != nullptr ? 0 : rate_;  // a shared window adapts instead
  if (options_.max_rps > 0) rate = rate > 0 ? std::min(rate, options_.max_rps) : options_.max_rps;
  return rate;
}

double RateBudget::MeasuredRateLocked(core::SteadyTime now) {
  while (!recent_.empty() && recent_.front() < now - options_.measure_window) recent_.pop_front();
  if (recent_.empty()) return options_.min_rps;
  double span = std::max(1.0, Seconds(now - recent_.front()));
  return static_cast<double>(recent_.size()) / span;
}

bool RateBudget::Acquire(std::stop_token stop) {
  std::unique_lock lock(mu_);
  while (true) {
    if (stop.stop_requested()) return false;
    core::SteadyTime now = clock_.Now();
    core::SteadyTime wake;
    if (now < paused_until_) {
      wake = paused_until_;
    } else {
      double rate = EffectiveRateLocked();
      if (rate <= 0) {
        recent_.push_back(now);
        while (recent_.size() > 100000) recent_.pop_front();
        ++counters_.acquired;
        return AcquireShared(lock, stop);
      }
      double capacity = std::max(1.0, rate / 10);  // bursts of at most 100 ms worth
      if (now > last_refill_) {
        tokens_ = std::min(capacity, tokens_ + Seconds(now - last_refill_) * rate);
        last_refill_ = now;
      }
      if (tokens_ >= 1) {
        tokens_ -= 1;
        ++counters_.acquired;
        return AcquireShared(lock, stop);
      }
      wake = now + std::max(FromSeconds((1 - tokens_) / rate), core::Duration(1));
    }
    lock.unlock();
    bool awake = clock_.SleepUntil(wake, stop);
    lock.lock();
    if (!awake) return false;
  }
}

bool RateBudget::AcquireShared(std::unique_lock<std::mutex>& lock, std::stop_token stop) {
  SharedRateWindow* shared = SharedLocked();
  if (shared == nullptr) return true;
  lock.unlock();
  while (true) {
    core::Result<SharedRateWindow::Slot> slot = shared->Reserve();
    if (!slot.ok()) {
      SharedFailed(slot.status());
      return true;
    }
    if (slot->taken && slot->wait <= core::Duration::zero()) return true;
    {
      std::lock_guard relock(mu_);
      ++counters_.shared_waits;
    }
    // Asking again is bounded in count: each answer that takes no slot waits at least 20 ms.
    const core::Duration wait =
        slot->taken ? slot->wait
                    : std::max<core::Duration>(slot->wait, std::chrono::milliseconds(20));
    if (!clock_.SleepFor(wait, stop)) return false;
    if (slot->taken) return true;
  }
}

void RateBudget::SetShared(SharedRateWindow* shared,
                           std::function<void(const core::Status&)> on_failure) {
  std::lock_guard lock(mu_);
  shared_ = shared;
  shared_failed_ = false;
  on_shared_failure_ = std::move(on_failure);
}

void RateBudget::SharedFailed(const core::Status& status) {
  std::function<void(const core::Status&)> tell;
  {
    std::lock_guard lock(mu_);
    ++counters_.shared_failures;
    if (shared_failed_) return;
    shared_failed_ = true;
    tell = on_shared_failure_;
  }
  if (tell) tell(status);
}

void RateBudget::OnSuccess() {
  std::unique_lock lock(mu_);
  if (SharedRateWindow* shared = SharedLocked()) {
    // The shared window raises the rate at most once per increase_window; asking it once
    // a second is enough and spares the database a write per request.
    const core::SteadyTime now = clock_.Now();
    if (last_shared_success_ != core::SteadyTime::min() &&
        now - last_shared_success_ < std::chrono::seconds(1)) {
      return;
    }
    last_shared_success_ = now;
    lock.unlock();
    if (core::Status told = shared->OnSuccess(); !told.ok()) SharedFailed(told);
    return;
  }
  if (rate_ <= 0) return;
  core::SteadyTime now = clock_.Now();
  if (now < paused_until_ || now - last_change_ < options_.increase_window) return;
  rate_ += options_.increase_rps;
  if (options_.max_rps > 0) rate_ = std::min(rate_, options_.max_rps);
  last_change_ = now;
  ++counters_.increases;
}

void RateBudget::OnRateLimited(core::SteadyTime sent_at, core::Duration pause) {
  std::unique_lock lock(mu_);
  core::SteadyTime now = clock_.Now();
  ++counters_.rate_limited;
  paused_until_ = std::max(paused_until_, now + std::max(pause, core::Duration::zero()));
  tokens_ = 1;  // after the pause: one request at once, then trickle at the new rate
  last_refill_ = paused_until_;
  if (SharedRateWindow* shared = SharedLocked()) {
    lock.unlock();
    core::Status told = shared->OnRateLimited(now - sent_at, pause);
    if (!told.ok()) SharedFailed(told);
    return;
  }
  if (sent_at <= last_decrease_) return;  // same episode: already slowed down
  double base = rate_ > 0 ? rate_ : MeasuredRateLocked(now);
  if (options_.max_rps > 0) base = std::min(base, options_.max_rps);
  rate_ = std::max(options_.min_rps, base * options_.decrease_factor);
  recent_.clear();
  last_decrease_ = now;
  last_change_ = paused_until_;
  ++counters_.decreases;
}

RateBudget::Snapshot RateBudget::snapshot() const {
  std::lock_guard lock(mu_);
  Snapshot s = counters_;
  s.rate_rps = EffectiveRateLocked();
  s.paused_until = paused_until_;
  return s;
}

}  // namespace aivenctl::api
