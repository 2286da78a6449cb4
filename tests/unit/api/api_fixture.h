#pragma once
// A test fixture with the real aiven-emulator on loopback and the whole client stack
// (CurlTransport, core::FakeClock, RateBudget, Client, Api) pointed at it, plus helpers for the
// emulator's control endpoints. Used by the api, state and cli tests.

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "api/api.h"
#include "support/emulator_process.h"

namespace aivenctl::api::testing {

/// The token the emulator accepts; tests check it never shows up anywhere.
inline constexpr char kToken[] = "emu-token-SECRET-4242";

class ApiFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto s = emulator_.Start(); !s.ok()) GTEST_FAIL() << "emulator: " << s.ToString();
    control_ = std::make_unique<httplib::Client>(emulator_.base_url());
    transport_ = std::make_unique<CurlTransport>(
        CurlOptions{.base_url = emulator_.base_url(), .token = kToken});
    client_ =
        std::make_unique<Client>(*transport_, clock_, budget_, ClientOptions{.jitter_seed = 7});
    api_ = std::make_unique<Api>(*client_);
  }

  /// Sends a control request (/_emulator/...) and returns the parsed answer.
  nlohmann::json Control(const std::string& method, const std::string& path,
                         const std::string& body = "") {
    httplib::Result res = method == "GET"      ? control_->Get(path)
                          : method == "DELETE" ? control_->Delete(path)
                          : method == "PUT"    ? control_->Put(path, body, "application/json")
                                               : control_->Post(path, body, "application/json");
    EXPECT_TRUE(res) << method << " " << path << ": no answer";
    if (!res) return nullptr;
    EXPECT_EQ(res->status, 200) << method << " " << path << ": " << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }
  /// Scripts a fault (the JSON body of POST /_emulator/faults).
  void Fault(const std::string& fault) { Control("POST", "/_emulator/faults", fault); }
  /// Moves the emulator clock (services finish building, topics become ACTIVE).
  void Advance(int seconds) {
    Control("POST", "/_emulator/clock", "{\"advance_seconds\":" + std::to_string(seconds) + "}");
  }
  /// The emulator's request counts: {total, by_route: {...}}.
  nlohmann::json Requests() { return Control("GET", "/_emulator/requests"); }
  /// Zeroes the emulator's request counts.
  void ResetRequests() { Control("DELETE", "/_emulator/requests"); }

  // Lifecycle times far above any real time a loaded machine takes between two requests;
  // tests move the emulator clock instead (Advance).
  aivenctl::testing::EmulatorProcess emulator_{
      {.args = {"--token", kToken, "--build-seconds", "300", "--topic-seconds", "60",
                "--integration-seconds", "60"}}};
  std::unique_ptr<httplib::Client> control_;
  core::FakeClock clock_;
  RateBudget budget_{clock_};
  std::unique_ptr<CurlTransport> transport_;
  std::unique_ptr<Client> client_;
  std::unique_ptr<Api> api_;
};

}  // namespace aivenctl::api::testing
