// Serving: the start-up line and bind address, clean SIGTERM, auth, the request log,
// body limits, malformed requests on raw sockets, keep-alive, concurrent connections.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "robust_util.h"
#include "support/temp_dir.h"

namespace aivenctl::testing::robust {
namespace {

using Clock = std::chrono::steady_clock;

/// A plain TCP connection to the emulator, for requests TestApi cannot send.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return connected_; }
  bool Send(const std::string& data) {
    return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }
  void ShutdownWrite() { ::shutdown(fd_, SHUT_WR); }
  /// Reads one HTTP response (headers + Content-Length body); "" on EOF/timeout.
  std::string ReadResponse() {
    while (true) {
      const size_t end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t length = 0;
        const size_t cl = Lower(buffer_.substr(0, end)).find("content-length:");
        if (cl != std::string::npos) length = std::strtoul(buffer_.c_str() + cl + 15, nullptr, 10);
        if (buffer_.size() >= end + 4 + length) {
          std::string response = buffer_.substr(0, end + 4 + length);
          buffer_.erase(0, end + 4 + length);
          return response;
        }
      }
      char chunk[4096];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return "";
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }
  /// Reads until the peer closes (or the timeout); returns everything read.
  std::string ReadToEnd() {
    char chunk[4096];
    ssize_t n;
    while ((n = ::recv(fd_, chunk, sizeof chunk, 0)) > 0)
      buffer_.append(chunk, static_cast<size_t>(n));
    return std::exchange(buffer_, "");
  }

 private:
  static std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

std::string GetRequest(const std::string& path, const std::string& token = kToken) {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: aivenv1 " + token +
         "\r\nConnection: keep-alive\r\n\r\n";
}

int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::atoi(response.c_str() + 9);
}

TEST(Serving, ListensOnLoopbackOnlyAndStopsCleanlyOnSigterm) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(
      emu);  // checks the exact first line "aiven-emulator listening on http://127.0.0.1:PORT"
  ASSERT_GT(emu.port(), 0);
  // The listening socket is bound to 127.0.0.1, not to every address.
  char local[32];
  std::snprintf(local, sizeof local, "0100007F:%04X", emu.port());
  const std::string tcp = ReadFile("/proc/" + std::to_string(emu.pid()) + "/net/tcp");
  bool found = false;
  for (const auto& line : Lines(tcp)) {
    if (line.find(std::string(" ") + local + " 00000000:0000 0A") != std::string::npos)
      found = true;
    char any[32];
    std::snprintf(any, sizeof any, " 00000000:%04X ", emu.port());
    EXPECT_EQ(line.find(any), std::string::npos) << "listening on all addresses: " << line;
  }
  EXPECT_TRUE(found) << tcp;
  // SIGTERM with an idle keep-alive connection open still stops quickly and cleanly.
  TestApi api(emu.base_url(), kToken);
  ASSERT_EQ(api.Get("/v1/project").status, 200);
  const auto start = Clock::now();
  const ExitInfo info = emu.Stop();
  EXPECT_TRUE(info.exited) << info.ToString();
  EXPECT_EQ(info.code, 0) << info.ToString();
  EXPECT_FALSE(info.forced_kill);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0);
}

TEST(Serving, SigtermRightAfterTheListeningLineStillStops) {
  // The signal can arrive before the server loop runs; it must not be lost.
  EmulatorProcess emu(
      {.args = {"--token", kToken}, .stop_timeout = std::chrono::milliseconds(3000)});
  for (int i = 0; i < 5; ++i) {
    ROBUST_START(emu);
    const ExitInfo info = emu.Stop();
    EXPECT_TRUE(info.exited) << i << ": " << info.ToString();
    EXPECT_EQ(info.code, 0) << i;
    EXPECT_FALSE(info.forced_kill) << i;
  }
}

