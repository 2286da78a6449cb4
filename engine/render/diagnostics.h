#pragma once
// Diagnostics for people (compiler-style text with the source line and a caret) and for
// tools (JSON). Rendering decides nothing: it prints what the loader found.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace aivenctl::render {

/// File name -> file text, to show the source line under a diagnostic.
using SourceMap = std::map<std::string, std::string>;

/// Text styling.
struct TextStyle {
  bool color = false;  ///< ANSI colours (only on a terminal, never with NO_COLOR)
};

/// One diagnostic as
///   FILE:LINE:COL: error: MESSAGE
///    LINE | source line
///         |     ^
/// (no source lines when the position or the text is unknown). Ends with a newline.
std::string FormatDiagnostic(const core::Diagnostic& d, const SourceMap& sources,
                             const TextStyle& style);

/// All diagnostics in order, each formatted as above.
std::string FormatDiagnostics(const core::Diagnostics& ds, const SourceMap& sources,
                              const TextStyle& style);

/// {"file","line","column","severity":"error"|"warning","message"[,"address"]}.
nlohmann::json DiagnosticToJson(const core::Diagnostic& d);

/// "error" or "warning".
const char* SeverityName(core::Severity s);

/// "1 error", "2 warnings" ... (count and noun with plural).
std::string Plural(int n, const std::string& noun);

}  // namespace aivenctl::render
