// Faults in isolation: glob matching, scripted fault counts, rate-limit windows,
// random faults with a seed, run-time configuration.

#include "faults.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "router.h"

namespace aivenctl::emulator {
namespace {

const std::string kTopicPath = "/v1/project/p1/service/k1/topic";

TEST(GlobMatch, StarStaysWithinOneSegment) {
  EXPECT_TRUE(GlobMatch("/v1/project/*/service/*/topic", kTopicPath));
  EXPECT_TRUE(GlobMatch("/v1/project/p*/service", "/v1/project/p1/service"));
  EXPECT_TRUE(GlobMatch("/v1/project/*1", "/v1/project/p1"));
  EXPECT_TRUE(GlobMatch("/v1/*", "/v1/project"));
  EXPECT_FALSE(GlobMatch("/v1/*", "/v1/project/p1"));
  EXPECT_FALSE(GlobMatch("/v1/project/*/topic", kTopicPath));
  EXPECT_FALSE(GlobMatch("/v1/project/*/service/*/topic", kTopicPath + "/t1"));
  EXPECT_FALSE(GlobMatch("/v1/project/q*", "/v1/project/p1"));
}

TEST(GlobMatch, DoubleStarCrossesSegments) {
  EXPECT_TRUE(GlobMatch("**", kTopicPath));
  EXPECT_TRUE(GlobMatch("/v1/**", kTopicPath));
  EXPECT_TRUE(GlobMatch("/v1/**/topic", kTopicPath));
  EXPECT_TRUE(GlobMatch("**/topic", kTopicPath));
  EXPECT_TRUE(GlobMatch("/v1/project/**", "/v1/project/p1"));
  EXPECT_FALSE(GlobMatch("/v1/**/topic", kTopicPath + "/t1"));
  EXPECT_FALSE(GlobMatch("/v2/**", kTopicPath));
}

TEST(GlobMatch, ExactAndEmpty) {
  EXPECT_TRUE(GlobMatch("/v1/project", "/v1/project"));
  EXPECT_FALSE(GlobMatch("/v1/project", "/v1/project/"));
  EXPECT_FALSE(GlobMatch("/v1/projec", "/v1/project"));
  EXPECT_TRUE(GlobMatch("", ""));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_FALSE(GlobMatch("", "/v1"));
  // Backtracking: the first candidate for '*' is not the right one.
  EXPECT_TRUE(GlobMatch("/v1/*b*c", "/v1/abxbyc"));
  EXPECT_FALSE(GlobMatch("/v1/*b*c", "/v1/abxby/c"));
}

Options NoFaults() { return Options{}; }

TEST(Faults, NothingByDefault) {
  Faults f(NoFaults());
  for (int i = 0; i < 100; ++i) {
    const FaultAction a = f.Decide("GET", "/v1/project", "tok", 1000.0 + i);
    EXPECT_EQ(a.kind, FaultAction::kNone);
    EXPECT_EQ(a.delay_ms, 0);
  }
  EXPECT_EQ(f.InjectedJson(), Json::object());
}

TEST(Faults, ScriptedErrorHonoursCountMethodAndPath) {
  Faults f(NoFaults());
  f.AddScripted(ParseScriptedFault({{"method", "POST"},
                                    {"path", "/v1/project/*/service/*/topic"},
                                    {"count", 2},
                                    {"status", 503},
                                    {"error_code", "kafka_service_unavailable"}}));
  // Other methods and paths are untouched and do not use up the count.
  EXPECT_EQ(f.Decide("GET", kTopicPath, "t", 0).kind, FaultAction::kNone);
  EXPECT_EQ(f.Decide("POST", kTopicPath + "/x", "t", 0).kind, FaultAction::kNone);
  for (int i = 0; i < 2; ++i) {
    const FaultAction a = f.Decide("POST", kTopicPath, "t", 0);
    ASSERT_EQ(a.kind, FaultAction::kError) << i;
    EXPECT_EQ(a.error.status, 503);
    EXPECT_EQ(a.error.error_code, "kafka_service_unavailable");
  }
  EXPECT_EQ(f.Decide("POST", kTopicPath, "t", 0).kind, FaultAction::kNone);
  EXPECT_EQ(f.ScriptedJson(), Json::array());
  EXPECT_EQ(f.InjectedJson(), Json({{"scripted_error", 2}}));
}

TEST(Faults, ScriptedFaultsApplyInOrderOfAddition) {
  Faults f(NoFaults());
  f.AddScripted(ParseScriptedFault({{"path", "**"}, {"action", "drop"}}));
  f.AddScripted(ParseScriptedFault({{"path", "**"}, {"action", "delay"}, {"delay_ms", 30}}));
  EXPECT_EQ(f.Decide("GET", "/v1/project", "t", 0).kind, FaultAction::kDrop);
  const FaultAction delayed = f.Decide("GET", "/v1/project", "t", 0);
  EXPECT_EQ(delayed.kind, FaultAction::kNone);
  EXPECT_EQ(delayed.delay_ms, 30);
  EXPECT_EQ(f.Decide("GET", "/v1/project", "t", 0).delay_ms, 0);
  EXPECT_EQ(f.InjectedJson(), Json({{"scripted_drop", 1}, {"scripted_delay", 1}}));
  f.AddScripted(ParseScriptedFault({{"count", 5}}));
  f.ClearScripted();
  EXPECT_EQ(f.Decide("GET", "/v1/project", "t", 0).kind, FaultAction::kNone);
}

TEST(Faults, ParseScriptedFaultRejectsBadInput) {
  for (const Json& bad :
       {Json::array(), Json{{"action", "explode"}}, Json{{"count", 0}}, Json{{"status", 200}},
        Json{{"status", 600}}, Json{{"count", "2"}}, Json{{"path", 5}}}) {
    try {
      ParseScriptedFault(bad);
      ADD_FAILURE() << "accepted " << bad.dump();
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status, 400) << bad.dump();
    }
  }
  const ScriptedFault defaults = ParseScriptedFault(Json::object());
  EXPECT_EQ(defaults.method, "*");
  EXPECT_EQ(defaults.path, "**");
  EXPECT_EQ(defaults.count, 1);
  EXPECT_EQ(defaults.status, 503);
  EXPECT_EQ(ParseScriptedFault(ToJson(defaults)).message, defaults.message);
}

TEST(Faults, RateLimitPerTokenPerWindow) {
  Options o;
  o.rate_limit = 3;
  o.rate_window_seconds = 60;
  Faults f(o);
  const double t0 = 1'000'000;
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(f.Decide("GET", "/v1/project", "a", t0 + i).kind, FaultAction::kNone);
  const FaultAction limited = f.Decide("GET", "/v1/project", "a", t0 + 31.5);
  ASSERT_EQ(limited.kind, FaultAction::kError);
  EXPECT_EQ(limited.error.status, 429);
  EXPECT_EQ(limited.error.message,
            "The user has sent too many requests in a given amount of time: Rate limit 3 "
            "exceeded - try again in 29s");
  // Another token has its own budget.
  EXPECT_EQ(f.Decide("GET", "/v1/project", "b", t0 + 32).kind, FaultAction::kNone);
  // The next window opens a fresh budget.
  EXPECT_EQ(f.Decide("GET", "/v1/project", "a", t0 + 60).kind, FaultAction::kNone);
  EXPECT_EQ(f.InjectedJson(), Json({{"rate_limited", 1}}));
}

TEST(Faults, RandomFailuresAreSeededAndAtTheRate) {
  Options o;
  o.fail_rate = 0.3;
  o.seed = 42;
  auto run = [&] {
    Faults f(o);
    std::vector<int> statuses;
    for (int i = 0; i < 1000; ++i)
      statuses.push_back(f.Decide("GET", "/v1/x", "t", 0).error.status);
    return statuses;
  };
  const auto a = run();
  EXPECT_EQ(a, run());
  const auto failed = std::count_if(a.begin(), a.end(), [](int s) { return s != 0; });
  EXPECT_GT(failed, 220);
  EXPECT_LT(failed, 380);
  for (int s : a) EXPECT_TRUE(s == 0 || s == 500 || s == 502 || s == 503) << s;
}

TEST(Faults, ConfigureChangesRatesAndValidates) {
  Faults f(NoFaults());
  f.Configure({{"drop_rate", 1.0}});
  EXPECT_EQ(f.Decide("GET", "/v1/x", "t", 0).kind, FaultAction::kDrop);
  f.Configure({{"drop_rate", 0}, {"latency_ms", 7}});
  const FaultAction a = f.Decide("GET", "/v1/x", "t", 0);
  EXPECT_EQ(a.kind, FaultAction::kNone);
  EXPECT_EQ(a.delay_ms, 7);
  EXPECT_EQ(f.ConfigJson()["latency_ms"], 7);
  for (const Json& bad :
       {Json{{"fail_rate", 1.5}}, Json{{"drop_rate", "x"}}, Json{{"latency_ms", -1}},
        Json{{"rate_limit", -3}}, Json{{"rate_window_seconds", 0}}, Json{{"latency_jitter_ms", -5}},
        Json::array()}) {
    try {
      f.Configure(bad);
      ADD_FAILURE() << "accepted " << bad.dump();
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status, 400) << bad.dump();
    }
  }
  // A rejected body changes nothing.
  EXPECT_EQ(f.ConfigJson()["latency_ms"], 7);
  EXPECT_EQ(f.ConfigJson()["rate_window_seconds"], 60.0);
}

TEST(Router, MatchesParamsAndDistinguishes404From405) {
  Router r;
  r.Add("GET", "/v1/project/{project}", [](Ctx&) {});
  r.Add(
      "GET", "/v1/clouds", [](Ctx&) {}, /*auth=*/false);
  auto m = r.Find("GET", "/v1/project/p1/");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.params.at("project"), "p1");
  EXPECT_EQ(m.pattern, "/v1/project/{project}");
  EXPECT_FALSE(r.Find("GET", "/v1/clouds").auth);
  m = r.Find("DELETE", "/v1/project/p1");
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_TRUE(m.path_known);
  m = r.Find("GET", "/v1/project/p1/x");
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_FALSE(m.path_known);
  EXPECT_EQ(r.Find("GET", "/v1/project//").handler, nullptr);
}

}  // namespace
}  // namespace aivenctl::emulator
