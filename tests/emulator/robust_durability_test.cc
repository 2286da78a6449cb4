// Durability of aiven-emulator --data-dir: kill -9 right after a 2xx, restart on the
// same directory, and every acknowledged change is there; in-flight transitions go on
// from their stored timestamps; a torn WAL tail is ignored; without --data-dir nothing
// survives a restart.

#include <filesystem>
#include <fstream>

#include "robust_util.h"

namespace aivenctl::testing::robust {
namespace {

// Kills the emulator with SIGKILL and starts it again on the same data dir.
#define CRASH_AND_RESTART(emu)                          \
  do {                                                  \
    const ExitInfo killed_ = (emu).Kill9();             \
    EXPECT_EQ(killed_.signal, 9) << killed_.ToString(); \
    ROBUST_START(emu);                                  \
  } while (0)

TEST(Durability, EveryAcknowledgedChangeSurvivesKill9) {
  EmulatorProcess emu({.args = {"--token", kToken, "--build-seconds", "0", "--topic-seconds", "0"},
                       .temp_data_dir = true});
  ROBUST_START(emu);
  auto api = std::make_unique<TestApi>(emu.base_url(), kToken);
  const std::string svc = "/v1/project/p1/service/k1";
  // Each step: one acknowledged change, a crash, then a check on a fresh process.
  CreateProject(*api, "p1");
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get("/v1/project/p1").status, 200);

  CreateKafka(*api, "p1", "k1");
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  ApiResponse r = api->Get(svc);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service"]["state"], "RUNNING");

