#pragma once
// Percent-encoding (RFC 3986) for the pieces of a URL: API path segments, the user,
// password and database of a connection URI.

#include <string>

namespace aivenctl::core {

/// `text` with every byte but the unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX
/// (upper-case hex): "p@ss w" -> "p%40ss%20w".
std::string PercentEncode(const std::string& text);

}  // namespace aivenctl::core
