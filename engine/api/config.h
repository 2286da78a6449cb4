#pragma once
// Where to reach the API and with which token: the one place that decides it, in the order
// flag, then environment, then default. Pure: the environment is a core::Environment and
// the token file is read through an injected function.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/env.h"
#include "core/status.h"

namespace aivenctl::api {

/// The official API host; clients append "/v1".
inline constexpr std::string_view kDefaultApiUrl = "https://api.aiven.io";

/// A token file as read: its text and permission bits, or why it could not be read.
struct TokenFile {
  std::string contents;
  unsigned mode = 0;  ///< st_mode & 0777
};
/// Reads a token file (text and mode); the Status names the problem.
using TokenFileReader = std::function<core::Result<TokenFile>(const std::string& path)>;

/// The flags that bear on the connection.
struct ConnectionFlags {
  std::optional<std::string> api_url;     ///< --api-url
  std::optional<std::string> token_file;  ///< --token-file
};

/// The URL and token, and where each came from (for messages and the debug log).
struct ResolvedConnection {
  std::string base_url;    ///< without "/v1" and without a trailing slash
  std::string url_source;  ///< "--api-url", "AIVEN_API_URL", "AIVEN_WEB_URL" or "default"
  std::string token;       ///< "" when none was given (GET /v1/clouds still works)
  /// "--token-file FILE", "AIVEN_TOKEN", "AIVEN_AUTH_TOKEN" or "none"; never the token.
  std::string token_source;
  std::vector<std::string> warnings;  ///< e.g. a token file readable by others
};

/// Base URL: --api-url, else AIVEN_API_URL, else AIVEN_WEB_URL (as avn and Terraform read
/// it), else kDefaultApiUrl. Token: --token-file (trimmed; warns when group/others can read
/// it; an unreadable or empty file is an error naming the file), else AIVEN_TOKEN, else
/// AIVEN_AUTH_TOKEN. Empty values count as unset.
core::Result<ResolvedConnection> ResolveConnection(const ConnectionFlags& flags,
                                                   const core::Environment& env,
                                                   const TokenFileReader& read_file);

/// Reads the file with stat() for its mode.
TokenFileReader RealTokenFileReader();

}  // namespace aivenctl::api
