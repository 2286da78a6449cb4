// Benchmark driver: N Kafka ACL entries (default 500) applied to one kafka service with the
// real aivenctl binary against aiven-emulator with per-request latency; prints the requests
// (by route) and the wall time of the apply, of the clean re-plan and of a destroy-free
// prune of every entry. See bench/RESULTS.md.
//   acl_bench [--acls 500] [--latency-ms 50] [--parallelism 10]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/emulator_process.h"
#include "support/process_run.h"
#include "support/temp_dir.h"

namespace {

using namespace aivenctl::testing;
using Clock = std::chrono::steady_clock;

constexpr const char* kToken = "acl-bench-token";

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "acl_bench: %s\n", what.c_str());
  std::exit(1);
}

std::string Plan(int acls, bool prune) {
  std::string out =
      "version: 1\nname: acl-bench\nprojects:\n  - name: acl-bench\n    services:\n"
      "      - name: kafka\n        type: kafka\n        plan: startup-2\n";
  if (prune) out += "        prune: true\n";
  if (acls == 0) return out + "        acls: []\n";
  out += "        acls:\n";
  for (int i = 0; i < acls; ++i) {
    out += "          - {username: \"app-" + std::to_string(i) + "\", topic: \"events-" +
           std::to_string(i % 50) + "-*\", permission: read}\n";
  }
  return out;
}

// The /v1 requests in a /_emulator/requests answer (its own reads left out), by route into
// `routes` when given.
int ApiRequests(const nlohmann::json& counts, std::string* routes) {
  int total = 0;
  // A local: items() of a temporary would dangle in the loop.
  const nlohmann::json by_route = counts.value("by_route", nlohmann::json::object());
  for (const auto& [route, n] : by_route.items()) {
    if (route.find("_emulator") != std::string::npos) continue;
    total += n.get<int>();
    if (routes != nullptr) *routes += "    " + route + ": " + n.dump() + "\n";
  }
  return total;
}

struct Round {
  int code = 0;
  double seconds = 0;
  int requests = 0;
  std::string routes;
};

Round Run(TestApi& api, const std::string& base_url, std::vector<std::string> args,
          int parallelism) {
  api.Delete("/_emulator/requests");
  args.insert(args.begin(), {"--api-url", base_url});
  args.insert(args.end(), {"--yes", "--poll-initial", "100ms", "--poll-max", "500ms",
                           "--parallelism", std::to_string(parallelism)});
  ProcessSpec spec{.program = AivenctlBinary(),
                   .args = args,
                   .env = {{"AIVEN_TOKEN", kToken}},
                   .timeout = std::chrono::minutes(10)};
  const auto start = Clock::now();
  ProcessOutcome o = RunProcess(spec);
  Round r;
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  r.code = o.code;
  if (o.code != 0 && o.code != 2) std::fprintf(stderr, "%s\n", o.Describe().c_str());
  nlohmann::json counts = api.Get("/_emulator/requests").body;
  r.requests = ApiRequests(counts, &r.routes);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int acls = 500, latency_ms = 50, parallelism = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (flag == "--acls") {
      acls = value;
    } else if (flag == "--latency-ms") {
      latency_ms = value;
    } else if (flag == "--parallelism") {
      parallelism = value;
    } else {
      Die("unknown flag " + flag);
    }
  }
  EmulatorProcess emulator(EmulatorOptions{.binary = AIVENCTL_EMULATOR,
                                           .args = {"--token", kToken, "--build-seconds", "1",
                                                    "--latency-ms", std::to_string(latency_ms)}});
  if (auto started = emulator.Start(); !started.ok()) Die(started.message());
  TestApi api(emulator.base_url(), kToken);
  TempDir dir("aivenctl-acl-bench-");
  const std::string empty = dir.Write("empty.yaml", Plan(0, false));
  const std::string full = dir.Write("full.yaml", Plan(acls, false));
  const std::string pruned = dir.Write("pruned.yaml", Plan(0, true));
  if (Run(api, emulator.base_url(), {"apply", empty}, parallelism).code != 0) Die("setup failed");
  std::printf("%d Kafka ACL entries on one kafka service, %d ms per request, --parallelism %d\n",
              acls, latency_ms, parallelism);
  std::printf("| step | requests | wall time | exit |\n| --- | --- | --- | --- |\n");
  const struct {
    const char* name;
    std::vector<std::string> args;
  } steps[] = {{"apply (add all)", {"apply", full}},
               {"re-plan (no change)", {"plan", full, "--detailed-exitcode"}},
               {"apply prune (delete all)", {"apply", pruned}}};
  std::string detail;
  for (const auto& step : steps) {
    std::vector<std::string> args = step.args;
    if (args[0] == "plan") {
      args.insert(args.begin(), {"--api-url", emulator.base_url()});
      // plan takes no --yes/--parallelism: run it bare.
      ProcessSpec spec{.program = AivenctlBinary(), .args = args, .env = {{"AIVEN_TOKEN", kToken}}};
      api.Delete("/_emulator/requests");
      const auto start = Clock::now();
      ProcessOutcome o = RunProcess(spec);
      const double s = std::chrono::duration<double>(Clock::now() - start).count();
      const int total = ApiRequests(api.Get("/_emulator/requests").body, nullptr);
      std::printf("| %s | %d | %.2f s | %d |\n", step.name, total, s, o.code);
      continue;
    }
    Round r = Run(api, emulator.base_url(), args, parallelism);
    std::printf("| %s | %d | %.2f s | %d |\n", step.name, r.requests, r.seconds, r.code);
    detail += std::string(step.name) + ":\n" + r.routes;
  }
  std::printf("\n%s", detail.c_str());
  return 0;
}
