#include "support/rate_runners.h"

#include <chrono>
#include <thread>

namespace aivenctl::testing {

std::string RunnerPlan(const std::string& name, int services) {
  std::string plan = "version: 1\nname: " + name +
                     "\ndefaults:\n  cloud: google-europe-north1\nprojects:\n  - name: " + name +
                     "\n    services:\n";
  for (int i = 0; i < services; ++i) {
    plan += "      - name: pg" + std::to_string(i) +
            "\n        type: pg\n        plan: startup-4\n        databases: [app]\n"
            "        users: [app]\n";
  }
  return plan;
}

RunnersRound RunRunners(TestApi& emulator, const std::string& base_url, const std::string& token,
                        const std::vector<std::string>& plans,
                        const std::vector<std::string>& args) {
  emulator.Post("/_emulator/reset");
  emulator.Delete("/_emulator/requests");
  RunnersRound round;
  round.outcomes.resize(plans.size());
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> runners;
  for (size_t i = 0; i < plans.size(); ++i) {
    runners.emplace_back([&, i] {
      ProcessSpec spec;
      spec.program = AivenctlBinary();
      spec.env["AIVEN_TOKEN"] = token;
      spec.args = {"--api-url", base_url,         "--no-color", "apply",      plans[i],
                   "--yes",     "--poll-initial", "200ms",      "--poll-max", "1s"};
      spec.args.insert(spec.args.end(), args.begin(), args.end());
      spec.timeout = std::chrono::minutes(5);
      round.outcomes[i] = RunProcess(spec);
    });
  }
  for (auto& t : runners) t.join();
  round.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ApiResponse counts = emulator.Get("/_emulator/requests");
  round.requests = counts.body.value("total", 0);
  round.rate_limited =
      counts.body.value("faults_injected", nlohmann::json::object()).value("rate_limited", 0);
  return round;
}

}  // namespace aivenctl::testing
