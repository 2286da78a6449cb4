#pragma once
// The committed subset of Aiven's OpenAPI description
// (emulator/data/aiven-openapi-subset.json, made by scripts/gen-openapi-subset), loaded
// once per process, used to map concrete request paths to operations and to validate
// response bodies against the declared schemas. A missing or unreadable file is an
// error that tests report as a failure, never a skip.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "support/schema_validator.h"

namespace aivenctl::testing {

/// The operation a concrete request maps to.
struct OperationMatch {
  std::string operation_id;  ///< e.g. "ServiceGet"
  std::string method;        ///< upper case, e.g. "GET"
  std::string
      path_template;  ///< spec path, without /v1: "/project/{project}/service/{service_name}"
};

/// What ValidateResponse could check.
enum class CheckKind {
  kValidated,    ///< the body was validated against a schema; see errors
  kNoOperation,  ///< method + path is not a spec operation (/v2/..., /_emulator/...)
  kNoSchema,     ///< the operation declares no JSON schema for this status
};

/// The outcome of one response check.
struct ResponseCheck {
  CheckKind kind = CheckKind::kNoOperation;
  std::string operation_id;  ///< empty for kNoOperation
  /// Problems found, e.g. "ServiceGet 200: /service/state: expected string, got number".
  std::vector<std::string> errors;
  std::string note;              ///< why it was not checked (kNoOperation, kNoSchema)
  bool status_declared = false;  ///< the operation lists this status (or "NXX"/default)

  /// True when validated without errors.
  bool ok() const { return kind == CheckKind::kValidated && errors.empty(); }
};

/// A loaded OpenAPI description. Immutable after Load; safe to share between threads.
class OpenApiSpec {
 public:
  /// Parses the file at `path`; NotFound when it does not exist, InvalidArgument when it
  /// is not an OpenAPI document.
  static core::Result<std::unique_ptr<OpenApiSpec>> Load(const std::string& path);

  /// SourceDir() + "/emulator/data/aiven-openapi-subset.json".
  static std::string DefaultPath();

  /// The process-wide instance loaded from DefaultPath() on first use (thread-safe);
  /// the error explains why it is unavailable. Never reloads.
  static core::Result<const OpenApiSpec*> Shared();

  OpenApiSpec(const OpenApiSpec&) = delete;
  OpenApiSpec& operator=(const OpenApiSpec&) = delete;

  /// Number of path templates in the description.
  std::size_t path_count() const { return templates_.size(); }

  /// The whole document.
  const nlohmann::json& document() const { return document_; }

  /// The operation for `method` (any case) and a concrete request path such as
  /// "/v1/project/p1/service/pg?include_secrets=true"; nullopt when there is none. The
  /// path must start with /v1 (the servers url); literal segments win over parameters.
  std::optional<OperationMatch> FindOperation(std::string_view method,
                                              std::string_view concrete_path) const;

  /// Checks `body` against the response schema for `status` (exact code, then "2XX"-style,
  /// then "default"). Error texts start with "<operationId> <status>: ". JSON null is
  /// accepted only where KnownNullFields() says so.
  ResponseCheck ValidateResponse(std::string_view method, std::string_view concrete_path,
                                 int status, const nlohmann::json& body) const;

  /// The raw schema validator over this document (with the null allowlist).
  const SchemaValidator& validator() const { return validator_; }

 private:
  struct Template {
    std::string path;
    std::vector<std::string> segments;  // "{...}" = parameter
  };
  explicit OpenApiSpec(nlohmann::json document);
  /// Templates matching the path, most specific first.
  std::vector<const Template*> MatchTemplates(std::string_view concrete_path) const;

  nlohmann::json document_;
  std::vector<Template> templates_;
  SchemaValidator validator_;
};

}  // namespace aivenctl::testing
