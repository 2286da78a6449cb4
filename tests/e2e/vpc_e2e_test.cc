// Project VPCs end to end, the binaries as users run them: apply from nothing (the VPC is
// ACTIVE before the service placed in it is created), re-plan clean, move services into and
// out of the VPC in place, create a service outside it while it exists (sent with
// project_vpc_id null, so it stays public), then destroy to nothing: the VPC goes after its
// services, waiting while Aiven still holds it.

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

class VpcE2e : public E2eTest {
 protected:
  void SetUp() override {
    std::vector<std::string> args = FastEmulatorArgs();
    args.insert(args.end(), {"--vpc-release-seconds", "1"});
    StartEmulator(args);
    dir_ =
        std::filesystem::temp_directory_path() / ("aivenctl-vpc-e2e-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    E2eTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string WritePlan(const std::string& services) {
    const std::string path = (dir_ / "vpc.yaml").string();
    std::ofstream(path) << "version: 1\nname: vpc-e2e\nprojects:\n  - name: vpc-e2e\n"
                           "    cloud: aws-eu-west-1\n    vpcs:\n"
                           "      - {name: main, cloud: aws-eu-west-1, network_cidr: "
                           "10.20.0.0/24}\n    services:\n"
                        << services;
    return path;
  }

  // service name -> its project_vpc_id ("" for null).
  std::map<std::string, std::string> Placement() {
    std::map<std::string, std::string> out;
    const json listed = Get("/v1/project/vpc-e2e/service");  // kept: the loop reads into it
    for (const auto& s : listed["services"]) {
      const json& id = s["project_vpc_id"];
      out[s["service_name"]] = id.is_string() ? id.get<std::string>() : "";
    }
    return out;
  }

  std::string VpcId() {
    const json listed = Get("/v1/project/vpc-e2e/vpcs");
    for (const auto& v : listed["vpcs"]) {
      if (v["cloud_name"] == "aws-eu-west-1") return v["project_vpc_id"];
    }
    return "";
  }

  std::filesystem::path dir_;
};

TEST_F(VpcE2e, ApplyReplanMoveDestroy) {
  std::string plan = WritePlan(
      "      - {name: db, type: pg, plan: startup-4, vpc: main}\n"
      "      - {name: web, type: pg, plan: startup-4}\n");
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_NE(applied.out.find("vpc:vpc-e2e/aws-eu-west-1"), std::string::npos) << applied.out;
  const std::string vpc = VpcId();
  ASSERT_FALSE(vpc.empty());
  EXPECT_EQ(Placement(), (std::map<std::string, std::string>{{"db", vpc}, {"web", ""}}));

  ProcessOutcome replan = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << "not converged:\n" << replan.Describe();

  // db moves out, web moves in, and `late` is created while the VPC is ACTIVE in its
  // cloud: without the explicit null Aiven would put it in the VPC.
  plan = WritePlan(
      "      - {name: db, type: pg, plan: startup-4}\n"
      "      - {name: web, type: pg, plan: startup-4, vpc: main}\n"
      "      - {name: late, type: pg, plan: startup-4}\n");
  ProcessOutcome moved = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(moved.code, 0) << moved.Describe();
  EXPECT_EQ(Placement(),
            (std::map<std::string, std::string>{{"db", ""}, {"late", ""}, {"web", vpc}}));
  replan = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << "not converged after the move:\n" << replan.Describe();

  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_NE(destroyed.out.find("vpc:vpc-e2e/aws-eu-west-1"), std::string::npos) << destroyed.out;
  EXPECT_TRUE(Inventory().empty()) << "the project, its services and its VPC are gone";
  ProcessOutcome again = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(again.code, 2) << again.Describe();
}

// Faults on the new path: the VPC create's answer is lost (the retry meets its own 409
// "already exists" and confirms it by the list), the VPC list answers 503 twice, and the
// VPC delete answers 502 once; apply, re-plan and destroy still converge.
TEST_F(VpcE2e, FaultsOnTheVpcCallsConverge) {
  const json faults = {{"faults",
                        {{{"method", "POST"},
                          {"path", "/v1/project/*/vpcs"},
                          {"count", 1},
                          {"action", "lose_response"}},
                         {{"method", "GET"},
                          {"path", "/v1/project/*/vpcs"},
                          {"count", 2},
                          {"action", "error"},
                          {"status", 503}},
                         {{"method", "DELETE"},
                          {"path", "/v1/project/*/vpcs/*"},
                          {"count", 1},
                          {"action", "error"},
                          {"status", 502}}}}};
  ASSERT_TRUE(api_->Post("/_emulator/faults", faults, {.validate = false}).ok());
  const std::string plan = WritePlan("      - {name: db, type: pg, plan: startup-4, vpc: main}\n");
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_FALSE(Get("/_emulator/requests")["faults_injected"].empty());
  EXPECT_EQ(Get("/v1/project/vpc-e2e/vpcs")["vpcs"].size(), 1u) << "one VPC, not two";
  EXPECT_EQ(Placement(), (std::map<std::string, std::string>{{"db", VpcId()}}));
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);
  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_TRUE(Inventory().empty());
}

}  // namespace
}  // namespace aivenctl::testing
