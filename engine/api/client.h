#pragma once
// The API client: transport + retry policy + shared rate budget + logging + stats.
// The typed endpoints (api.h) build HttpRequests and call Client::Send.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "api/errors.h"
#include "api/rate_budget.h"
#include "api/retry_policy.h"
#include "api/transport.h"
#include "core/clock.h"
#include "core/status.h"

namespace aivenctl::api {

/// Per-call context from the typed layer.
struct RequestContext {
  std::string address;  ///< core::Address text of the resource, for errors ("" if none)
  /// A repeat is harmless. Unset: true for every method except POST. Set true on a create
  /// whose repeat answers 409 "already exists" to have it retried (see Outcome).
  std::optional<bool> idempotent;
  /// A read confirming our own create (see Attempt::confirms_create).
  bool confirms_create = false;
  std::string endpoint;  ///< stats key; "" means EndpointTemplate(path)
  std::stop_token stop;  ///< cancels waits and the transfer in flight
};

/// What a call produced.
struct ApiResult {
  Outcome outcome = Outcome::kFailed;
  std::optional<HttpResponse> response;  ///< the last HTTP answer, if any
  std::optional<ApiError> error;         ///< set whenever outcome != kSuccess
  int attempts = 0;

  bool ok() const { return outcome == Outcome::kSuccess; }
  /// Ok, or the error's Status (kAlreadyExistsAfterRetry reads as kAlreadyExists).
  core::Status status() const;
};

/// Requests and time for one endpoint template.
struct EndpointStats {
  std::string endpoint;  ///< "GET /v1/project/{project}/service"
  int64_t requests = 0;  ///< HTTP exchanges, retries included
  int64_t retries = 0;
  int64_t failures = 0;               ///< calls that did not end in success
  std::chrono::milliseconds time{0};  ///< summed transfer time
};

/// A snapshot for --stats, sorted by endpoint.
struct Stats {
  std::vector<EndpointStats> endpoints;
  int64_t requests = 0;
  std::chrono::milliseconds time{0};
};

/// Client settings.
struct ClientOptions {
  RetryOptions retry;
  uint64_t jitter_seed = 0;  ///< 0 = seeded from std::random_device
};

/// Sends requests with retries under the shared budget. Thread-safe; the transport,
/// clock and budget must outlive it.
class Client {
 public:
  Client(Transport& transport, core::Clock& clock, RateBudget& budget, ClientOptions options = {});

  /// Sends `request`, retrying per Decide(), waiting through `budget`. Never throws.
  ApiResult Send(const HttpRequest& request, const RequestContext& context = {});

  Stats GetStats() const;

  /// True once any request got an HTTP answer (whatever its status).
  bool answered() const { return answered_.load(); }
  /// While nothing has answered: the error of the first call that gave up without reaching
  /// the server (a refused or unresolvable connection, a TLS failure). nullopt otherwise.
  std::optional<ApiError> unreachable() const;

 private:
  double NextJitter();
  void Record(const std::string& endpoint, std::chrono::milliseconds elapsed, bool retry);
  void RecordFailure(const std::string& endpoint);

  Transport& transport_;
  core::Clock& clock_;
  RateBudget& budget_;
  const ClientOptions options_;
  std::mutex jitter_mu_;
  std::mt19937_64 jitter_rng_;
  mutable std::mutex stats_mu_;
  std::map<std::string, EndpointStats> stats_;
  std::atomic<bool> answered_{false};
  std::atomic<bool> known_unreachable_{false};  // unreachable_ is set
  mutable std::mutex unreachable_mu_;
  std::optional<ApiError> unreachable_;
};

/// "/v1/project/p1/service/pg/topic/t" -> "/v1/project/{project}/service/{service}/topic/{topic}".
std::string EndpointTemplate(std::string_view path);

}  // namespace aivenctl::api
