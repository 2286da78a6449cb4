// CurlTransport + Client against the real aiven-emulator over loopback. Faults are
// scripted through /_emulator/faults; waits run on a core::FakeClock so retries cost no time.

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>
#include <vector>

#include "api/client.h"
#include "log_capture.h"
#include "support/emulator_process.h"

namespace aivenctl::api {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::LogCapture;

constexpr char kToken[] = "emu-token-SECRET-4242";

class ClientEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto s = emulator_.Start(); !s.ok()) GTEST_FAIL() << "emulator: " << s.ToString();
    control_ = std::make_unique<httplib::Client>(emulator_.base_url());
    transport_ = std::make_unique<CurlTransport>(CurlOptions{
        .base_url = emulator_.base_url(), .token = kToken, .request_timeout = milliseconds(400)});
    client_ =
        std::make_unique<Client>(*transport_, clock_, budget_, ClientOptions{.jitter_seed = 3});
  }

  // Scripts a fault; `fault` is the JSON body of POST /_emulator/faults.
  void Fault(const std::string& fault) {
    auto res = control_->Post("/_emulator/faults", fault, "application/json");
    ASSERT_TRUE(res) << "control request failed";
    ASSERT_EQ(res->status, 200) << res->body;
  }

  aivenctl::testing::EmulatorProcess emulator_{{.args = {"--token", kToken}}};
  std::unique_ptr<httplib::Client> control_;
  core::FakeClock clock_;
  RateBudget budget_{clock_};
  std::unique_ptr<CurlTransport> transport_;
  std::unique_ptr<Client> client_;
  LogCapture logs_;
};