TEST(Serving, SigtermDuringARequestFinishesItAndExitsZero) {
  EmulatorProcess emu({.args = {"--token", kToken, "--latency-ms", "300"}});
  ROBUST_START(emu);
  ApiResponse in_flight;
  // Connected before the request starts (control endpoints have no latency).
  TestApi api(emu.base_url(), kToken);
  ASSERT_EQ(api.Get("/_emulator/clock").status, 200);
  std::thread client([&] { in_flight = api.Get("/v1/project"); });
  // Stop only once the server is handling it (a fixed pause lost the race on a loaded
  // machine); bounded by 5 s.
  TestApi control(emu.base_url(), kToken);
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (control.Get("/_emulator/requests").body.value("in_flight", 0) < 1 &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const ExitInfo info = emu.Stop();
  client.join();
  EXPECT_TRUE(info.exited) << info.ToString();
  EXPECT_EQ(info.code, 0);
  EXPECT_FALSE(info.forced_kill);
  // The request already being handled is answered, not cut off.
  EXPECT_EQ(in_flight.status, 200) << in_flight.Describe();
}

const Json kAuthFailedBody = {{"message", "Authentication failed"},
                              {"errors",
                               {{{"message", "Authentication failed"},
                                 {"status", 403},
                                 {"error_code", "authentication_failed"}}}}};

TEST(Auth, RepeatedTokenFlagAndWrongToken) {
  EmulatorProcess emu({.args = {"--token", "alpha", "--token", "beta"}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), "alpha");
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  api.set_token("beta");
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  EXPECT_EQ(api.Get("/v1/project", {.headers = {{"Authorization", "Bearer beta"}}}).status, 200);
  for (const std::string header : {"aivenv1 gamma", "aivenv1 ", "alpha", "Basic alpha"}) {
    ApiResponse r = api.Get("/v1/project", {.headers = {{"Authorization", header}}});
    EXPECT_EQ(r.status, 403) << header;
    EXPECT_EQ(r.body, kAuthFailedBody) << header;
  }
  api.set_token("");
  ApiResponse r = api.Get("/v1/project");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body, kAuthFailedBody);
  r = api.Post("/v1/project", {{"project", "p1"}});
  EXPECT_EQ(r.status, 403);
  // Public routes need no token.
  EXPECT_EQ(api.Get("/v1/clouds").status, 200);
  EXPECT_EQ(api.Get("/v1/service_types").status, 200);
  // Nothing was created by the refused POST.
  api.set_token("alpha");
  EXPECT_EQ(api.Get("/v1/project/p1").status, 404);
}

TEST(Auth, TokensFromTheEnvironment) {
  ::setenv("AIVEN_EMULATOR_TOKENS", "env-one,env-two", 1);
  EmulatorProcess emu;
  const core::Status started = emu.Start();
  ::unsetenv("AIVEN_EMULATOR_TOKENS");
  ASSERT_TRUE(started.ok()) << started.ToString();
  TestApi api(emu.base_url(), "env-one");
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  api.set_token("env-two");
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  api.set_token("other");
  EXPECT_EQ(api.Get("/v1/project").status, 403);
  EXPECT_EQ(emu.LogTail().find("any non-empty token"), std::string::npos) << emu.LogTail();
}

TEST(Auth, WithoutTokensAnyNonEmptyTokenIsAcceptedAndSaidSo) {
  EmulatorProcess emu;
  ROBUST_START(emu);
  TestApi api(emu.base_url(), "whatever");
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  api.set_token("");
  EXPECT_EQ(api.Get("/v1/project").status, 403);
  EXPECT_NE(emu.LogTail().find("any non-empty token"), std::string::npos) << emu.LogTail();
}

TEST(RequestLog, OneFlushedLinePerRequestWithoutTheToken) {
  TempDir dir("request-log-");
  const std::string log = dir.File("requests.jsonl");
  const std::string secret = "s3cr3t-t0ken-value";
  EmulatorProcess emu({.args = {"--token", secret, "--request-log", log}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), secret);
  CreateProject(api, "p1");
  // Flushed before the answer went out, not at exit.
  EXPECT_EQ(Lines(ReadFile(log)).size(), 1u);
  EXPECT_EQ(api.Get("/v1/project/p1?include_secrets=true").status, 200);
  EXPECT_EQ(api.Get("/v1/project/missing").status, 404);
  EXPECT_EQ(
      api.Get("/v1/project", {.headers = {{"Authorization", "aivenv1 wrong-" + secret}}}).status,
      403);
  ASSERT_EQ(api.Post("/_emulator/faults", {{"path", "/v1/project/p1"}, {"action", "drop"}}).status,
            200);
  EXPECT_TRUE(api.Get("/v1/project/p1").transport_failed());

  // Read while the emulator still runs: every answered request is already there. The
  // dropped one ends (and is logged) just after the client sees the connection close.
  std::string text = ReadFile(log);
  for (int i = 0; i < 200 && Lines(text).size() < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    text = ReadFile(log);
  }
  EXPECT_EQ(text.find(secret), std::string::npos) << text;
  const auto lines = Lines(text);
  ASSERT_EQ(lines.size(), 5u) << text;
  const std::vector<std::pair<std::string, int>> expected = {
      {"POST", 200}, {"GET", 200}, {"GET", 404}, {"GET", 403}, {"GET", 0}};
  for (size_t i = 0; i < lines.size(); ++i) {
    Json line = Json::parse(lines[i], nullptr, false);
    ASSERT_TRUE(line.is_object()) << lines[i];
    EXPECT_TRUE(line["time"].is_string()) << lines[i];
    EXPECT_TRUE(line["duration_ms"].is_number()) << lines[i];
    EXPECT_GE(line["duration_ms"].get<double>(), 0.0);
    EXPECT_EQ(line["method"], expected[i].first) << lines[i];
    EXPECT_EQ(line["status"], expected[i].second) << lines[i];
    EXPECT_TRUE(line["path"].is_string());
  }
  EXPECT_EQ(Json::parse(lines[0])["path"], "/v1/project");
  EXPECT_EQ(Json::parse(lines[4]).value("dropped", false), true) << lines[4];
  EXPECT_FALSE(Json::parse(lines[3]).contains("dropped"));
  // Appends across restarts.
  ASSERT_TRUE(emu.Restart().ok());
  TestApi again(emu.base_url(), secret);
  EXPECT_EQ(again.Get("/v1/project").status, 200);
  EXPECT_EQ(Lines(ReadFile(log)).size(), 6u);
}

