#pragma once
// A small JSON-Schema subset validator with the messages Aiven's API gives for a bad
// `user_config` (Python jsonschema wording, prefixed with the failing field's path).

#include <optional>
#include <string>

#include "http.h"

namespace aivenctl::emulator {

/// Checks `value` against `schema` (keywords: type incl. type arrays, properties,
/// additionalProperties, required, items, enum, minimum, maximum, minLength, maxLength,
/// minItems, maxItems, pattern). `root` names the value in messages, e.g. "user_config". Object
/// members that are JSON null count as absent unless their schema allows "null".
/// Returns the first error, e.g. "Invalid 'user_config.pg': Additional properties are not
/// allowed ('max_conections' was unexpected)", or nullopt when the value is valid.
std::optional<std::string> CheckAgainstSchema(const Json& schema, const Json& value,
                                              const std::string& root);

/// Python repr of a JSON value as jsonschema prints it: 'text', 10, True, None, ['a', 'b'].
std::string PyRepr(const Json& value);

}  // namespace aivenctl::emulator
