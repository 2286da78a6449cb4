#pragma once
// A failed API call as a value: what was asked, what Aiven answered, and the core::Code
// the rest of the engine branches on.

#include <optional>
#include <string>
#include <string_view>

#include "api/transport.h"
#include "core/status.h"

namespace aivenctl::api {

/// The parts of Aiven's error body {"message": ..., "errors": [{"error_code": ...}]}.
struct ErrorBody {
  std::string message;     ///< top-level message, else errors[0].message, else ""
  std::string error_code;  ///< errors[0].error_code, else ""
};

/// Parses an error body; a body that is not JSON (a proxy's HTML page) yields its first
/// 200 characters as the message. Never throws.
ErrorBody ParseErrorBody(std::string_view body);

/// True for Aiven's "already exists" conflict: 409 and the message says "already exists".
bool IsAlreadyExists(int http_status, std::string_view message);

/// Maps an HTTP error status (and message) to the engine's code: 404 kNotFound,
/// 409 "already exists" kAlreadyExists, 401/403 kPermissionDenied, 408/429/5xx
/// kUnavailable, 400/422 kInvalidArgument, other 409/412/417 kFailedPrecondition.
core::Code CodeForHttpStatus(int http_status, std::string_view message);

/// Maps a transport failure: kTimeout kDeadlineExceeded, kCancelled kCancelled, else
/// kUnavailable.
core::Code CodeForTransportError(TransportErrorKind kind);

/// One failed request (after any retries). All text fields are redacted.
struct ApiError {
  core::Code code = core::Code::kInternal;
  int http_status = 0;  ///< 0 when no HTTP answer arrived (see transport_error)
  std::optional<TransportErrorKind> transport_error;
  std::string message;     ///< Aiven's message, or the transport's
  std::string error_code;  ///< Aiven's errors[0].error_code, or ""
  std::string method;      ///< "POST"
  std::string path;        ///< "/v1/project/p/service" (no query)
  std::string address;     ///< core::Address text of the resource, or ""
  int attempts = 1;        ///< requests sent, retries included
  /// A mutating request may or may not have been applied (transport error or 5xx):
  /// confirm by a read before acting on it.
  bool outcome_unknown = false;

  /// "POST /v1/project/p/service: 404 Service pg does not exist (service_not_found)
  /// [service:p/pg] after 3 attempts".
  std::string ToString() const;
  /// The code with ToString() as the message.
  core::Status ToStatus() const;
};

/// The ApiError for an HTTP answer with status >= 400.
ApiError ErrorFromResponse(const HttpRequest& request, const HttpResponse& response,
                           std::string address);

/// The ApiError for a request that got no HTTP answer.
ApiError ErrorFromTransport(const HttpRequest& request, const TransportError& error,
                            std::string address);

}  // namespace aivenctl::api