  r = api->Post(svc + "/user", {{"username", "alice"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  const std::string password = r.body["user"]["password"];
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  r = api->Get(svc + "/user/alice?include_secrets=true");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["user"]["password"], password);

  r = api->Post(svc + "/topic", TopicBody("orders", {{"partitions", 3}}));
  ASSERT_EQ(r.status, 200) << r.Describe();
  r = api->Post(svc + "/topic", TopicBody("doomed"));
  ASSERT_EQ(r.status, 200) << r.Describe();
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  r = api->Get(svc + "/topic/orders");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["topic"]["partitions"].size(), 3u);

  r = api->Put("/v1/project/p1/tags", {{"tags", {{"env", "prod"}, {"team", "data"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  r = api->Patch(svc + "/tags", {{"tags", {{"owner", "alice"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get("/v1/project/p1/tags").body["tags"],
            Json({{"env", "prod"}, {"team", "data"}}));
  EXPECT_EQ(api->Get(svc + "/tags").body["tags"], Json({{"owner", "alice"}}));

  ASSERT_EQ(api->Delete(svc + "/topic/doomed").status, 200);
  ASSERT_EQ(api->Delete(svc + "/user/alice").status, 200);
  ASSERT_EQ(api->Patch("/v1/project/p1/tags", {{"tags", {{"team", nullptr}}}}).status, 200);
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get(svc + "/topic/doomed").status, 404);
  EXPECT_EQ(api->Get(svc + "/user/alice").status, 404);
  EXPECT_EQ(api->Get(svc + "/topic/orders").status, 200);
  EXPECT_EQ(api->Get("/v1/project/p1/tags").body["tags"], Json({{"env", "prod"}}));

  ASSERT_EQ(api->Delete(svc).status, 200);
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get(svc).status, 404);
  EXPECT_EQ(api->Get("/v1/project/p1/service").body["services"], Json::array());
  ASSERT_EQ(api->Delete("/v1/project/p1").status, 200);
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get("/v1/project/p1").status, 404);
}

TEST(Durability, InFlightTransitionsContinueFromTheirTimestamps) {
  // Long enough that the real clock never finishes them during the test.
  EmulatorProcess emu(
      {.args = {"--token", kToken, "--build-seconds", "600", "--topic-seconds", "600"},
       .temp_data_dir = true});
  ROBUST_START(emu);
  auto api = std::make_unique<TestApi>(emu.base_url(), kToken);
  CreateProject(*api, "p1");
  ASSERT_EQ(api->Post("/v1/project/p1/service",
                      {{"service_name", "pg1"}, {"service_type", "pg"}, {"plan", "startup-4"}})
                .status,
            200);
  CreateKafka(*api, "p1", "k1");
  EXPECT_EQ(api->Get("/v1/project/p1/service/pg1").body["service"]["state"], "REBUILDING");
  const Json ready_at = State(*api)["projects"]["p1"]["services"]["pg1"]["ready_at"];
  ASSERT_TRUE(ready_at.is_number());
  AdvanceClock(*api, 5);

  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  // The clock offset is durable.
  ApiResponse clock = api->Get("/_emulator/clock");
  ASSERT_EQ(clock.status, 200) << clock.Describe();
  EXPECT_DOUBLE_EQ(clock.body["offset_seconds"].get<double>(), 5.0);
  EXPECT_EQ(api->Get("/v1/project/p1/service/pg1").body["service"]["state"], "REBUILDING");
  EXPECT_EQ(State(*api)["projects"]["p1"]["services"]["pg1"]["ready_at"], ready_at);

  // Past ready_at (build seconds times any type/plan multiplier): RUNNING.
  AdvanceClock(*api, 100000);
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_DOUBLE_EQ(api->Get("/_emulator/clock").body["offset_seconds"].get<double>(), 100005.0);
  EXPECT_EQ(api->Get("/v1/project/p1/service/pg1").body["service"]["state"], "RUNNING");
  ASSERT_EQ(api->Get("/v1/project/p1/service/k1").body["service"]["state"], "RUNNING");

  // A topic CONFIGURING before the crash is ACTIVE once its time has passed.
  ASSERT_EQ(api->Post(TopicBase("p1", "k1"), TopicBody("t1")).status, 200);
  EXPECT_EQ(api->Get(TopicBase("p1", "k1") + "/t1").body["topic"]["state"], "CONFIGURING");
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get(TopicBase("p1", "k1") + "/t1").body["topic"]["state"], "CONFIGURING");
  AdvanceClock(*api, 601);
  EXPECT_EQ(api->Get(TopicBase("p1", "k1") + "/t1").body["topic"]["state"], "ACTIVE");
}

TEST(Durability, TornLastWalLineIsIgnoredAndTheRestLoads) {
  EmulatorProcess emu({.args = {"--token", kToken}, .temp_data_dir = true});
  ROBUST_START(emu);
  auto api = std::make_unique<TestApi>(emu.base_url(), kToken);
  for (const char* p : {"p1", "p2", "p3"}) CreateProject(*api, p);
  ASSERT_EQ(api->Put("/v1/project/p3/tags", {{"tags", {{"k", "v"}}}}).status, 200);
  const Json before = State(*api);
  api.reset();
  emu.Kill9();
  const std::string wal = emu.data_dir() + "/wal.jsonl";
  ASSERT_GE(Lines(ReadFile(wal)).size(), 4u) << "the changes should be in the WAL";
  {
    std::ofstream out(wal, std::ios::app);
    out << R"([{"op":"set","path":"/projects/torn","value":{"pro)";  // a write cut short
  }
  ROBUST_START(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(State(*api), before);
  EXPECT_EQ(api->Get("/v1/project/torn").status, 404);
  // New writes after the torn tail are durable too.
  CreateProject(*api, "p4");
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  for (const char* p : {"p1", "p2", "p3", "p4"}) {
    EXPECT_EQ(api->Get(std::string("/v1/project/") + p).status, 200) << p;
  }
  EXPECT_EQ(api->Get("/v1/project/p3/tags").body["tags"], Json({{"k", "v"}}));
}

TEST(Durability, ResetIsDurableAndKeepsTheClock) {
  EmulatorProcess emu({.args = {"--token", kToken}, .temp_data_dir = true});
  ROBUST_START(emu);
  auto api = std::make_unique<TestApi>(emu.base_url(), kToken);
  CreateProject(*api, "p1");
  AdvanceClock(*api, 42);
  ASSERT_EQ(api->Post("/_emulator/reset").status, 200);
  CRASH_AND_RESTART(emu);
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get("/v1/project/p1").status, 404);
  EXPECT_DOUBLE_EQ(api->Get("/_emulator/clock").body["offset_seconds"].get<double>(), 42.0);
}

TEST(Durability, WithoutDataDirStateIsInMemoryOnly) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  auto api = std::make_unique<TestApi>(emu.base_url(), kToken);
  CreateProject(*api, "p1");
  AdvanceClock(*api, 10);
  EXPECT_NE(emu.LogTail().find("memory only"), std::string::npos) << emu.LogTail();
  api.reset();
  ASSERT_TRUE(emu.Restart().ok());
  api = std::make_unique<TestApi>(emu.base_url(), kToken);
  EXPECT_EQ(api->Get("/v1/project/p1").status, 404);
  EXPECT_DOUBLE_EQ(api->Get("/_emulator/clock").body["offset_seconds"].get<double>(), 0.0);
}

}  // namespace
}  // namespace aivenctl::testing::robust
