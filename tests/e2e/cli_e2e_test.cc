// The command line as users type it (issue #14 item 4): every duration flag reads one
// grammar (ms s m h d w, combinable), and the token from --token-file beats AIVEN_TOKEN,
// with --log-level debug naming where the URL and the token came from, never the token.

#include <sys/stat.h>

#include <chrono>
#include <fstream>

#include "core/duration.h"
#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

TEST_F(E2eTest, SavedChangesetAppliesWithMillisecondAndCombinedDurations) {
  const std::string saved = dir_.path() + "/cs.json";
  ProcessOutcome planned = Aivenctl({"plan", "plans/ci-postgres.yaml", "--out", saved});
  ASSERT_EQ(planned.code, 0) << planned.Describe();
  ProcessOutcome applied = Aivenctl({"--connect-timeout", "500ms", "apply", saved, "--yes",
                                     "--poll-initial", "1500ms", "--timeout", "1h30m"});
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_NE(applied.out.find("operations done"), std::string::npos) << applied.out;
  EXPECT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--detailed-exitcode"}).code, 0);

  ProcessOutcome bad = Aivenctl({"apply", saved, "--yes", "--poll-initial", "1,5s"});
  EXPECT_EQ(bad.code, 1) << bad.Describe();  // a usage error, not "changes present"
  EXPECT_EQ(bad.err.rfind("--poll-initial 1,5s: invalid duration unit ','", 0), 0u) << bad.err;
}

TEST_F(E2eTest, ReapTakesMillisecondTimeoutsAndMinutesOfAge) {
  // An owned service without expires-at, 100 minutes old at --now.
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "aged"}}).ok());
  json tags = {{"managed-by", "aivenctl"}, {"aivenctl-plan", "ci"}};
  ASSERT_TRUE(api_->Post("/v1/project/aged/service", {{"service_name", "pg"},
                                                      {"service_type", "pg"},
                                                      {"plan", "startup-4"},
                                                      {"tags", tags}})
                  .ok());
  json service = Get("/v1/project/aged/service/pg")["service"];
  auto created = core::ParseTime(service["create_time"].get<std::string>());
  ASSERT_TRUE(created.ok()) << service["create_time"];
  const std::string now = core::FormatTimeIso(*created + std::chrono::minutes(100));

  auto deleting = [&](const std::string& older_than) {
    ProcessOutcome o = Aivenctl({"reap", "--timeout", "1500ms", "--older-than", older_than, "--now",
                                 now, "--format", "json"});
    EXPECT_EQ(o.code, 0) << o.Describe();
    std::vector<std::string> out;
    json report = json::parse(o.out, nullptr, false);
    for (const auto& item : report.value("items", json::array())) {
      if (item["action"] == "delete") out.push_back(item["address"]);
    }
    return out;
  };
  EXPECT_EQ(deleting("90m"), std::vector<std::string>{"service:aged/pg"});
  EXPECT_EQ(deleting("1h30m"), std::vector<std::string>{"service:aged/pg"});
  EXPECT_EQ(deleting("2h"), std::vector<std::string>{});
}

TEST_F(E2eTest, TokenFileBeatsAivenTokenAndDebugLogsNameTheSources) {
  const std::string file = dir_.File("token");
  std::ofstream(file) << kE2eToken << "\n";
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  const std::string wrong = "wrong-env-token-5d1e0a";
  ProcessSpec spec;
  spec.env["AIVEN_TOKEN"] = wrong;
  ProcessOutcome o = Aivenctl(
      {"--token-file", file, "--log-level", "debug", "projects", "--format", "json"}, spec);
  ASSERT_EQ(o.code, 0) << o.Describe();
  EXPECT_TRUE(json::parse(o.out).contains("projects")) << o.out;
  EXPECT_NE(o.err.find("api url from --api-url"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("token from --token-file " + file), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find(wrong), std::string::npos) << o.err;

  // Without the flag the environment's token is used (and refused by the emulator).
  ProcessOutcome env = Aivenctl({"--log-level", "debug", "projects"}, spec);
  EXPECT_EQ(env.code, 1) << env.Describe();
  EXPECT_NE(env.err.find("token from AIVEN_TOKEN"), std::string::npos) << env.err;
  EXPECT_NE(env.err.find("GET /v1/project: 403"), std::string::npos) << env.err;
  EXPECT_EQ(env.err.find(wrong), std::string::npos) << env.err;
}

}  // namespace
}  // namespace aivenctl::testing
