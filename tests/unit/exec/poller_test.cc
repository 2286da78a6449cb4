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

TEST(Poller, GroupsDueWaitsIntoOneReadPerProjectOrPerOtherGateUpToTheCapacityInOrder) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "service:p/b", Action::kCreate, Gate::kServiceBackup),
      Op(2, "topic:p/a/t", Action::kCreate, Gate::kTopicActive),
      Op(3, "service:q/c", Action::kDelete, Gate::kGone),
      Op(4, "service:p/d", Action::kDelete, Gate::kGone),
      Op(5, "project:p", Action::kDelete, Gate::kGone),
  };
  const Poller poller(runner, ops);
  using Groups = std::vector<std::vector<int>>;
  EXPECT_EQ(Ids(poller.Group({2, 0, 3, 1, 5, 4}, 5)), (Groups{{2}, {0, 1, 4}, {3}, {5}}));
  EXPECT_EQ(Ids(poller.Group({2, 0, 3, 1}, 2)), (Groups{{2}, {0, 1}}));  // 3 stays due
  EXPECT_EQ(poller.Group({0, 3}, 5)[0].project, "p");
  EXPECT_EQ(poller.Group({0, 3}, 5)[0].service, "");
  EXPECT_EQ(poller.Group({2}, 5)[0].project, "p");  // a topic list of one topic
  EXPECT_EQ(poller.Group({2}, 5)[0].service, "a");
  EXPECT_EQ(poller.Group({5}, 5)[0].project, "");
  EXPECT_TRUE(poller.Group({2, 0, 1}, 0).empty());
  EXPECT_TRUE(poller.Group({2, 0, 1}, -1).empty());
}

TEST(Poller, AddsEarlyServiceWaitsOnlyToAProjectReadMadeAnyway) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "service:p/b", Action::kCreate, Gate::kServiceRunning),
      Op(2, "topic:p/a/t", Action::kCreate, Gate::kTopicActive),
      Op(3, "service:q/c", Action::kCreate, Gate::kServiceRunning),
  };
  const Poller poller(runner, ops);
  using Groups = std::vector<std::vector<int>>;
  // b joins p's read; the topic never joins; q has no read this tick, so c waits its turn.
  EXPECT_EQ(Ids(poller.Group({0}, 5, {1, 2, 3})), (Groups{{0, 1}}));
  EXPECT_EQ(Ids(poller.Group({2}, 5, {0, 1})), (Groups{{2}}));
  EXPECT_EQ(Ids(poller.Group({0, 1}, 5, {1})), (Groups{{0, 1}}));  // never twice
}

TEST(Poller, SharesIntegrationGatesWithTheServiceListAndTopicGatesPerService) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "integration:p/metrics:a->b", Action::kCreate, Gate::kIntegrationActive),
      Op(2, "topic:p/a/t", Action::kCreate, Gate::kTopicActive),
      Op(3, "topic:p/a/u", Action::kCreate, Gate::kTopicActive),
      Op(4, "topic:p/b/t", Action::kCreate, Gate::kTopicActive),
      Op(5, "integration:q/metrics:c->d", Action::kCreate, Gate::kIntegrationActive),
      Op(6, "topic:p/a/gone", Action::kDelete, Gate::kGone),
  };
  const Poller poller(runner, ops);
  using Groups = std::vector<std::vector<int>>;
  EXPECT_EQ(Ids(poller.Group({1, 2, 4, 3, 0, 5, 6}, 10)), (Groups{{1, 0}, {2, 3}, {4}, {5}, {6}}));
  // Early topics of the same service join its topic list; other services' topics do not.
  EXPECT_EQ(Ids(poller.Group({2}, 10, {3, 4, 1})), (Groups{{2, 3}}));
  EXPECT_EQ(Ids(poller.Group({0}, 10, {1, 2})), (Groups{{0, 1}}));

  const std::vector<Reading> readings = poller.Perform(poller.Group({2, 3}, 10)[0], {});
  ASSERT_EQ(readings.size(), 2u);
  EXPECT_TRUE(readings[0].result.ready);
  EXPECT_EQ(runner.shared_reads(), (std::vector<std::string>{"topics p/a [t u] @0ms"}));
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
  EXPECT_TRUE(runner.shared_reads().empty());
}

TEST(Poller, PerformsAProjectReadOfSeveralServicesWithOneSharedRead) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  runner.Set("service:p/b", Script{.probes = {Pending("REBUILDING")}});
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "service:p/b", Action::kCreate, Gate::kServiceRunning),
  };
  const Poller poller(runner, ops);
  const std::vector<Reading> readings = poller.Perform(Read{{1, 0}, "p"}, {});
  ASSERT_EQ(readings.size(), 2u);
  EXPECT_EQ(readings[0].id, 1);
  EXPECT_EQ(readings[0].result.live_state, "REBUILDING");
  EXPECT_EQ(readings[1].id, 0);
  EXPECT_TRUE(readings[1].result.ready);
  EXPECT_EQ(runner.shared_reads(), (std::vector<std::string>{"list p [b a] @0ms"}));
  // A project read of one service is a plain probe.
  poller.Perform(Read{{0}, "p"}, {});
  EXPECT_EQ(runner.shared_reads().size(), 1u);
}

}  // namespace
}  // namespace aivenctl::exec
