#pragma once
// A small fixed pool of worker threads for I/O-bound tasks (the refresh's API reads).
// Tasks may submit further tasks; Wait() returns when all of them have run.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace aivenctl::state {

/// Runs submitted tasks on `concurrency` threads. Thread-safe. A stop request (or Cancel)
/// drops the tasks still queued; tasks already running finish.
class WorkPool {
 public:
  /// Starts max(1, concurrency) threads; `stop` cancels queued work.
  WorkPool(int concurrency, std::stop_token stop);
  /// Cancels queued work, waits for running tasks and joins the threads.
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  /// Queues `task` (ignored once cancelled). May be called from inside a task.
  void Submit(std::function<void()> task);
  /// Blocks until the queue is empty and no task is running.
  void Wait();
  /// Drops queued tasks and ignores later submissions.
  void Cancel();
  /// True once Cancel() was called or the stop token fired.
  bool cancelled() const;

 private:
  void Loop();

  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> queue_;
  int running_ = 0;
  bool cancelled_ = false;
  bool shutting_down_ = false;
  std::stop_token stop_;
  std::stop_callback<std::function<void()>> on_stop_;
  std::vector<std::thread> threads_;
};

}  // namespace aivenctl::state
