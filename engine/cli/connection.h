#pragma once
// The API connection every online command uses: URL and token resolution, the curl
// transport, the real clock, the shared rate budget, the client and the typed Api, built
// from the global options and the environment. Closing it (its destructor) prints the
// --stats table, so every exit path of a command reports them.

#include <memory>

#include "api/api.h"
#include "api/config.h"
#include "api/rate_budget.h"
#include "api/transport.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "core/status.h"

namespace aivenctl::cli {

/// Whether a command needs a token (GET /v1/clouds does not).
enum class TokenNeed { kOptional, kRequired };

/// An open connection. Not copyable; the members refer to each other.
class Connection {
 public:
  /// Resolves URL and token (api::ResolveConnection: flag, then environment, then
  /// default), logs at debug level where each came from (never the token), prints any
  /// warning (a token file readable by others) to io.err, and builds the stack. Errors name
  /// the flag or variable at fault; a missing token with kRequired says how to give one.
  /// `io` must outlive the connection.
  static core::Result<std::unique_ptr<Connection>> Open(const GlobalOptions& options, Io& io,
                                                        TokenNeed need);
  /// Prints the request statistics to io.err when --stats was given.
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// The typed operations.
  api::Api& api() { return *api_; }
  /// The rate budget every request goes through.
  api::RateBudget& budget() { return *budget_; }
  /// The client (stats).
  api::Client& client() { return *client_; }
  /// Where the URL and token came from.
  const api::ResolvedConnection& resolved() const { return resolved_; }
  /// What to print when `failure` ended a command: while nothing has answered and a call
  /// could not reach the server, one message naming the URL, where it came from and a hint
  /// (instead of the same refusal once per request); else "`what`:\n" + its message (its
  /// message alone when `what` is empty).
  std::string FailureMessage(const std::string& what, const core::Status& failure) const;

 private:
  explicit Connection(Io& io) : io_(io) {}

  Io& io_;
  bool stats_ = false;
  api::ResolvedConnection resolved_;
  std::unique_ptr<api::CurlTransport> transport_;
  std::unique_ptr<api::RateBudget> budget_;
  std::unique_ptr<api::Client> client_;
  std::unique_ptr<api::Api> api_;
};

}  // namespace aivenctl::cli
