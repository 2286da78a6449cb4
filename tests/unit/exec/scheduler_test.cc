#include "exec/scheduler.h"

#include <gtest/gtest.h>

#include "exec/estimates.h"
#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::Op;

Scheduler Make(const std::vector<diff::Operation>& ops) {
  std::vector<Duration> weights;
  for (const auto& op : ops) weights.push_back(EstimateDuration(op));
  auto s = Scheduler::Create(ops, weights);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(s).value();
}

std::vector<std::string> Addresses(const std::vector<diff::Operation>& ops,
                                   const std::vector<int>& ids) {
  std::vector<std::string> out;
  for (int id : ids) out.push_back(ops[id].address.ToString());
  return out;
}

TEST(Scheduler, DependentsBecomeReadyOnlyWhenAllTheirDependenciesAreDone) {
  const std::vector<diff::Operation> ops = {
      Op(0, "project:p", Action::kCreate),
      Op(1, "service:p/pg", Action::kCreate, Gate::kServiceRunning, {0}),
      Op(2, "service:p/kafka", Action::kCreate, Gate::kServiceRunning, {0}),
      Op(3, "integration:p/metrics:kafka->pg", Action::kCreate, Gate::kIntegrationActive, {1, 2}),
  };
  Scheduler s = Make(ops);
  EXPECT_EQ(s.Ready(), std::vector<int>({0}));
  EXPECT_EQ(s.Next(), 0);
  EXPECT_FALSE(s.HasReady());
  EXPECT_EQ(s.Next(), std::nullopt);
  EXPECT_EQ(s.MarkDone(0), std::vector<int>({1, 2}));
  EXPECT_EQ(s.Next(), 2);  // kafka before pg: same chain, address order
  EXPECT_EQ(s.Next(), 1);
  EXPECT_TRUE(s.MarkDone(1).empty());
  EXPECT_EQ(s.state(3), NodeState::kWaiting);
  EXPECT_EQ(s.MarkDone(2), std::vector<int>({3}));
  EXPECT_EQ(s.Next(), 3);
  EXPECT_FALSE(s.Finished());
  s.MarkDone(3);
  EXPECT_TRUE(s.Finished());
  EXPECT_EQ(s.count(NodeState::kDone), 4);
}

TEST(Scheduler, CriticalPathFirst) {
  // The Kafka service has topics and an integration waiting on it; it goes before the
  // PostgreSQL service that only has a database behind it, which goes before a lone user.
  const std::vector<diff::Operation> ops = {
      Op(0, "user:p/old/app", Action::kCreate),
      Op(1, "service:p/pg", Action::kCreate, Gate::kServiceRunning),
      Op(2, "database:p/pg/app", Action::kCreate, Gate::kNone, {1}),
      Op(3, "service:p/zkafka", Action::kCreate, Gate::kServiceRunning),
      Op(4, "topic:p/zkafka/orders", Action::kCreate, Gate::kTopicActive, {3}),
      Op(5, "integration:p/metrics:zkafka->graf", Action::kCreate, Gate::kIntegrationActive, {3}),
  };
  Scheduler s = Make(ops);
  EXPECT_EQ(Addresses(ops, s.Ready()),
            std::vector<std::string>({"service:p/zkafka", "service:p/pg", "user:p/old/app"}));
  EXPECT_EQ(s.chain(3), minutes(8) + seconds(30));  // service + integration
  EXPECT_EQ(s.chain(1), minutes(8) + seconds(2));   // service + database
  EXPECT_EQ(s.chain(0), seconds(2));
}

TEST(Scheduler, CriticalPathUsesTheLongestChainNotTheSum) {
  std::vector<diff::Operation> ops = {Op(0, "service:p/a", Action::kCreate),
                                      Op(1, "service:p/b", Action::kCreate)};
  for (int i = 0; i < 5; ++i) {
    ops.push_back(Op(2 + i, "user:p/a/u" + std::to_string(i), Action::kCreate, Gate::kNone, {0}));
  }
  ops.push_back(Op(7, "user:p/b/u", Action::kCreate, Gate::kNone, {1}));
  ops.push_back(Op(8, "user:p/b/v", Action::kCreate, Gate::kNone, {7}));
  auto s = Scheduler::Create(ops, std::vector<Duration>(ops.size(), seconds(1)));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->chain(0), seconds(2));
  EXPECT_EQ(s->chain(1), seconds(3));
  EXPECT_EQ(s->Ready(), std::vector<int>({1, 0}));
}

