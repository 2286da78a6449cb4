#include "exec/estimates.h"

#include <gtest/gtest.h>

#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::Op;

TEST(Estimates, TimeoutsByTypeAndOverride) {
  Timeouts t;
  auto create = Op(0, "service:p/pg", Action::kCreate, Gate::kServiceBackup);
  auto fork = create;
  fork.request = diff::ServiceCreate{.user_config = {{{"service_to_fork_from", "pg0"}}}};
  auto restore = create;
  restore.request = diff::ServiceCreate{.user_config = {{{"recovery_target_time", "2026-01-01"}}}};
  auto nulled = create;
  nulled.request = diff::ServiceCreate{.user_config = {{{"service_to_fork_from", nullptr}}}};
  EXPECT_EQ(TimeoutFor(create, t), minutes(20));
  EXPECT_EQ(TimeoutFor(fork, t), minutes(60));
  EXPECT_EQ(TimeoutFor(restore, t), minutes(60));
  EXPECT_EQ(TimeoutFor(nulled, t), minutes(20));
  EXPECT_EQ(TimeoutFor(Op(0, "service:p/pg", Action::kUpdate), t), minutes(20));
  EXPECT_EQ(TimeoutFor(Op(0, "service:p/pg", Action::kDelete, Gate::kGone), t), minutes(10));
  EXPECT_EQ(TimeoutFor(Op(0, "topic:p/k/t", Action::kCreate, Gate::kTopicActive), t), minutes(10));
  t.other = seconds(30);
  EXPECT_EQ(TimeoutFor(Op(0, "topic:p/k/t", Action::kCreate, Gate::kTopicActive), t), seconds(30));
  t.all = minutes(3);
  EXPECT_EQ(TimeoutFor(fork, t), minutes(3));
  EXPECT_GT(EstimateDuration(fork), EstimateDuration(create));
}

TEST(Estimates, WeightsOrderSlowBeforeFast) {
  const auto service = Op(0, "service:p/k", Action::kCreate, Gate::kServiceRunning);
  const auto topic = Op(0, "topic:p/k/t", Action::kCreate, Gate::kTopicActive);
  const auto user = Op(0, "user:p/k/u", Action::kCreate);
  EXPECT_GT(EstimateDuration(service), EstimateDuration(topic));
  EXPECT_GT(EstimateDuration(topic), EstimateDuration(user));
}

TEST(Estimates, FormatElapsed) {
  EXPECT_EQ(FormatElapsed(Duration::zero()), "0s");
  EXPECT_EQ(FormatElapsed(milliseconds(450)), "450ms");
  EXPECT_EQ(FormatElapsed(milliseconds(59'999)), "59s");
  EXPECT_EQ(FormatElapsed(seconds(72)), "1m12s");
  EXPECT_EQ(FormatElapsed(minutes(20)), "20m0s");
  EXPECT_EQ(FormatElapsed(seconds(3605)), "1h0m5s");
}

TEST(Estimates, Names) {
  EXPECT_STREQ(ActionVerb(Action::kCreate), "creating");
  EXPECT_STREQ(GateGoal(Gate::kTopicActive), "ACTIVE");
}

}  // namespace
}  // namespace aivenctl::exec