TEST(Limits, OversizedBodyGets413WithAJsonError) {
  TempDir dir("request-log-");
  EmulatorProcess emu({.args = {"--token", kToken, "--max-body-bytes", "1024", "--request-log",
                                dir.File("log.jsonl")}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  const Json big = {{"project", "p1"}, {"tags", {{"padding", std::string(4000, 'x')}}}};
  ApiResponse r = api.Post("/v1/project", big);
  EXPECT_EQ(r.status, 413) << r.Describe();
  ASSERT_TRUE(r.body.is_object()) << r.raw;
  EXPECT_TRUE(r.body["message"].is_string());
  EXPECT_EQ(r.body["errors"][0]["status"], 413);
  // Nothing was created, and the server goes on answering.
  EXPECT_EQ(api.Get("/v1/project/p1").status, 404);
  CreateProject(api, "p1");
  // The refused request is logged like any other.
  const auto lines = Lines(ReadFile(dir.File("log.jsonl")));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(Json::parse(lines[0])["status"], 413) << lines[0];
}

TEST(Limits, DefaultLimitIsFourMebibytesAndHugeOrChunkedBodiesAreRefused) {
  // The client keeps its side open and waits for the answer, as real clients do.
  const auto raw = [](int port, const std::string& request) {
    RawConnection c(port);
    EXPECT_TRUE(c.connected());
    c.Send(request);
    return c.ReadResponse();
  };
  const std::string head = "POST /v1/project HTTP/1.1\r\nHost: x\r\nAuthorization: aivenv1 " +
                           std::string(kToken) + "\r\n";
  EmulatorProcess emu({.args = {"--token", kToken}});  // no --max-body-bytes: 4 MiB
  ROBUST_START(emu);
  // A declared length over the limit is refused from the headers alone, without waiting
  // for (or reading) the body, and the answer tells the client to close the connection.
  const auto start = Clock::now();
  const std::string over = raw(emu.port(), head + "Content-Length: 4194305\r\n\r\n{}");
  EXPECT_EQ(StatusOf(over), 413) << over;
  EXPECT_NE(over.find("Connection: close"), std::string::npos) << over;
  EXPECT_NE(over.find("Request body too large"), std::string::npos) << over;
  const std::string huge = raw(emu.port(), head + "Content-Length: 10000000000\r\n\r\n{}");
  EXPECT_EQ(StatusOf(huge), 413) << huge;
  const std::string beyond =
      raw(emu.port(), head + "Content-Length: 99999999999999999999999\r\n\r\n{}");
  EXPECT_EQ(StatusOf(beyond), 413) << beyond;
  const std::string bad = raw(emu.port(), head + "Content-Length: 12abc\r\n\r\n{}");
  EXPECT_EQ(StatusOf(bad), 400) << bad;
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
  // A chunked body declares no length: refused before any of it is read.
  std::string chunked = head + "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "3e8\r\n" + std::string(1000, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  const std::string answer = raw(emu.port(), chunked);
  EXPECT_EQ(StatusOf(answer), 411) << answer.substr(0, 200);
  // A body at the limit is read and handled as usual (400: it is not JSON).
  const std::string at_limit =
      raw(emu.port(), head + "Content-Length: 4194304\r\n\r\n" + std::string(4194304, 'x'));
  EXPECT_EQ(StatusOf(at_limit), 400) << at_limit.substr(0, 200);
  TestApi api(emu.base_url(), kToken);
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  EXPECT_TRUE(api.Get("/v1/project").body["projects"].empty()) << "nothing was created";
  EXPECT_TRUE(emu.running());
}

TEST(Limits, MalformedRequestsNeverCrashTheServer) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  const std::vector<std::string> junk = {
      std::string("\x00\x01\x02\xff\xfe garbage\r\n\r\n", 17),
      "GET /v1/project HTTP/1.1\r\nHost: x\r\nAuthoriz",  // headers cut short
      "GET\r\n\r\n",
      "GET /v1/project HTTP/9.9\r\n\r\n",
      "POST /v1/project HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
      "POST /v1/project HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"pro",  // body cut
      "POST /v1/project HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "POST /v1/project HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "GET /v1/project/%ZZ%00/service HTTP/1.1\r\nHost: x\r\nAuthorization: aivenv1 " +
          std::string(kToken) + "\r\n\r\n",
      "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /v1/project HTTP/1.1\r\n" + std::string(9000, 'X') + ": y\r\n\r\n",
      "\r\n\r\n\r\n",
  };
  for (const auto& request : junk) {
    RawConnection c(emu.port());
    ASSERT_TRUE(c.connected());
    c.Send(request);
    c.ShutdownWrite();  // the server sees EOF instead of waiting for the rest
    const std::string answer = c.ReadResponse();  // whatever comes back, if anything
    const int status = StatusOf(answer);
    EXPECT_TRUE(status == 0 || status >= 400) << request.substr(0, 60) << " -> " << answer;
  }
  // Still alive and answering.
  TestApi api(emu.base_url(), kToken);
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  EXPECT_TRUE(emu.running());
  // Malformed JSON bodies get the JSON 400, not a crash.
  ApiResponse bad = api.Send("POST", "/v1/project", std::string("{\"project\": "));
  EXPECT_EQ(bad.status, 400) << bad.Describe();
  ApiResponse binary = api.Send("POST", "/v1/project", std::string("\xff\xfe\x00", 3));
  EXPECT_EQ(binary.status, 400) << binary.Describe();
  EXPECT_EQ(api.Get("/v1/project").status, 200);
}

TEST(Limits, InvalidUtf8InThePathGetsAJsonError) {
  TempDir dir("request-log-");
  const std::string log = dir.File("log.jsonl");
  EmulatorProcess emu({.args = {"--token", kToken, "--build-seconds", "0", "--request-log", log}});
  ROBUST_START(emu);
  TestApi api(emu.base_url(), kToken);
  CreateProject(api, "p1");
  CreateKafka(api, "p1", "k1");
  for (const std::string path :
       {"/v1/%ff%fe", "/v1/project/%C3%28", "/v1/project/p1/service/k1/topic/%ff"}) {
    ApiResponse r = api.Get(path);
    EXPECT_EQ(r.status, 404) << path << " " << r.Describe();
    EXPECT_TRUE(r.body.is_object()) << path << " " << r.raw;
  }
  EXPECT_EQ(api.Get("/v1/project").status, 200);
  const auto lines = Lines(ReadFile(log));
  EXPECT_EQ(lines.size(), 6u);
  for (const auto& line : lines) EXPECT_FALSE(Json::parse(line, nullptr, false).is_discarded());
}

TEST(Serving, KeepAliveServesManyRequestsOnOneConnection) {
  EmulatorProcess emu({.args = {"--token", kToken}});
  ROBUST_START(emu);
  {
    TestApi api(emu.base_url(), kToken);
    CreateProject(api, "p1");
  }
  RawConnection c(emu.port());
  ASSERT_TRUE(c.connected());
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(c.Send(GetRequest(i % 2 ? "/v1/project/p1" : "/v1/project/nope")));
    const std::string response = c.ReadResponse();
    ASSERT_EQ(StatusOf(response), i % 2 ? 200 : 404) << i << ": " << response;
  }
  // (Pipelining, several requests sent before reading any answer, is not supported:
  // cpp-httplib 0.11 drops what it read ahead after each request.)
}

