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

TEST(ParseDuration, PlanTtlsHaveNoMilliseconds) {
  // Plan files keep their grammar: `ms` is the command line's only.
  EXPECT_EQ(ParseDuration("500ms").status().message(),
            "invalid duration \"500ms\"; use e.g. 30m, 8h, 2d or 1h30m");
  EXPECT_EQ(ParseDuration("1234567890123s").status().message(),
            "invalid duration \"1234567890123s\"; use e.g. 30m, 8h, 2d or 1h30m");
}

// The command line's grammar, one row per case: text, milliseconds or the error.
TEST(ParseFlagDuration, Table) {
  struct Row {
    const char* text;
    int64_t ms;         // when error is empty
    const char* error;  // "" when it parses
  };
  const Row rows[] = {
      {"1500ms", 1500, ""},
      {"0ms", 0, ""},
      {"0s", 0, ""},
      {"90s", 90'000, ""},
      {"2m", 120'000, ""},
      {"1h30m", 5'400'000, ""},
      {"1s500ms", 1500, ""},
      {"1m1ms", 60'001, ""},
      {"2d", 172'800'000, ""},
      {"2w", 1'209'600'000, ""},
      {"007s", 7000, ""},
      {"", 0, "empty duration; use e.g. 1500ms, 90s, 1h30m or 2w"},
      {"10", 0, "duration \"10\" lacks a unit (ms, s, m, h, d or w)"},
      {"ms", 0, "invalid duration \"ms\"; use e.g. 1500ms, 90s, 1h30m or 2w"},
      {"1.5s", 0, "invalid duration unit '.' in \"1.5s\"; use ms, s, m, h, d or w"},
      {"3y", 0, "invalid duration unit 'y' in \"3y\"; use ms, s, m, h, d or w"},
      {"-5s", 0, "invalid duration \"-5s\"; use e.g. 1500ms, 90s, 1h30m or 2w"},
      {"5 s", 0, "invalid duration unit ' ' in \"5 s\"; use ms, s, m, h, d or w"},
      {"1h30", 0, "duration \"1h30\" lacks a unit (ms, s, m, h, d or w)"},
      {"99999999999999999999ms", 0,
       "duration \"99999999999999999999ms\" is too long (at most 100 years)"},
      {"99999999999999999999999999w", 0,
       "duration \"99999999999999999999999999w\" is too long (at most 100 years)"},
      {"5300w", 0, "duration \"5300w\" is too long (at most 100 years)"},
  };
  for (const Row& row : rows) {
    auto parsed = ParseFlagDuration(row.text);
    if (std::string(row.error).empty()) {
      ASSERT_TRUE(parsed.ok()) << row.text << ": " << parsed.status().message();
      EXPECT_EQ(parsed->count(), row.ms) << row.text;
    } else {
      ASSERT_FALSE(parsed.ok()) << row.text;
      EXPECT_EQ(parsed.status().message(), row.error) << row.text;
    }
  }
  // The bound is the same as for plan files: 100 years is fine, a millisecond more is not.
  const int64_t max_ms = kMaxDuration.count() * 1000;
  EXPECT_EQ(ParseFlagDuration(std::to_string(max_ms) + "ms")->count(), max_ms);
  EXPECT_FALSE(ParseFlagDuration(std::to_string(max_ms + 1) + "ms").ok());
}

TEST(FormatFlagDuration, IsCanonicalWithMilliseconds) {
  EXPECT_EQ(FormatFlagDuration(std::chrono::milliseconds(0)), "0s");
  EXPECT_EQ(FormatFlagDuration(std::chrono::milliseconds(250)), "250ms");
  EXPECT_EQ(FormatFlagDuration(std::chrono::milliseconds(1500)), "1s500ms");
  EXPECT_EQ(FormatFlagDuration(std::chrono::seconds(10)), "10s");
  EXPECT_EQ(FormatFlagDuration(std::chrono::minutes(2)), "2m");
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
