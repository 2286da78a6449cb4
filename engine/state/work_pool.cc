#include "state/work_pool.h"

#include <algorithm>
#include <utility>

namespace aivenctl::state {

WorkPool::WorkPool(int concurrency, std::stop_token stop)
    : stop_(stop), on_stop_(stop, std::function<void()>([this] { Cancel(); })) {
  const int n = std::max(1, concurrency);
  threads_.reserve(n);
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { Loop(); });
}

WorkPool::~WorkPool() {
  {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    shutting_down_ = true;
    queue_.clear();
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void WorkPool::Submit(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (cancelled_) return;
    queue_.push_back(std::move(task));
  }
  work_cv_.notify_one();
}

void WorkPool::Wait() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return queue_.empty() && running_ == 0; });
}

void WorkPool::Cancel() {
  {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    queue_.clear();
  }
  idle_cv_.notify_all();
}

bool WorkPool::cancelled() const {
  std::lock_guard lock(mu_);
  return cancelled_;
}

void WorkPool::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [this] { return shutting_down_ || !queue_.empty(); });
    if (queue_.empty()) return;  // shutting down
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    task();
    task = nullptr;  // destroy captures outside the lock
    lock.lock();
    --running_;
    if (queue_.empty() && running_ == 0) idle_cv_.notify_all();
  }
}

}  // namespace aivenctl::state
