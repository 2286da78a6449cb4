#pragma once
// Checks a request body against an OpenAPI 3.0 request schema, the part of the language
// Aiven's description uses: $ref, type, nullable, enum, required, properties, items,
// additionalProperties, allOf, anyOf/oneOf. Lengths, bounds and formats are left to the
// route handlers (they answer with Aiven's own messages). Used by strict mode.

#include <functional>
#include <string>
#include <vector>

#include "http.h"

namespace aivenctl::emulator {

/// One thing wrong with a body.
struct BodyProblem {
  /// Where: "service_name", "maintenance.dow", "tags[2].key"; "" for the body itself.
  std::string field;
  /// What: "expected string, got integer", "missing required field", "unknown field",
  /// "\"x\" is not one of \"a\", \"b\"".
  std::string problem;
};

/// Exceptions granted by the caller (strict mode's allowlist). `field` is the problem's
/// field with array indices written "[]" ("tags[].key").
struct BodyAllowances {
  /// A JSON null is accepted at `field` although the schema does not allow it.
  std::function<bool(const std::string& field)> null_ok;
  /// An unknown top-level field is accepted.
  std::function<bool(const std::string& field)> extra_ok;
};

/// Checks bodies against schemas of one OpenAPI document. Read-only; thread-safe.
class RequestChecker {
 public:
  /// `document` (for "#/..." $refs) must outlive the checker.
  explicit RequestChecker(const Json& document) : document_(document) {}

  /// Problems of `body` against `schema`, in a stable order (fields sorted by name);
  /// empty when it conforms. Unknown fields are reported at the top level only, where
  /// the schema declares properties and no additionalProperties.
  std::vector<BodyProblem> Check(const Json& schema, const Json& body,
                                 const BodyAllowances& allow = {}) const;

 private:
  void Walk(const Json& schema, const Json& value, const std::string& field, int depth,
            const BodyAllowances& allow, std::vector<BodyProblem>& out) const;
  const Json* Resolve(const Json& schema) const;

  const Json& document_;
};

/// "tags[2].key" -> "tags[].key": the form BodyAllowances and allowlists use.
std::string GenericField(const std::string& field);

}  // namespace aivenctl::emulator
