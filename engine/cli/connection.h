#pragma once
// The API connection every online command uses: URL and token resolution, the curl
// transport, the real clock, the shared rate budget, the client and the typed Api, built
// from the global options and the environment. Commands open one and call Finish() at
// the end (which prints --stats).

#include <memory>

#include "api/api.h"
#include "api/clock.h"
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
  /// Resolves URL and token (flags, then environment), prints any warning (a token file
  /// readable by others) to io.err, and builds the stack. Errors name the flag or
  /// variable at fault; a missing token with kRequired says how to give one.
  static core::Result<std::unique_ptr<Connection>> Open(const GlobalOptions& options, Io& io,
                                                        TokenNeed need);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// The typed operations.
  api::Api& api() { return *api_; }
  /// The client (stats).
  api::Client& client() { return *client_; }
  /// Where the URL and token came from.
  const api::ResolvedConnection& resolved() const { return resolved_; }
  /// Prints the request statistics to io.err when --stats was given.
  void Finish(Io& io) const;

 private:
  Connection() = default;

  bool stats_ = false;
  api::ResolvedConnection resolved_;
  std::unique_ptr<api::CurlTransport> transport_;
  std::unique_ptr<api::RateBudget> budget_;
  std::unique_ptr<api::Client> client_;
  std::unique_ptr<api::Api> api_;
};

}  // namespace aivenctl::cli
