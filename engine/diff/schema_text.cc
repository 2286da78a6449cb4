#include "diff/schema_text.h"

#include <nlohmann/json.hpp>

namespace aivenctl::diff {
namespace {

std::string CollapseSpace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string CanonicalSchema(const std::string& type, const std::string& text) {
  if (type == "AVRO" || type == "JSON") {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) return doc.dump();  // objects dump with sorted keys
  }
  return CollapseSpace(text);
}

bool SameSchema(const std::string& type_a, const std::string& text_a, const std::string& type_b,
                const std::string& text_b) {
  return type_a == type_b && CanonicalSchema(type_a, text_a) == CanonicalSchema(type_b, text_b);
}

}  // namespace aivenctl::diff
