#pragma once
// The live model: what the Aiven API reports now for a plan's scope. Plain values, no I/O,
// and never a secret: passwords, access keys and certificates are dropped when JSON is
// mapped to these types (engine/api), so a live model can be printed, diffed and saved.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "model/desired.h"

namespace aivenctl::model {

/// A service user as listed in `service.users` (no password, key or certificate).
struct LiveUser {
  std::string name;                           ///< username
  std::string type;                           ///< "primary" (avnadmin) or "regular"
  std::optional<std::string> authentication;  ///< MySQL password plugin
  nlohmann::json access_control;              ///< object, or null when the API sent none
};

/// A logical database.
struct LiveDatabase {
  std::string name;                       ///< database_name
  std::optional<std::string> lc_collate;  ///< when the API reports it
  std::optional<std::string> lc_ctype;    ///< when the API reports it
  /// ClickHouse only: "ok", "pending_creation", "pending_removal" (unset elsewhere).
  std::optional<std::string> state;
};

/// A PgBouncer connection pool from `service.connection_pools` (its connection_uri holds a
/// password and is dropped).
struct LivePool {
  std::string name;      ///< pool_name
  std::string database;  ///< database
  std::string username;  ///< username ("" when the pool uses each client's own user)
  int size = 0;          ///< pool_size
  std::string mode;      ///< pool_mode
};

/// A Kafka topic as the topic list reports it.
struct LiveTopic {
  std::string name;                                  ///< topic_name
  int partitions = 0;                                ///< partition count
  int replication = 0;                               ///< replication factor
  int min_insync_replicas = 0;                       ///< from the list item
  nlohmann::json config = nlohmann::json::object();  ///< flat underscore keys -> values
  Tags tags;                                         ///< [{key,value}] as a map
  std::string description;                           ///< topic_description ("" if none)
  std::string state;                                 ///< ACTIVE | CONFIGURING | DELETING
};

/// A Kafka or Schema Registry ACL entry (from `service.acl` / `service.schema_registry_acl`).
struct LiveAcl {
  std::string id;          ///< Aiven's id (changes when re-added)
  std::string username;    ///< username pattern
  std::string resource;    ///< topic pattern (kafka) or "Subject:x" / "Config:" (registry)
  std::string permission;  ///< as reported

  /// "username:resource:permission": what identifies it.
  std::string Key() const { return username + ":" + resource + ":" + permission; }
};
/// A Schema Registry subject: its latest version and its own compatibility level.
struct LiveSchema {
  std::string name;                          ///< the subject
  int version = 0;                           ///< latest version number
  int id = 0;                                ///< the registry's schema id of that version
  std::string type = "AVRO";                 ///< schemaType (AVRO when the API omits it)
  std::string schema;                        ///< the schema text as registered
  std::optional<std::string> compatibility;  ///< subject-level config; nullopt: none set
};
/// A Kafka Connect connector as the connector list reports it. Secret config values are
/// dropped (model::IsSecretConnectorKey): only their keys are kept.
struct LiveConnector {
  std::string name;                                  ///< name
  std::string class_name;                            ///< config["connector.class"]
  nlohmann::json config = nlohmann::json::object();  ///< other keys (not name), no secrets
  std::vector<std::string> secret_keys;              ///< secret keys set (sorted)
};

/// One task of a connector's status.
struct ConnectorTask {
  int id = 0;         ///< id
  std::string state;  ///< RUNNING | FAILED | PAUSED | UNASSIGNED
  std::string trace;  ///< the failure's stack trace ("" when none)
};

/// `GET .../connectors/{name}/status`.
struct ConnectorStatus {
  std::string state;                 ///< the connector's state
  std::vector<ConnectorTask> tasks;  ///< by id
};

/// A service integration (from `service.service_integrations`).
struct LiveIntegration {
  std::string id;                  ///< service_integration_id
  std::string type;                ///< integration_type
  std::string source_project;      ///< source_project
  std::string source_service;      ///< source_service
  std::string dest_project;        ///< dest_project
  std::string dest_service;        ///< dest_service ("" for endpoint integrations)
  std::string source_endpoint_id;  ///< source_endpoint_id ("" for a service end)
  std::string dest_endpoint_id;    ///< dest_endpoint_id ("" for a service end)
  std::string source_endpoint;     ///< the source endpoint's name (refresh fills it from the id)
  std::string dest_endpoint;       ///< the destination endpoint's name
  bool active = false;             ///< active
  bool enabled = false;            ///< enabled
  nlohmann::json user_config = nlohmann::json::object();  ///< as reported
};

/// A project VPC as `GET /v1/project/{p}/vpcs` lists it.
struct LiveVpc {
  std::string id;            ///< project_vpc_id
  std::string cloud;         ///< cloud_name
  std::string network_cidr;  ///< network_cidr
  std::string state;         ///< APPROVED | ACTIVE | DELETING | DELETED
};

/// An integration endpoint (`GET .../integration_endpoint`), secrets dropped.
struct LiveEndpoint {
  std::string id;                                         ///< endpoint_id
  std::string name;                                       ///< endpoint_name
  std::string type;                                       ///< endpoint_type
  nlohmann::json user_config = nlohmann::json::object();  ///< as reported (secrets dropped)
};

/// An Aiven service with the children the refresh read.
struct LiveService {
  std::string name;                     ///< service_name
  std::string project;                  ///< the project it was listed in
  std::string type;                     ///< service_type
  std::string plan;                     ///< plan
  std::string cloud;                    ///< cloud_name
  std::string state;                    ///< REBUILDING | RUNNING | REBALANCING | POWEROFF | ...
  std::string create_time;              ///< ISO 8601 as reported
  bool termination_protection = false;  ///< termination_protection
  nlohmann::json user_config = nlohmann::json::object();  ///< as reported (secrets dropped)
  std::optional<Maintenance> maintenance;                 ///< dow/time when reported
  std::optional<long long> disk_space_mb;                 ///< when reported
  int node_count = 0;                                     ///< 0 when not reported
  std::string project_vpc_id;                             ///< "" outside a VPC (null)
  Tags tags;                                              ///< service tags
  std::vector<LiveUser> users;                            ///< sorted by name
  bool databases_read = false;                ///< true when databases were read (service or list)
  std::vector<LiveDatabase> databases;        ///< sorted by name
  bool topics_read = false;                   ///< true when topics were listed (Kafka)
  std::vector<LiveTopic> topics;              ///< sorted by name
  bool acls_read = false;                     ///< the object carried `acl` (Kafka)
  std::vector<LiveAcl> acls;                  ///< sorted by Key(), then id
  bool schema_registry_acls_read = false;     ///< the object carried `schema_registry_acl`
  std::vector<LiveAcl> schema_registry_acls;  ///< sorted by Key(), then id
  bool schemas_read = false;                  ///< true when the subjects were listed
  std::vector<LiveSchema> schemas;            ///< sorted by subject
  std::vector<LivePool> pools;                ///< sorted by name (read with the service)
  std::vector<LiveIntegration> integrations;  ///< sorted by id
  bool connectors_read = false;               ///< true when the connectors were listed
  std::vector<LiveConnector> connectors;      ///< sorted by name
  /// The connector classes the service offers (`available-connectors`), read by a plan's
  /// refresh for services where it declares connectors; nullopt when not read.
  std::optional<std::vector<std::string>> connector_classes;
  bool has_backup = false;  ///< at least one entry in `backups`
  core::Address address;    ///< service:project/name

