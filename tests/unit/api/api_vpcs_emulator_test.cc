// Project VPC calls of api::Api against the real aiven-emulator: create (unwrapped answer),
// list (DELETED left out, sorted by cloud), get, delete (404 = done; 409 while a service is
// in it is kFailedPrecondition, which the runner's gone gate retries), and a service's
// project_vpc_id mapped into the live model.

#include <gtest/gtest.h>

#include "api_fixture.h"

namespace aivenctl::api {
namespace {

using testing::ApiFixture;

using ApiVpcsTest = ApiFixture;

TEST_F(ApiVpcsTest, CreateListGetDelete) {
  ASSERT_TRUE(api_->CreateProject({{"project", "v"}}).ok());
  auto created = api_->CreateVpc("v", "aws-eu-west-1", "10.20.0.0/24");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->cloud, "aws-eu-west-1");
  EXPECT_EQ(created->network_cidr, "10.20.0.0/24");
  EXPECT_EQ(created->state, "APPROVED");
  EXPECT_EQ(created->id.size(), 36u);
  auto again = api_->CreateVpc("v", "aws-eu-west-1", "10.30.0.0/24");
  EXPECT_EQ(again.status().code(), core::Code::kAlreadyExists) << again.status().ToString();

  Advance(600);
  auto listed = api_->ListVpcs("v");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].state, "ACTIVE");
  auto got = api_->GetVpc("v", created->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, created->id);

  auto service = api_->CreateService("v", {{"service_name", "db"},
                                           {"service_type", "pg"},
                                           {"plan", "startup-4"},
                                           {"cloud", "aws-eu-west-1"},
                                           {"project_vpc_id", created->id}});
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  EXPECT_EQ(service->project_vpc_id, created->id);
  core::Status held = api_->DeleteVpc("v", created->id);
  EXPECT_EQ(held.code(), core::Code::kFailedPrecondition) << held.ToString();
  EXPECT_NE(held.message().find("in use by service db"), std::string::npos) << held.ToString();

  ASSERT_TRUE(api_->DeleteService("v", "db").ok());
  Advance(600);
  EXPECT_TRUE(api_->DeleteVpc("v", created->id).ok());
  Advance(600);
  listed = api_->ListVpcs("v");
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty()) << "DELETED VPCs are left out";
  EXPECT_TRUE(api_->DeleteVpc("v", "00000000-0000-0000-0000-000000000000").ok())
      << "deleting what is not there is done";
}

}  // namespace
}  // namespace aivenctl::api
