#include "loader/suggest.h"

#include <gtest/gtest.h>

namespace aivenctl::loader {
namespace {

TEST(Suggest, FindsTyposIncludingTranspositions) {
  const std::vector<std::string> fields = {"name", "partitions", "replication",
                                           "min_insync_replicas", "config"};
  EXPECT_EQ("replication", Suggest("replcias", fields));
  EXPECT_EQ("partitions", Suggest("partitons", fields));
  EXPECT_EQ("config", Suggest("cnofig", fields));
  EXPECT_EQ(std::nullopt, Suggest("flavour", fields));
}

TEST(Suggest, EditDistanceCountsASwapAsOne) {
  EXPECT_EQ(1, EditDistance("ab", "ba"));
  EXPECT_EQ(3, EditDistance("kitten", "sitting"));
  EXPECT_EQ(0, EditDistance("", ""));
}

}  // namespace
}  // namespace aivenctl::loader
