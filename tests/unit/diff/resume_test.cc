// A saved changeset against the live state at apply: what changed since (StaleObjects) and,
// for `apply CHANGESET.json --resume`, what an interrupted run left to do (Remaining).

#include "diff/resume.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

using nlohmann::json;

constexpr const char* kPlan = R"(
version: 1
name: test
projects:
  - name: ci
    cloud: google-europe-west1
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [app]
        users: [app]
      - name: events
        type: kafka
        plan: startup-2
)";

diff::Changeset Planned(const std::string& live) {
  diff::PlanOptions o;
  o.now = Now();
  diff::PlanResult r =
      diff::Plan(LoadPlan(kPlan), LiveFromJson(json::parse(live)), TestCatalog(), o);
  EXPECT_TRUE(r.ok()) << Render(r, false);
  return r.changeset;
}

TEST(Resume, NothingDoneLeavesEveryOperation) {
  diff::Changeset cs = Planned(R"({"projects": [{"name": "ci", "owned": true}]})");
  const model::LiveState live =
      LiveFromJson(json::parse(R"({"projects": [{"name": "ci", "owned": true}]})"));
  EXPECT_EQ(diff::StaleObjects(cs, live, false), std::vector<std::string>{});
  EXPECT_EQ(RenderOperations(diff::Remaining(cs, live), false), RenderOperations(cs, false));
}

TEST(Resume, WhatAnInterruptedRunDidIsLeftOutAndABuildingServiceIsWaitedFor) {
  diff::Changeset cs = Planned(R"({"projects": [{"name": "ci", "owned": true}]})");
  ASSERT_EQ(RenderOperations(cs, false),
            "#0 create service:ci/events wait:service-running []\n"
            "#1 create service:ci/pg wait:service-backup []\n"
            "#2 create database:ci/pg/app [1]\n"
            "#3 create user:ci/pg/app [1]\n");
  // The run created pg (still building) and events (running), then stopped.
  const model::LiveState live = LiveFromJson(json::parse(R"({"projects": [{"name": "ci",
    "owned": true, "services": [
      {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "state": "REBUILDING"},
      {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true}]}]})"));
  // A plain apply refuses: the world it read changed.
  EXPECT_EQ(
      diff::StaleObjects(cs, live, false),
      (std::vector<std::string>{"service:ci/events: now exists", "service:ci/pg: now exists"}));
  // --resume: the changeset's own changes are expected; what is done is left out.
  EXPECT_EQ(diff::StaleObjects(cs, live, true), std::vector<std::string>{});
  diff::Changeset left = diff::Remaining(cs, live);
  EXPECT_EQ(RenderOperations(left, true),
            "#0 update service:ci/pg wait:service-backup [] {\"wait\":true}\n"
            "#1 create database:ci/pg/app [0] {\"create\":{\"database\":\"app\"}}\n"
            "#2 create user:ci/pg/app [0] {\"create\":{\"username\":\"app\"}}\n");
  // Everything done: nothing is left.
  const model::LiveState done = LiveFromJson(json::parse(R"({"projects": [{"name": "ci",
    "owned": true, "services": [
      {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true,
       "users": ["app"], "databases": ["app"]},
      {"name": "events", "type": "kafka", "plan": "startup-2", "owned": true}]}]})"));
  EXPECT_TRUE(diff::Remaining(cs, done).operations.empty());
}

TEST(Resume, SomethingElseThatChangedIsStillRefused) {
  const char* live_text = R"({"projects": [{"name": "ci", "owned": true, "services": [
      {"name": "pg", "type": "pg", "plan": "startup-4", "owned": true, "users": ["app"],
       "databases": ["app"]}]}]})";
  diff::Changeset cs = Planned(live_text);  // creates events only; pg is a no-op
  model::LiveState live = LiveFromJson(json::parse(live_text));
  live.projects[0].services[0].plan = "business-4";  // changed by someone else
  EXPECT_EQ(diff::StaleObjects(cs, live, true), std::vector<std::string>{"service:ci/pg: changed"});
}

TEST(Resume, ADeleteOfWhatIsGoneIsLeftOut) {
  const char* live_text = R"({"projects": [{"name": "ci", "owned": true, "services": [
      {"name": "old", "type": "pg", "plan": "startup-4", "owned": true}]}]})";
  diff::DestroyOptions o;
  o.now = Now();
  diff::PlanResult r =
      diff::PlanDestroy(LoadPlan(kPlan), LiveFromJson(json::parse(live_text)), TestCatalog(), o);
  ASSERT_TRUE(r.ok()) << Render(r, false);
  ASSERT_EQ(RenderOperations(r.changeset, false),
            "#0 delete service:ci/old wait:gone []\n"
            "#1 delete project:ci [0]\n");
  const model::LiveState half =
      LiveFromJson(json::parse(R"({"projects": [{"name": "ci", "owned": true}]})"));
  EXPECT_EQ(diff::StaleObjects(r.changeset, half, true), std::vector<std::string>{});
  EXPECT_EQ(RenderOperations(diff::Remaining(r.changeset, half), false),
            "#0 delete project:ci []\n");
}

}  // namespace
}  // namespace aivenctl::difftest
