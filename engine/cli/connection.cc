#include "cli/connection.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "render/tables.h"

namespace aivenctl::cli {

Connection::~Connection() {
  if (!stats_ || !client_) return;
  api::Stats stats = client_->GetStats();
  std::vector<render::EndpointTiming> rows;
  for (const auto& e : stats.endpoints) {
    rows.push_back({e.endpoint, e.requests, e.retries, e.failures, e.time.count()});
  }
  io_.err << render::FormatStats(rows);
}

std::string Connection::FailureMessage(const std::string& what, const core::Status& failure) const {
  const std::optional<api::ApiError> unreachable = client_->unreachable();
  if (!unreachable) return what.empty() ? failure.message() : what + ":\n" + failure.message();
  const std::string url = resolved_.base_url + " (from " + resolved_.url_source + ")";
  const std::string attempts = unreachable->attempts > 1
                                   ? " after " + std::to_string(unreachable->attempts) + " attempts"
                                   : "";
  if (unreachable->transport_error == api::TransportErrorKind::kTls) {
    return "no TLS connection to the API at " + url + attempts + ": " + unreachable->message;
  }
  return "cannot connect to the API at " + url + attempts + ": " + unreachable->message +
         "\nhint: is the URL right and the server up? Set the URL with --api-url or "
         "AIVEN_API_URL.";
}

core::Result<std::unique_ptr<Connection>> Connection::Open(const GlobalOptions& options, Io& io,
                                                           TokenNeed need) {
  auto resolved =
      api::ResolveConnection({.api_url = options.api_url, .token_file = options.token_file}, io.env,
                             api::RealTokenFileReader());
  if (!resolved.ok()) return resolved.status();
  spdlog::debug("api url from {}", resolved->url_source);
  if (resolved->token.empty()) {
    spdlog::debug("no token (none of --token-file, AIVEN_TOKEN, AIVEN_AUTH_TOKEN is set)");
  } else {
    spdlog::debug("token from {}", resolved->token_source);
  }
  for (const auto& w : resolved->warnings) io.err << "aivenctl: warning: " << w << "\n";
  if (need == TokenNeed::kRequired && resolved->token.empty()) {
    return core::InvalidArgument(
        "no API token: set AIVEN_TOKEN (or AIVEN_AUTH_TOKEN), or pass --token-file FILE");
  }
  if (options.max_attempts < 1) return core::InvalidArgument("--max-attempts: must be at least 1");
  if (options.max_rps < 0) return core::InvalidArgument("--max-rps: must not be negative");
  if (options.ca_cert && ::access(options.ca_cert->c_str(), R_OK) != 0) {
    return core::InvalidArgument("--ca-cert " + *options.ca_cert + ": " + std::strerror(errno));
  }

  std::unique_ptr<Connection> c(new Connection(io));
  c->stats_ = options.stats;
  c->resolved_ = std::move(resolved).value();
  api::CurlOptions curl;
  curl.base_url = c->resolved_.base_url;
  curl.token = c->resolved_.token;
  curl.ca_cert = options.ca_cert.value_or("");
  curl.connect_timeout = options.connect_timeout;
  curl.request_timeout = options.request_timeout;
  c->transport_ = std::make_unique<api::CurlTransport>(std::move(curl));
  core::Clock& clock = core::RealClock::Instance();
  c->budget_ =
      std::make_unique<api::RateBudget>(clock, api::RateBudgetOptions{.max_rps = options.max_rps});
  api::ClientOptions client_options;
  client_options.retry.max_attempts = options.max_attempts;
  client_options.retry.max_elapsed = options.retry_max_time;
  c->client_ = std::make_unique<api::Client>(*c->transport_, clock, *c->budget_, client_options);
  c->api_ = std::make_unique<api::Api>(*c->client_);
  return c;
}

}  // namespace aivenctl::cli
