#pragma once
// The typed request of an operation: one struct per resource kind and action, plus the
// variants that send nothing (ServiceWait, ServiceDelete::wait_only), closed in
// diff::Request. The planner fills them; the runner (exec/api_runner.cc) sends each with
// its own std::visit overload, so a request type without a runner case does not compile;
// request_json.h maps them to and from the changeset's JSON (format 2). Each struct names
// its kind and action (kKind, kAction). Where a value is an API document aivenctl passes
// through untouched (user_config, topic config, access_control) it stays JSON; every key the
// runner acts on is a field. Adding a resource kind: docs/RESOURCE_KINDS.md.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "diff/action.h"
#include "model/desired.h"

namespace aivenctl::diff {

/// No request: a default-constructed Operation. The runner refuses it; the planner and
/// FromJson never produce it.
struct NoRequest {
  bool operator==(const NoRequest&) const = default;
};

// --- Projects ------------------------------------------------------------------------------

/// `POST /v1/project`.
struct ProjectCreate {
  static constexpr core::Kind kKind = core::Kind::kProject;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                             ///< "project"
  std::optional<std::string> cloud;             ///< "cloud"
  std::optional<std::string> billing_group_id;  ///< "billing_group_id"
  std::optional<std::string> account_id;        ///< "account_id" (the plan's parent_id)
  model::Tags tags;                             ///< "tags", ownership included
  bool operator==(const ProjectCreate&) const = default;
};

/// `PUT /v1/project/{project}/tags`: the full tag map.
struct ProjectUpdate {
  static constexpr core::Kind kKind = core::Kind::kProject;
  static constexpr Action kAction = Action::kUpdate;
  model::Tags tags;  ///< "tags"
  bool operator==(const ProjectUpdate&) const = default;
};

/// `DELETE /v1/project/{project}`.
struct ProjectDelete {
  static constexpr core::Kind kKind = core::Kind::kProject;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const ProjectDelete&) const = default;
};

// --- Services ------------------------------------------------------------------------------

/// `POST /v1/project/{project}/service`.
struct ServiceCreate {
  static constexpr core::Kind kKind = core::Kind::kService;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                               ///< "service_name"
  std::string type;                               ///< "service_type"
  std::string plan;                               ///< "plan"
  std::optional<std::string> cloud;               ///< "cloud"
  std::optional<nlohmann::json> user_config;      ///< "user_config" (an object, no secrets)
  std::optional<model::Maintenance> maintenance;  ///< "maintenance" {dow, time}
  std::optional<bool> termination_protection;     ///< "termination_protection"
  std::optional<long long> disk_space_mb;         ///< "disk_space_mb"
  model::Tags tags;                               ///< "tags", ownership included
  /// "project_vpc": the cloud of the project VPC to place it in, resolved to the VPC's id
  /// at apply (the VPC may be created by the same run). Unset: the runner sends
  /// `"project_vpc_id": null`, so the service never lands in a VPC by default.
  std::optional<std::string> vpc_cloud;

  /// True when user_config forks another service or restores to a point in time
  /// (service_to_fork_from, project_to_fork_from or recovery_target_time set).
  bool ForksOrRestores() const;
  bool operator==(const ServiceCreate&) const = default;
};

/// The changed keys of a service, as `PUT /v1/project/{project}/service/{service}` takes them.
struct ServiceChanges {
  std::optional<std::string> plan;                ///< "plan"
  std::optional<std::string> cloud;               ///< "cloud"
  std::optional<nlohmann::json> user_config;      ///< "user_config": changed top-level keys
  std::optional<bool> termination_protection;     ///< "termination_protection"
  std::optional<model::Maintenance> maintenance;  ///< "maintenance" {dow, time}
  std::optional<long long> disk_space_mb;         ///< "disk_space_mb"
  std::optional<bool> powered;                    ///< "powered"
  /// "project_vpc": the cloud of the VPC to move into, "" to move out (the runner sends
  /// project_vpc_id: the VPC's id read at apply, or null).
  std::optional<std::string> vpc_cloud;
  bool operator==(const ServiceChanges&) const = default;
};

