// Benchmark driver: N aivenctl runners under one token at once against an emulator with a
// rate limit, alone (each adapts to its own 429s) and with --lock (one rate window shared
// in PostgreSQL); prints the 429s, the requests and the wall time of each round.
//   lock_bench [--runners 8] [--limit 24] [--window 6] [--services 2] [--runs 2]
// Needs postgresql-15 (scripts/bootstrap). Plans: RunnerPlan (tests/support/rate_runners).

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "support/emulator_process.h"
#include "support/postgres_server.h"
#include "support/rate_runners.h"

namespace {

using namespace aivenctl::testing;

struct Options {
  int runners = 8, limit = 24, window = 6, services = 2, runs = 2;
};

int Die(const std::string& what) {
  std::fprintf(stderr, "lock_bench: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (flag == "--runners")
      o.runners = value;
    else if (flag == "--limit")
      o.limit = value;
    else if (flag == "--window")
      o.window = value;
    else if (flag == "--services")
      o.services = value;
    else if (flag == "--runs")
      o.runs = value;
    else
      return Die("unknown flag " + flag);
  }
  const std::string token = "bench-token-5b1c";
  EmulatorProcess emulator(
      EmulatorOptions{.binary = AIVENCTL_EMULATOR,
                      .args = {"--token", token, "--build-seconds", "2", "--rate-limit",
                               std::to_string(o.limit) + "/" + std::to_string(o.window)}});
  if (auto started = emulator.Start(); !started.ok()) return Die(started.message());
  PostgresServer pg;
  if (auto started = pg.Start(); !started.ok()) return Die(started.message());
  TestApi api(emulator.base_url(), token);
  TempDir dir("aivenctl-lock-bench-");
  std::vector<std::string> plans;
  for (int i = 0; i < o.runners; ++i) {
    const std::string name = "runner-" + std::to_string(i);
    plans.push_back(dir.Write(name + ".yaml", RunnerPlan(name, o.services)));
  }
  std::printf(
      "%d runners, one token, emulator limit %d requests per %d s, %d pg services with a "
      "database and a user per plan\n",
      o.runners, o.limit, o.window, o.services);
  std::printf("| run | budget | 429s | requests | wall time | exit codes |\n");
  std::printf("| --- | --- | --- | --- | --- | --- |\n");
  for (int run = 1; run <= o.runs; ++run) {
    for (const bool shared : {false, true}) {
      std::vector<std::string> args;
      if (shared) args = {"--lock", pg.url()};
      RunnersRound round = RunRunners(api, emulator.base_url(), token, plans, args);
      std::string codes;
      for (const auto& outcome : round.outcomes) codes += std::to_string(outcome.code) + " ";
      std::printf("| %d | %s | %d | %d | %.1f s | %s|\n", run, shared ? "shared (--lock)" : "alone",
                  round.rate_limited, round.requests, round.seconds, codes.c_str());
      for (const auto& outcome : round.outcomes) {
        if (outcome.code != 0) std::fprintf(stderr, "%s\n", outcome.Describe().c_str());
      }
      std::fflush(stdout);
    }
  }
  return 0;
}
