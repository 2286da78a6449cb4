#include "core/suggest.h"

#include <gtest/gtest.h>

namespace aivenctl::core {
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

TEST(Suggest, DidYouMeanListsTheNearestFewQuoted) {
  EXPECT_EQ(DidYouMean("startup-8", {"startup-4", "startup-16", "business-4", "hobbyist"}),
            " (did you mean \"startup-4\" or \"startup-16\"?)");
  EXPECT_EQ(DidYouMean("wiat", {"wait", "update", "tags"}), " (did you mean \"wait\"?)");
  EXPECT_EQ(DidYouMean("flavour", {"wait", "update", "tags"}), "");
}

TEST(Suggest, JoinOrWritesAList) {
  EXPECT_EQ(JoinOr({}), "");
  EXPECT_EQ(JoinOr({"a"}), "a");
  EXPECT_EQ(JoinOr({"a", "b"}), "a or b");
  EXPECT_EQ(JoinOr({"a", "b", "c"}), "a, b or c");
}

}  // namespace
}  // namespace aivenctl::core
