// The plan lock and the shared rate window against a real PostgreSQL server.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lock/plan_lock.h"
#include "lock/postgres.h"
#include "lock/rate_window.h"
#include "support/postgres_server.h"

namespace aivenctl::lock {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;

class PostgresLockTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pg_ = new testing::PostgresServer();
    start_ = pg_->Start();
  }
  static void TearDownTestSuite() {
    delete pg_;
    pg_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(start_.ok()) << start_.message(); }

  static std::unique_ptr<Database> Connect() {
    auto db = ConnectPostgres(pg_->url());
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(*db) : nullptr;
  }

  /// A lock of `scope` by `command`, on a fake clock (waits pass at once).
  core::Result<std::unique_ptr<PlanLock>> Take(const Scope& scope, const std::string& command,
                                               core::Duration timeout = std::chrono::seconds(2)) {
    LockOptions options;
    options.scope = scope;
    options.command = command;
    options.host = "host-" + command;
    options.pid = 4242;
    options.timeout = timeout;
    options.clock = &clock_;
    options.note = [this](const std::string& text) { notes_.push_back(text); };
    return PlanLock::Acquire(Connect(), options);
  }

  double Rate(const std::string& token) {
    auto salt = pg_->Sql("SELECT value FROM aivenctl_meta WHERE name = 'salt'");
    auto rate = pg_->Sql("SELECT rate FROM aivenctl_rate_window WHERE token_hash = '" +
                         TokenHash(*salt, token) + "'");
    EXPECT_TRUE(rate.ok()) << rate.status().message();
    return rate.ok() ? std::stod(*rate) : -1;
  }

  static testing::PostgresServer* pg_;
  static core::Status start_;
  core::FakeClock clock_;
  std::vector<std::string> notes_;
};

testing::PostgresServer* PostgresLockTest::pg_ = nullptr;
core::Status PostgresLockTest::start_;

TEST_F(PostgresLockTest, ASecondHolderWaitsNamingTheFirstThenGivesUp) {
  auto first = Take({.plan = "p1", .projects = {"x"}}, "aivenctl apply p1.yaml");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ((*first)->waited(), core::Duration::zero());
  auto second = Take({.plan = "p1", .projects = {"x"}}, "aivenctl destroy p1.yaml");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), core::Code::kDeadlineExceeded);
  EXPECT_THAT(second.status().message(),
              ::testing::MatchesRegex(
                  "gave up after --lock-timeout 2s waiting for the lock of plan p1 in project x, "
                  "held by `aivenctl apply p1.yaml` \\(host host-aivenctl apply p1.yaml, pid "
                  "4242\\) since 20[0-9-]+T[0-9:]+Z; nothing was read or changed"));
  ASSERT_EQ(notes_.size(), 1u) << "told once while the holder stays the same";
  EXPECT_THAT(notes_[0], HasSubstr("waiting for the lock of plan p1 in project x, held by "
                                   "`aivenctl apply p1.yaml`"));
  EXPECT_THAT(notes_[0], HasSubstr("(at most 2s)"));
  // Another plan, or the same plan in another project, is not held.
  EXPECT_TRUE(Take({.plan = "p2", .projects = {"x"}}, "other").ok());
  EXPECT_TRUE(Take({.plan = "p1", .projects = {"y"}}, "other").ok());
  first->reset();  // released: the next one gets it at once
  auto third = Take({.plan = "p1", .projects = {"x"}}, "aivenctl apply p1.yaml");
  ASSERT_TRUE(third.ok()) << third.status().message();
  EXPECT_EQ((*third)->waited(), core::Duration::zero());
}

TEST_F(PostgresLockTest, AReapOfEverythingAndAPlanWaitForEachOther) {
  {
    auto plan = Take({.plan = "p3", .projects = {"x"}}, "apply p3");
    ASSERT_TRUE(plan.ok());
    auto reap = Take({}, "reap --yes", milliseconds(600));
    ASSERT_FALSE(reap.ok());
    EXPECT_THAT(reap.status().message(),
                HasSubstr("lock of every plan, held by `apply p3` (host host-apply p3"));
  }
  auto reap = Take({}, "reap --yes");
  ASSERT_TRUE(reap.ok());
  auto plan = Take({.plan = "p3", .projects = {"x"}}, "apply p3", milliseconds(600));
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(), HasSubstr("held by `reap --yes`"));
}

