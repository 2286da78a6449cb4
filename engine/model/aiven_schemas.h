#pragma once
// Aiven's own user_config schemas, compiled in from schemas/aiven/user_config.json
// (go-api-schemas of 2026-08-20, Apache-2.0, see schemas/aiven/NOTICE): the engine's
// offline table of current service types, retired ones, and the schemas of every service
// type, integration type, endpoint type and of a Kafka topic's config. The live catalog
// wins when a run can read one.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::model {

/// The date of Aiven's data in the table ("2026-08-20").
const std::string& AivenSchemasDate();

/// True for a service type in Aiven's current list.
bool IsCurrentServiceType(const std::string& type);

/// Aiven's current service types, sorted.
std::vector<std::string> CurrentServiceTypes();

/// For a retired service type, the type Aiven names as its successor ("" when none);
/// nullopt for a type that is not retired.
std::optional<std::string> EndOfLifeSuccessor(const std::string& type);

/// The user_config schema of a service type, integration type or endpoint type, or
/// nullptr when the table does not have it.
const nlohmann::json* OfflineServiceSchema(const std::string& type);
const nlohmann::json* OfflineIntegrationSchema(const std::string& type);
const nlohmann::json* OfflineEndpointSchema(const std::string& type);

/// Aiven's integration endpoint types, sorted.
std::vector<std::string> EndpointTypes();

/// The schema of a Kafka topic's `config` (closed: unknown keys are refused).
const nlohmann::json& TopicConfigSchema();

/// Paths ("user_config.admin_password", "user_config.migration.password",
/// "user_config.secret_providers[0].vault.token") of every member of `value` whose schema
/// carries `mark` (`_secure` or `create_only`), through objects and arrays.
std::vector<std::string> MarkedPaths(const nlohmann::json& schema, const nlohmann::json& value,
                                     const std::string& root, const char* mark);

}  // namespace aivenctl::model
