#pragma once
// The desired model: what a plan file asks for, after loading and validation. Plain values,
// no I/O. Every object keeps the place it was written (for plan-time diagnostics) and its
// stable core::Address.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "core/diagnostic.h"
#include "core/duration.h"

namespace aivenctl::model {

/// Where an inherited setting's value came from.
enum class Origin {
  kUnset,     ///< nobody set it; the API default applies
  kDefaults,  ///< the plan's `defaults:` block
  kProject,   ///< the enclosing project
  kExplicit,  ///< written on the object itself
};

/// "unset", "defaults", "project", "explicit".
const char* OriginName(Origin origin);

/// A setting that may be inherited from the project or the plan defaults.
template <typename T>
struct Inherited {
  std::optional<T> value;          ///< resolved value (nullopt when kUnset)
  Origin origin = Origin::kUnset;  ///< where the value came from
  core::SourcePos pos;             ///< where the winning value was written (empty when unset)

  /// True when written on the object itself.
  bool is_explicit() const { return origin == Origin::kExplicit; }
};

/// Where each key of a free-form block is written, by path: "user_config.pg.max_connections",
/// "user_config.ip_filter[1]", "config.retention_ms".
using KeyPositions = std::map<std::string, core::SourcePos>;

/// The position of `path`, else of its nearest written parent, else `fallback`.
core::SourcePos PosOf(const KeyPositions& positions, std::string path,
                      const core::SourcePos& fallback);

/// String key/value tags as stamped on projects, services and topics.
using Tags = std::map<std::string, std::string>;

/// A weekly maintenance window (UTC).
struct Maintenance {
  std::string dow;   ///< "monday" .. "sunday"
  std::string time;  ///< "HH:MM:SS"

  bool operator==(const Maintenance&) const = default;
};

/// A logical database in a pg/mysql/alloydbomni service.
struct Database {
  std::string name;                       ///< after interpolation
  std::optional<std::string> lc_collate;  ///< unset: API default (en_US.UTF-8)
  std::optional<std::string> lc_ctype;    ///< unset: API default (en_US.UTF-8)
  core::SourcePos pos;                    ///< where the entry starts
  core::Address address;                  ///< database:project/service/name
};

/// A service user.
struct User {
  std::string name;                           ///< after interpolation
  std::optional<std::string> authentication;  ///< MySQL password plugin
  nlohmann::json access_control;              ///< object or null (unset)
  core::SourcePos pos;                        ///< where it is written in the plan file
  core::Address address;                      ///< user:project/service/name
};

/// A PgBouncer connection pool of a pg service.
struct Pool {
  std::string name;                     ///< pool_name, after interpolation
  std::string database;                 ///< the database it connects to
  std::optional<std::string> username;  ///< unset: each client connects as its own user
  std::optional<int> size;              ///< pool_size; unset: the API default (10)
  std::optional<std::string> mode;      ///< session | transaction | statement; unset: API's
  core::SourcePos pos;                  ///< where the entry starts
  KeyPositions key_pos;                 ///< "database", "user", "size", "mode"
  core::Address address;                ///< pool:project/service/name
};

/// A Kafka topic.
struct Topic {
  std::string name;                                  ///< after interpolation
  std::optional<int> partitions;                     ///< unset: the API default
  std::optional<int> replication;                    ///< unset: the API default
  std::optional<int> min_insync_replicas;            ///< unset: the API default
  nlohmann::json config = nlohmann::json::object();  ///< Aiven underscore keys
  Tags tags;  ///< as written (plus defaults.tags for projects and services)
  std::optional<std::string> description;  ///< topic description
  core::SourcePos pos;                     ///< where it is written in the plan file
  KeyPositions key_pos;                    ///< "config...." keys
  core::Address address;                   ///< topic:project/service/name
};

/// A project VPC. Aiven gives VPCs no name and allows one per cloud in a project, so the
/// project and cloud identify it; `name` is the plan's label that services refer to.
struct Vpc {
  std::string name;          ///< the plan's label (a service's `vpc:`)
  std::string cloud;         ///< cloud_name
  std::string network_cidr;  ///< an IPv4 block in a private range, e.g. "10.20.0.0/24"
  core::SourcePos pos;       ///< where the entry starts
  KeyPositions key_pos;      ///< "name", "cloud", "network_cidr"
  core::Address address;     ///< vpc:project/cloud
};

/// An Aiven ACL entry of a Kafka service (`acls`) or of its Schema Registry
/// (`schema_registry_acls`). Identified by its content: Aiven gives ids, but reordering the
/// plan is no change and an edit is a delete plus an add.
struct Acl {
  std::string username;    ///< username pattern ("app-*")
  std::string resource;    ///< kafka: the topic pattern; schema registry: "Subject:x", "Config:"
  std::string permission;  ///< read|write|readwrite|admin; schema_registry_read|_write
  core::SourcePos pos;     ///< where the entry starts
  core::Address address;   ///< kafka_acl: or schema_registry_acl:project/service/u:r:p

