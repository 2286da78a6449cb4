// Benchmark driver: seeds aiven-emulator with P projects x S services (K Kafka with T
// topics each per project), sets the emulator's latency, then times state::RefreshScope
// over those projects and prints the requests made, the minimum possible, the wall time
// and the one-GET-per-resource baseline (resources x latency / 10 in flight).
//   refresh_bench [--projects 20] [--services 50] [--kafka 10] [--topics 200]
//                 [--latency-ms 50] [--concurrency 8] [--runs 3]
// Seeding goes through the public API without latency (16 requests in flight); the
// latency is switched on afterwards with PUT /_emulator/config.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "api/api.h"
#include "state/refresh.h"
#include "state/work_pool.h"
#include "support/emulator_process.h"

namespace {

using namespace aivenctl;
using Clock = std::chrono::steady_clock;

struct Options {
  int projects = 20, services = 50, kafka = 10, topics = 200, latency_ms = 50, concurrency = 8,
      runs = 3;
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Die(const std::string& what) {
  std::fprintf(stderr, "refresh_bench: %s\n", what.c_str());
  std::exit(1);
}

// The non-Kafka services of a project, round-robin over the common types.
const char* kOtherTypes[][2] = {{"pg", "startup-4"},      {"mysql", "startup-4"},
                                {"valkey", "startup-4"},  {"opensearch", "startup-4"},
                                {"grafana", "startup-1"}, {"clickhouse", "startup-16"}};

std::string ProjectName(int p) { return "bench-" + std::to_string(p); }

void Seed(api::Api& api, httplib::Client& control, const Options& o) {
  std::atomic<int> failures{0};
  auto check = [&](const aivenctl::core::Status& s) {
    if (!s.ok() && failures++ < 5) std::fprintf(stderr, "seed: %s\n", s.ToString().c_str());
  };
  {
    state::WorkPool pool(16, {});
    for (int p = 0; p < o.projects; ++p) {
      pool.Submit([&, p] {
        check(api.CreateProject({{"project", ProjectName(p)}}).status());
        for (int s = 0; s < o.services; ++s) {
          const bool kafka = s < o.kafka;
          const auto& other = kOtherTypes[s % 6];
          nlohmann::json body = {{"service_name", (kafka ? "kafka-" : std::string(other[0]) + "-") +
                                                      std::to_string(s)},
                                 {"service_type", kafka ? "kafka" : other[0]},
                                 {"plan", kafka ? "business-4" : other[1]}};
          pool.Submit([&, p, body] { check(api.CreateService(ProjectName(p), body).status()); });
        }
      });
    }
    pool.Wait();
  }
  if (failures > 0) Die("seeding services failed");
  auto res = control.Post("/_emulator/clock", R"({"advance_seconds":3600})", "application/json");
  if (!res || res->status != 200) Die("cannot advance the emulator clock");
  {
    state::WorkPool pool(16, {});
    for (int p = 0; p < o.projects; ++p) {
      for (int s = 0; s < o.kafka; ++s) {
        for (int t = 0; t < o.topics; ++t) {
          pool.Submit([&, p, s, t] {
            check(api.CreateTopic(ProjectName(p), "kafka-" + std::to_string(s),
                                  {{"topic_name", "topic-" + std::to_string(t)},
                                   {"partitions", 3},
                                   {"replication", 3}}));
          });
        }
      }
    }
    pool.Wait();
  }
  if (failures > 0) Die("seeding topics failed");
  control.Post("/_emulator/clock", R"({"advance_seconds":60})", "application/json");
}

Options Parse(int argc, char** argv) {
  Options o;
  std::map<std::string, int*> flags = {{"--projects", &o.projects},
                                       {"--services", &o.services},
                                       {"--kafka", &o.kafka},
                                       {"--topics", &o.topics},
                                       {"--latency-ms", &o.latency_ms},
                                       {"--concurrency", &o.concurrency},
                                       {"--runs", &o.runs}};
  for (int i = 1; i < argc; ++i) {
    auto it = flags.find(argv[i]);
    if (it == flags.end() || i + 1 >= argc)
      Die(std::string("unknown or incomplete flag ") + argv[i]);
    *it->second = std::atoi(argv[++i]);
  }
  if (o.kafka > o.services) Die("--kafka must not exceed --services");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = Parse(argc, argv);
  aivenctl::testing::EmulatorProcess emulator(
      {.binary = AIVENCTL_EMULATOR, .args = {"--token", "bench-token"}});
  if (auto s = emulator.Start(); !s.ok()) Die("emulator: " + s.ToString());
  httplib::Client control(emulator.base_url());

  api::CurlTransport transport({.base_url = emulator.base_url(), .token = "bench-token"});
  api::RateBudget seed_budget(core::RealClock::Instance());
  api::Client seed_client(transport, core::RealClock::Instance(), seed_budget);
  api::Api seed_api(seed_client);
  auto start = Clock::now();
  Seed(seed_api, control, o);
  const int services = o.projects * o.services;
  const int kafka = o.projects * o.kafka;
  const long topics = static_cast<long>(kafka) * o.topics;
  std::printf("seeded %d projects, %d services (%d Kafka), %ld topics in %.1f s\n", o.projects,
              services, kafka, topics, Seconds(start));

  auto res =
      control.Put("/_emulator/config", "{\"latency_ms\":" + std::to_string(o.latency_ms) + "}",
                  "application/json");
  if (!res || res->status != 200) Die("cannot set the emulator latency");

  std::vector<std::string> scope;
  for (int p = 0; p < o.projects; ++p) scope.push_back(ProjectName(p));
  long resources = 0;
  int requests = 0;
  double best = 1e9, sum = 0;
  for (int run = 1; run <= o.runs; ++run) {
    // A fresh client and Api per run: the catalog cache starts empty each time.
    api::RateBudget budget(core::RealClock::Instance());
    api::Client client(transport, core::RealClock::Instance(), budget);
    api::Api api(client);
    control.Delete("/_emulator/requests");
    auto t0 = Clock::now();
    auto result = state::RefreshScope(api, scope, {.concurrency = o.concurrency});
    const double wall = Seconds(t0);
    if (!result.ok()) Die("refresh: " + result.status().ToString());
    auto counts = control.Get("/_emulator/requests");
    const int server_requests =
        counts ? nlohmann::json::parse(counts->body).value("total", -1) : -1;
    requests = static_cast<int>(client.GetStats().requests);
    resources = 0;
    long seen_topics = 0;
    for (const auto& p : result->live.projects) {
      resources += 1;
      for (const auto& s : p.services) {
        resources += 1 + static_cast<long>(s.users.size() + s.databases.size() + s.topics.size() +
                                           s.integrations.size());
        seen_topics += static_cast<long>(s.topics.size());
      }
    }
    if (seen_topics != topics) Die("refresh saw " + std::to_string(seen_topics) + " topics");
    best = std::min(best, wall);
    sum += wall;
    std::printf("refresh run %d: %d requests (emulator counted %d), wall %.3f s\n", run, requests,
                server_requests, wall);
    if (run == o.runs) {
      for (const auto& e : client.GetStats().endpoints) {
        std::printf("  %-58s %5lld requests %7lld ms\n", e.endpoint.c_str(),
                    static_cast<long long>(e.requests), static_cast<long long>(e.time.count()));
      }
    }
  }
  const int catalog = 3;
  std::printf(
      "minimum possible (N + S_db + K + catalog): %d + 0 + %d + %d = %d"
      " (aivenctl adds 1 project list for tags and billing group: %d)\n",
      o.projects, kafka, catalog, o.projects + kafka + catalog, o.projects + kafka + catalog + 1);
  std::printf("refresh wall time: best %.3f s, mean %.3f s over %d runs (concurrency %d)\n", best,
              sum / o.runs, o.runs, o.concurrency);
  const double baseline = resources * (o.latency_ms / 1000.0) / 10.0;
  std::printf(
      "one-GET-per-resource baseline: %ld resources x %d ms / 10 in flight = %.1f s"
      " (%.0fx slower)\n",
      resources, o.latency_ms, baseline, baseline / best);
  return 0;
}
