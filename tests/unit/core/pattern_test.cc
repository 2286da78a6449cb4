#include "core/pattern.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace aivenctl::core {
namespace {

bool Matches(const std::string& pattern, const std::string& text) {
  return std::regex_search(text, std::regex(PortablePattern(pattern)));
}

TEST(PortablePattern, KeepsWhatStdRegexReadsAlready) {
  EXPECT_EQ(PortablePattern("^[a-z0-9-]+$"), "^[a-z0-9-]+$");
  EXPECT_EQ(PortablePattern(R"(^\d{1,3}(\.\d+)?$)"), R"(^\d{1,3}(\.\d+)?$)");
  EXPECT_EQ(PortablePattern(R"(a\)"), R"(a\)");  // a trailing backslash is left to std::regex
}

// Aiven's "printable ASCII" pattern: std::regex refuses "\040-\176" as a range.
TEST(PortablePattern, OctalEscapesBecomeHex) {
  EXPECT_EQ(PortablePattern(R"(^[\040-\176]+$)"), R"(^[\x20-\x7e]+$)");
  EXPECT_THROW(std::regex(R"(^[\040-\176]+$)"), std::regex_error);
  EXPECT_TRUE(Matches(R"(^[\040-\176]+$)", "Hello, World ~"));
  EXPECT_FALSE(Matches(R"(^[\040-\176]+$)", "tab\there"));
  EXPECT_FALSE(Matches(R"(^[\040-\176]+$)", ""));
}

// Aiven's time zone pattern starts with Python's (?i), which std::regex does not parse.
TEST(PortablePattern, CaseInsensitiveFlagBecomesBothCases) {
  const std::string tz =
      R"((?i)^([a-zA-Z_]+/){1,2}[a-zA-Z_-]+$|^(Etc/)?(UTC|GMT)([+-](\d){1,2})?$|^(Factory)$|^(browser)$)";
  EXPECT_THROW(std::regex{tz}, std::regex_error);
  for (const char* ok : {"Europe/Helsinki", "America/Argentina/Buenos_Aires", "UTC", "utc",
                         "etc/gmt+3", "Factory", "BROWSER"}) {
    EXPECT_TRUE(Matches(tz, ok)) << ok;
  }
  for (const char* bad : {"Helsinki", "UTC+123", "Europe/Hel sinki", "factoryx", ""}) {
    EXPECT_FALSE(Matches(tz, bad)) << bad;
  }
  EXPECT_EQ(PortablePattern("(?i)^a[b-d^x]$"), "^[aA][B-DXb-d^x]$");
  EXPECT_EQ(PortablePattern("(?i)[^q]"), "[^Qq]");
  EXPECT_EQ(PortablePattern(R"((?i)\w)"), R"(\w)");  // an escape is not a letter
}

}  // namespace
}  // namespace aivenctl::core
