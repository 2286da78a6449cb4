#pragma once
// SHA-256 (FIPS 180-4) for fingerprints and plan digests; no external dependency.

#include <string>
#include <string_view>

namespace aivenctl::diff {

/// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace aivenctl::diff
