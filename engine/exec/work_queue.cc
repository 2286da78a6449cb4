#include "exec/work_queue.h"

#include <utility>

namespace aivenctl::exec {

void WorkQueue::Push(Job job) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back(std::move(job));
  }
  jobs_cv_.notify_one();
}

void WorkQueue::Serve(const Perform& perform, std::stop_token shutdown) {
  while (true) {
    Job job;
    std::stop_token cancel;
    {
      std::unique_lock lock(mu_);
      if (!jobs_cv_.wait(lock, shutdown, [&] { return !jobs_.empty(); })) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      cancel = cancel_.get_token();
    }
    JobResult result = perform(job, cancel);
    {
      std::lock_guard lock(mu_);
      results_.push_back(std::move(result));
    }
    results_cv_.notify_all();
  }
}

Inbox WorkQueue::Take() {
  std::lock_guard lock(mu_);
  Inbox inbox;
  inbox.results.swap(results_);
  inbox.stop = stop_taken_ = stop_;
  inbox.abort = abort_taken_ = abort_;
  return inbox;
}

bool WorkQueue::HasNewLocked() const {
  return !results_.empty() || stop_ != stop_taken_ || abort_ != abort_taken_;
}

void WorkQueue::Wait(bool in_flight, std::optional<core::SteadyTime> until, core::Clock& clock) {
  std::unique_lock lock(mu_);
  const auto has_new = [this] { return HasNewLocked(); };
  if (has_new()) return;
  if (in_flight) {
    // Results come from the workers; `until` is only a bound (in real time).
    if (until) {
      results_cv_.wait_for(lock, *until - clock.Now(), has_new);
    } else {
      results_cv_.wait(lock, has_new);
    }
    return;
  }
  if (!until) return;
  // A stop requested from here on finds the new source (RequestStop takes the lock).
  wake_ = std::stop_source();
  std::stop_token token = wake_.get_token();
  lock.unlock();
  clock.SleepUntil(*until, token);
}

void WorkQueue::RequestStop() {
  std::lock_guard lock(mu_);
  stop_ = true;
  wake_.request_stop();
  results_cv_.notify_all();
}

void WorkQueue::Abort() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    abort_ = true;
    wake_.request_stop();
    results_cv_.notify_all();
  }
  cancel_.request_stop();
}

}  // namespace aivenctl::exec
