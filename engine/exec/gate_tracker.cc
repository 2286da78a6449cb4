#include "exec/gate_tracker.h"

#include <algorithm>
#include <cmath>

#include "exec/cadence.h"
#include "exec/estimates.h"

namespace aivenctl::exec {
namespace {

bool IsServiceGate(diff::Gate gate) {
  return gate == diff::Gate::kServiceRunning || gate == diff::Gate::kServiceBackup;
}

GateVerdict Failed(core::Status error) {
  return {.kind = GateVerdict::Kind::kFailed, .error = std::move(error)};
}

}  // namespace

GateTracker::GateTracker(GateOptions options) : options_(std::move(options)) {}

SteadyTime GateTracker::Start(int id, const GateSpec& spec, SteadyTime now) {
  Wait& wait = waits_[id];
  wait = Wait{.spec = spec};
  switch (spec.gate) {
    case diff::Gate::kGone:
      wait.interval = Duration::zero();
      break;
    case diff::Gate::kTopicActive:
    case diff::Gate::kIntegrationActive:
    case diff::Gate::kConnectorRunning:
    case diff::Gate::kDatabaseOk:
      wait.interval = std::min(options_.poll_min, options_.poll_initial);
      break;
    default:
      wait.interval = options_.poll_initial;
  }
  return Schedule(id, wait, now + wait.interval);
}

std::optional<SteadyTime> GateTracker::NextRead() const {
  if (due_.empty()) return std::nullopt;
  return due_.begin()->first;
}

std::vector<int> GateTracker::Due(SteadyTime now) const {
  std::vector<int> out;
  for (auto it = due_.begin(); it != due_.end() && it->first <= now; ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::vector<int> GateTracker::Early(SteadyTime now) const {
  std::vector<int> out;
  for (const auto& [id, wait] : waits_) {
    if (!wait.next_read || *wait.next_read <= now) continue;
    if (wait.last_reading && now - *wait.last_reading < options_.poll_min) continue;
    out.push_back(id);
  }
  return out;
}

void GateTracker::BeginRead(int id) {
  auto it = waits_.find(id);
  if (it != waits_.end()) Unschedule(id, it->second);
}

GateVerdict GateTracker::Observe(int id, const ProbeResult& reading, SteadyTime now) {
  Wait& wait = waits_.at(id);
  Unschedule(id, wait);
  wait.last_reading = now;
  const GateSpec& spec = wait.spec;
  if (!reading.error.ok()) return End(id, Failed(reading.error));
  if (reading.ready) LearnPace(wait, now);
  if (!reading.ready) wait.last_pending = now;
  wait.last_state = reading.live_state;
  if (!reading.absent) {
    wait.absent_since.reset();
  } else {
    if (!wait.absent_since) wait.absent_since = now;
    const bool created = spec.action == diff::Action::kCreate;
    const Duration absent = now - *wait.absent_since;
    if (absent >= (created ? options_.absent_after_create : options_.absent_after_other)) {
      return End(
          id, Failed(core::Status(
                  core::Code::kNotFound,
                  std::string("gone while waiting for ") + GateGoal(spec.gate) + ": absent for " +
                      FormatElapsed(absent) + " after the " + (created ? "create" : "change") +
                      " (deleted by someone else, e.g. a reap or another run?); run "
                      "`aivenctl plan` again")));
    }
  }
  const int needed = IsServiceGate(spec.gate) ? std::max(1, options_.service_confirmations) : 1;
  if (!reading.ready) {
    wait.ready_seen = 0;
  } else if (++wait.ready_seen >= needed) {
    return End(id, {.kind = GateVerdict::Kind::kDone});
  }
  if (now >= spec.started + spec.timeout) {
    const std::string& last = wait.last_state;
    return End(id, Failed(core::Status(core::Code::kDeadlineExceeded,
                                       "timed out after " + FormatElapsed(spec.timeout) +
                                           " waiting for " + GateGoal(spec.gate) + " (last state " +
                                           (last.empty() ? std::string("unknown") : last) + ")")));
  }
  // A ready reading is confirmed soon: the second reading costs one short interval, not a
  // backed-off one (and comes sooner with a shared read of its project).
  if (!reading.ready) wait.interval = NotReadyInterval(wait, now);
  const Duration next = reading.ready ? ConfirmInterval(spec) : wait.interval;
  return {.kind = GateVerdict::Kind::kWait, .next_read = Schedule(id, wait, now + next)};
}

void GateTracker::Forget(int id) {
  auto it = waits_.find(id);
  if (it == waits_.end()) return;
  Unschedule(id, it->second);
  waits_.erase(it);
}

std::vector<int> GateTracker::StopWaiting() {
  std::vector<int> ids;
  for (const auto& [when, id] : due_) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (int id : ids) Forget(id);
  return ids;
}

SteadyTime GateTracker::Schedule(int id, Wait& wait, SteadyTime when) {
  when = std::min(when, wait.spec.started + wait.spec.timeout);
  wait.next_read = when;
  due_.insert({when, id});
  return when;
}

void GateTracker::Unschedule(int id, Wait& wait) {
  if (!wait.next_read) return;
  due_.erase({*wait.next_read, id});
  wait.next_read.reset();
}

Duration GateTracker::BackedOff(Duration interval) const {
  if (interval == Duration::zero()) return options_.poll_initial;  // after an immediate read
  const double factor = std::max(1.0, options_.poll_backoff);
  const auto scaled = std::chrono::duration_cast<Duration>(
      std::chrono::duration<double, Duration::period>(interval.count() * factor));
  return std::min<Duration>(scaled, std::max(options_.poll_max, options_.poll_initial));
}

Duration GateTracker::Expected(const GateSpec& spec) const {
  return std::chrono::duration_cast<Duration>(
      std::chrono::duration<double, Duration::period>(spec.expected.count() * pace_));
}

Duration GateTracker::NotReadyInterval(const Wait& wait, SteadyTime now) const {
  if (wait.spec.expected <= Duration::zero()) return BackedOff(wait.interval);
  // The last shaped wait of its list: its reads serve no other wait, and whatever follows
  // it waits on it, so its window is read twice as densely (the list's request rate stays
  // at most what it was while two waits shared it).
  const bool last =
      !wait.spec.list.empty() && std::none_of(waits_.begin(), waits_.end(), [&](const auto& entry) {
        const Wait& other = entry.second;
        return &other != &wait && other.spec.list == wait.spec.list &&
               other.spec.expected > Duration::zero();
      });
  return ShapedInterval(now - wait.spec.started, Expected(wait.spec),
                        {.poll_min = options_.poll_min,
                         .poll_early = options_.poll_initial,
                         .poll_max = options_.poll_max,
                         .density = last ? 2 : 1});
}

Duration GateTracker::ConfirmInterval(const GateSpec& spec) const {
  // A new service does not fall back from RUNNING (an updated one may start rebalancing
  // after a first RUNNING): its confirmation follows at poll_min.
  if (spec.expected <= Duration::zero()) return options_.poll_initial;
  return std::min(options_.poll_initial, options_.poll_min);
}

void GateTracker::LearnPace(Wait& wait, SteadyTime now) {
  if (wait.sampled || wait.spec.expected <= Duration::zero()) return;
  wait.sampled = true;
  // It became ready between the last not-ready reading and this one: take the middle.
  const SteadyTime before = wait.last_pending.value_or(wait.spec.started);
  const double waited =
      std::chrono::duration<double>(before + (now - before) / 2 - wait.spec.started).count();
  const double expected = std::chrono::duration<double>(wait.spec.expected).count();
  if (waited <= 0 || expected <= 0) return;
  log_pace_sum_ += std::log(waited / expected);
  ++pace_samples_;
  pace_ = std::exp(log_pace_sum_ / pace_samples_);
}

GateVerdict GateTracker::End(int id, GateVerdict verdict) {
  waits_.erase(id);
  return verdict;
}

}  // namespace aivenctl::exec
