#pragma once
// TestApi: a small HTTP client for tests against aiven-emulator that checks every
// answer it receives: bodies of spec operations against the OpenAPI response schema,
// and the shape of every error body (>= 400). Mismatches are reported with
// ADD_FAILURE, so a test fails without having to assert on each call.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
class Client;
}

namespace aivenctl::testing {

class OpenApiSpec;

/// One HTTP exchange as a test sees it.
struct ApiResponse {
  int status = 0;                              ///< HTTP status; 0 when there was no answer
  nlohmann::json body;                         ///< parsed JSON; null when empty or not JSON
  std::string raw;                             ///< body as received
  std::map<std::string, std::string> headers;  ///< response headers, names in lower case
  std::string transport_error;                 ///< why there was no answer ("" otherwise)

  /// True when the connection failed or dropped before an answer arrived.
  bool transport_failed() const { return !transport_error.empty(); }
  /// True for 2xx.
  bool ok() const { return status >= 200 && status < 300; }
  /// "HTTP 404 {...}" or "transport error: ...", for assertion messages.
  std::string Describe() const;
};

/// Per-call switches.
struct CallOptions {
  /// Check the answer (schema + error shape); off for deliberately malformed requests.
  bool validate = true;
  /// Extra request headers (override Authorization here to test auth).
  std::map<std::string, std::string> headers;
};

/// Problems with an error body: it must be an object with a string "message" and a
/// non-empty "errors" array whose items have a string "message" and an integer "status"
/// equal to `http_status`. Empty when the body is fine.
std::vector<std::string> CheckErrorBody(int http_status, const nlohmann::json& body);

/// HTTP client bound to one base URL (keep-alive). Use one instance per thread.
/// Every answer is checked unless CallOptions::validate is false: non-JSON bodies,
/// malformed error bodies (see CheckErrorBody), bodies of spec operations that do not
/// match the response schema, and 2xx statuses the operation does not declare each add
/// a non-fatal failure naming the operationId, method, path and problems.
class TestApi {
 public:
  /// `base_url` like "http://127.0.0.1:PORT"; `token` is sent as "aivenv1 TOKEN" when
  /// non-empty. Validates with OpenApiSpec::Shared(); a non-fatal failure when that
  /// cannot be loaded.
  explicit TestApi(std::string base_url, std::string token = "");
  ~TestApi();
  TestApi(const TestApi&) = delete;
  TestApi& operator=(const TestApi&) = delete;

  /// Token for later calls ("" sends no Authorization header).
  void set_token(std::string token) { token_ = std::move(token); }
  /// Validates against `spec` instead (nullptr: no schema validation, error shape only).
  void set_spec(const OpenApiSpec* spec) { spec_ = spec; }
  /// The description used for validation, or nullptr.
  const OpenApiSpec* spec() const { return spec_; }

  /// GET `path` (with query, e.g. "/v1/project/p1/service/pg?include_secrets=true").
  ApiResponse Get(const std::string& path, const CallOptions& options = {});
  /// DELETE `path`; a non-null `body` is sent as JSON.
  ApiResponse Delete(const std::string& path, const nlohmann::json& body = nullptr,
                     const CallOptions& options = {});
  /// POST; a null `body` sends no body.
  ApiResponse Post(const std::string& path, const nlohmann::json& body = nullptr,
                   const CallOptions& options = {});
  /// PUT; a null `body` sends no body.
  ApiResponse Put(const std::string& path, const nlohmann::json& body = nullptr,
                  const CallOptions& options = {});
  /// PATCH; a null `body` sends no body.
  ApiResponse Patch(const std::string& path, const nlohmann::json& body = nullptr,
                    const CallOptions& options = {});
  /// Any method with a raw body (e.g. malformed JSON) and content type.
  ApiResponse Send(std::string_view method, const std::string& path,
                   std::optional<std::string> raw_body,
                   const std::string& content_type = "application/json",
                   const CallOptions& options = {});

  /// Number of responses validated against a schema per operationId, in this process.
  /// (ctest runs each TEST in its own process; for a suite-wide tally set
  /// AIVENCTL_CONFORMANCE_LOG=FILE and each validation appends "<opId> <status> ok|mismatch".)
  static std::map<std::string, int> ValidatedCounts();
  /// ValidatedCounts()[operation_id], 0 when none.
  static int ValidatedCount(const std::string& operation_id);

 private:
  void Check(std::string_view method, const std::string& path, const ApiResponse& response);

  std::string base_url_;
  std::string token_;
  const OpenApiSpec* spec_ = nullptr;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace aivenctl::testing
