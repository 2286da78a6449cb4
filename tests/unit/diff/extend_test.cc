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

}  // namespace
}  // namespace aivenctl::diff
