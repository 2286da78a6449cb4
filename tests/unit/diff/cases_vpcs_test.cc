// Planner specs: project VPCs. A VPC is its project's VPC in a cloud (vpc:project/cloud);
// services name it with `vpc:`, wait for it to be ACTIVE, and a service created without one
// is sent project_vpc_id null; moves are in-place updates; a VPC goes after its services.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class VpcCase : public ::testing::TestWithParam<Case> {};

TEST_P(VpcCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const char* kPlan = R"(
version: 1
name: test
projects:
  - name: ci
    cloud: google-europe-west1
    vpcs:
      - {name: main, cloud: google-europe-west1, network_cidr: 10.20.0.0/24}
    services:
      - {name: db, type: pg, plan: startup-4, vpc: main}
      - {name: web, type: pg, plan: startup-4}
)";

const Case kCases[] = {
    {"created_from_nothing_vpc_first_services_wait_for_it",
     kPlan,
     "{}",
     R"EXP(+ project:ci
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ vpc:ci/google-europe-west1
    name: "main"
    network_cidr: "10.20.0.0/24"
+ service:ci/db
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    vpc: "main"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ service:ci/web
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

Cost: $0.000/h -> $0.164/h (+$0.164/h), $0.00 -> $119.72 per month (+$119.72)
Plan: 4 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"cloud":"google-europe-west1","project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create vpc:ci/google-europe-west1 wait:vpc-active [0] {"create":{"network_cidr":"10.20.0.0/24"}}
#2 create service:ci/db wait:service-backup [0,1] {"create":{"cloud":"google-europe-west1","plan":"startup-4","project_vpc":"google-europe-west1","service_name":"db","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#3 create service:ci/web wait:service-backup [0] {"create":{"cloud":"google-europe-west1","plan":"startup-4","service_name":"web","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"existing_vpc_of_that_cloud_is_adopted_as_a_noop",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}]}]})",
     R"EXP(+ service:ci/db
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    vpc: "main"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ service:ci/web
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

Cost: $0.000/h -> $0.164/h (+$0.164/h), $0.00 -> $119.72 per month (+$119.72)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create service:ci/db wait:service-backup [] {"create":{"cloud":"google-europe-west1","plan":"startup-4","project_vpc":"google-europe-west1","service_name":"db","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/web wait:service-backup [] {"create":{"cloud":"google-europe-west1","plan":"startup-4","service_name":"web","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"vpc_still_approved_services_wait_for_active",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24",
                   "state": "APPROVED"}]}]})",
     R"EXP(+ service:ci/db
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    vpc: "main"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ service:ci/web
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

Cost: $0.000/h -> $0.164/h (+$0.164/h), $0.00 -> $119.72 per month (+$119.72)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 update vpc:ci/google-europe-west1 wait:vpc-active [] {"wait":true}
#1 create service:ci/db wait:service-backup [0] {"create":{"cloud":"google-europe-west1","plan":"startup-4","project_vpc":"google-europe-west1","service_name":"db","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create service:ci/web wait:service-backup [] {"create":{"cloud":"google-europe-west1","plan":"startup-4","service_name":"web","service_type":"pg","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"in_place_clean_when_everything_matches",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true, "project_vpc_id": "v-1"},
           {"name": "web", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(No changes: the live state matches the plan.
--
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"moves_into_and_out_of_the_vpc_are_updates",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true},
           {"name": "web", "type": "pg", "plan": "startup-4", "owned": true,
            "project_vpc_id": "v-1"}]}]})",
     R"EXP(~ service:ci/db
    vpc: (unset) -> "main"
~ service:ci/web
    vpc: "main" -> (unset)

Cost: $0.164/h -> $0.164/h (+$0.000/h), $119.72 -> $119.72 per month (+$0.00)
Plan: 0 to create, 2 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/db wait:service-running [] {"update":{"project_vpc":"google-europe-west1"}}
#1 update service:ci/web wait:service-running [] {"update":{"project_vpc":""}}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"cidr_cannot_change_in_place",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.30.0.0/24"}]}]})",
     R"EXP(plan.yaml:8:64: error: vpc:ci/google-europe-west1: network_cidr cannot change in place ("10.30.0.0/24" -> "10.20.0.0/24"); Aiven keeps one VPC per cloud, so write the live block, or move the services out, delete the VPC (remove it with prune: true) and add it again
--
+ service:ci/db
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    vpc: "main"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month
+ service:ci/web
    type: "pg"
    plan: "startup-4"
    cloud: "google-europe-west1"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
    cost: $0.000/h -> $0.082/h, $0.00 -> $59.86 per month

