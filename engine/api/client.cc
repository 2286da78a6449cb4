#include "api/client.h"

#include <spdlog/spdlog.h>

#include <array>
#include <utility>

#include "api/redact.h"

namespace aivenctl::api {

namespace {

using std::chrono::milliseconds;

// A path segment after one of these is a name, replaced by the placeholder.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kCollections{{
    {"project", "{project}"},
    {"projects", "{project}"},
    {"service", "{service}"},
    {"topic", "{topic}"},
    {"user", "{user}"},
    {"db", "{database}"},
    {"integration", "{integration}"},
    {"integration_endpoint", "{endpoint}"},
    {"vpcs", "{vpc}"},
    {"organization", "{organization}"},
    {"connectors", "{connector}"},
}};

std::string_view Placeholder(std::string_view collection) {
  for (const auto& [name, placeholder] : kCollections) {
    if (name == collection) return placeholder;
  }
  return {};
}

}  // namespace

std::string EndpointTemplate(std::string_view path) {
  std::string out;
  std::string_view previous;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t slash = path.find('/', pos);
    std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    std::string_view segment = path.substr(pos, end - pos);
    std::string_view placeholder = Placeholder(previous);
    if (pos > 0) out += '/';
    out += !segment.empty() && !placeholder.empty() ? placeholder : segment;
    previous = placeholder.empty() ? segment : std::string_view();
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
    if (pos == path.size()) out += '/';
  }
  return out;
}

core::Status ApiResult::status() const {
  if (ok()) return core::Status::Ok();
  if (error) return error->ToStatus();
  return core::Internal("API call failed without an error");
}

Client::Client(Transport& transport, core::Clock& clock, RateBudget& budget, ClientOptions options)
    : transport_(transport),
      clock_(clock),
      budget_(budget),
      options_(options),
      jitter_rng_(options.jitter_seed != 0 ? options.jitter_seed : std::random_device{}()) {
  // spdlog's registry is a function-local static of the shared library: create it here,
  // before the threads that share this client log, rather than in whichever logs first.
  (void)spdlog::default_logger_raw();
}

double Client::NextJitter() {
  std::lock_guard lock(jitter_mu_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(jitter_rng_);
}

void Client::Record(const std::string& endpoint, milliseconds elapsed, bool retry) {
  std::lock_guard lock(stats_mu_);
  EndpointStats& s = stats_[endpoint];
  s.endpoint = endpoint;
  ++s.requests;
  if (retry) ++s.retries;
  s.time += elapsed;
}

void Client::RecordFailure(const std::string& endpoint) {
  std::lock_guard lock(stats_mu_);
  ++stats_[endpoint].failures;
}

std::optional<ApiError> Client::unreachable() const {
  if (answered()) return std::nullopt;
  std::lock_guard lock(unreachable_mu_);
  return unreachable_;
}

Stats Client::GetStats() const {
  std::lock_guard lock(stats_mu_);
  Stats out;
  for (const auto& [key, s] : stats_) {
    out.endpoints.push_back(s);
    out.requests += s.requests;
    out.time += s.time;
  }
  return out;
}

ApiResult Client::Send(const HttpRequest& request, const RequestContext& context) {
  const bool idempotent = context.idempotent.value_or(request.method != "POST");
  const std::string endpoint =
      request.method + " " +
      (context.endpoint.empty() ? EndpointTemplate(request.path) : context.endpoint);
  const std::string logged_path = Redact(request.path);
  const core::SteadyTime start = clock_.Now();
  bool earlier_ambiguous = false;
  ApiResult result;

  auto cancelled = [&] {
    result.outcome = Outcome::kFailed;
    ApiError e = ErrorFromTransport(request, {TransportErrorKind::kCancelled, "cancelled", {}},
                                    context.address);
    e.attempts = result.attempts;
    e.outcome_unknown = earlier_ambiguous && request.method != "GET";
    result.error = std::move(e);
    RecordFailure(endpoint);
    return result;
  };

  for (int number = 1;; ++number) {
    if (!budget_.Acquire(context.stop)) return cancelled();
    const core::SteadyTime sent_at = clock_.Now();
    TransportResult sent = transport_.Send(request, context.stop);
    result.attempts = number;
    milliseconds elapsed = sent.ok() ? sent.response->elapsed : sent.error.elapsed;
    Record(endpoint, elapsed, number > 1);
    if (sent.ok()) {
      spdlog::trace("{} {} -> {} ({} ms)", request.method, logged_path, sent.response->status,
                    elapsed.count());
    } else {
      spdlog::trace("{} {} -> {} ({} ms)", request.method, logged_path,
                    TransportErrorKindName(sent.error.kind), elapsed.count());
    }

    Attempt attempt;
    attempt.method = request.method;
    attempt.path = request.path;
    attempt.idempotent = idempotent;
    attempt.number = number;
    attempt.response = sent.ok() ? &*sent.response : nullptr;
    attempt.transport_error = sent.error.kind;
    attempt.earlier_attempt_ambiguous = earlier_ambiguous;
    attempt.confirms_create = context.confirms_create;
    if (sent.ok()) answered_ = true;
    attempt.before_first_answer = !answered_.load();
    attempt.known_unreachable = known_unreachable_.load();
    attempt.elapsed = clock_.Now() - start;
    attempt.wall_now = clock_.WallNow();
    attempt.jitter = NextJitter();
    RetryDecision decision = Decide(attempt, options_.retry);

    if (sent.ok() && sent.response->status == 429) {
      budget_.OnRateLimited(sent_at, decision.server_named_delay
                                         ? decision.delay
                                         : Backoff(number, 1.0, options_.retry));
    } else if (sent.ok()) {
      budget_.OnSuccess();
    }

    if (!decision.retry) {
      result.outcome = decision.outcome;
      if (decision.outcome != Outcome::kSuccess) {
        ApiError e = sent.ok() ? ErrorFromResponse(request, *sent.response, context.address)
                               : ErrorFromTransport(request, sent.error, context.address);
        e.attempts = number;
        e.outcome_unknown = decision.outcome == Outcome::kOutcomeUnknown;
        if (decision.outcome == Outcome::kAlreadyExistsAfterRetry) {
          e.code = core::Code::kAlreadyExists;
        }
        spdlog::debug("{}", e.ToString());
        const bool never_reached = !sent.ok() && (sent.error.kind == TransportErrorKind::kConnect ||
                                                  sent.error.kind == TransportErrorKind::kTls);
        if (never_reached && !answered_.load()) {
          std::lock_guard lock(unreachable_mu_);
          if (!unreachable_) unreachable_ = e;
          known_unreachable_ = true;
        }
        result.error = std::move(e);
        RecordFailure(endpoint);
      }
      if (sent.ok()) result.response = std::move(sent.response);
      return result;
    }
    earlier_ambiguous = earlier_ambiguous || IsAmbiguous(attempt);
    spdlog::debug("{} {}: retry {} in {} ms ({})", request.method, logged_path, number,
                  std::chrono::duration_cast<milliseconds>(decision.delay).count(),
                  decision.reason);
    if (!clock_.SleepUntil(clock_.Now() + decision.delay, context.stop)) return cancelled();
  }
}

}  // namespace aivenctl::api
