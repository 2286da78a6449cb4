// The work queue on its own: where the coordinator, the workers and interrupt callers meet
// (the executor tests cover it in use).
#include "exec/work_queue.h"

#include <gtest/gtest.h>

#include <thread>

namespace aivenctl::exec {
namespace {

using std::chrono::seconds;

TEST(WorkQueue, AnInterruptIsReturnedOnceAndWakesTheWaitAtOnce) {
  core::FakeClock clock;
  WorkQueue queue;
  const auto t0 = clock.Now();
  // Nothing in flight: the wait sleeps on the clock until `until`.
  queue.Wait(false, t0 + seconds(10), clock);
  EXPECT_EQ(clock.Now() - t0, seconds(10));
  queue.RequestStop();
  queue.Wait(false, t0 + seconds(20), clock);  // something new: no sleep
  EXPECT_EQ(clock.Now() - t0, seconds(10));
  const Inbox inbox = queue.Take();
  EXPECT_TRUE(inbox.stop);
  EXPECT_FALSE(inbox.abort);
  queue.Wait(false, t0 + seconds(20), clock);  // taken: nothing new, it sleeps again
  EXPECT_EQ(clock.Now() - t0, seconds(20));
  EXPECT_TRUE(queue.Take().stop);  // the state stays visible
}

TEST(WorkQueue, AWorkerPerformsJobsWithTheAbortTokenAndPostsResults) {
  core::FakeClock clock;
  WorkQueue queue;
  std::vector<bool> cancelled;  // written by the worker, read after it is joined
  {
    std::jthread worker([&](std::stop_token shutdown) {
      queue.Serve(
          [&](const Job& job, std::stop_token cancel) {
            cancelled.push_back(cancel.stop_requested());
            return JobResult{.call = job.call};
          },
          shutdown);
    });
    queue.Push(Job{.call = 4});
    queue.Wait(true, std::nullopt, clock);  // returns when the result is in
    Inbox first = queue.Take();
    ASSERT_EQ(first.results.size(), 1u);
    EXPECT_EQ(first.results[0].call, 4);
    queue.Abort();
    queue.Push(Job{.call = 5});
    for (int i = 0; i < 100 && queue.Take().results.empty(); ++i) {
      queue.Wait(true, clock.Now() + seconds(1), clock);
    }
  }
  EXPECT_EQ(cancelled, (std::vector<bool>{false, true}));
}

}  // namespace
}  // namespace aivenctl::exec
