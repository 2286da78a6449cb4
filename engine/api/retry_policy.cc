#include "api/retry_policy.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <locale>
#include <regex>
#include <sstream>

#include "api/errors.h"

namespace aivenctl::api {

namespace {

bool IsMutating(std::string_view method) { return method != "GET" && method != "HEAD"; }

// Aiven answers 501 meaning "retry later" on Kafka topic and connector operations.
bool Is501RetryLaterPath(std::string_view path) {
  return path.find("/topic") != std::string_view::npos ||
         path.find("/connectors") != std::string_view::npos;
}

bool IsLaggingServiceNotFound(std::string_view message) {
  static const std::regex re(R"(Service \S+ does not exist)");
  return std::regex_search(message.begin(), message.end(), re);
}

bool IsLaggingUserNotFound(std::string_view message) {
  static const std::regex re(R"(User (avnadmin|root) with component main not found)");
  return std::regex_search(message.begin(), message.end(), re);
}

// Why a response could be retried ("" when it cannot); sets `named` from the server.
std::string RetryableResponse(const Attempt& a, const ErrorBody& body,
                              std::optional<core::Duration>& named) {
  const int s = a.response->status;
  if (s == 429 || s == 503) {
    named = ParseRetryAfter(a.response->Header("retry-after"), a.wall_now);
    if (!named && s == 429) named = ParseTryAgainIn(body.message);
  }
  if (s == 408) return "408 request timeout";
  if (s == 429) return "429 rate limited";
  if (s == 501) return Is501RetryLaterPath(a.path) ? "501 retry later" : "";
  if (s >= 500) return a.idempotent ? std::to_string(s) + " from server" : "";
  if (s == 417 && a.method == "DELETE") return "417 on DELETE";
  if (s == 404 && (a.method == "POST" || a.confirms_create) &&
      IsLaggingServiceNotFound(body.message)) {
    return "lagging 404 after create (service)";
  }
  if (s == 404 && IsLaggingUserNotFound(body.message)) return "lagging 404 after create (user)";
  return "";
}

RetryDecision Stop(Outcome outcome, std::string reason) {
  RetryDecision d;
  d.outcome = outcome;
  d.reason = std::move(reason);
  return d;
}

// A connection that failed before any request of the run was answered (see RetryOptions).
RetryDecision DecideUnanswered(const Attempt& a, const RetryOptions& options, Outcome failed) {
  const int limit = a.known_unreachable
                        ? 1
                        : std::min(options.max_attempts, options.connect_attempts_before_answer);
  if (a.number >= limit) {
    return Stop(failed, "gave up after " + std::to_string(a.number) +
                            " attempts: cannot connect, and nothing has answered yet");
  }
  if (a.elapsed + options.connect_delay_before_answer > options.max_elapsed) {
    return Stop(failed, "gave up: waiting would pass the time limit: cannot connect");
  }
  RetryDecision d;
  d.retry = true;
  d.delay = options.connect_delay_before_answer;
  d.reason = "connection failed before sending (nothing has answered yet)";
  d.outcome = failed;
  return d;
}

}  // namespace

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kOutcomeUnknown:
      return "outcome unknown";
    case Outcome::kAlreadyExistsAfterRetry:
      return "already exists after retry";
  }
  return "failed";
}

bool IsAmbiguous(const Attempt& a) {
  if (!a.response) {
    return a.transport_error == TransportErrorKind::kTimeout ||
           a.transport_error == TransportErrorKind::kConnectionLost ||
           a.transport_error == TransportErrorKind::kOther;
  }
  const int s = a.response->status;
  if (s == 501 && Is501RetryLaterPath(a.path)) return false;
  return s >= 500;
}

RetryDecision Decide(const Attempt& a, const RetryOptions& options) {
  if (a.response && a.response->status >= 200 && a.response->status < 300) {
    return Stop(Outcome::kSuccess, "");
  }
  const bool ambiguous = IsAmbiguous(a);
  const Outcome failed = IsMutating(a.method) && (ambiguous || a.earlier_attempt_ambiguous)
                             ? Outcome::kOutcomeUnknown
                             : Outcome::kFailed;
  std::optional<core::Duration> named;
  std::string reason;
  if (a.response) {
    ErrorBody body = ParseErrorBody(a.response->body);
    if (IsAlreadyExists(a.response->status, body.message) && a.earlier_attempt_ambiguous) {
      return Stop(Outcome::kAlreadyExistsAfterRetry,
                  "409 already exists after an ambiguous earlier attempt");
    }
    reason = RetryableResponse(a, body, named);
    if (reason.empty()) {
      return Stop(failed, a.response->status >= 500 && !a.idempotent
                              ? "not retried: the request is not idempotent"
                              : "not retryable");
    }
  } else {
    switch (a.transport_error) {
      case TransportErrorKind::kConnect:
        reason = "connection failed before sending";
        if (a.before_first_answer) return DecideUnanswered(a, options, failed);
        break;
      case TransportErrorKind::kTls:
      case TransportErrorKind::kCancelled:
        return Stop(failed, "not retryable");
      default:
        if (!a.idempotent) return Stop(failed, "not retried: the request is not idempotent");
        reason = std::string(TransportErrorKindName(a.transport_error));
        break;
    }
  }
  if (a.number >= options.max_attempts) {
    return Stop(failed, "gave up after " + std::to_string(a.number) + " attempts: " + reason);
  }
  RetryDecision d;
  d.server_named_delay = named.has_value();
  d.delay = named ? *named : Backoff(a.number, a.jitter, options);
  if (a.elapsed + d.delay > options.max_elapsed) {
    return Stop(failed, "gave up: waiting would pass the time limit: " + reason);
  }
  d.retry = true;
  d.reason = std::move(reason);
  d.outcome = failed;
  return d;
}

core::Duration Backoff(int retry, double jitter, const RetryOptions& options) {
  core::Duration ceiling = options.base_delay;
  for (int i = 1; i < retry && ceiling < options.max_delay; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, options.max_delay);
  jitter = std::clamp(jitter, 0.0, 1.0);
  auto jittered = std::chrono::duration_cast<core::Duration>(
      std::chrono::duration<double, core::Duration::period>(ceiling.count() * jitter));
  return std::max(options.min_delay, jittered);
}

std::optional<core::Duration> ParseRetryAfter(std::string_view value, core::WallTime now) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
    value.remove_prefix(1);
  }
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
    value.remove_suffix(1);
  }
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (value.size() > 9) return std::nullopt;
    return std::chrono::seconds(std::stol(std::string(value)));
  }
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
  std::tm tm{};
  std::istringstream in{std::string(value)};
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
  std::string zone;
  in >> zone;
  if (in.fail() || zone != "GMT") return std::nullopt;
  core::WallTime at = std::chrono::system_clock::from_time_t(timegm(&tm));
  return std::max(core::Duration::zero(), std::chrono::duration_cast<core::Duration>(at - now));
}

std::optional<core::Duration> ParseTryAgainIn(std::string_view message) {
  static const std::regex re(R"(try again in (\d{1,6})\s*s)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(message.begin(), message.end(), m, re)) return std::nullopt;
  return std::chrono::seconds(std::stol(m[1].str()));
}

}  // namespace aivenctl::api
