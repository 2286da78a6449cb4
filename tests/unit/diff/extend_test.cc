// `extend` moves expires-at on what the plan owns and touches nothing else.
#include "diff/extend.h"

#include <gtest/gtest.h>

#include "diff/request_json.h"

namespace aivenctl::diff {
namespace {

model::Plan TwoServicePlan() {
  model::Plan plan;
  plan.name = "ci";
  model::Project p;
  p.name = "p1";
  for (const char* name : {"pg", "kafka", "missing"}) {
    model::Service s;
    s.name = name;
    s.project = "p1";
    p.services.push_back(s);
  }
  plan.projects.push_back(p);
  return plan;
}

model::LiveService Live(const std::string& name, model::Tags tags) {
  model::LiveService s;
  s.name = name;
  s.project = "p1";
  s.tags = std::move(tags);
  s.address = core::Address::Service("p1", name);
  return s;
}

TEST(Extend, StampsOnlyWhatThisPlanOwns) {
  model::LiveState live;
  model::LiveProject p;
  p.name = "p1";
  p.address = core::Address::Project("p1");
  p.tags = {{"managed-by", "aivenctl"}, {"aivenctl-plan", "other"}};
  p.services.push_back(Live("pg", {{"managed-by", "aivenctl"},
                                   {"aivenctl-plan", "ci"},
                                   {"expires-at", "20261128T100000Z"},
                                   {"team", "x"}}));
  p.services.push_back(Live("kafka", {{"team", "x"}}));
  live.projects.push_back(p);
  Changeset cs = PlanExtend(TwoServicePlan(), live, core::Seconds(4 * 3600),
                            *core::ParseTime("20261128T120000Z"));
  EXPECT_EQ(cs.kind, "extend");
  ASSERT_EQ(cs.operations.size(), 1u);
  EXPECT_EQ(cs.operations[0].address.ToString(), "service:p1/pg");
  EXPECT_EQ(
      RequestToJson(cs.operations[0].request).dump(),
      R"({"tags":{"aivenctl-plan":"ci","expires-at":"20261128T160000Z","managed-by":"aivenctl","team":"x"}})");
  ASSERT_EQ(cs.changes.size(), 1u);
  ASSERT_EQ(cs.changes[0].fields.size(), 1u);
  EXPECT_EQ(cs.changes[0].fields[0].before, "20261128T100000Z");
  EXPECT_EQ(cs.changes[0].fields[0].after, "20261128T160000Z");
}

model::Tags Owned(const std::string& expires_at) {
  return {{"managed-by", "aivenctl"}, {"aivenctl-plan", "ci"}, {"expires-at", expires_at}};
}

// A re-run with the same expiry changes nothing (it used to show "X" -> "X" updates), and
// a ttl that moves an expiry earlier is said, per resource.
TEST(Extend, SameExpiryIsANoOpAndAnEarlierOneIsAWarning) {
  model::LiveState live;
  model::LiveProject p;
  p.name = "p1";
  p.address = core::Address::Project("p1");
  p.tags = Owned("20261128T160000Z");
  p.services.push_back(Live("pg", Owned("20261128T160000Z")));
  p.services.push_back(Live("kafka", Owned("20261130T000000Z")));
  live.projects.push_back(p);
  Changeset cs = PlanExtend(TwoServicePlan(), live, core::Seconds(4 * 3600),
                            *core::ParseTime("20261128T120000Z"));
  std::vector<std::string> changes;
  for (const auto& c : cs.changes) {
    changes.push_back(std::string(ActionName(c.action)) + " " + c.address.ToString());
  }
  EXPECT_EQ(changes, (std::vector<std::string>{"no-op project:p1", "update service:p1/kafka",
                                               "no-op service:p1/pg"}));
  ASSERT_EQ(cs.operations.size(), 1u);
  EXPECT_EQ(cs.operations[0].address.ToString(), "service:p1/kafka");
  EXPECT_EQ(cs.operations[0].id, 0);
  ASSERT_EQ(cs.warnings.size(), 1u);
  EXPECT_EQ(cs.warnings[0].severity, core::Severity::kWarning);
  EXPECT_EQ(cs.warnings[0].address, "service:p1/kafka");
  EXPECT_EQ(cs.warnings[0].message,
            "service:p1/kafka: the new ttl shortens its life: expires-at 20261130T000000Z moves "
            "earlier, to 20261128T160000Z");
  EXPECT_EQ(cs.Summarize().update, 1);

  live.projects[0].services[1].tags = Owned("20261128T160000Z");
  Changeset settled = PlanExtend(TwoServicePlan(), live, core::Seconds(4 * 3600),
                                 *core::ParseTime("20261128T120000Z"));
  EXPECT_TRUE(settled.operations.empty());
  EXPECT_FALSE(settled.Summarize().has_changes());
  EXPECT_TRUE(settled.warnings.empty());
}

TEST(Extend, NeverStampsAnAdoptedService) {
  model::LiveState live;
  model::LiveProject p;
  p.name = "p1";
  p.address = core::Address::Project("p1");
  p.services.push_back(Live(
      "pg", {{"managed-by", "aivenctl"}, {"aivenctl-plan", "ci"}, {"aivenctl-adopted", "true"}}));
  live.projects.push_back(p);
  Changeset cs =
      PlanExtend(TwoServicePlan(), live, core::Seconds(3600), *core::ParseTime("20261128T120000Z"));
  EXPECT_TRUE(cs.operations.empty());
  EXPECT_TRUE(cs.changes.empty());
  ASSERT_EQ(cs.warnings.size(), 1u);
  EXPECT_EQ(cs.warnings[0].message,
            "service:p1/pg: kept (adopted): aivenctl adopted it, so it gets no expiry");
}

}  // namespace
}  // namespace aivenctl::diff