  /// "username:resource:permission": the content, as the address names it.
  std::string Key() const { return username + ":" + resource + ":" + permission; }
};

/// A Schema Registry subject of a Kafka service: its latest schema and its compatibility.
struct Schema {
  std::string name;                          ///< the subject, after interpolation
  std::string type = "AVRO";                 ///< AVRO | JSON | PROTOBUF
  std::string schema;                        ///< the text: inline, or read from schema_file
  std::optional<std::string> schema_file;    ///< as written (relative to the plan file)
  std::optional<std::string> compatibility;  ///< unset: the registry's default applies
  core::SourcePos pos;                       ///< where the entry starts
  KeyPositions key_pos;                      ///< "schema", "schema_file", "compatibility"
  core::Address address;                     ///< schema:project/service/subject
};

/// A Kafka Connect connector of a kafka_connect service (or a kafka service with
/// user_config kafka_connect: true).
struct Connector {
  std::string name;        ///< after interpolation
  std::string class_name;  ///< "connector.class"
  /// The other config keys with their string values, secrets excluded (see config_env).
  nlohmann::json config = nlohmann::json::object();
  /// Config key -> NAME for values written exactly `${env:NAME}`: secrets, re-read from the
  /// environment at apply, never kept in the model or a changeset.
  std::map<std::string, std::string> config_env;
  core::SourcePos pos;    ///< where the entry starts
  KeyPositions key_pos;   ///< "class" and "config.<key>" keys
  core::Address address;  ///< connector:project/service/name
};

/// True for a connector config key whose value is a secret: a segment (split at '.', '_'
/// and '-') holding "password", "secret" or "token", or a last segment holding "key"
/// ("ssl.key.password", "aws.secret.access.key", "private.key"; not "key.converter").
bool IsSecretConnectorKey(const std::string& key);

/// An Aiven service with its children.
struct Service {
  std::string name;                    ///< after interpolation
  std::string project;                 ///< name of the enclosing project
  std::string type;                    ///< "pg", "kafka", ...
  std::string plan;                    ///< "startup-4", ...
  Inherited<std::string> cloud;        ///< service, else project, else defaults
  std::optional<std::string> version;  ///< the `version:` shorthand as written
  /// user_config as sent to the API; `version` is already folded in as <type>_version.
  nlohmann::json user_config = nlohmann::json::object();  ///< sent to the API as user_config
  std::optional<bool> termination_protection;             ///< unset: leave the API default
  std::optional<Maintenance> maintenance;                 ///< unset: Aiven picks the window
  std::optional<long long> disk_space_mb;                 ///< unset: the plan default
  std::optional<bool> powered;                            ///< false: powered off
  /// The label of the project VPC it is placed in; unset: public internet (created with
  /// an explicit `project_vpc_id: null`, never in a VPC by default).
  std::optional<std::string> vpc;
  Tags tags;                              ///< defaults.tags merged under the service's own
  std::vector<Database> databases;        ///< in plan order
  std::vector<User> users;                ///< in plan order
  std::vector<Topic> topics;              ///< in plan order
  std::vector<Pool> pools;                ///< PgBouncer pools, in plan order
  std::vector<Acl> acls;                  ///< Kafka ACL entries, in plan order
  std::vector<Acl> schema_registry_acls;  ///< Schema Registry ACL entries, in plan order
  std::vector<Schema> schemas;            ///< Schema Registry subjects, in plan order
  std::vector<Connector> connectors;      ///< Kafka Connect connectors, in plan order
  bool prune = false;                     ///< delete unlisted children
  bool protect = false;                   ///< never delete or replace
  bool adopt = false;                     ///< take over an unowned service of this name
  Inherited<core::Seconds> ttl;           ///< expiry stamped at creation
  /// user_config path ("admin_password", "migration.password", "providers[0].token") -> NAME,
  /// for values written as exactly `${env:NAME}` (a secret among them is re-read from the
  /// environment at apply, never saved).
  std::map<std::string, std::string> user_config_env;
  core::SourcePos pos;    ///< where it is written in the plan file
  KeyPositions key_pos;   ///< "type" and "user_config...." keys
  core::Address address;  ///< service:project/name
};

/// One side of an integration: a service, or an integration endpoint of the project.
struct Endpoint {
  std::string project;   ///< resolved: the declaring project when not written
  std::string service;   ///< service name ("" for an integration endpoint end)
  std::string endpoint;  ///< integration endpoint name (`{endpoint: prom}`), else ""
  bool in_plan = false;  ///< the service (or endpoint) is declared in this plan
  core::SourcePos pos;   ///< where it is written in the plan file

