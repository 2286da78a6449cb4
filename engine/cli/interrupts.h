#pragma once
// SIGINT/SIGTERM for long commands (apply, destroy, reap): the first asks the executor to
// stop starting work and finish what is in flight; the second exits at once (status 128 +
// the signal: 130 for SIGINT, 143 for SIGTERM).
// Signals are blocked for the whole process while a watcher exists and taken by one
// thread with sigtimedwait, so no handler runs in the middle of anyone's code.

#include <atomic>
#include <functional>
#include <thread>

#include <signal.h>

namespace aivenctl::cli {

/// Watches SIGINT and SIGTERM while alive. Create it before any other thread starts (they
/// inherit the blocked mask). The callbacks run on the watcher thread.
class InterruptWatcher {
 public:
  /// `first` runs on the first signal; on the second, `second` runs and then the process
  /// exits with status 128 + that signal without unwinding.
  InterruptWatcher(std::function<void(int signal)> first, std::function<void()> second);
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

  /// How many signals arrived so far.
  int count() const { return count_.load(); }

 private:
  void Watch();

  std::function<void(int)> first_;
  std::function<void()> second_;
  sigset_t old_mask_;
  std::atomic<bool> done_{false};
  std::atomic<int> count_{0};
  std::thread thread_;
};

}  // namespace aivenctl::cli