/// A service update: the PUT, then the tags; either may be absent.
struct ServiceUpdate {
  static constexpr core::Kind kKind = core::Kind::kService;
  static constexpr Action kAction = Action::kUpdate;
  std::optional<ServiceChanges> changes;  ///< "update"
  std::optional<model::Tags> tags;        ///< "tags": `PUT .../tags` with the full map
  bool operator==(const ServiceUpdate&) const = default;
};

/// Nothing to send: the service is still building and dependents wait for RUNNING.
struct ServiceWait {
  static constexpr core::Kind kKind = core::Kind::kService;
  static constexpr Action kAction = Action::kUpdate;
  bool operator==(const ServiceWait&) const = default;
};

/// `DELETE /v1/project/{project}/service/{service}`.
struct ServiceDelete {
  static constexpr core::Kind kKind = core::Kind::kService;
  static constexpr Action kAction = Action::kDelete;
  bool unprotect = false;  ///< "unprotect": PUT termination_protection=false first
  bool wait_only = false;  ///< "wait_only": another run deletes it; send nothing, wait
  bool operator==(const ServiceDelete&) const = default;
};

// --- Project VPCs --------------------------------------------------------------------------

/// `POST /v1/project/{project}/vpcs` (the cloud is the address's second part).
struct VpcCreate {
  static constexpr core::Kind kKind = core::Kind::kVpc;
  static constexpr Action kAction = Action::kCreate;
  std::string network_cidr;  ///< "network_cidr"
  bool operator==(const VpcCreate&) const = default;
};

/// Nothing to send: the VPC is still APPROVED and the services placed in it wait for ACTIVE.
struct VpcWait {
  static constexpr core::Kind kKind = core::Kind::kVpc;
  static constexpr Action kAction = Action::kUpdate;
  bool operator==(const VpcWait&) const = default;
};

/// `DELETE /v1/project/{project}/vpcs/{id}`; refused while services just deleted still
/// hold it, so the gone gate asks again until Aiven lets it go.
struct VpcDelete {
  static constexpr core::Kind kKind = core::Kind::kVpc;
  static constexpr Action kAction = Action::kDelete;
  std::string id;  ///< "id": project_vpc_id
  bool operator==(const VpcDelete&) const = default;
};

// --- Databases -----------------------------------------------------------------------------

/// `POST .../service/{service}/db`.
struct DatabaseCreate {
  static constexpr core::Kind kKind = core::Kind::kDatabase;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                       ///< "database"
  std::optional<std::string> lc_collate;  ///< "lc_collate"
  std::optional<std::string> lc_ctype;    ///< "lc_ctype"
  bool operator==(const DatabaseCreate&) const = default;
};

/// `DELETE .../service/{service}/db/{database}`.
struct DatabaseDelete {
  static constexpr core::Kind kKind = core::Kind::kDatabase;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const DatabaseDelete&) const = default;
};

/// `POST .../service/{service}/clickhouse/db`.
struct ClickhouseDatabaseCreate {
  static constexpr core::Kind kKind = core::Kind::kDatabase;
  static constexpr Action kAction = Action::kCreate;
  std::string name;  ///< "database"
  bool operator==(const ClickhouseDatabaseCreate&) const = default;
};

/// `DELETE .../service/{service}/clickhouse/db/{database}`.
struct ClickhouseDatabaseDelete {
  static constexpr core::Kind kKind = core::Kind::kDatabase;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const ClickhouseDatabaseDelete&) const = default;
};

// --- Service users -------------------------------------------------------------------------

/// `POST .../service/{service}/user`.
struct UserCreate {
  static constexpr core::Kind kKind = core::Kind::kUser;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                              ///< "username"
  std::optional<std::string> authentication;     ///< "authentication"
  std::optional<nlohmann::json> access_control;  ///< "access_control" (an object)
  bool operator==(const UserCreate&) const = default;
};

/// `PUT .../user/{user}` with operation set-access-control.
struct UserUpdate {
  static constexpr core::Kind kKind = core::Kind::kUser;
  static constexpr Action kAction = Action::kUpdate;
  nlohmann::json access_control = nlohmann::json::object();  ///< "access_control": the whole
  bool operator==(const UserUpdate&) const = default;
};