  /// "service" when in `home_project`, else "project/service"; "@name" for an endpoint.
  std::string Label(const std::string& home_project) const;
  /// True when this end is an integration endpoint, not a service.
  bool IsEndpoint() const { return !endpoint.empty(); }
};

/// An integration endpoint (`endpoints:` of a project): an external system (Prometheus,
/// Datadog, an external Kafka, ...) integrations can send to or read from. Aiven gives it
/// an id; aivenctl knows it by project and name.
struct IntegrationEndpoint {
  std::string name;                                       ///< endpoint_name
  std::string type;                                       ///< endpoint_type, e.g. "prometheus"
  nlohmann::json user_config = nlohmann::json::object();  ///< as written (secrets included)
  /// user_config path ("token", "a.b", "p[0].c") -> NAME for values written `${env:NAME}`.
  std::map<std::string, std::string> user_config_env;
  core::SourcePos pos;    ///< where the entry starts
  KeyPositions key_pos;   ///< "name", "type" and "user_config...." keys
  core::Address address;  ///< endpoint:project/name
};

/// A service integration, declared in a project.
struct Integration {
  std::string type;                                       ///< "kafka_connect", "metrics", ...
  Endpoint source;                                        ///< where data or metrics come from
  Endpoint destination;                                   ///< where they go
  bool external = false;                                  ///< endpoints may live outside this plan
  nlohmann::json user_config = nlohmann::json::object();  ///< sent to the API as user_config
  core::SourcePos pos;                                    ///< where it is written in the plan file
  KeyPositions key_pos;                                   ///< "type" and "user_config...." keys
  core::Address address;                                  ///< integration:project/type:src->dst
};

/// An Aiven project.
struct Project {
  std::string name;    ///< after interpolation
  bool create = true;  ///< the plan creates and owns it; false: it must exist
  std::optional<std::string> billing_group_id;  ///< UUID, for created projects
  std::optional<std::string> parent_id;         ///< account or organization unit
  Inherited<std::string> cloud;                 ///< service, else project, else defaults
  Inherited<core::Seconds> ttl;                 ///< expiry stamped at creation
  Tags tags;                      ///< as written (plus defaults.tags for projects and services)
  std::vector<Vpc> vpcs;          ///< in plan order, one per cloud
  bool prune_vpcs = false;        ///< `prune: true`: delete the VPCs the plan does not declare
  std::vector<Service> services;  ///< in plan order
  std::vector<Integration> integrations;       ///< declared in this project
  std::vector<IntegrationEndpoint> endpoints;  ///< declared in this project, in plan order
  bool prune_endpoints = false;                ///< delete live endpoints the plan does not declare
  core::SourcePos pos;                         ///< where it is written in the plan file
  core::Address address;                       ///< project:name
};

/// The plan's `defaults:` block: values for projects and services that do not set them.
struct Defaults {
  std::optional<std::string> cloud;  ///< defaults.cloud
  core::SourcePos cloud_pos;         ///< where defaults.cloud is written
  std::optional<core::Seconds> ttl;  ///< defaults.ttl
  core::SourcePos ttl_pos;           ///< where defaults.ttl is written
  Tags tags;                         ///< merged under every project's and service's own tags
};

/// A whole plan file after loading.
struct Plan {
  int version = 1;                          ///< plan format version
  std::string name;                         ///< after interpolation
  std::string description;                  ///< free text
  std::string file;                         ///< path it was loaded from
  std::map<std::string, std::string> vars;  ///< resolved variables (after --var)
  Defaults defaults;                        ///< the `defaults:` block
  std::vector<Project> projects;            ///< in plan order
  core::SourcePos pos;                      ///< where it is written in the plan file

  /// The service `project/service`, or nullptr.
  const Service* FindService(const std::string& project, const std::string& service) const;
  /// The VPC labelled `name` in `project`, or nullptr.
  const Vpc* FindVpc(const std::string& project, const std::string& name) const;
  /// The projects the plan reads: its own plus those its integrations name. Sorted, unique.
  std::vector<std::string> Scope() const;
};

/// True for the service types the plan format knows (the schema's enum).
bool IsKnownServiceType(const std::string& service_type);

/// Which kinds of children a service type can hold.
struct ChildSupport {
  bool databases = false;  ///< databases allowed
  bool users = false;      ///< service users allowed
  bool topics = false;     ///< Kafka topics allowed
  bool acls = false;       ///< Kafka and Schema Registry ACLs allowed
  bool schemas = false;    ///< Schema Registry subjects allowed
  /// Kafka Connect connectors allowed (kafka_connect; kafka only with user_config
  /// kafka_connect: true, see HasConnect).
  bool connectors = false;
  bool pools = false;  ///< PgBouncer connection pools allowed (pg)
  /// Databases go through `/clickhouse/db` (no locales, a state to wait for).
  bool clickhouse_databases = false;
};

/// Children allowed for a service type (unknown types allow nothing).
ChildSupport ChildrenOf(const std::string& service_type);

/// True when a service of `service_type` with `user_config` runs Kafka Connect: a
/// kafka_connect service, or kafka with user_config `kafka_connect: true`.
bool HasConnect(const std::string& service_type, const nlohmann::json& user_config);

/// Counts for summaries: projects, VPCs, services, databases, users, pools, topics, ACLs,
/// schemas, connectors, integrations, endpoints.
struct PlanCounts {
  int projects = 0, services = 0, databases = 0, users = 0, topics = 0, integrations = 0,
      endpoints = 0;
  int vpcs = 0;
  int pools = 0;
  int acls = 0;  ///< Kafka plus Schema Registry ACL entries
  int schemas = 0;
  int connectors = 0;
};

/// Counts the resources in a plan.
PlanCounts Count(const Plan& plan);

}  // namespace aivenctl::model
