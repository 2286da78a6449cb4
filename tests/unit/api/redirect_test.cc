// The token never follows a redirect: CurlTransport does not follow Location at all, so an
// API host answering 3xx towards another host (here: another loopback port) cannot make the
// client send "Authorization: aivenv1 TOKEN" there; the client reports the 3xx as an error.

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "api/client.h"
#include "log_capture.h"

namespace aivenctl::api {
namespace {

constexpr char kToken[] = "redirect-token-SECRET-7311";

// A loopback HTTP server on its own thread that records what it was sent.
class Recorder {
 public:
  explicit Recorder(httplib::Server::Handler handler) {
    const auto wrapped = [this, handler](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard lock(mu_);
        ++hits_;
        if (req.has_header("Authorization"))
          authorization_ += req.get_header_value("Authorization");
      }
      handler(req, res);
    };
    server_.Get(".*", wrapped);
    server_.Post(".*", wrapped);
    server_.Put(".*", wrapped);
    server_.Delete(".*", wrapped);
    port_ = server_.bind_to_any_port("127.0.0.1");
    // Bound and listening already: connections queue until the accept loop runs.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() before the loop runs would be lost and join() would hang.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Recorder() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int hits() {
    std::lock_guard lock(mu_);
    return hits_;
  }
  std::string authorization() {
    std::lock_guard lock(mu_);
    return authorization_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  int hits_ = 0;
  std::string authorization_;
};

class RedirectTest : public ::testing::TestWithParam<int> {
 protected:
  Recorder other_{[](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"projects":[]})", "application/json");
  }};
  Recorder api_{[this](const httplib::Request& req, httplib::Response& res) {
    res.status = GetParam();
    res.set_header("Location", other_.url() + req.path);
    res.set_content(R"({"message":"moved"})", "application/json");
  }};
  core::FakeClock clock_;
  RateBudget budget_{clock_};
  testing::LogCapture logs_;
};

TEST_P(RedirectTest, AuthorizationNeverReachesTheRedirectTarget) {
  CurlTransport transport({.base_url = api_.url(), .token = kToken});
  Client client(transport, clock_, budget_, ClientOptions{.jitter_seed = 1});
  for (const char* method : {"GET", "POST", "PUT", "DELETE"}) {
    ApiResult r = client.Send({.method = method, .path = "/v1/project", .body = "{}"});
    EXPECT_FALSE(r.ok()) << method << " " << GetParam() << " must be an error";
    ASSERT_TRUE(r.error.has_value()) << method;
    EXPECT_EQ(r.error->http_status, GetParam()) << method;
    EXPECT_EQ(r.status().message().find(kToken), std::string::npos);
  }
  EXPECT_GE(api_.hits(), 4);
  EXPECT_NE(api_.authorization().find(kToken), std::string::npos) << "the API host got it";
  EXPECT_EQ(other_.hits(), 0) << "the client followed the redirect";
  EXPECT_EQ(other_.authorization(), "");
  EXPECT_EQ(logs_.text().find(kToken), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Statuses, RedirectTest, ::testing::Values(301, 302, 303, 307, 308));

}  // namespace
}  // namespace aivenctl::api
