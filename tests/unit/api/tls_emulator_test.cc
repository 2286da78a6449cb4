// CurlTransport verifies TLS: a self-signed loopback HTTPS server is refused without its
// CA and accepted with ca_cert; a certificate for another name is refused even with its CA
// (the host name is verified too). The certificates are made at test time with `openssl`.

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <thread>

#include "api/transport.h"
#include "support/temp_dir.h"

namespace aivenctl::api {
namespace {

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
      GTEST_FAIL() << "openssl command not found: cannot make a test certificate "
                      "(scripts/bootstrap installs it)";
    }
    cert_ = dir_.path() + "/cert.pem";
    key_ = dir_.path() + "/key.pem";
    ASSERT_NO_FATAL_FAILURE(MakeCert("127.0.0.1", "IP:127.0.0.1", cert_, key_));
    StartServer(cert_, key_);
  }
  // A self-signed certificate for `cn` with subjectAltName `san`.
  static void MakeCert(const std::string& cn, const std::string& san, const std::string& cert,
                       const std::string& key) {
    std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=" + cn +
                      " -addext subjectAltName=" + san + " -keyout " + key + " -out " + cert +
                      " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  void StartServer(const std::string& cert, const std::string& key) {
    TearDown();
    server_ = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str());
    ASSERT_TRUE(server_->is_valid());
    server_->Get("/v1/clouds", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.has_header("Authorization") ? R"({"auth":true})" : R"({"clouds":[]})",
                      "application/json");
    });
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

  aivenctl::testing::TempDir dir_;
  std::string cert_, key_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(TlsTest, SelfSignedIsRefusedWithoutCaCert) {
  CurlTransport transport({.base_url = url()});
  TransportResult r = transport.Send({.path = "/v1/clouds"}, {});
  ASSERT_FALSE(r.ok()) << r.response->status;
  EXPECT_EQ(r.error.kind, TransportErrorKind::kTls) << r.error.message;
}

TEST_F(TlsTest, SelfSignedIsAcceptedWithCaCert) {
  CurlTransport transport({.base_url = url(), .ca_cert = cert_});
  TransportResult r = transport.Send({.path = "/v1/clouds"}, {});
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.response->status, 200);
  EXPECT_EQ(r.response->body, R"({"clouds":[]})");
}

TEST_F(TlsTest, CertificateForAnotherHostIsRefusedEvenWithItsCa) {
  const std::string cert = dir_.path() + "/other.pem", key = dir_.path() + "/other-key.pem";
  ASSERT_NO_FATAL_FAILURE(MakeCert("api.example.com", "DNS:api.example.com", cert, key));
  StartServer(cert, key);
  CurlTransport transport({.base_url = url(), .token = "tls-token-SECRET", .ca_cert = cert});
  TransportResult r = transport.Send({.path = "/v1/clouds"}, {});
  ASSERT_FALSE(r.ok()) << r.response->status;
  EXPECT_EQ(r.error.kind, TransportErrorKind::kTls) << r.error.message;
  EXPECT_EQ(r.error.message.find("tls-token-SECRET"), std::string::npos);
}

// An https:// URL on a plain-HTTP port (a local emulator): OpenSSL's "wrong version number"
// comes with what it means and the URL to use instead.
TEST(TlsMixUp, HttpsToAPlainHttpServerSaysToUseHttp) {
  httplib::Server server;
  server.Get("/v1/clouds", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"clouds":[]})", "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string hostport = "127.0.0.1:" + std::to_string(port);
  CurlTransport transport({.base_url = "https://" + hostport});
  TransportResult r = transport.Send({.path = "/v1/clouds"}, {});
  server.stop();
  thread.join();
  ASSERT_FALSE(r.ok()) << r.response->status;
  EXPECT_EQ(r.error.kind, TransportErrorKind::kTls) << r.error.message;
  EXPECT_EQ(
      r.error.message.rfind("tls: the server at https://" + hostport + " does not speak TLS (", 0),
      0u)
      << r.error.message;
  EXPECT_NE(r.error.message.find("wrong version number"), std::string::npos) << r.error.message;
  const std::string hint = "): use http://" + hostport + "?";
  EXPECT_EQ(r.error.message.substr(r.error.message.size() - hint.size()), hint) << r.error.message;
}

}  // namespace
}  // namespace aivenctl::api
