#pragma once
// HTTP as a side effect behind a narrow interface. CurlTransport is the only code in the
// project that includes curl.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace aivenctl::api {

/// One HTTP request relative to the base URL.
struct HttpRequest {
  std::string method = "GET";  ///< GET, POST, PUT, PATCH, DELETE
  std::string path;            ///< with the version prefix: "/v1/project/x/service"
  std::vector<std::pair<std::string, std::string>> query;  ///< appended URL-encoded
  std::string body;                                        ///< JSON text; empty means no body
  std::map<std::string, std::string> headers;              ///< extra headers (never logged)
};

/// An HTTP answer, whatever its status.
struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  ///< names lower-case; last value wins
  std::chrono::milliseconds elapsed{0};

  /// The header's value, or "" (name in lower case).
  std::string Header(const std::string& lower_name) const;
};

/// Why no HTTP answer arrived.
enum class TransportErrorKind {
  kConnect,         ///< never connected (refused, DNS): the request was not sent
  kTimeout,         ///< connect or request timeout: the request may have been applied
  kConnectionLost,  ///< reset, closed or empty reply: the request may have been applied
  kTls,             ///< certificate or handshake failure: never retried
  kCancelled,       ///< the caller's stop token fired
  kOther,           ///< anything else curl reports
};

/// "connect", "timeout", ...
const char* TransportErrorKindName(TransportErrorKind kind);

/// A failed exchange; `message` is already redacted.
struct TransportError {
  TransportErrorKind kind = TransportErrorKind::kOther;
  std::string message;
  std::chrono::milliseconds elapsed{0};
};

/// An HTTP response, or the TransportError explaining why there is none.
struct TransportResult {
  std::optional<HttpResponse> response;
  TransportError error;  ///< meaningful only when !ok()
  bool ok() const { return response.has_value(); }
};

/// Sends requests. Implementations must be safe to call from many threads at once.
class Transport {
 public:
  virtual ~Transport() = default;
  /// Sends one request, once (no retries). Errors are values, never exceptions.
  virtual TransportResult Send(const HttpRequest& request, std::stop_token stop) = 0;
};

/// Settings of CurlTransport. There is deliberately no option to skip TLS verification.
struct CurlOptions {
  std::string base_url = "https://api.aiven.io";  ///< scheme://host[:port], no "/v1"
  std::string token;    ///< sent as "Authorization: aivenv1 TOKEN" when non-empty
  std::string ca_cert;  ///< extra CA file (CURLOPT_CAINFO); system CA dir stays in use
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{60'000};
  std::string user_agent;  ///< empty means "aivenctl/<project version>"
};

/// libcurl transport. Connections are reused across requests and threads through a pool
/// of easy handles (each keeps its own live connections); DNS and TLS sessions are shared
/// by a locked share handle. A POST always opens a fresh connection, so libcurl never
/// re-sends it on its own. Redirects are never followed, so the Authorization header
/// never goes to another host. Thread-safe.
class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  TransportResult Send(const HttpRequest& request, std::stop_token stop) override;

  /// New connections opened so far (sum of CURLINFO_NUM_CONNECTS); a measure of reuse.
  int64_t connections_opened() const { return connections_opened_.load(); }
  /// "aivenctl/<version>".
  static std::string DefaultUserAgent();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<int64_t> connections_opened_{0};
};

}  // namespace aivenctl::api
