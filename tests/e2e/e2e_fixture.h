#pragma once
// End-to-end fixture: a fresh aiven-emulator on loopback per test and the real aivenctl
// binary run against it as a user runs it (own process, clean environment, token in
// AIVEN_TOKEN). Every byte aivenctl prints or writes (stdout, stderr, `plan --out` files;
// not the 0600 `--outputs` files, nor a stdout that was asked for secrets, nor the
// `::add-mask::` lines of the github outputs format) is kept, and TearDown fails the test
// when any of it holds the token or a password or key the emulator issued during the test.

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/emulator_process.h"
#include "support/plan_env.h"
#include "support/process_run.h"
#include "support/secret_scan.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {

inline constexpr const char* kE2eToken = "e2e-token-9f3b2c71d4";

/// What a command's stdout may hold (stderr is always searched).
enum class Stdout {
  kSearched,         ///< nothing secret: searched like everything else
  kAskedFor,         ///< the secrets the command was asked to print (`--outputs -`, a NAME)
  kGithubMaskLines,  ///< `--outputs-format github`: searched except its `::add-mask::` lines
};

class E2eTest : public ::testing::Test {
 protected:
  /// Emulator flags: fast lifecycle so a service builds in about a second.
  static std::vector<std::string> FastEmulatorArgs() {
    return {"--token",         kE2eToken, "--build-seconds",       "1", "--rebalance-seconds", "1",
            "--topic-seconds", "1",       "--integration-seconds", "1"};
  }

  void SetUp() override { StartEmulator(FastEmulatorArgs()); }

  /// The suite-wide secrets check: nothing aivenctl printed or wrote in this test holds the
  /// token or a secret the emulator issued (collected after each command, see Aivenctl).
  /// Prints one "[secrets] ..." line with what was searched (tests/RELIABILITY.md sums them).
  void TearDown() override {
    CollectSecrets();
    ExpectNoSecretPrinted();
  }

  void StartEmulator(std::vector<std::string> args) {
    emulator_ = std::make_unique<EmulatorProcess>(EmulatorOptions{.args = std::move(args)});
    auto started = emulator_->Start();
    ASSERT_TRUE(started.ok()) << started.message();
    api_ = std::make_unique<TestApi>(emulator_->base_url(), kE2eToken);
    secrets_.AddSecretsFrom({{"password", kPrometheusPassword}});
  }

  /// Runs `aivenctl --api-url URL --no-color ARGS` from the source dir with AIVEN_TOKEN set
  /// (unless `spec.env` sets it). What it prints (stdout as `printed` says; with
  /// `--show-secrets` it is exempt) and the file a `--out FILE` names join the secrets scan;
  /// the emulator's secrets are collected afterwards, before a later command can delete the
  /// services holding them. Thread-safe.
  ProcessOutcome Aivenctl(std::vector<std::string> args, ProcessSpec spec = {},
                          Stdout printed = Stdout::kSearched) {
    spec.program = AivenctlBinary();
    spec.cwd = SourceDir();
    spec.env.try_emplace("AIVEN_TOKEN", kE2eToken);  // a test may set another one
    spec.env.try_emplace(kPrometheusPasswordEnv, kPrometheusPassword);
    std::string out_file;
    bool shows_secrets = false;
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i] == "--out" && i + 1 < args.size()) out_file = args[i + 1];
      if (args[i] == "--show-secrets") shows_secrets = true;  // asked for: stdout is exempt
    }
    args.insert(args.begin(), {"--api-url", emulator_->base_url(), "--no-color"});
    spec.args = std::move(args);
    ProcessOutcome o = RunProcess(spec);
    if (printed == Stdout::kGithubMaskLines) {
      secrets_.AddPrintedExceptMaskLines(o.out);
    } else if (!shows_secrets && printed != Stdout::kAskedFor) {
      secrets_.AddPrinted(o.out);
    }
    secrets_.AddPrinted(o.err);
    if (!out_file.empty()) secrets_.AddPrinted(ReadAll(out_file));
    CollectSecrets();
    return o;
  }

  /// The file's bytes ("" when it cannot be read).
  static std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  /// Adds the secrets the emulator holds now to the scan. Tolerates failing requests (a
  /// test may have scripted faults or stopped the emulator).
  void CollectSecrets() {
    std::lock_guard lock(collect_mu_);  // api_ serves one thread at a time
    if (emulator_ && emulator_->running()) secrets_.CollectFrom(*api_);
  }

  /// Fast readiness polling for the emulator's one-second builds.
  static std::vector<std::string> Fast(std::vector<std::string> args) {
    for (const char* a : {"--yes", "--poll-initial", "50ms", "--poll-max", "300ms"}) {
      args.push_back(a);
    }
    return args;
  }

  /// GET that must succeed.
  nlohmann::json Get(const std::string& path) {
    ApiResponse r = api_->Get(path);
    EXPECT_TRUE(r.ok()) << path << ": " << r.Describe();
    return r.body;
  }

  /// project -> sorted service names, for the whole emulator.
  std::map<std::string, std::vector<std::string>> Inventory() {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& p : Get("/v1/project").value("projects", nlohmann::json::array())) {
      std::string name = p.value("project_name", "");
      auto& services = out[name];
      for (const auto& s :
           Get("/v1/project/" + name + "/service").value("services", nlohmann::json::array())) {
        services.push_back(s.value("service_name", ""));
      }
      std::sort(services.begin(), services.end());
    }
    return out;
  }

  /// Fails the test when the token or any secret collected so far appears in what
  /// aivenctl printed or wrote.
  void ExpectNoSecretPrinted() {
    const SecretScan::Report r = secrets_.Search();
    for (const auto& hit : r.hits) ADD_FAILURE() << "aivenctl printed or wrote " << hit;
    std::cout << "[secrets] " << r.bytes << " bytes searched for the token and " << r.secrets
              << " issued secrets: " << r.hits.size() << " hits\n";
  }

  std::unique_ptr<EmulatorProcess> emulator_;
  std::unique_ptr<TestApi> api_;
  std::mutex collect_mu_;
  SecretScan secrets_{kE2eToken};  // everything aivenctl printed or wrote, and the needles
  TempDir dir_{"aivenctl-e2e-"};
};

}  // namespace aivenctl::testing
