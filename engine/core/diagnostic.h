#pragma once
// A problem found in user input, with its place (ARCHITECTURE principle 5).

#include <string>
#include <vector>

namespace aivenctl::core {

enum class Severity { kError, kWarning };

/// A position in a source file; line and column are 1-based, 0 means "unknown".
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
  auto operator<=>(const SourcePos&) const = default;
};

/// One problem: where, how bad, what, and (optionally) the address it concerns.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;
  std::string address;  ///< resource address when the problem is about one, else empty
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
inline bool HasErrors(const Diagnostics& ds) {
  for (const auto& d : ds) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace aivenctl::core
