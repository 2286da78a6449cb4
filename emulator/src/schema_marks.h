#pragma once
// The two marks Aiven's user_config schemas carry beside JSON Schema: `_secure` (a secret
// the API never echoes) and `create_only` (accepted when the service is created, refused
// as a change afterwards).

#include <optional>
#include <string>

#include "http.h"

namespace aivenctl::emulator {

/// `value` with every member whose schema says `_secure: true` replaced by the redaction
/// marker (nested objects too). Members the schema does not describe are kept.
Json RedactSecure(const Json& schema, const Json& value);

/// The first create_only member whose value in `after` differs from `before` (absent
/// counts as a value), as Aiven words it: "Invalid 'user_config.admin_username': can only
/// be set when the service is created"; nullopt when none changes.
std::optional<std::string> CheckCreateOnly(const Json& schema, const Json& before,
                                           const Json& after, const std::string& root);

}  // namespace aivenctl::emulator
