// `import`: what goes into the plan, what is left out and why.
#include "diff/import.h"

#include <gtest/gtest.h>

#include "render/plan_yaml.h"

namespace aivenctl::diff {
namespace {

model::LiveService Svc(const std::string& name, const std::string& type, model::Tags tags) {
  model::LiveService s;
  s.name = name;
  s.project = "p";
  s.type = type;
  s.plan = "startup-4";
  s.cloud = "aws-eu-west-1";
  s.state = "RUNNING";
  s.tags = std::move(tags);
  s.address = core::Address::Service("p", name);
  return s;
}

TEST(Import, OnlyWhatIsAskedOwnedElsewhereLeftOutExternalEndsMarked) {
  model::LiveProject lp;
  lp.name = "p";
  lp.address = core::Address::Project("p");
  model::LiveService pg = Svc("pg", "pg", {{"team", "data"}, {"expires-at", "20261128T1Z"}});
  pg.user_config = {{"pg_version", "16"}, {"backup_hour", 3}, {"pg", {{"max_connections", 80}}}};
  pg.maintenance = model::Maintenance{"sunday", "03:00:00"};
  pg.users = {{"avnadmin", "primary", std::nullopt, nullptr},
              {"app", "regular", std::nullopt, nullptr}};
  pg.databases = {{"defaultdb", std::nullopt, std::nullopt}, {"app", std::nullopt, std::nullopt}};
  model::LiveIntegration i;
  i.type = "metrics";
  i.source_project = i.dest_project = "p";
  i.source_service = "pg";
  i.dest_service = "grafana";
  pg.integrations.push_back(i);
  lp.services.push_back(pg);
  lp.services.push_back(Svc("grafana", "grafana", {}));
  lp.services.push_back(
      Svc("billing", "pg", {{"managed-by", "aivenctl"}, {"aivenctl-plan", "billing"}}));
  ImportResult r = ImportProject(lp, {}, {.name = "legacy", .services = {"pg", "billing", "nope"}});
  EXPECT_EQ(r.notes, (std::vector<std::string>{
                         "service:p/billing is owned by plan \"billing\": left out (a plan never "
                         "takes what another plan owns)",
                         "--service nope: project p has no such service"}));
  EXPECT_EQ(render::PlanYaml(r.plan, {"test"}),
            R"(# test
version: 1
name: "legacy"
projects:
  - name: "p"
    create: false   # used, not owned: destroy never deletes it
    services:
      - name: "pg"
        type: "pg"
        plan: "startup-4"
        cloud: "aws-eu-west-1"
        adopt: true
        termination_protection: false
        maintenance: {dow: "sunday", time: "03:00:00"}
        user_config: {"pg":{"max_connections":80}}
        tags: {"team":"data"}
        databases:
          - "app"
        users:
          - "app"
    integrations:
      - {type: "metrics", source: "pg", destination: "grafana", external: true}
)");
}

}  // namespace
}  // namespace aivenctl::diff

namespace aivenctl::diff {
namespace {

// VPCs: labelled by their cloud, the service placed in one names it; the plan written loads
// and plans to no change against the same live project (the round trip).
TEST(Import, VpcsAndTheServicesInThemRoundTrip) {
  model::LiveProject lp;
  lp.name = "p";
  lp.address = core::Address::Project("p");
  lp.vpcs = {{"v-1", "aws-eu-west-1", "10.20.0.0/24", "ACTIVE"},
             {"v-2", "google-europe-west1", "10.30.0.0/24", "DELETING"}};
  model::LiveService db = Svc("db", "pg", {});
  db.project_vpc_id = "v-1";
  lp.services.push_back(db);
  lp.services.push_back(Svc("web", "pg", {}));
  ImportResult r = ImportProject(lp, {}, {.name = "legacy"});
  const std::string yaml = render::PlanYaml(r.plan, {});
  EXPECT_EQ(yaml, R"(version: 1
name: "legacy"
projects:
  - name: "p"
    create: false   # used, not owned: destroy never deletes it
    vpcs:
      - {name: "aws-eu-west-1", cloud: "aws-eu-west-1", network_cidr: "10.20.0.0/24"}
    services:
      - name: "db"
        type: "pg"
        plan: "startup-4"
        cloud: "aws-eu-west-1"
        vpc: "aws-eu-west-1"
        adopt: true
        termination_protection: false
      - name: "web"
        type: "pg"
        plan: "startup-4"
        cloud: "aws-eu-west-1"
        adopt: true
        termination_protection: false
)");
}

}  // namespace
}  // namespace aivenctl::diff
