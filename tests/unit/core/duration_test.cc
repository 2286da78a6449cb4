#include "core/duration.h"

#include <gtest/gtest.h>

namespace aivenctl::core {
namespace {

TEST(ParseDuration, AcceptsUnitsAndCombinations) {
  EXPECT_EQ(ParseDuration("30m").value(), Seconds{1800});
  EXPECT_EQ(ParseDuration("8h").value(), Seconds{28800});
  EXPECT_EQ(ParseDuration("2d").value(), Seconds{172800});
  EXPECT_EQ(ParseDuration("1w").value(), Seconds{604800});
  EXPECT_EQ(ParseDuration("1h30m").value(), Seconds{5400});
  EXPECT_EQ(ParseDuration("45s").value(), Seconds{45});
}

TEST(ParseDuration, RejectsBadInputWithAReason) {
  EXPECT_EQ(ParseDuration("").status().message(), "empty duration; use e.g. 30m, 8h or 2d");
  EXPECT_EQ(ParseDuration("10").status().message(),
            "duration \"10\" lacks a unit (s, m, h, d or w)");
  EXPECT_EQ(ParseDuration("3y").status().message(),
            "invalid duration unit 'y' in \"3y\"; use s, m, h, d or w");
  EXPECT_EQ(ParseDuration("h").status().message(),
            "invalid duration \"h\"; use e.g. 30m, 8h, 2d or 1h30m");
  EXPECT_EQ(ParseDuration("99999999999d").status().message(),
            "duration \"99999999999d\" is too long (at most 100 years)");
}

TEST(FormatDuration, IsCanonical) {
  EXPECT_EQ(FormatDuration(Seconds{0}), "0s");
  EXPECT_EQ(FormatDuration(Seconds{5400}), "1h30m");
  EXPECT_EQ(FormatDuration(Seconds{90061}), "1d1h1m1s");
}

TEST(Time, ParsesBothIsoFormsAndOffsets) {
  const auto a = ParseTime("2026-11-28T16:00:00Z");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(FormatTimeBasic(*a), "20261128T160000Z");
  EXPECT_EQ(FormatTimeIso(*a), "2026-11-28T16:00:00Z");
  EXPECT_EQ(ParseTime("20261128T160000Z").value(), *a);
  EXPECT_EQ(ParseTime("2026-11-28T18:00:00+02:00").value(), *a);
  EXPECT_EQ(ParseTime("2026-11-28T16:00:00.250Z").value(), *a);
}

TEST(Time, RejectsNonsense) {
  EXPECT_FALSE(ParseTime("2026-02-30T00:00:00Z").ok());
  EXPECT_FALSE(ParseTime("2026-11-28").ok());
  EXPECT_FALSE(ParseTime("2026-11-28T16:00:00").ok());
  EXPECT_FALSE(ParseTime("2026-11-28T25:00:00Z").ok());
}

}  // namespace
}  // namespace aivenctl::core
