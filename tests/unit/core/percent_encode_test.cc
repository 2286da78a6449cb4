// Percent-encoding keeps exactly RFC 3986's unreserved characters.
#include "core/percent_encode.h"

#include <gtest/gtest.h>

namespace aivenctl::core {
namespace {

TEST(PercentEncode, KeepsUnreservedAndEncodesEverythingElse) {
  EXPECT_EQ(PercentEncode("AVNS_aZ09-._~"), "AVNS_aZ09-._~");
  EXPECT_EQ(PercentEncode("p@ss:w/rd ?#%"), "p%40ss%3Aw%2Frd%20%3F%23%25");
  EXPECT_EQ(PercentEncode("\xc3\xa9"), "%C3%A9");  // UTF-8 bytes, upper-case hex
  EXPECT_EQ(PercentEncode(""), "");
}

}  // namespace
}  // namespace aivenctl::core
