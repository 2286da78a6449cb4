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
    {"created_from_nothing_vpc_first_services_wait_for_it", kPlan, "{}", "", {}, {}, false, false,
     true},
    {"existing_vpc_of_that_cloud_is_adopted_as_a_noop", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}]}]})",
     "", {}, {}, false, false, true},
    {"vpc_still_approved_services_wait_for_active", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24",
                   "state": "APPROVED"}]}]})",
     "", {}, {}, false, false, true},
    {"in_place_clean_when_everything_matches", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true, "project_vpc_id": "v-1"},
           {"name": "web", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     "", {}, {}, false, false, true},
    {"moves_into_and_out_of_the_vpc_are_updates", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true},
           {"name": "web", "type": "pg", "plan": "startup-4", "owned": true,
            "project_vpc_id": "v-1"}]}]})",
     "", {}, {}, false, false, true},
    {"cidr_cannot_change_in_place", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.30.0.0/24"}]}]})",
     "", {}, {}, false, false, false},
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
     "", {}, {}, false, false, false},
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
     "", {}, {}, false, false, true},
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
     "", {}, {}, false, false, false},
    {"destroy_deletes_the_vpc_after_its_services_then_the_project", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true, "project_vpc_id": "v-1"},
           {"name": "web", "type": "pg", "plan": "startup-4", "owned": true}]}]})",
     "", {}, {}, true, false, true},
    {"destroy_keeps_a_vpc_that_holds_a_service_it_does_not_own", kPlan,
     R"({"projects": [{"name": "ci", "owned": true,
         "vpcs": [{"id": "v-1", "cloud": "google-europe-west1", "network_cidr": "10.20.0.0/24"}],
         "services": [
           {"name": "db", "type": "pg", "plan": "startup-4", "owned": true, "project_vpc_id": "v-1"},
           {"name": "theirs", "type": "pg", "plan": "startup-4", "project_vpc_id": "v-1"}]}]})",
     "", {}, {}, true, false, true},
};

INSTANTIATE_TEST_SUITE_P(Vpcs, VpcCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
