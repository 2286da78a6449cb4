// Benchmark driver: generates a plan with 2,000 services and 20,000 topics, runs the real
// `aivenctl validate` on it as a child process, and prints wall time and peak RSS.
//   validate_bench [path/to/aivenctl] [runs]

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int kProjects = 20;
constexpr int kServicesPerProject = 100;  // 2,000 services
constexpr int kTopicsPerService = 10;     // 20,000 topics

std::string GeneratePlan() {
  std::string out =
      "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
      "version: 1\nname: bench\nvars:\n  run: ${env:BENCH_RUN:-local}\n"
      "defaults:\n  cloud: google-europe-north1\n  ttl: 6h\n  tags: {owner: bench}\n"
      "projects:\n";
  for (int p = 0; p < kProjects; ++p) {
    out += "  - name: bench-" + std::to_string(p) + "-${run}\n    tags: {team: data}\n";
    out += "    services:\n";
    for (int s = 0; s < kServicesPerProject; ++s) {
      std::string name = "kafka-" + std::to_string(s);
      out += "      - name: " + name + "\n        type: kafka\n        plan: business-4\n";
      out += "        version: \"3.8\"\n        maintenance: {dow: sunday, time: \"03:00:00\"}\n";
      out += "        topics:\n";
      for (int t = 0; t < kTopicsPerService; ++t) {
        out += "          - {name: topic-" + std::to_string(t) +
               ", partitions: 6, replication: 3, config: {retention_ms: 604800000}}\n";
      }
    }
    out += "    integrations:\n";
    out += "      - {type: kafka_mirrormaker, source: kafka-0, destination: kafka-1}\n";
  }
  return out;
}

struct Run {
  double seconds;      // wall time
  double cpu_seconds;  // user + system time of the child
  long max_rss_kb;
  int status;
};

Run Validate(const std::string& binary, const std::string& plan) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    execl(binary.c_str(), binary.c_str(), "validate", plan.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return {seconds, cpu, usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = argc > 1 ? argv[1] : AIVENCTL_BINARY;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::string plan = "/tmp/aivenctl_bench_plan_" + std::to_string(getpid()) + ".yaml";
  std::string text = GeneratePlan();
  std::ofstream(plan, std::ios::binary) << text;
  std::printf("plan: %d services, %d topics, %zu bytes\n", kProjects * kServicesPerProject,
              kProjects * kServicesPerProject * kTopicsPerService, text.size());
  double best = 1e9, total = 0, best_cpu = 1e9;
  long rss = 0;
  for (int i = 0; i < runs; ++i) {
    Run r = Validate(binary, plan);
    if (r.status != 0) {
      std::fprintf(stderr, "validate exited %d on the generated plan (kept: %s)\n", r.status,
                   plan.c_str());
      return 1;
    }
    best = std::min(best, r.seconds);
    best_cpu = std::min(best_cpu, r.cpu_seconds);
    total += r.seconds;
    rss = std::max(rss, r.max_rss_kb);
    std::printf("run %d: %.3f s wall, %.3f s cpu, peak RSS %.1f MB\n", i + 1, r.seconds,
                r.cpu_seconds, r.max_rss_kb / 1024.0);
  }
  std::printf(
      "validate: wall best %.3f s, mean %.3f s; cpu best %.3f s; peak RSS %.1f MB (%d runs)\n",
      best, total / runs, best_cpu, rss / 1024.0, runs);
  std::remove(plan.c_str());
  return 0;
}
