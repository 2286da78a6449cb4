#include "api/errors.h"

#include <nlohmann/json.hpp>

#include "api/redact.h"

namespace aivenctl::api {

ErrorBody ParseErrorBody(std::string_view body) {
  ErrorBody out;
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    std::string_view text = body.substr(0, 200);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
      text.remove_suffix(1);
    }
    out.message = std::string(text);
    return out;
  }
  if (auto it = doc.find("message"); it != doc.end() && it->is_string()) {
    out.message = it->get<std::string>();
  }
  if (auto it = doc.find("errors"); it != doc.end() && it->is_array() && !it->empty()) {
    const nlohmann::json& first = (*it)[0];
    if (first.is_object()) {
      if (auto c = first.find("error_code"); c != first.end() && c->is_string()) {
        out.error_code = c->get<std::string>();
      }
      if (out.message.empty()) {
        if (auto m = first.find("message"); m != first.end() && m->is_string()) {
          out.message = m->get<std::string>();
        }
      }
    }
  }
  return out;
}

bool IsAlreadyExists(int http_status, std::string_view message) {
  return http_status == 409 && message.find("already exists") != std::string_view::npos;
}

core::Code CodeForHttpStatus(int http_status, std::string_view message) {
  using core::Code;
  if (http_status < 400) return Code::kOk;
  switch (http_status) {
    case 400:
    case 422:
      return Code::kInvalidArgument;
    case 401:
    case 403:
      return Code::kPermissionDenied;
    case 404:
      return Code::kNotFound;
    case 408:
    case 429:
      return Code::kUnavailable;
    case 409:
      return IsAlreadyExists(http_status, message) ? Code::kAlreadyExists
                                                   : Code::kFailedPrecondition;
    default:
      break;
  }
  if (http_status >= 500) return Code::kUnavailable;
  return Code::kFailedPrecondition;
}

core::Code CodeForTransportError(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::kTimeout:
      return core::Code::kDeadlineExceeded;
    case TransportErrorKind::kCancelled:
      return core::Code::kCancelled;
    default:
      return core::Code::kUnavailable;
  }
}

std::string ApiError::ToString() const {
  std::string out = method + " " + path + ": ";
  if (http_status > 0) out += std::to_string(http_status) + " ";
  out += message.empty() ? "(no message)" : message;
  if (!error_code.empty()) out += " (" + error_code + ")";
  if (!address.empty()) out += " [" + address + "]";
  if (attempts > 1) out += " after " + std::to_string(attempts) + " attempts";
  if (outcome_unknown) out += "; the change may have been applied";
  return Redact(out);
}

core::Status ApiError::ToStatus() const { return core::Status(code, ToString()); }

ApiError ErrorFromResponse(const HttpRequest& request, const HttpResponse& response,
                           std::string address) {
  ErrorBody body = ParseErrorBody(response.body);
  ApiError e;
  e.http_status = response.status;
  e.code = CodeForHttpStatus(response.status, body.message);
  e.message = Redact(body.message);
  e.error_code = body.error_code;
  e.method = request.method;
  e.path = Redact(request.path);
  e.address = std::move(address);
  return e;
}

ApiError ErrorFromTransport(const HttpRequest& request, const TransportError& error,
                            std::string address) {
  ApiError e;
  e.code = CodeForTransportError(error.kind);
  e.transport_error = error.kind;
  e.message = Redact(error.message);
  e.method = request.method;
  e.path = Redact(request.path);
  e.address = std::move(address);
  return e;
}

}  // namespace aivenctl::api
