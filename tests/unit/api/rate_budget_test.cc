#include "api/rate_budget.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "api/client.h"
#include "fake_transport.h"

namespace aivenctl::api {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::AivenError;
using testing::Answer;
using testing::FakeTransport;

TEST(RateBudget, UnlimitedUntilTheFirst429) {
  core::FakeClock clock;
  RateBudget budget(clock);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(budget.Acquire({}));
  EXPECT_EQ(clock.sleep_count(), 0);
  EXPECT_EQ(budget.snapshot().rate_rps, 0);
}

TEST(RateBudget, MaxRpsIsAFixedCeiling) {
  core::FakeClock clock;
  RateBudget budget(clock, {.max_rps = 5});
  core::SteadyTime start = clock.Now();
  for (int i = 0; i < 101; ++i) ASSERT_TRUE(budget.Acquire({}));
  // One token to start with, then 5 per second: 100 more need 20 s.
  EXPECT_GE(clock.Now() - start, seconds(20) - milliseconds(1));
  EXPECT_LE(clock.Now() - start, seconds(21));
  budget.OnSuccess();
  EXPECT_EQ(budget.snapshot().rate_rps, 5);
}

TEST(RateBudget, PauseHoldsEveryCallerUntilTheNamedTime) {
  core::FakeClock clock;
  RateBudget budget(clock);
  core::SteadyTime t0 = clock.Now();
  budget.OnRateLimited(t0, seconds(28));
  ASSERT_TRUE(budget.Acquire({}));
  EXPECT_GE(clock.Now(), t0 + seconds(28));
  EXPECT_GT(budget.snapshot().rate_rps, 0);  // no longer unlimited
}

TEST(RateBudget, OneDecreasePerEpisodeThenAdditiveIncrease) {
  core::FakeClock clock;
  RateBudget budget(clock, {.initial_rps = 8, .increase_rps = 1, .increase_window = seconds(5)});
  core::SteadyTime sent = clock.Now();
  budget.OnRateLimited(sent, seconds(10));
  budget.OnRateLimited(sent, seconds(10));  // same episode: no second halving
  EXPECT_EQ(budget.snapshot().rate_rps, 4);
  EXPECT_EQ(budget.snapshot().decreases, 1);
  clock.Advance(seconds(10));
  budget.OnSuccess();  // pause just ended: the window starts at its end
  EXPECT_EQ(budget.snapshot().rate_rps, 4);
  clock.Advance(seconds(5));
  budget.OnSuccess();
  EXPECT_EQ(budget.snapshot().rate_rps, 5);
  budget.OnRateLimited(clock.Now(), seconds(1));  // a new episode halves again
  EXPECT_EQ(budget.snapshot().rate_rps, 2.5);
}

TEST(RateBudget, CancelledAcquireReturnsFalse) {
  core::FakeClock clock;
  RateBudget budget(clock);
  budget.OnRateLimited(clock.Now(), seconds(60));
  std::stop_source stop;
  stop.request_stop();
  EXPECT_FALSE(budget.Acquire(stop.get_token()));
}

// A fake server with a real rate limit: at most 20 requests per 10 s window; beyond that
// 429 "try again in Ks" until the window ends. 16 threads send 40 requests each.
TEST(RateBudget, SixteenThreadsUnderA429Storm) {
  core::FakeClock clock;
  RateBudget budget(clock, {.increase_rps = 0.5, .increase_window = seconds(2)});
  FakeTransport transport;
  std::mutex mu;
  core::SteadyTime window_start = clock.Now();
  int in_window = 0;
  struct Sent {
    std::thread::id thread;
    core::SteadyTime at;
    int status;
    seconds named{0};
  };
  bool unlimited = false;
  std::vector<Sent> log;
  transport.SetHandler([&](const HttpRequest&) {
    std::lock_guard lock(mu);
    core::SteadyTime now = clock.Now();
    if (now - window_start >= seconds(10)) {
      window_start = now;
      in_window = 0;
    }
    int status = ++in_window <= 20 || unlimited ? 200 : 429;
    seconds left = std::chrono::ceil<seconds>(window_start + seconds(10) - now);
    log.push_back({std::this_thread::get_id(), now, status, status == 429 ? left : seconds(0)});
    if (status == 200) return Answer(200);
    return AivenError(429,
                      "The user has sent too many requests in a given amount of time: "
                      "Rate limit 20 exceeded - try again in " +
                          std::to_string(left.count()) + "s");
  });
  Client client(
      transport, clock, budget,
      {.retry = {.max_attempts = 50, .max_elapsed = std::chrono::hours(1)}, .jitter_seed = 7});
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  double lowest_rate = 1e9;
  std::mutex rate_mu;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 40; ++i) {
        if (client.Send({.method = "GET", .path = "/v1/project"}).ok()) ++ok;
        double r = budget.snapshot().rate_rps;
        std::lock_guard lock(rate_mu);
        if (r > 0) lowest_rate = std::min(lowest_rate, r);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 16 * 40);

  // Each caller that got a 429 naming time P sent nothing before P.
  std::map<std::thread::id, core::SteadyTime> paused_until;
  int storms = 0;
  for (const Sent& s : log) {
    auto it = paused_until.find(s.thread);
    if (it != paused_until.end()) {
      EXPECT_GE(s.at, it->second) << "a caller sent during its own pause";
    }
    if (s.status == 429) {
      ++storms;
      paused_until[s.thread] = s.at + s.named;
    }
  }
  EXPECT_GT(storms, 0);
  RateBudget::Snapshot snap = budget.snapshot();
  EXPECT_GE(snap.decreases, 1);
  EXPECT_LE(lowest_rate, 2.0 * 2);  // came down near the server's 2 requests/s
  // The budget learnt the server's pace: far fewer 429s than requests.
  EXPECT_LT(storms, 16 * 40 / 4);

