// What `aivenctl reap` decides: owned + expired goes, everything else stays, in order.
#include "diff/reap.h"

#include <gtest/gtest.h>

#include "diff/request_json.h"

namespace aivenctl::diff {
namespace {

using model::LiveProject;
using model::LiveService;
using model::Tags;

core::TimePoint T(const char* text) { return *core::ParseTime(text); }

Tags Owned(const std::string& plan, Tags extra = {}) {
  extra["managed-by"] = "aivenctl";
  extra["aivenctl-plan"] = plan;
  return extra;
}

LiveService Svc(const std::string& project, const std::string& name, Tags tags,
                std::string state = "RUNNING") {
  LiveService s;
  s.project = project;
  s.name = name;
  s.type = "pg";
  s.plan = "startup-4";
  s.cloud = "aws-eu-west-1";
  s.state = std::move(state);
  s.create_time = "2026-11-20T10:00:00Z";
  s.tags = std::move(tags);
  s.address = core::Address::Service(project, name);
  return s;
}

LiveProject Proj(const std::string& name, Tags tags, std::vector<LiveService> services) {
  LiveProject p;
  p.name = name;
  p.tags = std::move(tags);
  p.services = std::move(services);
  p.address = core::Address::Project(name);
  return p;
}

model::Catalog PgCatalog() {
  model::Catalog c;
  model::ServicePlan plan;
  plan.name = "startup-4";
  plan.regions["aws-eu-west-1"].price_usd_per_hour = 0.5;
  c.service_types["pg"].name = "pg";
  c.service_types["pg"].plans.push_back(plan);
  return c;
}

ReapOptions At(const char* now) {
  ReapOptions o;
  o.now = T(now);
  return o;
}

/// "address reap|keep: reason" per item, then "op id address deps gate request".
std::string Render(const ReapPlan& plan) {
  std::string out;
  for (const auto& item : plan.items) {
    out += item.address.ToString() + (item.reap ? " reap" : " keep") +
           (item.already_deleting ? " (already deleting)" : "") + ": " + item.reason + "\n";
  }
  for (const auto& op : plan.changeset.operations) {
    out += "op " + std::to_string(op.id) + " " + op.address.ToString() + " after[";
    for (int d : op.depends_on) out += std::to_string(d) + ",";
    out += "] " + std::string(op.gate == Gate::kGone ? "gone" : "none") + " " +
           RequestToJson(op.request).dump() + "\n";
  }
  return out;
}

const char* kExp = "20261128T080000Z";  // 2 h before the evaluation instant below
const char* kNow = "2026-11-28T10:00:00Z";

TEST(Reap, ExpiredOwnedServiceGoesFreshAndUnownedStay) {
  model::LiveState live;
  live.projects.push_back(Proj("p1", {},
                               {Svc("p1", "old", Owned("ci", {{"expires-at", kExp}})),
                                Svc("p1", "new", Owned("ci", {{"expires-at", "20261128T120000Z"}})),
                                Svc("p1", "theirs", {{"expires-at", kExp}})}));
  ReapPlan plan = PlanReap(live, PgCatalog(), At(kNow));
  EXPECT_EQ(Render(plan),
            "service:p1/new keep: expires in 2h\n"
            "service:p1/old reap: expires-at 20261128T080000Z passed 2h ago\n"
            "op 0 service:p1/old after[] none {}\n");
  EXPECT_DOUBLE_EQ(plan.monthly_savings, 365.0);
  ASSERT_EQ(plan.items.size(), 2u);
  EXPECT_DOUBLE_EQ(*plan.items[1].monthly_usd, 365.0);
  EXPECT_EQ(plan.changeset.kind, "reap");
  ASSERT_EQ(plan.changeset.changes.size(), 1u);
  EXPECT_EQ(plan.changeset.changes[0].action, Action::kDelete);
}

TEST(Reap, KeepTagsWin) {
  model::LiveState live;
  live.projects.push_back(Proj(
      "p1", {},
      {Svc("p1", "a", Owned("ci", {{"expires-at", kExp}, {"reap", "never"}})),
       Svc("p1", "b", Owned("ci", {{"expires-at", kExp}, {"protect-until", "20261129T000000Z"}})),
       Svc("p1", "c", Owned("ci", {{"expires-at", kExp}, {"protect-until", "20261128T090000Z"}})),
       Svc("p1", "d", Owned("ci", {{"expires-at", "tomorrow"}})), Svc("p1", "e", Owned("ci"))}));
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "service:p1/a keep: tagged reap: never\n"
            "service:p1/b keep: protect-until 20261129T000000Z (in 14h)\n"
            "service:p1/c reap: expires-at 20261128T080000Z passed 2h ago\n"
            "service:p1/d keep: expires-at \"tomorrow\" is not a time (write it like "
            "20261128T160000Z)\n"
            "service:p1/e keep: no expires-at tag\n"
            "op 0 service:p1/c after[] none {}\n");
}

TEST(Reap, TerminationProtectionKeepsUnlessForced) {
  model::LiveState live;
  LiveService s = Svc("p1", "db", Owned("ci", {{"expires-at", kExp}}));
  s.termination_protection = true;
  live.projects.push_back(Proj("p1", {}, {s}));
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "service:p1/db keep: expires-at 20261128T080000Z passed 2h ago, but termination "
            "protection is on (lift it with --force-unprotect, or turn off "
            "termination_protection on service:p1/db)\n");
  ReapOptions forced = At(kNow);
  forced.force_unprotect = true;
  EXPECT_EQ(Render(PlanReap(live, {}, forced)),
            "service:p1/db reap: expires-at 20261128T080000Z passed 2h ago\n"
            "op 0 service:p1/db after[] none {\"unprotect\":true}\n");
}

