#pragma once
// The places where Aiven's real API returns JSON null although its OpenAPI description
// marks nothing nullable (REFERENCE.md §1 "Spec quirks", §5.4, §5.8). Null is accepted
// there and nowhere else: each entry names the schemas and the field, with the reason.

#include <string_view>
#include <vector>

namespace aivenctl::testing {

/// One place where null is accepted in responses.
struct NullAllowance {
  std::string_view schema_prefix;  ///< top-level schema names starting with this
  std::string_view path_suffix;    ///< end of the instance path, array items as "[]"
  std::string_view reason;         ///< why (REFERENCE.md section)
};

/// The allowlist, in a stable order.
const std::vector<NullAllowance>& KnownNullFields();

/// True when some entry matches: `schema_name` starts with its prefix and
/// `path_pattern` ends with its suffix (suffixes start with '/', so whole segments match).
bool IsKnownNullField(std::string_view schema_name, std::string_view path_pattern);

}  // namespace aivenctl::testing