/// `DELETE .../service/{service}/user/{user}`.
struct UserDelete {
  static constexpr core::Kind kKind = core::Kind::kUser;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const UserDelete&) const = default;
};

// --- PgBouncer connection pools ------------------------------------------------------------

/// `POST .../service/{service}/connection_pool`.
struct PoolCreate {
  static constexpr core::Kind kKind = core::Kind::kPool;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                     ///< "pool_name"
  std::string database;                 ///< "database"
  std::optional<std::string> username;  ///< "username"
  std::optional<int> size;              ///< "pool_size"
  std::optional<std::string> mode;      ///< "pool_mode"
  bool operator==(const PoolCreate&) const = default;
};

/// `PUT .../connection_pool/{pool}`: the changed keys.
struct PoolUpdate {
  static constexpr core::Kind kKind = core::Kind::kPool;
  static constexpr Action kAction = Action::kUpdate;
  std::optional<std::string> database;  ///< "database"
  std::optional<std::string> username;  ///< "username"
  std::optional<int> size;              ///< "pool_size"
  std::optional<std::string> mode;      ///< "pool_mode"
  bool operator==(const PoolUpdate&) const = default;
};

/// `DELETE .../service/{service}/connection_pool/{pool}`.
struct PoolDelete {
  static constexpr core::Kind kKind = core::Kind::kPool;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const PoolDelete&) const = default;
};

// --- Kafka topics --------------------------------------------------------------------------

/// `POST .../service/{service}/topic`.
struct TopicCreate {
  static constexpr core::Kind kKind = core::Kind::kTopic;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                        ///< "topic_name"
  std::optional<int> partitions;           ///< "partitions"
  std::optional<int> replication;          ///< "replication"
  std::optional<int> min_insync_replicas;  ///< "min_insync_replicas"
  std::optional<nlohmann::json> config;    ///< "config" (an object of Aiven keys)
  std::optional<std::string> description;  ///< "topic_description"
  model::Tags tags;                        ///< "tags" as [{key, value}], ownership included
  bool operator==(const TopicCreate&) const = default;
};

/// The changed keys of a topic, as `PUT .../topic/{topic}` takes them.
struct TopicChanges {
  std::optional<int> partitions;           ///< "partitions"
  std::optional<int> replication;          ///< "replication"
  std::optional<int> min_insync_replicas;  ///< "min_insync_replicas"
  std::optional<nlohmann::json> config;    ///< "config": the changed keys
  std::optional<std::string> description;  ///< "topic_description"
  std::optional<model::Tags> tags;         ///< "tags" as [{key, value}]: the full set
  bool operator==(const TopicChanges&) const = default;
};

/// `PUT .../topic/{topic}`.
struct TopicUpdate {
  static constexpr core::Kind kKind = core::Kind::kTopic;
  static constexpr Action kAction = Action::kUpdate;
  TopicChanges changes;  ///< "update"
  bool operator==(const TopicUpdate&) const = default;
};

/// `DELETE .../service/{service}/topic/{topic}`.
struct TopicDelete {
  static constexpr core::Kind kKind = core::Kind::kTopic;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const TopicDelete&) const = default;
};

// --- Kafka and Schema Registry ACLs -------------------------------------------------------

/// `POST .../service/{service}/acl`.
struct KafkaAclCreate {
  static constexpr core::Kind kKind = core::Kind::kKafkaAcl;
  static constexpr Action kAction = Action::kCreate;
  std::string username;    ///< "username"
  std::string topic;       ///< "topic"
  std::string permission;  ///< "permission"
  bool operator==(const KafkaAclCreate&) const = default;
};

/// `DELETE .../service/{service}/acl/{id}`.
struct KafkaAclDelete {
  static constexpr core::Kind kKind = core::Kind::kKafkaAcl;
  static constexpr Action kAction = Action::kDelete;
  std::string id;  ///< "id": Aiven's id of the entry
  bool operator==(const KafkaAclDelete&) const = default;
};

/// `POST .../service/{service}/kafka/schema-registry/acl`.
struct SchemaRegistryAclCreate {
  static constexpr core::Kind kKind = core::Kind::kSchemaRegistryAcl;
  static constexpr Action kAction = Action::kCreate;
  std::string username;    ///< "username"
  std::string resource;    ///< "resource"
  std::string permission;  ///< "permission"
  bool operator==(const SchemaRegistryAclCreate&) const = default;
};