TEST_F(PostgresLockTest, AnInterruptStopsTheWait) {
  auto first = Take({.plan = "p4", .projects = {"x"}}, "one");
  ASSERT_TRUE(first.ok());
  std::stop_source stop;
  stop.request_stop();
  LockOptions options;
  options.scope = {.plan = "p4", .projects = {"x"}};
  options.stop = stop.get_token();
  options.clock = &clock_;
  auto second = PlanLock::Acquire(Connect(), options);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), core::Code::kCancelled);
}

TEST_F(PostgresLockTest, TheWatchTellsOnceWhenTheSessionIsGone) {
  auto held = Take({.plan = "p5", .projects = {"x"}}, "watched");
  ASSERT_TRUE(held.ok());
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> lost;
  (*held)->Watch(milliseconds(20), [&](const core::Status& why) {
    std::lock_guard lock(mu);
    lost.push_back(why.message());
    cv.notify_all();
  });
  auto killed = pg_->Sql(
      "SELECT pg_terminate_backend(backend_pid) FROM aivenctl_lock_holders WHERE command = "
      "'watched'");
  ASSERT_TRUE(killed.ok()) << killed.status().message();
  std::unique_lock lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !lost.empty(); }));
  EXPECT_THAT(lost[0], HasSubstr("the connection is lost"));
}

TEST_F(PostgresLockTest, TheRateWindowIsSharedPerTokenAndHalvesOncePerEpisode) {
  auto a = Connect();
  auto b = Connect();
  ASSERT_TRUE(PrepareSchema(*a).ok());
  auto one = RateWindow::Open(*a, "token-one");
  auto same = RateWindow::Open(*b, "token-one");
  auto other = RateWindow::Open(*b, "token-two");
  ASSERT_TRUE(one.ok() && same.ok() && other.ok()) << one.status().message();
  // Unlimited until the first 429.
  for (int i = 0; i < 10; ++i) {
    ASSERT_EQ((*one)->Reserve()->wait, core::Duration::zero());
    ASSERT_EQ((*same)->Reserve()->wait, core::Duration::zero());
  }
  // 20 requests in well under a second: measured 20/s, halved to 10/s for both runners.
  ASSERT_TRUE((*same)->OnRateLimited(core::Duration::zero(), core::Duration::zero()).ok());
  EXPECT_DOUBLE_EQ(Rate("token-one"), 10);
  api::SharedRateWindow::Slot last;
  for (int i = 0; i < 6; ++i) {
    last = *(i % 2 == 0 ? *one : *same)->Reserve();
    ASSERT_TRUE(last.taken);
  }
  // Six slots 100 ms apart, taken from two sessions: the sixth waits about 0.5 s.
  EXPECT_GT(last.wait, milliseconds(350));
  EXPECT_LT(last.wait, milliseconds(520));
  // Beyond the 1 s horizon a slot is not taken: ask again when it comes within it.
  api::SharedRateWindow::Slot later = *(*one)->Reserve();
  int taken = 0;
  for (; later.taken && taken < 20; ++taken) later = *(*one)->Reserve();
  EXPECT_GE(taken, 3);  // the slots at 0.6 ... 0.9 s at least
  EXPECT_LE(taken, 5);
  EXPECT_FALSE(later.taken);
  EXPECT_LT(later.wait, milliseconds(200));
  // A 429 for a request sent before the decrease: same episode, the rate stays.
  ASSERT_TRUE((*one)->OnRateLimited(std::chrono::seconds(30), milliseconds(0)).ok());
  EXPECT_DOUBLE_EQ(Rate("token-one"), 10);
  // So does one for a request sent within the horizon (1 s) after it: its slot may have
  // been taken before the decrease.
  ASSERT_TRUE((*one)->OnRateLimited(core::Duration::zero(), milliseconds(0)).ok());
  EXPECT_DOUBLE_EQ(Rate("token-one"), 10);
  // A new episode halves again, and its pause holds every runner of the token (a window
  // without a horizon stands for a request sent after it).
  auto no_horizon = RateWindow::Open(*a, "token-one", {.horizon = core::Duration::zero()});
  ASSERT_TRUE(no_horizon.ok());
  ASSERT_TRUE((*no_horizon)->OnRateLimited(core::Duration::zero(), std::chrono::seconds(3)).ok());
  EXPECT_DOUBLE_EQ(Rate("token-one"), 5);
  api::SharedRateWindow::Slot paused = *(*same)->Reserve();
  EXPECT_FALSE(paused.taken);
  EXPECT_GT(paused.wait, milliseconds(1500));  // until 1 s before the pause ends
  // Another token is not limited.
  EXPECT_EQ((*other)->Reserve()->wait, core::Duration::zero());
  EXPECT_DOUBLE_EQ(Rate("token-two"), 0);
}

}  // namespace
}  // namespace aivenctl::lock
