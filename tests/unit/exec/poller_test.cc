// The poller seam on its own (the executor tests cover it in use).
#include "exec/poller.h"

#include <gtest/gtest.h>

#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using testing::FakeRunner;
using testing::Op;
using testing::Pending;
using testing::Script;

std::vector<std::vector<int>> Ids(const std::vector<Read>& reads) {
  std::vector<std::vector<int>> out;
  for (const Read& r : reads) out.push_back(r.ids);
  return out;
}

TEST(Poller, GroupsDueWaitsIntoOneReadEachUpToTheCapacityInOrder) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "service:p/b", Action::kCreate, Gate::kServiceRunning),
      Op(2, "topic:p/a/t", Action::kCreate, Gate::kTopicActive),
  };
  const Poller poller(runner, ops);
  EXPECT_EQ(Ids(poller.Group({2, 0, 1}, 2)), (std::vector<std::vector<int>>{{2}, {0}}));
  EXPECT_EQ(Ids(poller.Group({2, 0, 1}, 5)), (std::vector<std::vector<int>>{{2}, {0}, {1}}));
  EXPECT_TRUE(poller.Group({2, 0, 1}, 0).empty());
  EXPECT_TRUE(poller.Group({2, 0, 1}, -1).empty());
}

TEST(Poller, PerformsAReadWithOneProbePerOperation) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  runner.Set("service:p/b", Script{.probes = {Pending("REBUILDING")}});
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "service:p/b", Action::kCreate, Gate::kServiceRunning),
  };
  const Poller poller(runner, ops);
  const std::vector<Reading> readings = poller.Perform(Read{{1, 0}}, {});
  ASSERT_EQ(readings.size(), 2u);
  EXPECT_EQ(readings[0].id, 1);
  EXPECT_EQ(readings[0].result.live_state, "REBUILDING");
  EXPECT_FALSE(readings[0].result.ready);
  EXPECT_EQ(readings[1].id, 0);
  EXPECT_TRUE(readings[1].result.ready);
  EXPECT_EQ(runner.log(), (std::vector<std::string>{"probe service:p/b", "probe service:p/a"}));
}

}  // namespace
}  // namespace aivenctl::exec