Cost: $0.000/h -> $0.164/h (+$0.164/h), $0.00 -> $119.72 per month (+$119.72)
Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP",
     {},
     {},
     false,
     false,
     false},
    {"undeclared_vpc_is_unmanaged_and_kept",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: web, type: pg, plan: startup-4, cloud: google-europe-west1}
)",
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-9", "cloud": "aws-eu-west-1", "network_cidr": "10.9.0.0/24"}],
         "services": [{"name": "web", "type": "pg", "plan": "startup-4", "owned": true,
                       "cloud": "google-europe-west1"}]}]})",
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    vpc:ci/aws-eu-west-1

No changes: the live state matches the plan.
)EXP",
     {},
     {},
     false,
     false,
     false},
    {"prune_deletes_an_undeclared_vpc_after_moving_its_service_out",
     R"(
version: 1
name: test
projects:
  - name: ci
    prune: true
    services:
      - {name: web, type: pg, plan: startup-4, cloud: aws-eu-west-1}
)",
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-9", "cloud": "aws-eu-west-1", "network_cidr": "10.9.0.0/24"}],
         "services": [{"name": "web", "type": "pg", "plan": "startup-4", "owned": true,
                       "cloud": "aws-eu-west-1", "project_vpc_id": "v-9"}]}]})",
     R"EXP(- vpc:ci/aws-eu-west-1 (not in the plan, prune: true)
    network_cidr: "10.9.0.0/24" -> (unset)
~ service:ci/web
    vpc: "v-9" -> (unset)

Cost: $0.082/h -> $0.082/h (+$0.000/h), $59.86 -> $59.86 per month (+$0.00)
Plan: 0 to create, 1 to update, 0 to replace, 1 to destroy.
--
#0 update service:ci/web wait:service-running [] {"update":{"project_vpc":""}}
#1 delete vpc:ci/aws-eu-west-1 wait:gone [0] {"id":"v-9"}
)EXP",
     {},
     {},
     false,
     false,
     true},
    {"prune_refuses_a_vpc_that_holds_a_service_it_keeps",
     R"(
version: 1
name: test
projects:
  - name: ci
    prune: true
    services:
      - {name: web, type: pg, plan: startup-4}
)",
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-9", "cloud": "aws-eu-west-1", "network_cidr": "10.9.0.0/24"}],
         "services": [{"name": "web", "type": "pg", "plan": "startup-4", "owned": true},
                      {"name": "theirs", "type": "pg", "plan": "startup-4",
                       "cloud": "aws-eu-west-1", "project_vpc_id": "v-9"}]}]})",
     R"EXP(plan.yaml:5:5: error: vpc:ci/aws-eu-west-1 is not in the plan and the project has "prune: true", but services stay in it (theirs); move them out (drop their vpc:) or declare the VPC
--
Unmanaged, kept (live but not in the plan; not changes):
    service:ci/theirs

No changes: the live state matches the plan.
)EXP",
     {},
     {},
     false,
     false,
     false},
    {"destroy_deletes_the_vpc_after_its_services_then_the_project",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true, "project_vpc_id": "v-1"},
           {"name": "web", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     R"EXP(- project:ci
- vpc:ci/google-europe-west1
    network_cidr: "10.20.0.0/24" -> (unset)
- service:ci/db
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month
- service:ci/web
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

Cost: $0.164/h -> $0.000/h (-$0.164/h), $119.72 -> $0.00 per month (-$119.72)
Plan: 0 to create, 0 to update, 0 to replace, 4 to destroy.
--
#0 delete service:ci/db wait:gone [] {}
#1 delete service:ci/web wait:gone [] {}
#2 delete vpc:ci/google-europe-west1 wait:gone [0,1] {"id":"v-1"}
#3 delete project:ci [0,1,2] {}
)EXP",
     {},
     {},
     true,
     false,
     true},
    {"destroy_keeps_a_vpc_that_holds_a_service_it_does_not_own",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true, "project_vpc_id": "v-1"},
           {"name": "theirs", "type": "pg", "plan": "startup-4", "project_vpc_id": "v-1"}]}]})",
     R"EXP(- service:ci/db
    cost: $0.082/h -> $0.000/h, $59.86 -> $0.00 per month

warning: project:ci stays: it holds services this plan does not own (theirs)
warning: vpc:ci/google-europe-west1 stays: it holds services this plan does not delete (theirs)

Cost: $0.082/h -> $0.000/h (-$0.082/h), $59.86 -> $0.00 per month (-$59.86)
Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
--
#0 delete service:ci/db wait:gone [] {}
)EXP",
     {},
     {},
     true,
     false,
     true},
};

INSTANTIATE_TEST_SUITE_P(Vpcs, VpcCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
