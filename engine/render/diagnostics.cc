#include "render/diagnostics.h"

namespace aivenctl::render {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kGreen = "\033[1;32m";
constexpr const char* kReset = "\033[0m";

// The text of 1-based line `line`, without its line break; false when there is none.
bool SourceLine(const std::string& text, int line, std::string& out) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return false;
    ++start;
  }
  if (start > text.size()) return false;
  std::size_t end = text.find('\n', start);
  out = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

// Spaces (tabs kept) up to byte column `column` (1-based), counting UTF-8 characters once.
std::string CaretIndent(const std::string& line, int column) {
  std::string out;
  for (std::size_t i = 0; i + 1 < static_cast<std::size_t>(column) && i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    out += c == '\t' ? '\t' : ' ';
  }
  return out;
}

}  // namespace

const char* SeverityName(core::Severity s) {
  return s == core::Severity::kError ? "error" : "warning";
}

std::string Plural(int n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string FormatDiagnostic(const core::Diagnostic& d, const SourceMap& sources,
                             const TextStyle& style) {
  auto paint = [&](const char* code, const std::string& s) {
    return style.color ? std::string(code) + s + kReset : s;
  };
  std::string where = d.pos.file;
  if (d.pos.line > 0) where += ":" + std::to_string(d.pos.line);
  if (d.pos.line > 0 && d.pos.column > 0) where += ":" + std::to_string(d.pos.column);
  bool error = d.severity == core::Severity::kError;
  std::string out = paint(kBold, where + ":") + " " +
                    paint(error ? kRed : kMagenta, std::string(SeverityName(d.severity)) + ":") +
                    " " + d.message + "\n";
  auto it = sources.find(d.pos.file);
  std::string line;
  if (d.pos.line > 0 && it != sources.end() && SourceLine(it->second, d.pos.line, line)) {
    std::string number = std::to_string(d.pos.line);
    out += " " + number + " | " + line + "\n";
    if (d.pos.column > 0) {
      out += " " + std::string(number.size(), ' ') + " | " + CaretIndent(line, d.pos.column) +
             paint(kGreen, "^") + "\n";
    }
  }
  return out;
}

std::string FormatDiagnostics(const core::Diagnostics& ds, const SourceMap& sources,
                              const TextStyle& style) {
  std::string out;
  for (const auto& d : ds) out += FormatDiagnostic(d, sources, style);
  return out;
}

nlohmann::json DiagnosticToJson(const core::Diagnostic& d) {
  nlohmann::json j = {{"file", d.pos.file},
                      {"line", d.pos.line},
                      {"column", d.pos.column},
                      {"severity", SeverityName(d.severity)},
                      {"message", d.message}};
  if (!d.address.empty()) j["address"] = d.address;
  return j;
}

}  // namespace aivenctl::render
