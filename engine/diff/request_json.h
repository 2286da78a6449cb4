#pragma once
// Typed requests <-> their JSON in a changeset (format 2, schemas/changeset.schema.json):
//   create:             {"create": <API body>}
//   project update:     {"tags": {...}}
//   service update:     {"update"?: <PUT body, changed keys>, "tags"?: {...}} | {"wait": true}
//   service delete:     {"unprotect"?: true, "wait_only"?: true}
//   user update:        {"access_control": {...}}
//   topic update:       {"update": <PUT body>}
//   integration update: {"id": "...", "update": {"user_config": {...}}}
//   integration delete: {"id": "..."}
//   endpoint update:    {"id": "...", "update": {"user_config": {...}}}
//   endpoint delete:    {"id": "..."}
//   other deletes:      {}
// The API bodies are the ones the runner sends (Body()).

#include <string>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "core/status.h"
#include "diff/requests.h"

namespace aivenctl::diff {

/// The request as stored in a changeset (NoRequest: {}).
nlohmann::json RequestToJson(const Request& request);

/// Reads the request of an operation that does `action` to a resource of `kind`. Unknown,
/// missing and ill-typed keys are errors naming their JSON path below `path`.
core::Result<Request> RequestFromJson(core::Kind kind, Action action, const nlohmann::json& j,
                                      const std::string& path);

/// The API bodies the runner sends, as a changeset stores them under "create" / "update".
nlohmann::json Body(const ProjectCreate& r);
nlohmann::json Body(const ServiceCreate& r);
nlohmann::json Body(const ServiceChanges& r);
nlohmann::json Body(const DatabaseCreate& r);
nlohmann::json Body(const ClickhouseDatabaseCreate& r);
nlohmann::json Body(const PoolCreate& r);
nlohmann::json Body(const PoolUpdate& r);
nlohmann::json Body(const UserCreate& r);
nlohmann::json Body(const TopicCreate& r);
nlohmann::json Body(const TopicChanges& r);
nlohmann::json Body(const SchemaCreate& r);  ///< {"schema", "schemaType"} to register
nlohmann::json Body(const IntegrationCreate& r);
nlohmann::json Body(const EndpointCreate& r);
/// The flat API body of a connector: {"name", "connector.class", config keys...} (without
/// secrets: the runner adds those read from the environment).
nlohmann::json Body(const ConnectorCreate& r);
nlohmann::json Body(const ConnectorUpdate& r, const std::string& name);

}  // namespace aivenctl::diff
