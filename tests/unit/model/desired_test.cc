// The desired model's small helpers.

#include "model/desired.h"

#include <gtest/gtest.h>

namespace aivenctl::model {
namespace {

TEST(Model, ChildrenFollowTheServiceType) {
  EXPECT_TRUE(ChildrenOf("pg").databases);
  EXPECT_TRUE(ChildrenOf("pg").users);
  EXPECT_FALSE(ChildrenOf("pg").topics);
  EXPECT_TRUE(ChildrenOf("kafka").topics);
  EXPECT_TRUE(ChildrenOf("kafka").schemas);
  EXPECT_FALSE(ChildrenOf("pg").schemas);
  EXPECT_FALSE(ChildrenOf("kafka").databases);
  EXPECT_FALSE(ChildrenOf("grafana").users);
  EXPECT_FALSE(ChildrenOf("no-such-type").users);
  EXPECT_TRUE(IsKnownServiceType("kafka_connect"));
  EXPECT_FALSE(IsKnownServiceType("postgres"));
}

TEST(Model, EndpointLabelIsShortInItsOwnProject) {
  Endpoint e{"ci-1", "pg"};
  EXPECT_EQ("pg", e.Label("ci-1"));
  EXPECT_EQ("ci-1/pg", e.Label("other"));
}

TEST(Model, CountAndFind) {
  Plan plan;
  Project p;
  p.name = "a";
  Service s;
  s.name = "k";
  s.topics.resize(3);
  s.users.resize(1);
  s.schemas.resize(2);
  p.services.push_back(s);
  p.integrations.resize(2);
  plan.projects.push_back(p);
  PlanCounts c = Count(plan);
  EXPECT_EQ(1, c.projects);
  EXPECT_EQ(1, c.services);
  EXPECT_EQ(3, c.topics);
  EXPECT_EQ(1, c.users);
  EXPECT_EQ(2, c.schemas);
  EXPECT_EQ(2, c.integrations);
  EXPECT_NE(nullptr, plan.FindService("a", "k"));
  EXPECT_EQ(nullptr, plan.FindService("a", "x"));
  EXPECT_STREQ("defaults", OriginName(Origin::kDefaults));
}

}  // namespace
}  // namespace aivenctl::model
