#include "core/status.h"

#include <gtest/gtest.h>

namespace aivenctl::core {
namespace {

TEST(Status, CarriesCodeAndMessage) {
  EXPECT_TRUE(Status::Ok().ok());
  const Status s = NotFound("service x");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_EQ(s.ToString(), "not_found: service x");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good = 4;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  Result<int> bad = InvalidArgument("nope");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace aivenctl::core
