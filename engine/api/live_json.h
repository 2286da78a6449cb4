#pragma once
// Aiven JSON -> the live model and the catalog. Tolerant: a missing or mistyped field
// yields the type's empty value, never an exception. Every secret is dropped here
// (user passwords, access keys and certificates, connection_info, service_uri(_params),
// secret-looking user_config keys), so nothing downstream can print one.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/catalog.h"
#include "model/live.h"

namespace aivenctl::api {

/// The string at `key` of `j`, or `fallback` when `j` is not an object or the value is
/// absent or not a string. The one tolerant string read of engine/api (live objects and
/// the request bodies the write calls name things from).
std::string StringOr(const nlohmann::json& j, const char* key, const std::string& fallback = "");

/// True for user_config keys that hold secrets ("admin_password", "private_key", ...).
bool IsSecretKey(const std::string& key);

/// `config` without secret keys, recursively (through objects and arrays).
nlohmann::json DropSecretKeys(const nlohmann::json& config);

/// {"k": "v"} -> Tags (non-string values are skipped; null or absent -> empty).
model::Tags TagsFromJson(const nlohmann::json& tags);

/// Topic tags [{key, value}] -> Tags.
model::Tags TopicTagsFromJson(const nlohmann::json& tags);

/// One `GET /v1/clouds` item.
model::Cloud CloudFromJson(const nlohmann::json& cloud);

/// The body of `GET /v1/clouds` -> clouds sorted by name.
std::vector<model::Cloud> CloudsFromJson(const nlohmann::json& body);

/// The body of `GET /v1/project` -> projects with the token's roles, sorted by name.
std::vector<model::ProjectInfo> ProjectsFromJson(const nlohmann::json& body);

/// A project object (`{project}` unwrapped) -> LiveProject without services.
model::LiveProject ProjectFromJson(const nlohmann::json& project);

/// A `service.users` item (password, access_cert and access_key dropped).
model::LiveUser UserFromJson(const nlohmann::json& user);

/// A database: a `service.databases` string or a `GET .../db` item.
model::LiveDatabase DatabaseFromJson(const nlohmann::json& database);

/// The body of `GET .../db` -> databases sorted by name.
std::vector<model::LiveDatabase> DatabasesFromJson(const nlohmann::json& body);

/// The body of `GET .../clickhouse/db` ({databases: [{name, state, ...}]}) -> databases
/// sorted by name, each with its state ("ok" when the answer has none).
std::vector<model::LiveDatabase> ClickhouseDatabasesFromJson(const nlohmann::json& body);

/// A `service.connection_pools` item (connection_uri, which holds a password, dropped).
model::LivePool PoolFromJson(const nlohmann::json& pool);

/// A topic list item (`partitions` an int; config from the list's config-like keys).
model::LiveTopic TopicFromListItem(const nlohmann::json& topic);

/// The topic of `GET .../topic/{t}` (`partitions` an array; config values unwrapped).
model::LiveTopic TopicFromGet(const nlohmann::json& topic);

/// The body of `GET .../topic` -> topics sorted by name.
std::vector<model::LiveTopic> TopicsFromJson(const nlohmann::json& body);

/// The body of the batch read `POST /v2/.../topic` ({topics: [<GET shape>]}) -> topics
/// sorted by name, each as TopicFromGet maps it (full config, partitions counted).
std::vector<model::LiveTopic> TopicsFromBatch(const nlohmann::json& body);

/// A service integration object (user_config secrets dropped).
/// One `acl` / `schema_registry_acl` item (`topic` or `resource` as the resource).
model::LiveAcl AclFromJson(const nlohmann::json& acl);

/// An `acl` array (items without a username or permission skipped), sorted by content.
std::vector<model::LiveAcl> AclsFromJson(const nlohmann::json& acls);
/// One connector of `GET .../connectors` ({name, config: {"connector.class", ...}}):
/// config values as strings, secret keys (model::IsSecretConnectorKey) dropped to names.
model::LiveConnector ConnectorFromJson(const nlohmann::json& connector);
/// `{"connectors": [...]}` -> connectors sorted by name.
std::vector<model::LiveConnector> ConnectorsFromJson(const nlohmann::json& body);
/// `{"plugins": [{"class", ...}]}` -> the classes, sorted and unique.
std::vector<std::string> ConnectorClassesFromJson(const nlohmann::json& body);
/// `{"status": {"state", "tasks": [{"id", "state", "trace"}]}}` -> tasks sorted by id.
model::ConnectorStatus ConnectorStatusFromJson(const nlohmann::json& body);

model::LiveIntegration IntegrationFromJson(const nlohmann::json& integration);
/// One `service_integration_endpoint` object (secret user_config keys dropped).
model::LiveEndpoint EndpointFromJson(const nlohmann::json& endpoint);
/// The `service_integration_endpoints` of a list answer, sorted by name then id.
std::vector<model::LiveEndpoint> EndpointsFromJson(const nlohmann::json& body);

/// A service object of project `project` -> LiveService with users, databases (when the
/// object has `databases` and is not ClickHouse; databases_read says so), PgBouncer pools,
/// integrations and tags, all sorted.
/// Topics are not in a service object (topics_read stays false).
model::LiveService ServiceFromJson(const std::string& project, const nlohmann::json& service);

/// A VPC object (create, get or list item).
model::LiveVpc VpcFromJson(const nlohmann::json& vpc);

/// The body of `GET /v1/project/{p}/vpcs` -> VPCs sorted by cloud, DELETED ones left out.
std::vector<model::LiveVpc> VpcsFromJson(const nlohmann::json& body);

/// The body of `GET /v1/service_types` -> service types by name.
std::map<std::string, model::ServiceType> ServiceTypesFromJson(const nlohmann::json& body);

/// The body of `GET /v1/project/{p}/integration_types` -> sorted by name.
std::vector<model::IntegrationType> IntegrationTypesFromJson(const nlohmann::json& body);

}  // namespace aivenctl::api
