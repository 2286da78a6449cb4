#pragma once
// End-to-end fixture: a fresh aiven-emulator on loopback per test and the real aivenctl
// binary run against it as a user runs it (own process, clean environment, token in
// AIVEN_TOKEN). Every byte aivenctl prints is kept so a test can search it for secrets.

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/emulator_process.h"
#include "support/process_run.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {

inline constexpr const char* kE2eToken = "e2e-token-9f3b2c71d4";

class E2eTest : public ::testing::Test {
 protected:
  /// Emulator flags: fast lifecycle so a service builds in about a second.
  static std::vector<std::string> FastEmulatorArgs() {
    return {"--token",         kE2eToken, "--build-seconds",       "1", "--rebalance-seconds", "1",
            "--topic-seconds", "1",       "--integration-seconds", "1"};
  }

  void SetUp() override { StartEmulator(FastEmulatorArgs()); }

  void StartEmulator(std::vector<std::string> args) {
    emulator_ = std::make_unique<EmulatorProcess>(EmulatorOptions{.args = std::move(args)});
    auto started = emulator_->Start();
    ASSERT_TRUE(started.ok()) << started.message();
    api_ = std::make_unique<TestApi>(emulator_->base_url(), kE2eToken);
  }

  /// Runs `aivenctl --api-url URL --no-color ARGS` from the source dir.
  ProcessOutcome Aivenctl(std::vector<std::string> args, ProcessSpec spec = {}) {
    spec.program = AivenctlBinary();
    spec.cwd = SourceDir();
    spec.env["AIVEN_TOKEN"] = kE2eToken;
    args.insert(args.begin(), {"--api-url", emulator_->base_url(), "--no-color"});
    spec.args = std::move(args);
    ProcessOutcome o = RunProcess(spec);
    std::lock_guard lock(printed_mu_);  // tests may run two commands at once
    printed_ += o.out + o.err;
    return o;
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

  /// Every password, access key and certificate the emulator issued for live services.
  std::set<std::string> IssuedSecrets() {
    std::set<std::string> out;
    for (const auto& [project, services] : Inventory()) {
      for (const auto& name : services) {
        auto s = Get("/v1/project/" + project + "/service/" + name + "?include_secrets=true");
        for (const auto& u : s["service"].value("users", nlohmann::json::array())) {
          for (const char* key : {"password", "access_key"}) {
            if (u.contains(key) && u[key].is_string()) out.insert(u[key].get<std::string>());
          }
        }
      }
    }
    return out;
  }

  /// Fails the test when the token or any of `secrets` appears in what aivenctl printed.
  void ExpectNoSecretPrinted(const std::set<std::string>& secrets) {
    EXPECT_EQ(printed_.find(kE2eToken), std::string::npos) << "the token was printed";
    for (const auto& secret : secrets) {
      EXPECT_EQ(printed_.find(secret), std::string::npos)
          << "a secret of " << secret.size() << " characters was printed";
    }
  }

  std::unique_ptr<EmulatorProcess> emulator_;
  std::unique_ptr<TestApi> api_;
  std::mutex printed_mu_;
  std::string printed_;  // everything aivenctl wrote to stdout and stderr in this test
  TempDir dir_{"aivenctl-e2e-"};
};

}  // namespace aivenctl::testing