TEST(Serving, SixtyFourConcurrentConnections) {
  EmulatorProcess emu({.args = {"--token", kToken, "--latency-ms", "200"}});
  ROBUST_START(emu);
  constexpr int kConnections = 64;
  std::vector<std::unique_ptr<RawConnection>> conns;
  for (int i = 0; i < kConnections; ++i) {
    conns.push_back(std::make_unique<RawConnection>(emu.port()));
    ASSERT_TRUE(conns.back()->connected()) << i;
  }
  // All 64 requests are in flight at once; each takes 200 ms on the server, so only
  // concurrent handling answers them all in well under 64 * 200 ms.
  const auto start = Clock::now();
  for (auto& c : conns) ASSERT_TRUE(c->Send(GetRequest("/v1/project")));
  for (int i = 0; i < kConnections; ++i) {
    EXPECT_EQ(StatusOf(conns[i]->ReadResponse()), 200) << i;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_LT(seconds, 4.0) << "64 requests of 200 ms each were not served concurrently";
  // Each connection stays usable (keep-alive).
  for (auto& c : conns) ASSERT_TRUE(c->Send(GetRequest("/v1/project")));
  for (int i = 0; i < kConnections; ++i) EXPECT_EQ(StatusOf(conns[i]->ReadResponse()), 200) << i;
}

}  // namespace
}  // namespace aivenctl::testing::robust
