#include "cli/connection.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <utility>

#include "core/duration.h"
#include "render/tables.h"

namespace aivenctl::cli {
namespace {

core::Result<std::chrono::seconds> Duration(const char* flag, const std::string& text) {
  auto d = core::ParseDuration(text);
  if (!d.ok()) return core::InvalidArgument(std::string(flag) + ": " + d.status().message());
  if (d->count() <= 0) return core::InvalidArgument(std::string(flag) + ": must be positive");
  return *d;
}

}  // namespace

Connection::~Connection() = default;

core::Result<std::unique_ptr<Connection>> Connection::Open(const GlobalOptions& options, Io& io,
                                                           TokenNeed need) {
  const core::Environment& env = io.env;
  api::EnvLookup lookup = [&env](std::string_view name) { return env.Get(std::string(name)); };
  auto resolved =
      api::ResolveConnection({.api_url = options.api_url, .token_file = options.token_file}, lookup,
                             api::RealTokenFileReader());
  if (!resolved.ok()) return resolved.status();
  for (const auto& w : resolved->warnings) io.err << "aivenctl: warning: " << w << "\n";
  if (need == TokenNeed::kRequired && resolved->token.empty()) {
    return core::InvalidArgument(
        "no API token: set AIVEN_TOKEN (or AIVEN_AUTH_TOKEN), or pass --token-file FILE");
  }
  auto connect = Duration("--connect-timeout", options.connect_timeout);
  if (!connect.ok()) return connect.status();
  auto request = Duration("--request-timeout", options.request_timeout);
  if (!request.ok()) return request.status();
  auto retry_time = Duration("--retry-max-time", options.retry_max_time);
  if (!retry_time.ok()) return retry_time.status();
  if (options.max_attempts < 1) return core::InvalidArgument("--max-attempts: must be at least 1");
  if (options.max_rps < 0) return core::InvalidArgument("--max-rps: must not be negative");
  if (options.ca_cert && ::access(options.ca_cert->c_str(), R_OK) != 0) {
    return core::InvalidArgument("--ca-cert " + *options.ca_cert + ": " + std::strerror(errno));
  }

  std::unique_ptr<Connection> c(new Connection());
  c->stats_ = options.stats;
  c->resolved_ = std::move(resolved).value();
  api::CurlOptions curl;
  curl.base_url = c->resolved_.base_url;
  curl.token = c->resolved_.token;
  curl.ca_cert = options.ca_cert.value_or("");
  curl.connect_timeout = *connect;
  curl.request_timeout = *request;
  c->transport_ = std::make_unique<api::CurlTransport>(std::move(curl));
  api::Clock& clock = api::RealClock::Instance();
  c->budget_ =
      std::make_unique<api::RateBudget>(clock, api::RateBudgetOptions{.max_rps = options.max_rps});
  api::ClientOptions client_options;
  client_options.retry.max_attempts = options.max_attempts;
  client_options.retry.max_elapsed = *retry_time;
  c->client_ = std::make_unique<api::Client>(*c->transport_, clock, *c->budget_, client_options);
  c->api_ = std::make_unique<api::Api>(*c->client_);
  return c;
}

void Connection::Finish(Io& io) const {
  if (!stats_) return;
  api::Stats stats = client_->GetStats();
  std::vector<render::EndpointTiming> rows;
  for (const auto& e : stats.endpoints) {
    rows.push_back({e.endpoint, e.requests, e.retries, e.failures, e.time.count()});
  }
  io.err << render::FormatStats(rows);
}

}  // namespace aivenctl::cli
