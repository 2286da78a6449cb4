// Project VPCs and the services placed in them, over real HTTP: a VPC held by services is
// refused (409) while they are in it and for --vpc-release-seconds after the last one is
// deleted or moved out (Terraform provider issue 152), a service cannot be placed in a VPC
// that is not ACTIVE yet, moves in and out rebuild the service in place; and `avn vpc
// create / list / delete` replayed as aiven-client sends them (client.py:
// create_project_vpc, list_project_vpcs, delete_project_vpc).

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class VpcPlacement : public HttpTest {
 protected:
  std::vector<std::string> ExtraArgs() const override { return {"--vpc-release-seconds", "2"}; }
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
  }
  // avn vpc create: POST {cloud_name, network_cidr, peering_connections: []}.
  std::string CreateVpc(const std::string& cloud, const std::string& cidr) {
    const ApiResponse r = api().Post(
        "/v1/project/p1/vpcs",
        {{"cloud_name", cloud}, {"network_cidr", cidr}, {"peering_connections", json::array()}});
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.body.value("project_vpc_id", "");
  }
  std::string State(const std::string& id) {
    return api().Get("/v1/project/p1/vpcs/" + id).body.value("state", "");
  }
};

TEST_F(VpcPlacement, ApprovedVpcTakesNoServiceUntilActive) {
  const std::string id = CreateVpc("aws-eu-west-1", "10.20.0.0/24");
  EXPECT_EQ(State(id), "APPROVED");
  ExpectErrorContaining(CreateService("p1", "db", "pg", "startup-4",
                                      {{"cloud", "aws-eu-west-1"}, {"project_vpc_id", id}}),
                        400, "is not active yet");
  Advance(3.5);
  EXPECT_EQ(State(id), "ACTIVE");
  ASSERT_EQ(CreateService("p1", "db", "pg", "startup-4",
                          {{"cloud", "aws-eu-west-1"}, {"project_vpc_id", id}})
                .status,
            200);
  EXPECT_EQ(GetService("p1", "db")["project_vpc_id"], id);
}

TEST_F(VpcPlacement, DeleteWaitsForItsServicesAndThenForAivenToReleaseIt) {
  const std::string id = CreateVpc("aws-eu-west-1", "10.20.0.0/24");
  Advance(3.5);
  ASSERT_EQ(CreateService("p1", "db", "pg", "startup-4",
                          {{"cloud", "aws-eu-west-1"}, {"project_vpc_id", id}})
                .status,
            200);
  ExpectErrorContaining(api().Delete("/v1/project/p1/vpcs/" + id), 409,
                        "Project VPC is in use by service db");
  ASSERT_EQ(api().Delete("/v1/project/p1/service/db").status, 200);
  // Provider issue 152: right after its last service it is still held.
  ExpectErrorContaining(api().Delete("/v1/project/p1/vpcs/" + id), 409, "still in progress");
  EXPECT_EQ(State(id), "ACTIVE");
  Advance(2.5);
  const ApiResponse deleted = api().Delete("/v1/project/p1/vpcs/" + id);
  ASSERT_EQ(deleted.status, 200) << deleted.Describe();
  EXPECT_EQ(deleted.body["state"], "DELETING");
  Advance(1.5);
  EXPECT_EQ(State(id), "DELETED");
  EXPECT_EQ(api().Get("/v1/project/p1/vpcs").body["vpcs"], json::array());
}

TEST_F(VpcPlacement, MovesInAndOutAreInPlaceAndHoldTheVpcTheyLeave) {
  const std::string id = CreateVpc("aws-eu-west-1", "10.20.0.0/24");
  Advance(3.5);
  ASSERT_EQ(CreateService("p1", "web", "pg", "startup-4",
                          {{"cloud", "aws-eu-west-1"}, {"project_vpc_id", nullptr}})
                .status,
            200);
  EXPECT_TRUE(GetService("p1", "web")["project_vpc_id"].is_null());
  WaitRunning("p1", "web");
  ApiResponse moved = api().Put("/v1/project/p1/service/web", {{"project_vpc_id", id}});
  ASSERT_EQ(moved.status, 200) << moved.Describe();
  EXPECT_EQ(moved.body["service"]["project_vpc_id"], id);
  EXPECT_EQ(moved.body["service"]["state"], "REBALANCING") << "a migration, in place";
  moved = api().Put("/v1/project/p1/service/web", {{"project_vpc_id", nullptr}});
  ASSERT_EQ(moved.status, 200) << moved.Describe();
  EXPECT_TRUE(moved.body["service"]["project_vpc_id"].is_null());
  ExpectErrorContaining(api().Delete("/v1/project/p1/vpcs/" + id), 409, "still in progress");
  Advance(2.5);
  EXPECT_EQ(api().Delete("/v1/project/p1/vpcs/" + id).status, 200);
}

// avn vpc create / list / delete, the bodies and paths of aiven-client's client.py, and
// the keys avn's table prints (PROJECT_VPC_ID, STATE, CLOUD_NAME, NETWORK_CIDR).
TEST_F(VpcPlacement, AvnVpcCreateListDeleteReplay) {
  const ApiResponse created =
      api().Post("/v1/project/p1/vpcs", {{"cloud_name", "aws-eu-central-1"},
                                         {"network_cidr", "10.1.2.0/24"},
                                         {"peering_connections", json::array()}});
  ASSERT_EQ(created.status, 200) << created.Describe();
  for (const char* k : {"project_vpc_id", "state", "cloud_name", "network_cidr"}) {
    EXPECT_TRUE(created.body.contains(k)) << k;
  }
  const std::string id = created.body["project_vpc_id"];
  const ApiResponse listed = api().Get("/v1/project/p1/vpcs");
  ASSERT_EQ(listed.status, 200) << listed.Describe();
  ASSERT_EQ(listed.body["vpcs"].size(), 1u);
  for (const char* k : {"project_vpc_id", "state", "cloud_name", "network_cidr"}) {
    EXPECT_TRUE(listed.body["vpcs"][0].contains(k)) << k;
  }
  const ApiResponse deleted = api().Delete("/v1/project/p1/vpcs/" + id);
  ASSERT_EQ(deleted.status, 200) << deleted.Describe();
  for (const char* k : {"project_vpc_id", "state", "cloud_name", "network_cidr"}) {
    EXPECT_TRUE(deleted.body.contains(k)) << k;
  }
  ExpectErrorContaining(api().Delete("/v1/project/p1/vpcs/00000000-0000-0000-0000-000000000000"),
                        404, "Project VPC does not exist");
}

}  // namespace
}  // namespace aivenctl::testing
