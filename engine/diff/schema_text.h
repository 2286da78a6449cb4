#pragma once
// Comparing Schema Registry schemas as the registry would: AVRO and JSON schemas are JSON
// documents, so whitespace and key order are no change; PROTOBUF text is compared with runs
// of whitespace collapsed.

#include <string>

namespace aivenctl::diff {

/// The schema text in a canonical form for `type` (a JSON dump for AVRO and JSON when it
/// parses; otherwise the text with whitespace runs collapsed and trimmed).
std::string CanonicalSchema(const std::string& type, const std::string& text);

/// True when both schemas have the same type and canonical text.
bool SameSchema(const std::string& type_a, const std::string& text_a, const std::string& type_b,
                const std::string& text_b);

}  // namespace aivenctl::diff
