#pragma once
// Strict mode (--strict): every request body of an operation in the compiled-in subset
// of Aiven's OpenAPI description must match that operation's request schema, or the
// request gets a 400 naming the field. What real clients send beyond the description is
// let through only by an entry of the allowlist (strict_allowlist.cc), each with its
// reason; routes the description lacks are exempt, each with its reason.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http.h"
#include "request_check.h"
#include "router.h"

namespace aivenctl::emulator {

/// A field or value real clients send that the description does not allow.
struct Allowance {
  enum Kind {
    kNull,   ///< `field` may be JSON null ("tags[].value": array items written "[]")
    kExtra,  ///< `field` is an unknown top-level field that is accepted
    kOpen,   ///< the body is an open map: unknown top-level fields are accepted (field "*")
  };
  const char* operation_id;  ///< e.g. "ServiceCreate"
  const char* field;
  Kind kind;
  const char* reason;  ///< who sends it and why it is accepted (REFERENCE section)
};

/// A route the description has no operation for, so strict mode cannot check it.
struct ExemptRoute {
  const char* method;   ///< "POST", or "*" for any
  const char* pattern;  ///< the emulator's route pattern; "/_emulator/**" for control
  const char* reason;
};

/// The allowlist (strict_allowlist.cc).
const std::vector<Allowance>& StrictAllowances();
/// The exempt routes (strict_allowlist.cc).
const std::vector<ExemptRoute>& StrictExemptRoutes();

/// The compiled-in subset (emulator/data/aiven-openapi-subset.json), parsed once.
const Json& EmbeddedOpenApiSubsetDocument();

/// Request checks for one route table against one OpenAPI document. Read-only after
/// construction; thread-safe.
class StrictMode {
 public:
  /// Maps each of `routes` ("/v1/..." patterns) to the operation of `document` with the
  /// same method and path shape. `document` must outlive this object.
  StrictMode(const Json& document, const std::vector<Router::RouteInfo>& routes);

  /// The operationId behind a route, or "" when the description has none.
  std::string OperationId(const std::string& method, const std::string& pattern) const;
  /// True when the route is in StrictExemptRoutes().
  static bool Exempt(const std::string& method, const std::string& pattern);
  /// Routes neither mapped to an operation nor exempt, as "METHOD pattern" (should be none).
  std::vector<std::string> Unmapped() const { return unmapped_; }

  /// Checks a request's body (`present` false when the request had none: checked as {}).
  /// nullopt when it may be served; otherwise the 400 to answer, e.g.
  /// "Invalid input for service_name: expected string, got integer".
  std::optional<ApiError> Check(const std::string& method, const std::string& pattern,
                                const Json& body, bool present) const;

 private:
  struct Operation {
    std::string id;
    const Json* request_schema = nullptr;  ///< application/json schema, or none
  };
  const Json& document_;
  RequestChecker checker_;
  std::map<std::string, Operation> by_route_;  ///< "METHOD pattern" -> operation
  std::vector<std::string> unmapped_;
};

}  // namespace aivenctl::emulator