/// `DELETE .../service/{service}/kafka/schema-registry/acl/{id}`.
struct SchemaRegistryAclDelete {
  static constexpr core::Kind kKind = core::Kind::kSchemaRegistryAcl;
  static constexpr Action kAction = Action::kDelete;
  std::string id;  ///< "id": Aiven's id of the entry
  bool operator==(const SchemaRegistryAclDelete&) const = default;
};
// --- Schema Registry subjects --------------------------------------------------------------

/// `POST .../kafka/schema/subjects/{subject}/versions`, then `PUT .../kafka/schema/config/
/// {subject}` when a compatibility level is set.
struct SchemaCreate {
  static constexpr core::Kind kKind = core::Kind::kSchema;
  static constexpr Action kAction = Action::kCreate;
  std::string type;                          ///< "schemaType"
  std::string schema;                        ///< "schema": the text
  std::optional<std::string> compatibility;  ///< "compatibility"
  bool operator==(const SchemaCreate&) const = default;
};

/// An in-place change of a subject: the compatibility level first (`PUT .../config/{subject}`),
/// then a new schema version after a compatibility check against the latest one (`POST
/// .../compatibility/subjects/{subject}/versions/latest`; incompatible fails the operation).
struct SchemaUpdate {
  static constexpr core::Kind kKind = core::Kind::kSchema;
  static constexpr Action kAction = Action::kUpdate;
  std::optional<std::string> type;           ///< "schemaType" (with "schema")
  std::optional<std::string> schema;         ///< "schema": a new version
  std::optional<std::string> compatibility;  ///< "compatibility"
  bool operator==(const SchemaUpdate&) const = default;
};

/// `DELETE .../kafka/schema/subjects/{subject}`: every version.
struct SchemaDelete {
  static constexpr core::Kind kKind = core::Kind::kSchema;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const SchemaDelete&) const = default;
};

// --- Service integrations ------------------------------------------------------------------

/// `POST /v1/project/{project}/integration`.
struct IntegrationCreate {
  static constexpr core::Kind kKind = core::Kind::kIntegration;
  static constexpr Action kAction = Action::kCreate;
  std::string type;                           ///< "integration_type"
  std::string source_project;                 ///< "source_project"
  std::string source_service;                 ///< "source_service"
  std::string dest_project;                   ///< "dest_project"
  std::string dest_service;                   ///< "dest_service" ("" for an endpoint end)
  std::optional<nlohmann::json> user_config;  ///< "user_config" (an object)
  /// "source_endpoint" / "dest_endpoint": an endpoint end by name; the runner sends its id
  /// (source_endpoint_id / dest_endpoint_id), read when the call is made.
  std::optional<std::string> source_endpoint;
  std::optional<std::string> dest_endpoint;  ///< see source_endpoint
  bool operator==(const IntegrationCreate&) const = default;
};

/// `PUT /v1/project/{project}/integration/{id}` {"user_config"}.
struct IntegrationUpdate {
  static constexpr core::Kind kKind = core::Kind::kIntegration;
  static constexpr Action kAction = Action::kUpdate;
  std::string id;                                         ///< "id"
  nlohmann::json user_config = nlohmann::json::object();  ///< "update": {"user_config"}
  bool operator==(const IntegrationUpdate&) const = default;
};

/// `DELETE /v1/project/{project}/integration/{id}`.
struct IntegrationDelete {
  static constexpr core::Kind kKind = core::Kind::kIntegration;
  static constexpr Action kAction = Action::kDelete;
  std::string id;  ///< "id"
  bool operator==(const IntegrationDelete&) const = default;
};

// --- Integration endpoints -----------------------------------------------------------------

/// `POST /v1/project/{project}/integration_endpoint`.
struct EndpointCreate {
  static constexpr core::Kind kKind = core::Kind::kEndpoint;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                                       ///< "endpoint_name"
  std::string type;                                       ///< "endpoint_type"
  nlohmann::json user_config = nlohmann::json::object();  ///< "user_config" (no secrets)
  bool operator==(const EndpointCreate&) const = default;
};