TEST_F(ClientEmulatorTest, SuccessWithUserAgentAuthAndTraceLine) {
  ApiResult r = client_->Send({.path = "/v1/project"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r.response->body.find("projects"), std::string::npos);
  EXPECT_NE(logs_.text().find("GET /v1/project -> 200 ("), std::string::npos) << logs_.text();
  EXPECT_EQ(CurlTransport::DefaultUserAgent().rfind("aivenctl/", 0), 0u);
}

TEST_F(ClientEmulatorTest, BadTokenIsPermissionDeniedWithoutTheToken) {
  CurlTransport other({.base_url = emulator_.base_url(), .token = "wrong-token-SECRET-99"});
  Client client(other, clock_, budget_);
  ApiResult r = client.Send({.path = "/v1/project"}, {.address = "project:x"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), core::Code::kPermissionDenied) << r.status().ToString();
  EXPECT_EQ(r.status().ToString().find("wrong-token-SECRET-99"), std::string::npos);
}

TEST_F(ClientEmulatorTest, Scripted503ThenSuccessIsOneRetry) {
  Fault(R"({"method":"GET","path":"/v1/project","count":1,"action":"error","status":503})");
  ApiResult r = client_->Send({.path = "/v1/project"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(client_->GetStats().endpoints.at(0).retries, 1);
}

TEST_F(ClientEmulatorTest, Scripted429WithTryAgainTextWaitsTheNamedTime) {
  Fault(R"({"method":"GET","path":"/v1/project","count":1,"action":"error","status":429,)"
        R"("message":"The user has sent too many requests in a given amount of time: )"
        R"(Rate limit 120 exceeded - try again in 7s"})");
  ApiResult r = client_->Send({.path = "/v1/project"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_GE(clock_.total_slept(), seconds(7));
  EXPECT_EQ(budget_.snapshot().rate_limited, 1);
}

TEST_F(ClientEmulatorTest, RealRateLimitWindowIsWaitedOut) {
  auto res = control_->Put("/_emulator/config", R"({"rate_limit":3,"rate_window_seconds":60})",
                           "application/json");
  ASSERT_TRUE(res && res->status == 200);
  // Our fake clock's sleeps move the emulator's clock, so its window really ends.
  clock_.SetOnSleep([this](core::Duration d) {
    auto s = std::chrono::ceil<seconds>(d).count();
    control_->Post("/_emulator/clock", "{\"advance_seconds\":" + std::to_string(s) + "}",
                   "application/json");
  });
  for (int i = 0; i < 8; ++i) {
    ApiResult r = client_->Send({.path = "/v1/project"});
    ASSERT_TRUE(r.ok()) << i << ": " << r.status().ToString();
  }
  EXPECT_GE(budget_.snapshot().rate_limited, 1);
  EXPECT_GE(clock_.total_slept(), seconds(1));
}

TEST_F(ClientEmulatorTest, DroppedConnectionIsRetriedForGetAndUnknownForPost) {
  Fault(R"({"method":"GET","path":"/v1/project","count":1,"action":"drop"})");
  ApiResult get = client_->Send({.path = "/v1/project"});
  ASSERT_TRUE(get.ok()) << get.status().ToString();
  EXPECT_EQ(get.attempts, 2);

  Fault(R"({"method":"POST","path":"/v1/project","count":1,"action":"drop"})");
  ApiResult post =
      client_->Send({.method = "POST", .path = "/v1/project", .body = R"({"project":"p1"})"},
                    {.address = "project:p1"});
  EXPECT_EQ(post.outcome, Outcome::kOutcomeUnknown);
  EXPECT_EQ(post.attempts, 1);
  ASSERT_TRUE(post.error);
  EXPECT_EQ(post.error->transport_error, TransportErrorKind::kConnectionLost);
}

TEST_F(ClientEmulatorTest, TimeoutIsRetriedAndReportedAsDeadlineExceeded) {
  Fault(R"({"method":"GET","path":"/v1/project","count":1,"action":"delay","delay_ms":1500})");
  ApiResult get = client_->Send({.path = "/v1/project"});
  ASSERT_TRUE(get.ok()) << get.status().ToString();
  EXPECT_EQ(get.attempts, 2);

  Fault(R"({"method":"POST","path":"/v1/project","count":1,"action":"delay","delay_ms":1500})");
  ApiResult post = client_->Send({.method = "POST", .path = "/v1/project", .body = "{}"});
  EXPECT_EQ(post.outcome, Outcome::kOutcomeUnknown);
  EXPECT_EQ(post.status().code(), core::Code::kDeadlineExceeded) << post.status().ToString();
}

TEST_F(ClientEmulatorTest, LaggingServiceNotFoundOnPostIsRetried) {
  Fault(R"({"method":"POST","path":"/v1/project","count":1,"action":"error","status":404,)"
        R"("message":"Service pg does not exist"})");
  ApiResult r =
      client_->Send({.method = "POST", .path = "/v1/project", .body = R"({"project":"lag1"})"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_TRUE(client_->Send({.path = "/v1/project/lag1"}).ok());
}

TEST_F(ClientEmulatorTest, TokenNeverInLogsOrErrors) {
  Fault(R"({"method":"GET","path":"/v1/project/**","count":2,"action":"error","status":503})");
  Fault(R"({"method":"PUT","path":"/v1/project/*","count":1,"action":"drop"})");
  std::vector<ApiResult> results;
  results.push_back(client_->Send({.path = "/v1/project/nope"}));
  results.push_back(client_->Send({.method = "PUT", .path = "/v1/project/nope", .body = "{}"}));
  results.push_back(client_->Send({.method = "POST", .path = "/v1/project", .body = "{}"}));
  CurlTransport refused({.base_url = "http://127.0.0.1:1", .token = kToken});
  results.push_back(Client(refused, clock_, budget_).Send({.path = "/v1/project"}));
  int failures = 0;
  for (const ApiResult& r : results) {
    if (r.ok()) continue;
    ++failures;
    EXPECT_EQ(r.status().ToString().find(kToken), std::string::npos) << r.status().ToString();
  }
  EXPECT_EQ(failures, 4);
  std::string text = logs_.text();
  EXPECT_NE(text.find("-> 503"), std::string::npos) << text;
  EXPECT_NE(text.find("-> connect"), std::string::npos) << text;
  EXPECT_EQ(text.find(kToken), std::string::npos) << text;
}

TEST_F(ClientEmulatorTest, ConnectionsAreReusedAcrossRequestsAndThreads) {
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  // The default request timeout: the fixture's 400 ms is shorter than a slow (sanitized)
  // emulator can take, and each timeout costs a connection.
  CurlTransport transport({.base_url = emulator_.base_url(), .token = kToken});
  Client client(transport, clock_, budget_, ClientOptions{.jitter_seed = 3});
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) ok += client.Send({.path = "/v1/project"}).ok() ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kEach);
  // One connection per concurrent caller at most, not one per request.
  EXPECT_GE(transport.connections_opened(), 1);
  EXPECT_LE(transport.connections_opened(), kThreads);
}

}  // namespace
}  // namespace aivenctl::api
