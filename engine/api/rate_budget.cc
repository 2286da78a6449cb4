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
  double rate = rate_;
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
        return true;
      }
      double capacity = std::max(1.0, rate / 10);  // bursts of at most 100 ms worth
      if (now > last_refill_) {
        tokens_ = std::min(capacity, tokens_ + Seconds(now - last_refill_) * rate);
        last_refill_ = now;
      }
      if (tokens_ >= 1) {
        tokens_ -= 1;
        ++counters_.acquired;
        return true;
      }
      wake = now + std::max(FromSeconds((1 - tokens_) / rate), core::Duration(1));
    }
    lock.unlock();
    bool awake = clock_.SleepUntil(wake, stop);
    lock.lock();
    if (!awake) return false;
  }
}

void RateBudget::OnSuccess() {
  std::lock_guard lock(mu_);
  if (rate_ <= 0) return;
  core::SteadyTime now = clock_.Now();
  if (now < paused_until_ || now - last_change_ < options_.increase_window) return;
  rate_ += options_.increase_rps;
  if (options_.max_rps > 0) rate_ = std::min(rate_, options_.max_rps);
  last_change_ = now;
  ++counters_.increases;
}

void RateBudget::OnRateLimited(core::SteadyTime sent_at, core::Duration pause) {
  std::lock_guard lock(mu_);
  core::SteadyTime now = clock_.Now();
  ++counters_.rate_limited;
  paused_until_ = std::max(paused_until_, now + std::max(pause, core::Duration::zero()));
  tokens_ = 1;  // after the pause: one request at once, then trickle at the new rate
  last_refill_ = paused_until_;
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