TEST(Reap, PlanFilterAndOlderThan) {
  model::LiveState live;
  live.projects.push_back(Proj(
      "p1", {},
      {Svc("p1", "ci", Owned("ci")), Svc("p1", "demo", Owned("demo", {{"expires-at", kExp}}))}));
  ReapOptions o = At(kNow);
  o.plan = "ci";
  o.older_than = core::Seconds(7 * 24 * 3600);
  EXPECT_EQ(Render(PlanReap(live, {}, o)),
            "service:p1/ci reap: no expires-at; created 8d ago (--older-than 7d)\n"
            "op 0 service:p1/ci after[] none {}\n");
  o.older_than = core::Seconds(9 * 24 * 3600);
  EXPECT_EQ(Render(PlanReap(live, {}, o)), "service:p1/ci keep: no expires-at tag\n");
}

TEST(Reap, IntegrationsThenServicesThenEmptyExpiredProject) {
  model::LiveState live;
  LiveService kafka = Svc("p1", "kafka", Owned("ci", {{"expires-at", kExp}}));
  LiveService connect = Svc("p1", "connect", Owned("ci", {{"expires-at", kExp}}));
  model::LiveIntegration i;
  i.id = "int-1";
  i.type = "kafka_connect";
  i.source_project = i.dest_project = "p1";
  i.source_service = "kafka";
  i.dest_service = "connect";
  kafka.integrations.push_back(i);
  connect.integrations.push_back(i);
  live.projects.push_back(Proj("p1", Owned("ci", {{"expires-at", kExp}}), {connect, kafka}));
  live.projects.push_back(
      Proj("p2", Owned("ci", {{"expires-at", kExp}}), {Svc("p2", "keep", Owned("ci"))}));
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "project:p1 reap: expires-at 20261128T080000Z passed 2h ago\n"
            "project:p2 keep: expires-at 20261128T080000Z passed 2h ago, but 1 service(s) "
            "remain in it\n"
            "service:p1/connect reap: expires-at 20261128T080000Z passed 2h ago\n"
            "service:p1/kafka reap: expires-at 20261128T080000Z passed 2h ago\n"
            "service:p2/keep keep: no expires-at tag\n"
            "op 0 integration:p1/kafka_connect:kafka->connect after[] none {\"id\":\"int-1\"}\n"
            "op 1 service:p1/connect after[0,] gone {}\n"
            "op 2 service:p1/kafka after[0,] gone {}\n"
            "op 3 project:p1 after[1,2,] none {}\n");
}

TEST(Reap, UnownedServiceKeepsItsProject) {
  model::LiveState live;
  live.projects.push_back(
      Proj("p1", Owned("ci", {{"expires-at", kExp}}), {Svc("p1", "someone-elses", {})}));
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "project:p1 keep: expires-at 20261128T080000Z passed 2h ago, but 1 service(s) "
            "remain in it\n");
}

TEST(Reap, ServiceAlreadyBeingDeletedCountsAsDone) {
  model::LiveState live;
  live.projects.push_back(
      Proj("p1", {}, {Svc("p1", "going", Owned("ci", {{"expires-at", kExp}}), "DELETING")}));
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "service:p1/going reap (already deleting): expires-at 20261128T080000Z passed 2h "
            "ago\n");
  live.projects[0].tags = Owned("ci", {{"expires-at", kExp}});
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "project:p1 reap: expires-at 20261128T080000Z passed 2h ago\n"
            "service:p1/going reap (already deleting): expires-at 20261128T080000Z passed 2h "
            "ago\n"
            "op 0 service:p1/going after[] gone {\"wait_only\":true}\n"
            "op 1 project:p1 after[0,] none {}\n");
}

