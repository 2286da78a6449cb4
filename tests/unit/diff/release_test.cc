// `release` removes exactly aivenctl's ownership tags, from what the plan owns, within the
// targets.
#include "diff/release.h"

#include <gtest/gtest.h>

#include "diff/request_json.h"

namespace aivenctl::diff {
namespace {

model::LiveState Live() {
  model::LiveState live;
  model::LiveProject p;
  p.name = "p1";
  p.address = core::Address::Project("p1");
  p.tags = {{"managed-by", "aivenctl"}, {"aivenctl-plan", "ci"}, {"expires-at", "20261128T1Z"}};
  auto service = [](const std::string& name, model::Tags tags) {
    model::LiveService s;
    s.name = name;
    s.project = "p1";
    s.tags = std::move(tags);
    s.address = core::Address::Service("p1", name);
    return s;
  };
  model::LiveService kafka = service("kafka", {{"managed-by", "aivenctl"},
                                               {"aivenctl-plan", "ci"},
                                               {"aivenctl-adopted", "true"},
                                               {"team", "data"},
                                               {"reap", "never"}});
  model::LiveTopic t;
  t.name = "orders";
  t.tags = {{"managed-by", "aivenctl"}, {"aivenctl-plan", "ci"}};
  kafka.topics.push_back(t);
  p.services.push_back(kafka);
  p.services.push_back(service("theirs", {{"managed-by", "aivenctl"}, {"aivenctl-plan", "x"}}));
  live.projects.push_back(p);
  return live;
}

model::Plan Plan() {
  model::Plan plan;
  plan.name = "ci";
  model::Project p;
  p.name = "p1";
  plan.projects.push_back(p);
  return plan;
}

std::string Render(const Changeset& cs) {
  std::string out;
  for (const auto& op : cs.operations) {
    out += op.address.ToString() + " " + RequestToJson(op.request).dump() + "\n";
  }
  return out;
}

TEST(Release, RemovesOnlyOwnershipTagsOfWhatThePlanOwns) {
  core::Diagnostics errors;
  Changeset cs = PlanRelease(Plan(), Live(), {}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(Render(cs),
            "project:p1 {\"tags\":{}}\n"
            "service:p1/kafka {\"tags\":{\"reap\":\"never\",\"team\":\"data\"}}\n"
            "topic:p1/kafka/orders {\"update\":{\"tags\":[]}}\n");
  ASSERT_EQ(cs.changes.size(), 3u);
  EXPECT_EQ(cs.changes[1].fields.size(), 3u) << "adopted, plan, managed-by";
}

TEST(Release, TargetsLimitItAndOneThatNamesNothingIsAnError) {
  core::Diagnostics errors;
  Changeset cs = PlanRelease(Plan(), Live(), {*core::Address::Parse("service:p1/kafka")}, errors);
  EXPECT_EQ(Render(cs),
            "service:p1/kafka {\"tags\":{\"reap\":\"never\",\"team\":\"data\"}}\n"
            "topic:p1/kafka/orders {\"update\":{\"tags\":[]}}\n");
  PlanRelease(Plan(), Live(), {*core::Address::Parse("service:p1/theirs")}, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message,
            "--target service:p1/theirs: plan \"ci\" owns nothing there that exists; nothing to "
            "release");
}

}  // namespace
}  // namespace aivenctl::diff
