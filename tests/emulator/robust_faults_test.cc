// Fault and load injection over HTTP: latency, rate limits, random failures and
// drops with a seed, scripted faults, run-time configuration, request counters.

#include <chrono>

#include "robust_util.h"

namespace aivenctl::testing::robust {
namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

TEST(Faults, LatencyDelaysEveryApiRequest) {
  EmulatorProcess emu({.args = {"--token", kToken, "--latency-ms", "50"}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    ApiResponse r = api.Get("/v1/project");
    EXPECT_EQ(r.status, 200) << r.Describe();
    EXPECT_GE(MillisSince(start), 50.0);
  }
  // Control endpoints are never delayed.
  const auto start = Clock::now();
  EXPECT_EQ(api.Get("/_emulator/requests").status, 200);
  EXPECT_LT(MillisSince(start), 50.0);
}

TEST(Faults, LatencyWithJitterStaysInRange) {
  EmulatorProcess emu({.args = {"--token", kToken, "--latency-ms", "20:40", "--seed", "3"}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  for (int i = 0; i < 5; ++i) {
    const auto start = Clock::now();
    EXPECT_EQ(api.Get("/v1/project").status, 200);
    const double ms = MillisSince(start);
    EXPECT_GE(ms, 20.0);
    EXPECT_LT(ms, 20.0 + 40.0 + 500.0);  // generous upper bound for a busy machine
  }
  ApiResponse faults = api.Get("/_emulator/faults");
  EXPECT_EQ(faults.body["config"]["latency_ms"], 20);
  EXPECT_EQ(faults.body["config"]["latency_jitter_ms"], 40);
}

std::string RateLimitMessage(int n, int seconds) {
  return "The user has sent too many requests in a given amount of time: Rate limit " +
         std::to_string(n) + " exceeded - try again in " + std::to_string(seconds) + "s";
}

TEST(Faults, RateLimitPerTokenAnswersTheReal429) {
  EmulatorProcess emu({.args = {"--token", "a", "--token", "b", "--rate-limit", "5/60"}});
  ROBUST_START(emu);
  TestApi a(emu.base_url(), "a");
  TestApi b(emu.base_url(), "b");
  for (int i = 0; i < 5; ++i) ASSERT_EQ(a.Get("/v1/project").status, 200) << i;
  ApiResponse limited = a.Get("/v1/project");
  ASSERT_EQ(limited.status, 429) << limited.Describe();
  const std::string msg = limited.body["message"];
  // "try again in Ks": K is what is left of the 60 s window (the test is quick).
  const bool near_full = msg == RateLimitMessage(5, 60) || msg == RateLimitMessage(5, 59);
  EXPECT_TRUE(near_full) << msg;
  EXPECT_EQ(limited.body["errors"][0]["message"], msg);
  EXPECT_EQ(limited.body["errors"][0]["status"], 429);
  // Token b has its own budget.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(b.Get("/v1/project").status, 200) << i;
  EXPECT_EQ(b.Get("/v1/project").status, 429);
  // Moving the clock 30 s on: still limited, and K counts down.
  AdvanceClock(a, 30);
  ApiResponse later = a.Get("/v1/project");
  ASSERT_EQ(later.status, 429);
  const std::string later_msg = later.body["message"];
  EXPECT_TRUE(later_msg == RateLimitMessage(5, 30) || later_msg == RateLimitMessage(5, 29))
      << later_msg;
  // Past the window: a fresh budget.
  AdvanceClock(a, 31);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(a.Get("/v1/project").status, 200) << i;
  EXPECT_EQ(a.Get("/v1/project").status, 429);
  ApiResponse counts = a.Get("/_emulator/requests");
  EXPECT_EQ(counts.body["faults_injected"]["rate_limited"], 4);
}

TEST(Faults, RandomFailuresAtTheRateAndReproducibleWithTheSeed) {
  auto run = [](std::vector<int>* statuses) {
    EmulatorProcess emu({.args = {"--token", kToken, "--fail-rate", "0.3", "--seed", "1234"}});
    ROBUST_START(emu);
    TestApi api(emu.base_url(), kToken);
    for (int i = 0; i < 200; ++i) {
      ApiResponse r = api.Get("/v1/project");
      statuses->push_back(r.status);
      if (r.status >= 500) {
        EXPECT_EQ(r.body["message"], "An error occurred. Please try again later.");
        EXPECT_EQ(r.body["errors"][0]["status"], r.status);
      }
    }
    ApiResponse counts = api.Get("/_emulator/requests");
    int injected = 0;
    for (const auto& [kind, n] : counts.body["faults_injected"].items()) {
      EXPECT_TRUE(kind == "random_500" || kind == "random_502" || kind == "random_503") << kind;
      injected += n.get<int>();
    }
    EXPECT_EQ(injected,
              std::count_if(statuses->begin(), statuses->end(), [](int s) { return s >= 500; }));
  };
  std::vector<int> first, second;
  run(&first);
  run(&second);
  EXPECT_EQ(first, second) << "same seed, same requests: same answers";
  int failed = 0;
  for (int s : first) {
    EXPECT_TRUE(s == 200 || s == 500 || s == 502 || s == 503) << s;
    failed += s != 200;
  }
  EXPECT_GE(failed, 30) << "15% of 200";
  EXPECT_LE(failed, 90) << "45% of 200";
}

TEST(Faults, DropRateClosesConnectionsWithoutAnAnswer) {
  EmulatorProcess emu({.args = {"--token", kToken, "--drop-rate", "0.5", "--seed", "7"}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  int dropped = 0, answered = 0;
  for (int i = 0; i < 40; ++i) {
    ApiResponse r = api.Get("/v1/project");
    if (r.transport_failed()) {
      EXPECT_EQ(r.status, 0);
      ++dropped;
    } else {
      EXPECT_EQ(r.status, 200) << r.Describe();
      ++answered;
    }
  }
  EXPECT_GE(dropped, 8);
  EXPECT_GE(answered, 8);
  ApiResponse counts = api.Get("/_emulator/requests");
  ASSERT_EQ(counts.status, 200) << counts.Describe();
  EXPECT_EQ(counts.body["faults_injected"]["random_drop"], dropped);
  EXPECT_EQ(counts.body["total"], 40);
}

TEST(Faults, ScriptedErrorsThenSuccess) {
  EmulatorProcess emu({.args = {"--token", kToken, "--build-seconds", "0"}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  CreateProject(api, "p1");
  CreateKafka(api, "p1", "k1");
  ApiResponse r = api.Post("/_emulator/faults", {{"method", "POST"},
                                                 {"path", "/v1/project/*/service/*/topic"},
                                                 {"count", 2},
                                                 {"action", "error"},
                                                 {"status", 503},
                                                 {"message", "Kafka is sleeping"},
                                                 {"error_code", "kafka_service_unavailable"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_EQ(r.body["scripted"].size(), 1u);
  // A GET on the same path does not match, nor does another path.
  EXPECT_EQ(api.Get(TopicBase("p1", "k1")).status, 200);
  EXPECT_EQ(api.Get("/v1/project/p1").status, 200);
  for (int i = 0; i < 2; ++i) {
    r = api.Post(TopicBase("p1", "k1"), TopicBody("t1"));
    ASSERT_EQ(r.status, 503) << r.Describe();
    EXPECT_EQ(r.body["message"], "Kafka is sleeping");
    EXPECT_EQ(r.body["errors"][0]["error_code"], "kafka_service_unavailable");
  }
  r = api.Post(TopicBase("p1", "k1"), TopicBody("t1"));
  EXPECT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(api.Get("/_emulator/faults").body["scripted"], Json::array());
  // The failed attempts changed nothing: exactly one topic.
  EXPECT_EQ(api.Get(TopicBase("p1", "k1")).body["topics"].size(), 1u);
  ApiResponse counts = api.Get("/_emulator/requests");
  EXPECT_EQ(counts.body["faults_injected"]["scripted_error"], 2);
  EXPECT_EQ(counts.body["by_route"]["POST /v1/project/{project}/service/{service_name}/topic"], 3);
}

TEST(Faults, ScriptedDropDelayAndBatch) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  ApiResponse added =
      api.Post("/_emulator/faults",
               {{"faults",
                 {{{"method", "GET"}, {"path", "/v1/project/**"}, {"action", "drop"}, {"count", 1}},
                  {{"method", "*"},
                   {"path", "/v1/project"},
                   {"action", "delay"},
                   {"delay_ms", 80},
                   {"count", 1}}}}});
  ASSERT_EQ(added.status, 200) << added.Describe();
  EXPECT_EQ(added.body["scripted"].size(), 2u);
  // '**' needs at least the "/" after project: /v1/project itself is not matched by it.
  const auto start = Clock::now();
  ApiResponse r = api.Get("/v1/project");
  EXPECT_EQ(r.status, 200) << r.Describe();
  EXPECT_GE(MillisSince(start), 80.0);
  r = api.Get("/v1/project/nope");
  EXPECT_TRUE(r.transport_failed()) << r.Describe();
  r = api.Get("/v1/project/nope");
  EXPECT_EQ(r.status, 404) << r.Describe();
  Json injected = api.Get("/_emulator/requests").body["faults_injected"];
  EXPECT_EQ(injected, Json({{"scripted_drop", 1}, {"scripted_delay", 1}}));
  // Clearing removes pending faults.
  ASSERT_EQ(api.Post("/_emulator/faults", {{"count", 100}}).status, 200);
  ASSERT_EQ(api.Delete("/_emulator/faults").status, 200);
  EXPECT_EQ(api.Get("/v1/project").status, 200);
}

TEST(Faults, ScriptedLoseResponseMakesTheChangeButLosesTheAnswer) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  ApiResponse added = api.Post(
      "/_emulator/faults",
      {{"method", "POST"}, {"path", "/v1/project"}, {"action", "lose_response"}, {"count", 1}});
  ASSERT_EQ(added.status, 200) << added.Describe();
  ApiResponse r = api.Post("/v1/project", {{"project", "lost-answer"}});
  EXPECT_TRUE(r.transport_failed()) << r.Describe();
  // The project was created all the same: a retry is told it already exists.
  EXPECT_EQ(api.Get("/v1/project/lost-answer").status, 200);
  r = api.Post("/v1/project", {{"project", "lost-answer"}});
  EXPECT_EQ(r.status, 409) << r.Describe();
  Json injected = api.Get("/_emulator/requests").body["faults_injected"];
  EXPECT_EQ(injected, Json({{"scripted_lose_response", 1}}));
}

TEST(Faults, ControlEndpointsRejectBadFaultsAndConfig) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  for (const Json& bad : {Json{{"action", "explode"}}, Json{{"count", 0}}, Json{{"status", 200}},
                          Json::array(), Json{{"faults", {{{"action", "nope"}}}}}}) {
    ApiResponse r = api.Post("/_emulator/faults", bad);
    EXPECT_EQ(r.status, 400) << bad.dump() << " " << r.Describe();
  }
  // A batch with one bad item adds nothing.
  ApiResponse partial =
      api.Post("/_emulator/faults", {{"faults", {{{"action", "drop"}}, {{"action", "nope"}}}}});
  EXPECT_EQ(partial.status, 400);
  EXPECT_EQ(api.Get("/_emulator/faults").body["scripted"], Json::array());
  for (const Json& bad : {Json{{"fail_rate", 2}}, Json{{"drop_rate", -0.1}},
                          Json{{"latency_ms", -5}}, Json{{"rate_window_seconds", 0}}}) {
    ApiResponse r = api.Put("/_emulator/config", bad);
    EXPECT_EQ(r.status, 400) << bad.dump() << " " << r.Describe();
  }
  ApiResponse malformed =
      api.Send("POST", "/_emulator/faults", std::string("{not json"), "application/json");
  EXPECT_EQ(malformed.status, 400) << malformed.Describe();
  EXPECT_EQ(api.Get("/_emulator/nope").status, 404);
  EXPECT_EQ(api.Put("/_emulator/requests", Json::object()).status, 405);
}

TEST(Faults, ConfigChangesRatesAtRunTime) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  ApiResponse r = api.Put("/_emulator/config", {{"fail_rate", 1.0}, {"seed", 5}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["config"]["fail_rate"], 1.0);
  for (int i = 0; i < 5; ++i) EXPECT_GE(api.Get("/v1/project").status, 500);
  r = api.Put("/_emulator/config",
              {{"fail_rate", 0}, {"rate_limit", 2}, {"rate_window_seconds", 60}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  r = api.Get("/v1/project");
  EXPECT_EQ(r.status, 429);
  EXPECT_NE(r.body.value("message", "").find("Rate limit 2 exceeded"), std::string::npos);
  r = api.Put("/_emulator/config", {{"rate_limit", 0}, {"drop_rate", 1.0}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_TRUE(api.Get("/v1/project").transport_failed());
  r = api.Put("/_emulator/config", {{"drop_rate", 0}, {"latency_ms", 60}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  const auto start = Clock::now();
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  EXPECT_GE(MillisSince(start), 60.0);
  Json counts = api.Get("/_emulator/requests").body;
  EXPECT_EQ(counts["total"], 11);
  EXPECT_EQ(counts["by_route"]["GET /v1/project"], 11);
  EXPECT_EQ(counts["faults_injected"]["rate_limited"], 1);
  EXPECT_EQ(counts["faults_injected"]["random_drop"], 1);
  // DELETE clears the counters.
  ASSERT_EQ(api.Delete("/_emulator/requests").status, 200);
  Json cleared = api.Get("/_emulator/requests").body;
  EXPECT_EQ(cleared["total"], 0);
  EXPECT_EQ(cleared["by_route"], Json::object());
  EXPECT_EQ(cleared["faults_injected"], Json::object());
}

TEST(Faults, RequestCountsPerRoute) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  CreateProject(api, "p1");
  CreateProject(api, "p2");
  api.Get("/v1/project/p1");
  api.Get("/v1/project/p2");
  api.Get("/v1/project/p3");
  api.Get("/v1/nowhere");
  Json counts = api.Get("/_emulator/requests").body;
  EXPECT_EQ(counts["total"], 6);
  EXPECT_EQ(counts["by_route"]["POST /v1/project"], 2);
  EXPECT_EQ(counts["by_route"]["GET /v1/project/{project}"], 3);
  EXPECT_EQ(counts["by_route"]["GET (unrouted)"], 1);
}

}  // namespace
}  // namespace aivenctl::testing::robust
