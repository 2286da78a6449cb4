#pragma once
// A JSON validator for the OpenAPI 3.0 schema subset that Aiven's description uses.
//
// Supported keywords: $ref ("#/..." pointers into the document), type (object, array,
// string, integer, number, boolean), properties, required, items, enum, nullable,
// additionalProperties (true/false/schema), allOf/oneOf/anyOf, minimum/maximum (and the
// 3.0 boolean exclusiveMinimum/exclusiveMaximum), minLength/maxLength (code points),
// minItems/maxItems. Ignored: format, pattern (the spec has none), readOnly, default.
//
// Semantics worth knowing:
// - A JSON integer is a valid "number"; a JSON float (even 4.0) is not an "integer".
// - Properties not listed are accepted unless additionalProperties is false.
// - JSON null is accepted only when the schema says nullable: true, when its enum lists
//   the string "null" (an Aiven quirk meaning JSON null; the string "null" itself is
//   then rejected), or when the NullPolicy allows it for that place.
// - Sibling keywords of $ref are ignored, as OpenAPI 3.0 specifies.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::testing {

/// Says whether JSON null is acceptable where the schema forbids it. `schema_name` is
/// the name given to Validate; `path_pattern` is the instance path with array indices
/// written "[]" (e.g. "/services/[]/project_vpc_id").
using NullPolicy = std::function<bool(std::string_view schema_name, std::string_view path_pattern)>;

/// Validates JSON instances against schemas found in (or referring into) `document`.
/// Immutable after construction; safe to use from several threads.
class SchemaValidator {
 public:
  /// `document` resolves "#/..." $refs and must outlive the validator.
  explicit SchemaValidator(const nlohmann::json& document, NullPolicy null_policy = {});

  /// Every problem of `instance` against `schema`, each "<path>: <problem>" with a JSON
  /// pointer path ("/" for the root), object members in key order; empty when valid.
  std::vector<std::string> Validate(const nlohmann::json& schema, const nlohmann::json& instance,
                                    std::string_view schema_name = "") const;

  /// "object", "array", "string", "integer", "number", "boolean" or "null".
  static std::string JsonTypeName(const nlohmann::json& value);

 private:
  struct Place;
  void Check(const nlohmann::json& schema, const nlohmann::json& instance, const Place& place,
             int depth, std::vector<std::string>& errors) const;
  bool CheckType(const nlohmann::json& schema, const nlohmann::json& instance, const Place& place,
                 std::vector<std::string>& errors) const;
  void CheckObject(const nlohmann::json& schema, const nlohmann::json& instance, const Place& place,
                   int depth, std::vector<std::string>& errors) const;
  void CheckComposition(const nlohmann::json& schema, const nlohmann::json& instance,
                        const Place& place, int depth, std::vector<std::string>& errors) const;

  const nlohmann::json& document_;
  NullPolicy null_policy_;
};

}  // namespace aivenctl::testing