  /// The user/database/topic named `name`, or nullptr.
  const LiveUser* FindUser(const std::string& name) const;
  const LiveDatabase* FindDatabase(const std::string& name) const;
  const LiveTopic* FindTopic(const std::string& name) const;
  const LiveSchema* FindSchema(const std::string& name) const;
  const LiveConnector* FindConnector(const std::string& name) const;
  const LivePool* FindPool(const std::string& name) const;
};

/// A project as the project list reports it, with the token's roles in it.
struct ProjectInfo {
  std::string name;                ///< project_name
  std::vector<std::string> roles;  ///< project_memberships (sorted), e.g. {"admin"}
  std::string default_cloud;       ///< default_cloud
  Tags tags;                       ///< project tags
};

/// An Aiven project the token can see.
struct LiveProject {
  std::string name;                     ///< project_name
  std::string default_cloud;            ///< default_cloud
  std::string billing_group_id;         ///< billing_group_id ("" if none)
  Tags tags;                            ///< project tags
  std::vector<LiveService> services;    ///< sorted by name
  std::vector<LiveVpc> vpcs;            ///< sorted by cloud, DELETED ones left out
  bool endpoints_read = false;          ///< true when the integration endpoints were listed
  std::vector<LiveEndpoint> endpoints;  ///< sorted by name (then id)
  core::Address address;                ///< project:name

  /// The integration endpoint named `name` (the first by id), or nullptr.
  const LiveEndpoint* FindEndpoint(const std::string& name) const;

  /// The service named `name`, or nullptr.
  const LiveService* FindService(const std::string& name) const;
  /// The VPC in `cloud` (not DELETING or DELETED), or nullptr.
  const LiveVpc* FindVpc(const std::string& cloud) const;
  /// The VPC whose id is `id`, or nullptr.
  const LiveVpc* FindVpcById(const std::string& id) const;
};

/// The live state of a plan's scope. Deterministic: projects sorted by name.
struct LiveState {
  std::vector<LiveProject> projects;         ///< projects that exist, sorted by name
  std::vector<std::string> absent_projects;  ///< named in scope but not found (sorted)

  /// The project named `name`, or nullptr (absent or out of scope).
  const LiveProject* FindProject(const std::string& name) const;
  /// The service `project/service`, or nullptr.
  const LiveService* FindService(const std::string& project, const std::string& service) const;
};

}  // namespace aivenctl::model
