#pragma once
// When to send a request again, and after how long: a pure function of what happened.
// Rules follow Aiven's go-client-codegen (REFERENCE §3) plus safety for non-idempotent
// requests; the caller supplies time and randomness, so every case is a table test.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "api/transport.h"
#include "core/clock.h"

namespace aivenctl::api {

/// Limits and backoff. Defaults: 6 retries like go-client-codegen, but with full jitter
/// over 1 s doubling to 15 s (mean total ~31 s instead of a fixed ~67 s, and no
/// synchronized retry waves), and a 2-minute cap on the whole call including 429 waits.
struct RetryOptions {
  int max_attempts = 7;                                       ///< first try included
  core::Duration base_delay = std::chrono::seconds(1);        ///< ceiling of the first backoff
  core::Duration max_delay = std::chrono::seconds(15);        ///< ceiling of any backoff
  core::Duration min_delay = std::chrono::milliseconds(100);  ///< floor of a jittered backoff
  core::Duration max_elapsed = std::chrono::minutes(2);       ///< no retry would end past this
  /// Until the first HTTP answer of a run, a connection that fails before sending (refused,
  /// unresolvable) is tried at most this often, `connect_delay_before_answer` apart: a
  /// wrong URL or a server that is down fails in seconds, not after the full backoff.
  /// After any answer the rules above apply (a server restarting mid-run is waited for).
  int connect_attempts_before_answer = 2;
  core::Duration connect_delay_before_answer = std::chrono::milliseconds(2500);
};

/// What the caller ultimately learns about a request.
enum class Outcome {
  kSuccess,                  ///< 2xx
  kFailed,                   ///< a definite error (see ApiError)
  kOutcomeUnknown,           ///< a mutating request may have been applied: read to confirm
  kAlreadyExistsAfterRetry,  ///< 409 "already exists" after our own ambiguous create:
                             ///< most likely our earlier attempt; confirm by a read
};

/// "success", "failed", "outcome unknown", "already exists after retry".
const char* OutcomeName(Outcome outcome);

/// One finished attempt, with everything Decide needs.
struct Attempt {
  std::string_view method;  ///< "GET", "POST", ...
  std::string_view path;    ///< "/v1/project/p/service/k/topic"
  /// The caller says a repeat is harmless (GET/PUT/DELETE, or a create whose repeat
  /// answers 409 "already exists"). When false, ambiguous failures are not retried.
  bool idempotent = true;
  int number = 1;                          ///< 1 for the first attempt
  const HttpResponse* response = nullptr;  ///< the answer, or null on a transport error
  TransportErrorKind transport_error = TransportErrorKind::kOther;  ///< when no response
  /// An earlier attempt of this request may have been applied (timeout, drop, 5xx).
  bool earlier_attempt_ambiguous = false;
  /// A read confirming our own create: 404 "Service X does not exist" is the API lagging
  /// behind that create (as on a POST below a new service), so it is retried.
  bool confirms_create = false;
  /// No request of this client has had an HTTP answer yet (see RetryOptions).
  bool before_first_answer = false;
  /// Another call already gave up connecting before any answer: no retry for this one.
  bool known_unreachable = false;
  core::Duration elapsed{};  ///< since the first attempt started
  core::WallTime wall_now;   ///< to interpret an HTTP-date Retry-After
  double jitter = 1.0;       ///< a uniform sample in [0, 1) from the caller's seeded source
};

/// What to do next.
struct RetryDecision {
  bool retry = false;
  core::Duration delay{};  ///< wait before the next attempt (when retry)
  /// The delay was named by the server (Retry-After, "try again in Ns"); on a 429 every
  /// caller should pause this long (the rate budget does that).
  bool server_named_delay = false;
  std::string reason;                  ///< "503 from server", "lagging 404 after create", ...
  Outcome outcome = Outcome::kFailed;  ///< meaningful when !retry
};

/// The retry rule for `attempt` under `options`. Pure; deterministic for a given jitter.
RetryDecision Decide(const Attempt& attempt, const RetryOptions& options = {});

/// True when the failure means the request may have been applied (timeout, lost
/// connection, 5xx other than Aiven's "retry later" 501).
bool IsAmbiguous(const Attempt& attempt);

/// Seconds from a Retry-After value: delta-seconds or an HTTP date relative to `now`.
std::optional<core::Duration> ParseRetryAfter(std::string_view value, core::WallTime now);

/// N from Aiven's 429 text "... Rate limit 120 exceeded - try again in 28s".
std::optional<core::Duration> ParseTryAgainIn(std::string_view message);

/// Full-jitter exponential backoff for retry number `retry` (1 = first retry):
/// max(min_delay, jitter * min(max_delay, base_delay * 2^(retry-1))).
core::Duration Backoff(int retry, double jitter, const RetryOptions& options);

}  // namespace aivenctl::api
