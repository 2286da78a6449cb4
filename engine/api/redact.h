#pragma once
// Keeps secrets (the API token, passwords) out of every log line and error text.

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace aivenctl::api {

/// What a masked secret reads as.
inline constexpr std::string_view kRedacted = "<redacted>";

/// A set of known secret strings. Thread-safe.
class SecretSet {
 public:
  /// Remembers `secret` (ignored when shorter than 4 characters: too likely to be a word).
  void Add(std::string secret);
  /// `text` with every known secret, and anything after "aivenv1 " or "Bearer ", masked.
  std::string Redact(std::string_view text) const;

 private:
  mutable std::mutex mu_;
  std::vector<std::string> secrets_;  // longest first, so overlapping secrets mask fully
};

/// The process-wide set used by the api module's logging and errors.
SecretSet& Secrets();

/// Secrets().Redact(text): use on every message that could echo input.
std::string Redact(std::string_view text);

}  // namespace aivenctl::api