  // Once the server stops limiting, the rate climbs back additively.
  {
    std::lock_guard lock(mu);
    unlimited = true;
  }
  double before = budget.snapshot().rate_rps;
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(client.Send({.path = "/v1/project"}).ok());
  EXPECT_GT(budget.snapshot().rate_rps, before);
  EXPECT_GE(budget.snapshot().increases, 1);
}

/// A scripted shared window: each Reserve answers the next wait (zero when none are
/// left); failing makes every call fail from then on. Records what it was told.
class FakeSharedWindow : public SharedRateWindow {
 public:
  core::Result<Slot> Reserve() override {
    std::lock_guard lock(mu_);
    ++reserves;
    if (failing) return core::Unavailable("the lock database went away");
    if (waits.empty()) return Slot{};
    Slot slot = waits.front();
    waits.erase(waits.begin());
    return slot;
  }
  core::Status OnSuccess() override {
    std::lock_guard lock(mu_);
    ++successes;
    return failing ? core::Unavailable("gone") : core::Status::Ok();
  }
  core::Status OnRateLimited(core::Duration sent_ago, core::Duration pause) override {
    std::lock_guard lock(mu_);
    limited.push_back({sent_ago, pause});
    return failing ? core::Unavailable("gone") : core::Status::Ok();
  }

  std::mutex mu_;
  std::vector<Slot> waits;
  bool failing = false;
  int reserves = 0;
  int successes = 0;
  std::vector<std::pair<core::Duration, core::Duration>> limited;
};

TEST(RateBudgetShared, EveryRequestTakesItsSlotFromTheSharedWindow) {
  core::FakeClock clock;
  RateBudget budget(clock);
  FakeSharedWindow shared;
  shared.waits = {{seconds(0)}, {milliseconds(250)}, {milliseconds(500)}};
  budget.SetShared(&shared);
  core::SteadyTime start = clock.Now();
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(budget.Acquire({}));
  EXPECT_EQ(shared.reserves, 4);
  EXPECT_EQ(clock.Now() - start, milliseconds(750));
  EXPECT_EQ(budget.snapshot().shared_waits, 2);
}

TEST(RateBudgetShared, ASlotNotYetDueIsAskedForAgainAfterTheWait) {
  core::FakeClock clock;
  RateBudget budget(clock);
  FakeSharedWindow shared;
  // Not due: wait 3 s and ask again; not due, 1 ms (at least 20 ms); then taken in 100 ms.
  shared.waits = {{seconds(3), false}, {milliseconds(1), false}, {milliseconds(100), true}};
  budget.SetShared(&shared);
  core::SteadyTime start = clock.Now();
  ASSERT_TRUE(budget.Acquire({}));
  EXPECT_EQ(shared.reserves, 3);
  EXPECT_EQ(clock.Now() - start, seconds(3) + milliseconds(120));
  std::stop_source stop;
  stop.request_stop();
  shared.waits = {{seconds(3), false}};
  EXPECT_FALSE(budget.Acquire(stop.get_token()));
}

TEST(RateBudgetShared, The429GoesToTheSharedWindowAndTheLocalRateStaysOpen) {
  core::FakeClock clock;
  RateBudget budget(clock);
  FakeSharedWindow shared;
  budget.SetShared(&shared);
  core::SteadyTime sent = clock.Now();
  clock.Advance(milliseconds(300));
  budget.OnRateLimited(sent, seconds(2));
  ASSERT_EQ(shared.limited.size(), 1u);
  EXPECT_EQ(shared.limited[0].first, milliseconds(300));
  EXPECT_EQ(shared.limited[0].second, seconds(2));
  EXPECT_EQ(budget.snapshot().decreases, 0);  // the shared window adapts, not this runner
  core::SteadyTime t = clock.Now();
  ASSERT_TRUE(budget.Acquire({}));
  EXPECT_GE(clock.Now() - t, seconds(2));  // the server's pause still holds locally
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(budget.Acquire({}));
  EXPECT_LT(clock.Now() - t, seconds(3));  // no local throttle on top of the shared one
}

TEST(RateBudgetShared, SuccessesReachTheSharedWindowAtMostOnceASecond) {
  core::FakeClock clock;
  RateBudget budget(clock);
  FakeSharedWindow shared;
  budget.SetShared(&shared);
  for (int i = 0; i < 10; ++i) {
    budget.OnSuccess();
    clock.Advance(milliseconds(250));
  }
  EXPECT_EQ(shared.successes, 3);  // at 0 s, 1 s and 2 s
}

TEST(RateBudgetShared, AFailingWindowIsReportedOnceAndTheBudgetGoesOnAlone) {
  core::FakeClock clock;
  RateBudget budget(clock);
  FakeSharedWindow shared;
  shared.failing = true;
  std::vector<std::string> told;
  budget.SetShared(&shared, [&](const core::Status& s) { told.push_back(s.message()); });
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(budget.Acquire({}));
  EXPECT_EQ(shared.reserves, 1);
  EXPECT_EQ(told, std::vector<std::string>{"the lock database went away"});
  EXPECT_EQ(budget.snapshot().shared_failures, 1);
  // Alone again: a 429 halves the local rate as without a shared window.
  budget.OnRateLimited(clock.Now(), seconds(1));
  EXPECT_EQ(budget.snapshot().decreases, 1);
  EXPECT_TRUE(shared.limited.empty());
}

}  // namespace
}  // namespace aivenctl::api