TEST(Scheduler, FailureSkipsDependentsTransitivelyWithTheRootCause) {
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/pg", Action::kCreate, Gate::kServiceRunning),
      Op(1, "database:p/pg/app", Action::kCreate, Gate::kNone, {0}),
      Op(2, "user:p/pg/app", Action::kCreate, Gate::kNone, {0}),
      Op(3, "integration:p/metrics:pg->graf", Action::kCreate, Gate::kIntegrationActive, {0, 4}),
      Op(4, "service:p/graf", Action::kCreate, Gate::kServiceRunning),
      Op(5, "user:p/graf/viewer", Action::kCreate, Gate::kNone, {4}),
      Op(6, "topic:p/k/t", Action::kCreate, Gate::kNone, {1}),  // two levels down
  };
  Scheduler s = Make(ops);
  EXPECT_EQ(s.Next(), 4);  // same chain as pg (8m30s); graf sorts first
  EXPECT_EQ(s.Next(), 0);
  EXPECT_EQ(Addresses(ops, s.MarkFailed(0)),
            std::vector<std::string>({"database:p/pg/app", "integration:p/metrics:pg->graf",
                                      "topic:p/k/t", "user:p/pg/app"}));
  for (int id : {1, 2, 3, 6}) {
    EXPECT_EQ(s.state(id), NodeState::kSkipped) << id;
    EXPECT_EQ(s.root_cause(id), 0) << id;
  }
  // Independent work continues.
  EXPECT_EQ(s.MarkDone(4), std::vector<int>({5}));
  EXPECT_EQ(s.Next(), 5);
  s.MarkDone(5);
  EXPECT_TRUE(s.Finished());
  EXPECT_EQ(s.count(NodeState::kSkipped), 4);
  EXPECT_EQ(s.count(NodeState::kFailed), 1);
  EXPECT_EQ(s.count(NodeState::kDone), 2);
}

TEST(Scheduler, ASkippedOperationKeepsItsFirstRootCause) {
  const std::vector<diff::Operation> ops = {
      Op(0, "service:p/a", Action::kCreate),
      Op(1, "service:p/b", Action::kCreate),
      Op(2, "integration:p/x:a->b", Action::kCreate, Gate::kNone, {0, 1}),
  };
  Scheduler s = Make(ops);
  s.Next();
  s.Next();
  EXPECT_EQ(s.MarkFailed(1), std::vector<int>({2}));
  EXPECT_TRUE(s.MarkFailed(0).empty());
  EXPECT_EQ(s.root_cause(2), 1);
}

TEST(Scheduler, RejectsCyclesAndBadDependencies) {
  std::vector<diff::Operation> ops = {
      Op(0, "project:p", Action::kCreate),
      Op(1, "service:p/a", Action::kCreate, Gate::kNone, {2}),
      Op(2, "service:p/b", Action::kCreate, Gate::kNone, {1}),
      Op(3, "user:p/b/u", Action::kCreate, Gate::kNone, {2}),
  };
  const std::vector<Duration> w(ops.size(), seconds(1));
  EXPECT_EQ(Scheduler::Create(ops, w).status().message(),
            "operation graph has a cycle among: service:p/a, service:p/b, user:p/b/u");
  ops[1].depends_on = {1};
  EXPECT_EQ(Scheduler::Create(ops, w).status().message(),
            "operation graph: service:p/a depends on invalid operation 1");
  ops[1].depends_on = {7};
  EXPECT_EQ(Scheduler::Create(ops, w).status().message(),
            "operation graph: service:p/a depends on invalid operation 7");
  ops[1].depends_on = {};
  ops[3].id = 5;
  EXPECT_EQ(Scheduler::Create(ops, w).status().message(),
            "operation graph: operation 3 (user:p/b/u) has id 5");
}

}  // namespace
}  // namespace aivenctl::exec