/// `PUT /v1/project/{project}/integration_endpoint/{id}` {"user_config"}: changed keys.
struct EndpointUpdate {
  static constexpr core::Kind kKind = core::Kind::kEndpoint;
  static constexpr Action kAction = Action::kUpdate;
  std::string id;                                         ///< "id"
  nlohmann::json user_config = nlohmann::json::object();  ///< "update": {"user_config"}
  bool operator==(const EndpointUpdate&) const = default;
};

/// `DELETE /v1/project/{project}/integration_endpoint/{id}`.
struct EndpointDelete {
  static constexpr core::Kind kKind = core::Kind::kEndpoint;
  static constexpr Action kAction = Action::kDelete;
  std::string id;  ///< "id"
  bool operator==(const EndpointDelete&) const = default;
};

// --- Kafka Connect connectors -------------------------------------------------------------

/// `POST .../service/{service}/connectors` {"name", "connector.class", config...}. Secret
/// config values are not here: apply adds them from the environment (secrets_from_env).
struct ConnectorCreate {
  static constexpr core::Kind kKind = core::Kind::kConnector;
  static constexpr Action kAction = Action::kCreate;
  std::string name;                                  ///< "name"
  std::string class_name;                            ///< "connector.class"
  nlohmann::json config = nlohmann::json::object();  ///< "config": the other keys, no secrets
  bool operator==(const ConnectorCreate&) const = default;
};

/// `PUT .../connectors/{connector}` with the whole config (secrets added at apply).
struct ConnectorUpdate {
  static constexpr core::Kind kKind = core::Kind::kConnector;
  static constexpr Action kAction = Action::kUpdate;
  std::string class_name;                            ///< "connector.class"
  nlohmann::json config = nlohmann::json::object();  ///< "config": the whole, no secrets
  std::vector<std::string> changed;                  ///< "changed": keys that differ (logs)
  bool operator==(const ConnectorUpdate&) const = default;
};

/// `DELETE .../connectors/{connector}`.
struct ConnectorDelete {
  static constexpr core::Kind kKind = core::Kind::kConnector;
  static constexpr Action kAction = Action::kDelete;
  bool operator==(const ConnectorDelete&) const = default;
};

/// Every request an operation can carry. Closed: the runner, the JSON mapping and Fits()
/// cover each alternative; adding one without them does not compile.
using Request = std::variant<NoRequest,                                                 //
                             ProjectCreate, ProjectUpdate, ProjectDelete,               //
                             VpcCreate, VpcWait, VpcDelete,                             //
                             ServiceCreate, ServiceUpdate, ServiceWait, ServiceDelete,  //
                             DatabaseCreate, DatabaseDelete,                            //
                             ClickhouseDatabaseCreate, ClickhouseDatabaseDelete,        //
                             UserCreate, UserUpdate, UserDelete,                        //
                             PoolCreate, PoolUpdate, PoolDelete,                        //
                             TopicCreate, TopicUpdate, TopicDelete,                     //
                             EndpointCreate, EndpointUpdate, EndpointDelete,            //
                             KafkaAclCreate, KafkaAclDelete,                            //
                             SchemaRegistryAclCreate, SchemaRegistryAclDelete,          //
                             SchemaCreate, SchemaUpdate, SchemaDelete,                  //
                             IntegrationCreate, IntegrationUpdate, IntegrationDelete,   //
                             ConnectorCreate, ConnectorUpdate, ConnectorDelete>;

/// True when `request` is one for `action` on a resource of `kind` (never for NoRequest).
bool Fits(const Request& request, core::Kind kind, Action action);

/// Where the secrets a changeset reads from the environment at apply (secrets_from_env) go
/// in `request`: the user_config of a service create and of an endpoint create or update,
/// the config of a connector create or update (the updates send the whole object again, so
/// they must carry the secrets too). nullptr for every other request: it carries no secret.
/// A service create without user_config gets an empty one.
nlohmann::json* SecretConfig(Request& request);
/// True when SecretConfig would give a place (without changing `request`).
bool CarriesSecrets(const Request& request);

}  // namespace aivenctl::diff