TEST(Reap, AdoptedServicesAreNeverReapedAndKeepTheirProject) {
  model::LiveState live;
  live.projects.push_back(Proj(
      "p1", Owned("ci", {{"expires-at", kExp}}),
      {Svc("p1", "legacy", Owned("ci", {{"aivenctl-adopted", "true"}})),
       Svc("p1", "stamped", Owned("ci", {{"aivenctl-adopted", "true"}, {"expires-at", kExp}}))}));
  ReapOptions o = At(kNow);
  o.older_than = core::Seconds(60);
  ReapPlan plan = PlanReap(live, PgCatalog(), o);
  const std::string kept =
      " keep: adopted, not created by aivenctl: reap never deletes it (aivenctl release hands "
      "it back)\n";
  EXPECT_EQ(Render(plan),
            "project:p1 keep: expires-at 20261128T080000Z passed 2h ago, but 2 service(s) "
            "remain in it\n"
            "service:p1/legacy" +
                kept + "service:p1/stamped" + kept);
  EXPECT_TRUE(plan.changeset.operations.empty());
  EXPECT_TRUE(plan.items[1].adopted);
  EXPECT_DOUBLE_EQ(plan.monthly_savings, 0);
}

TEST(Reap, ExpiringWithinListsWhatExpiresByThenAndDeletesNothing) {
  model::LiveState live;
  live.projects.push_back(
      Proj("p1", {},
           {Svc("p1", "expired", Owned("ci", {{"expires-at", kExp}})),
            Svc("p1", "soon", Owned("ci", {{"expires-at", "20261128T200000Z"}})),
            Svc("p1", "later", Owned("ci", {{"expires-at", "20261130T000000Z"}})),
            Svc("p1", "adopted", Owned("ci", {{"aivenctl-adopted", "true"}, {"expires-at", kExp}})),
            Svc("p1", "none", Owned("ci"))}));
  ReapOptions o = At(kNow);
  o.expiring_within = core::Seconds(24 * 3600);
  ReapPlan plan = PlanReap(live, PgCatalog(), o);
  EXPECT_EQ(Render(plan),
            "service:p1/expired keep: expires-at 20261128T080000Z passed 2h ago\n"
            "service:p1/soon keep: expires in 10h\n");
  EXPECT_TRUE(plan.changeset.operations.empty());
  EXPECT_TRUE(plan.changeset.changes.empty());
  o.expiring_within = core::Seconds(3600);
  EXPECT_EQ(Render(PlanReap(live, PgCatalog(), o)),
            "service:p1/expired keep: expires-at 20261128T080000Z passed 2h ago\n");
}

}  // namespace
}  // namespace aivenctl::diff

namespace aivenctl::diff {
namespace {

// A reaped project's VPCs go after its services (the gone gate asks again while Aiven still
// holds them) and before the project; a kept project's VPC is not touched.
TEST(Reap, VpcsOfAReapedProjectGoBetweenItsServicesAndIt) {
  model::LiveState live;
  live.projects.push_back(Proj("p1", Owned("ci", {{"expires-at", kExp}}),
                               {Svc("p1", "db", Owned("ci", {{"expires-at", kExp}}))}));
  live.projects.back().vpcs = {{"v-1", "aws-eu-west-1", "10.20.0.0/24", "ACTIVE"},
                               {"v-0", "aws-eu-central-1", "10.30.0.0/24", "DELETING"}};
  live.projects.push_back(Proj("p2", Owned("ci"), {}));
  live.projects.back().vpcs = {{"v-2", "aws-eu-west-1", "10.40.0.0/24", "ACTIVE"}};
  EXPECT_EQ(Render(PlanReap(live, {}, At(kNow))),
            "project:p1 reap: expires-at 20261128T080000Z passed 2h ago\n"
            "project:p2 keep: no expires-at tag\n"
            "vpc:p1/aws-eu-west-1 reap: in project p1, which is reaped\n"
            "service:p1/db reap: expires-at 20261128T080000Z passed 2h ago\n"
            "op 0 service:p1/db after[] gone {}\n"
            "op 1 vpc:p1/aws-eu-west-1 after[0,] gone {\"id\":\"v-1\"}\n"
            "op 2 project:p1 after[0,1,] none {}\n");
}

}  // namespace
}  // namespace aivenctl::diff
