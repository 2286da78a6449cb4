#pragma once
// Where to reach the API and with which token: flags, then environment, then defaults.
// Pure: the environment and the token file are reached through injected functions.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace aivenctl::api {

/// The official API host; clients append "/v1".
inline constexpr std::string_view kDefaultApiUrl = "https://api.aiven.io";

/// Looks up an environment variable (std::nullopt when unset).
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

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

/// Where the URL and token came from, for messages ("AIVEN_TOKEN", "--token-file F", ...).
struct ResolvedConnection {
  std::string base_url;  ///< without "/v1" and without a trailing slash
  std::string url_source;
  std::string token;  ///< "" when none was given (GET /v1/clouds still works)
  std::string token_source;
  std::vector<std::string> warnings;  ///< e.g. a token file readable by others
};

/// Base URL: --api-url, else AIVEN_WEB_URL, else kDefaultApiUrl. Token: AIVEN_TOKEN, else
/// AIVEN_AUTH_TOKEN, else --token-file (trimmed; warns when group/others can read it;
/// an unreadable or empty file is an error naming the file). Empty values count as unset.
core::Result<ResolvedConnection> ResolveConnection(const ConnectionFlags& flags,
                                                   const EnvLookup& env,
                                                   const TokenFileReader& read_file);

/// std::getenv.
EnvLookup ProcessEnv();
/// Reads the file with stat() for its mode.
TokenFileReader RealTokenFileReader();

}  // namespace aivenctl::api
