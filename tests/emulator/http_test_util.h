#pragma once
// Shared fixture for the endpoint tests over real HTTP (http_*_test.cc): one emulator
// child per test (ctest runs each TEST in its own process anyway), a checked TestApi,
// and helpers for the controllable clock so no test sleeps.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/emulator_process.h"

namespace aivenctl::testing {

using nlohmann::json;

inline const char* kToken = "t";
inline const char* kTryLater = "An error occurred. Please try again later.";
inline const char* kProtectedMessage =
    "Service is protected against termination and shutdown. Remove termination protection first.";

class HttpTest : public ::testing::Test {
 protected:
  /// Extra emulator arguments for a whole test class (override in a subclass).
  virtual std::vector<std::string> ExtraArgs() const { return {}; }
  /// False for the test classes of the emulator's own, lenient request handling: they
  /// send what Aiven's description forbids on purpose and check the handlers' answers.
  virtual bool Strict() const { return true; }

  void SetUp() override {
    std::vector<std::string> args = {"--token", kToken, "--build-seconds", "3"};
    for (const auto& a : ExtraArgs()) args.push_back(a);
    emu_ = std::make_unique<EmulatorProcess>(
        EmulatorOptions{.args = args, .temp_data_dir = false, .strict = Strict()});
    const auto started = emu_->Start();
    ASSERT_TRUE(started.ok()) << started.ToString();
    api_ = std::make_unique<TestApi>(emu_->base_url(), kToken);
  }

  TestApi& api() { return *api_; }

  /// Moves the emulator clock forward.
  void Advance(double seconds) {
    const ApiResponse r = api_->Post("/_emulator/clock", {{"advance_seconds", seconds}});
    ASSERT_EQ(r.status, 200) << r.Describe();
  }

  void CreateProject(const std::string& name, json extra = json::object()) {
    extra["project"] = name;
    const ApiResponse r = api_->Post("/v1/project", extra);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }

  /// avn's exact create body (REFERENCE §5.4, avn-compat §1) plus `extra`.
  static json AvnServiceBody(const std::string& name, const std::string& type,
                             const std::string& plan) {
    return {{"cloud", nullptr},
            {"plan", plan},
            {"service_integrations", json::array()},
            {"service_name", name},
            {"service_type", type},
            {"user_config", json::object()},
            {"termination_protection", false},
            {"static_ips", json::array()}};
  }

  ApiResponse CreateService(const std::string& project, const std::string& name,
                            const std::string& type, const std::string& plan,
                            const json& extra = json::object()) {
    json body = AvnServiceBody(name, type, plan);
    body.update(extra);
    return api_->Post("/v1/project/" + project + "/service", body);
  }

  std::string ServicePath(const std::string& project, const std::string& service) {
    return "/v1/project/" + project + "/service/" + service;
  }

  json GetService(const std::string& project, const std::string& service, bool secrets = false) {
    const ApiResponse r =
        api_->Get(ServicePath(project, service) + (secrets ? "?include_secrets=true" : ""));
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.body.value("service", json::object());
  }

  std::string State(const std::string& project, const std::string& service) {
    return GetService(project, service).value("state", "");
  }

  /// Polls like `avn service wait`, advancing the clock 1 s between polls; returns the
  /// number of polls it took (or -1 when RUNNING never came within `max_polls`).
  int WaitRunning(const std::string& project, const std::string& service, int max_polls = 30) {
    for (int i = 0; i < max_polls; ++i) {
      if (State(project, service) == "RUNNING") return i;
      Advance(1);
    }
    return -1;
  }

  /// Creates a project and a RUNNING service in it.
  void RunningService(const std::string& project, const std::string& name, const std::string& type,
                      const std::string& plan) {
    const ApiResponse r = CreateService(project, name, type, plan);
    ASSERT_EQ(r.status, 200) << r.Describe();
    ASSERT_GE(WaitRunning(project, name), 0);
  }

  /// Expects an error with this status and exactly this message.
  static void ExpectError(const ApiResponse& r, int status, const std::string& message) {
    EXPECT_EQ(r.status, status) << r.Describe();
    EXPECT_EQ(r.body.value("message", ""), message) << r.Describe();
  }
  /// Expects an error with this status whose message contains `part`.
  static void ExpectErrorContaining(const ApiResponse& r, int status, const std::string& part) {
    EXPECT_EQ(r.status, status) << r.Describe();
    EXPECT_NE(r.body.value("message", "").find(part), std::string::npos)
        << "message lacks '" << part << "': " << r.Describe();
  }
  static std::string ErrorCode(const ApiResponse& r) {
    if (!r.body.is_object() || !r.body.contains("errors") || r.body["errors"].empty()) return "";
    return r.body["errors"][0].value("error_code", "");
  }

  std::unique_ptr<EmulatorProcess> emu_;
  std::unique_ptr<TestApi> api_;
};

}  // namespace aivenctl::testing
