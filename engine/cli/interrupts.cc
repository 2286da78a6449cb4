#include "cli/interrupts.h"

#include <cstdlib>
#include <ctime>

namespace aivenctl::cli {
namespace {

sigset_t Watched() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

InterruptWatcher::InterruptWatcher(std::function<void(int)> first, std::function<void()> second)
    : first_(std::move(first)), second_(std::move(second)) {
  sigset_t set = Watched();
  pthread_sigmask(SIG_BLOCK, &set, &old_mask_);
  thread_ = std::thread([this] { Watch(); });
}

InterruptWatcher::~InterruptWatcher() {
  done_ = true;
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

void InterruptWatcher::Watch() {
  const sigset_t set = Watched();
  const timespec tick{0, 50'000'000};  // notice done_ within 50 ms
  while (!done_) {
    int sig = sigtimedwait(&set, nullptr, &tick);
    if (sig < 0) continue;  // timeout or EINTR
    if (++count_ == 1) {
      if (first_) first_(sig);
    } else {
      if (second_) second_();
      std::_Exit(128 + sig);  // as a shell reports a process the signal killed
    }
  }
}

}  // namespace aivenctl::cli
