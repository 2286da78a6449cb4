// Smoke test of the support library against the real aiven-emulator binary; skipped
// (with the reason) until the emulator is built in this tree.

#include <gtest/gtest.h>

#include "support/api_client.h"
#include "support/emulator_process.h"

namespace aivenctl::testing {
namespace {

TEST(RealEmulator, StartsAndAnswersCheckedResponses) {
  EmulatorProcess emulator({.args = {"--token", "t"}, .temp_data_dir = true});
  const core::Status started = emulator.Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
  TestApi api(emulator.base_url(), "t");
  const int before = TestApi::ValidatedCount("ListClouds");
  const ApiResponse clouds = api.Get("/v1/clouds");
  ASSERT_EQ(clouds.status, 200) << clouds.Describe();
  if (api.spec() != nullptr) {
    EXPECT_EQ(TestApi::ValidatedCount("ListClouds"), before + 1);
  }
  api.set_token("");
  const ApiResponse denied = api.Get("/v1/project");
  EXPECT_EQ(denied.status, 403) << denied.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
