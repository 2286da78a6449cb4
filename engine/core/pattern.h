#pragma once
// JSON Schema `pattern`s as Aiven's schemas write them, made fit for std::regex.

#include <string>
#include <string_view>

namespace aivenctl::core {

/// `pattern` rewritten for std::regex's ECMAScript grammar, meaning the same: a leading
/// `(?i)` (Python's case-insensitive flag, which std::regex does not parse) becomes both
/// cases of every letter, and octal escapes (`\040`) become hex escapes (`\x20`). Anything
/// else is kept as written.
std::string PortablePattern(std::string_view pattern);

}  // namespace aivenctl::core
