// 64 parallel clients creating and deleting services, topics and tags at once: no lost
// updates, and the state afterwards is exactly what the successful answers imply (and
// survives kill -9).

#include <barrier>
#include <chrono>
#include <set>
#include <thread>

#include "robust_util.h"

namespace aivenctl::testing::robust {
namespace {

constexpr int kClients = 64;
constexpr int kTopicsPerClient = 20;
constexpr int kDeletedPerClient = 10;

std::string TopicName(int client, int i) {
  return "c" + std::to_string(client) + "-t" + std::to_string(i);
}

struct ClientResult {
  int failures = 0;  ///< unexpected answers (reported with ADD_FAILURE too)
  int requests = 0;
};

// One client: its own 20 topics on the shared Kafka service (10 deleted again), its own
// pg service (deleted again by odd clients), PATCHes of shared service and project tags.
void RunClient(const std::string& base_url, int id, std::chrono::steady_clock::time_point deadline,
               ClientResult* result) {
  TestApi api(base_url, kToken);
  auto expect = [&](const ApiResponse& r, int status, const std::string& what) {
    ++result->requests;
    if (r.status != status) {
      ++result->failures;
      ADD_FAILURE() << "client " << id << ": " << what << ": " << r.Describe();
    }
  };
  const std::string topics = TopicBase("p1", "k1");
  const std::string me = "c" + std::to_string(id);
  for (int i = 0; i < kTopicsPerClient && std::chrono::steady_clock::now() < deadline; ++i) {
    expect(api.Post(topics, TopicBody(TopicName(id, i), {{"partitions", 1 + i % 3}})), 200,
           "create topic");
  }
  expect(api.Patch("/v1/project/p1/service/k1/tags", {{"tags", {{me, std::to_string(id)}}}}), 200,
         "patch service tags");
  expect(api.Post("/v1/project/p1/service",
                  {{"service_name", "pg-" + me}, {"service_type", "pg"}, {"plan", "hobbyist"}}),
         200, "create service");
  expect(api.Patch("/v1/project/p1/tags", {{"tags", {{me, "yes"}}}}), 200, "patch project tags");
  for (int i = 0; i < kDeletedPerClient && std::chrono::steady_clock::now() < deadline; ++i) {
    expect(api.Delete(topics + "/" + TopicName(id, i * 2)), 200, "delete topic");
  }
  // A duplicate create is refused, not double-applied.
  expect(api.Post(topics, {{"topic_name", TopicName(id, 1)}}), 409, "duplicate topic");
  if (id % 2 == 1) {
    expect(api.Delete("/v1/project/p1/service/pg-" + me), 200, "delete service");
  }
}

TEST(Concurrency, SixtyFourClientsWithoutLostUpdates) {
  EmulatorProcess emu({.args = {"--token", kToken, "--build-seconds", "0", "--topic-seconds", "0"},
                       .temp_data_dir = true});
  ROBUST_START(emu);
  {
    TestApi api(emu.base_url(), kToken);
    CreateProject(api, "p1");
    CreateKafka(api, "p1", "k1");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  std::vector<ClientResult> results(kClients);
  std::vector<std::thread> threads;
  std::barrier start(kClients);
  for (int id = 0; id < kClients; ++id) {
    threads.emplace_back([&, id] {
      start.arrive_and_wait();
      RunClient(emu.base_url(), id, deadline, &results[id]);
    });
  }
  for (auto& t : threads) t.join();
  int failures = 0;
  for (const auto& r : results) failures += r.failures;
  ASSERT_EQ(failures, 0);
  ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the load did not finish in time";

  // What the answers imply.
  std::set<std::string> want_topics, want_services = {"k1"};
  Json want_service_tags = Json::object(), want_project_tags = Json::object();
  for (int id = 0; id < kClients; ++id) {
    for (int i = 0; i < kTopicsPerClient; ++i) {
      if (i % 2 == 1 || i / 2 >= kDeletedPerClient) want_topics.insert(TopicName(id, i));
    }
    const std::string me = "c" + std::to_string(id);
    want_service_tags[me] = std::to_string(id);
    want_project_tags[me] = "yes";
    if (id % 2 == 0) want_services.insert("pg-" + me);
  }
  ASSERT_EQ(want_topics.size(), 640u);

  auto check = [&](TestApi& api) {
    ApiResponse list = api.Get(TopicBase("p1", "k1"));
    ASSERT_EQ(list.status, 200) << list.Describe();
    std::set<std::string> got;
    for (const auto& t : list.body["topics"]) got.insert(t["topic_name"].get<std::string>());
    EXPECT_EQ(got.size(), 640u);
    EXPECT_EQ(got, want_topics);
    EXPECT_EQ(api.Get("/v1/project/p1/service/k1/tags").body["tags"], want_service_tags);
    EXPECT_EQ(api.Get("/v1/project/p1/tags").body["tags"], want_project_tags);
    std::set<std::string> services;
    ApiResponse service_list = api.Get("/v1/project/p1/service");
    ASSERT_EQ(service_list.status, 200) << service_list.Describe();
    for (const auto& s : service_list.body["services"]) {
      services.insert(s["service_name"].get<std::string>());
    }
    EXPECT_EQ(services, want_services);
    // The stored document agrees with the API.
    Json state = State(api);
    Json& stored = state["projects"]["p1"]["services"];
    EXPECT_EQ(stored.size(), want_services.size());
    EXPECT_EQ(stored["k1"]["topics"].size(), 640u);
    EXPECT_EQ(stored["k1"]["tags"], want_service_tags);
    EXPECT_EQ(state["projects"]["p1"]["tags"], want_project_tags);
  };
  TestApi api(emu.base_url(), kToken);
  const Json before = State(api);
  check(api);
  Json counts = api.Get("/_emulator/requests").body;
  int expected_requests = 0;
  for (const auto& r : results) expected_requests += r.requests;
  EXPECT_EQ(counts["total"], expected_requests + 2 + 4);  // setup + the checks' /v1 GETs

  // Every acknowledged change is on disk: kill -9 and compare.
  emu.Kill9();
  ROBUST_START(emu);
  TestApi after(emu.base_url(), kToken);
  Json state = State(after);
  // The clock offset is the only thing allowed to differ (it is 0 here too).
  EXPECT_EQ(state, before);
  check(after);
}

TEST(Concurrency, ParallelCreatesOfTheSameNameSucceedExactlyOnce) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  constexpr int kThreads = 32;
  std::vector<int> statuses(kThreads);
  std::vector<std::thread> threads;
  std::barrier start(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      TestApi api(emu.base_url(), kToken);
      start.arrive_and_wait();
      statuses[i] = api.Post("/v1/project", {{"project", "contested"}}).status;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kThreads - 1);
}

}  // namespace
}  // namespace aivenctl::testing::robust

namespace aivenctl::testing::robust {
namespace {

TEST(Concurrency, ParallelClockAdvancesAddUp) {
  EmulatorProcess emu({.args = {"--token", kToken}, .temp_data_dir = true});
  ROBUST_START(emu);
  constexpr int kThreads = 16, kAdvances = 8;
  std::vector<std::thread> threads;
  std::barrier start(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      TestApi api(emu.base_url(), kToken);
      start.arrive_and_wait();
      for (int j = 0; j < kAdvances; ++j) AdvanceClock(api, 1);
    });
  }
  for (auto& t : threads) t.join();
  TestApi api(emu.base_url(), kToken);
  EXPECT_DOUBLE_EQ(api.Get("/_emulator/clock").body["offset_seconds"].get<double>(),
                   kThreads * kAdvances);
  EXPECT_DOUBLE_EQ(State(api)["clock_offset"].get<double>(), kThreads * kAdvances);
}

}  // namespace
}  // namespace aivenctl::testing::robust
