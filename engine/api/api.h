#pragma once
// Typed Aiven operations over Client::Send: the endpoints the engine uses, with JSON
// mapped to the live model (secrets dropped, see live_json.h) and errors as core::Status
// values naming the request, HTTP status, Aiven's message and error_code, and the
// resource address (see ApiError::ToString).
//
// Conventions: a 404 on a read is kNotFound ("absent"); a 404 on a delete is success
// (already gone); a create is retried like an idempotent request and a 409 "already
// exists" after our own ambiguous attempt is success, confirmed by a read. Write bodies
// are already API-shaped (the planner builds them).

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/client.h"
#include "core/status.h"
#include "model/catalog.h"
#include "model/live.h"

namespace aivenctl::api {

/// A project as listed, with the token's roles (see model::ProjectInfo).
using ProjectInfo = model::ProjectInfo;

/// Settings of the typed layer.
struct ApiOptions {
  std::stop_token stop;  ///< cancels every call's waits and transfers (a run-wide stop)
};

/// The typed endpoints. Thread-safe (the Client is; the catalog cache is locked). The
/// client must outlive the Api.
class Api {
 public:
  explicit Api(Client& client, ApiOptions options = {});

  /// The client underneath (for stats).
  Client& client() { return client_; }

  // --- Catalog and account -------------------------------------------------------------

  /// `GET /v1/clouds` (no token needed), sorted by name.
  core::Result<std::vector<model::Cloud>> ListClouds();
  /// `GET /v1/service_types`: service types with plans, prices and user_config schemas.
  core::Result<std::map<std::string, model::ServiceType>> ListServiceTypes();
  /// `GET /v1/project/{project}/integration_types`, sorted by name.
  core::Result<std::vector<model::IntegrationType>> ListIntegrationTypes(
      const std::string& project);
  /// Clouds + service types, plus integration types when `project` is given. Each part
  /// is read once and cached for the life of this Api (a later call with a project adds
  /// the integration types if they are missing).
  core::Result<model::Catalog> GetCatalog(const std::string& project = "");
  /// The catalog's parts, each read at most once (concurrent callers wait for that one
  /// read; a failed read is tried again next time). GetCatalog is built from these; a
  /// caller may warm them in parallel.
  core::Result<std::vector<model::Cloud>> CachedClouds();
  core::Result<std::map<std::string, model::ServiceType>> CachedServiceTypes();
  core::Result<std::vector<model::IntegrationType>> CachedIntegrationTypes(
      const std::string& project);

  /// `GET /v1/project`: the token's projects and roles, sorted by name.
  core::Result<std::vector<ProjectInfo>> ListProjects();
  /// The same `GET /v1/project`, as LiveProjects without services (billing group
  /// included), sorted by name: what a refresh needs of every project in one request.
  core::Result<std::vector<model::LiveProject>> ListLiveProjects();
  /// `GET /v1/project/{project}/kms/ca`: the project CA certificate (PEM).
  core::Result<std::string> GetProjectCa(const std::string& project);
  /// `GET /v1/project/{project}`: the project without services; kNotFound when absent.
  core::Result<model::LiveProject> GetProject(const std::string& project);

  // --- Reads below a project -----------------------------------------------------------

  /// `GET .../service`: services with users, integrations, tags, and databases when the
  /// objects carry them (databases_read), sorted by name. kNotFound: no such project.
  core::Result<std::vector<model::LiveService>> ListServices(const std::string& project);
  /// `GET .../service/{service}`; kNotFound when absent.
  core::Result<model::LiveService> GetService(const std::string& project,
                                              const std::string& service);
  /// The raw service object with `include_secrets=true`: ONLY for writing output files
  /// the user asked for. Never log or print it.
  core::Result<nlohmann::json> GetServiceSecrets(const std::string& project,
                                                 const std::string& service);
  /// `GET .../service/{service}/db`, sorted by name.
  core::Result<std::vector<model::LiveDatabase>> ListDatabases(const std::string& project,
                                                               const std::string& service);
  /// `GET .../service/{service}/clickhouse/db`, sorted by name, with their states.
  core::Result<std::vector<model::LiveDatabase>> ListClickhouseDatabases(
      const std::string& project, const std::string& service);
  /// `GET .../service/{service}/topic`, sorted by name (config: the list's keys only).
  core::Result<std::vector<model::LiveTopic>> ListTopics(const std::string& project,
                                                         const std::string& service);
  /// `GET .../topic/{topic}`: state, partitions and the full effective config.
  core::Result<model::LiveTopic> GetTopic(const std::string& project, const std::string& service,
                                          const std::string& topic);
  /// The named topics as GetTopic maps them (full effective config), sorted by name, with
  /// the batch read `POST /v2/project/{project}/service/{service}/topic` {"topic_names"}
  /// in batches of at most kTopicBatch names (idempotent: retried like a GET). A batch
  /// answered 404 (one of its topics vanished) is read again with GetTopic per topic; a
  /// topic absent then is left out. Names are sorted and de-duplicated first.
  core::Result<std::vector<model::LiveTopic>> BatchReadTopics(const std::string& project,
                                                              const std::string& service,
                                                              std::vector<std::string> names);
  /// Names per batch read (what Terraform sends).
  static constexpr size_t kTopicBatch = 100;
  /// The Schema Registry subjects of a Kafka service with their latest version and own
  /// compatibility level, sorted by subject: `GET .../kafka/schema/subjects`, then per
  /// subject `GET .../subjects/{subject}/versions`, `.../versions/{latest}` and `GET
  /// .../kafka/schema/config/{subject}` (404 40408: no level of its own). A subject that
  /// vanishes between the reads is left out.
  core::Result<std::vector<model::LiveSchema>> ListSchemas(const std::string& project,
                                                           const std::string& service);
  /// `GET .../service/{service}/connectors`, sorted by name (secret values dropped).
  core::Result<std::vector<model::LiveConnector>> ListConnectors(const std::string& project,
                                                                 const std::string& service);
  /// `GET .../service/{service}/available-connectors`: the classes offered, sorted.
  core::Result<std::vector<std::string>> ListConnectorClasses(const std::string& project,
                                                              const std::string& service);
  /// `GET .../connectors/{connector}/status`; kNotFound when absent.
  core::Result<model::ConnectorStatus> GetConnectorStatus(const std::string& project,
                                                          const std::string& service,
                                                          const std::string& connector);
  /// `GET /v1/project/{project}/integration/{id}`; kNotFound when absent.
  core::Result<model::LiveIntegration> GetIntegration(const std::string& project,
                                                      const std::string& id);

  // --- Writes --------------------------------------------------------------------------

  /// `POST /v1/project` with `body` ({"project": name, ...}).
  core::Result<model::LiveProject> CreateProject(const nlohmann::json& body);
  /// `PUT .../tags`: replaces all project tags.
  core::Status PutProjectTags(const std::string& project, const model::Tags& tags);
  /// `DELETE /v1/project/{project}`; absent is success.
  core::Status DeleteProject(const std::string& project);

  /// `POST .../service` with `body` ({"service_name", "service_type", "plan", ...}).
  core::Result<model::LiveService> CreateService(const std::string& project,
                                                 const nlohmann::json& body);
  /// `PUT .../service/{service}` with a partial `body`.
  core::Result<model::LiveService> UpdateService(const std::string& project,
                                                 const std::string& service,
                                                 const nlohmann::json& body);
  /// `PUT .../service/{service}/tags`: replaces all service tags.
  core::Status PutServiceTags(const std::string& project, const std::string& service,
                              const model::Tags& tags);
  /// `DELETE .../service/{service}`; absent is success.
  core::Status DeleteService(const std::string& project, const std::string& service);

  /// `POST .../db` with `body` ({"database", "lc_collate"?, "lc_ctype"?}).
  core::Status CreateDatabase(const std::string& project, const std::string& service,
                              const nlohmann::json& body);
  /// `DELETE .../db/{database}`; absent is success.
  core::Status DeleteDatabase(const std::string& project, const std::string& service,
                              const std::string& database);

  /// `POST .../clickhouse/db` {"database"}; a 409 after our own lost attempt is confirmed
  /// by the list.
  core::Status CreateClickhouseDatabase(const std::string& project, const std::string& service,
                                        const std::string& database);
  /// `DELETE .../clickhouse/db/{database}`; absent is success.
  core::Status DeleteClickhouseDatabase(const std::string& project, const std::string& service,
                                        const std::string& database);

  /// `POST .../connection_pool` with `body` ({"pool_name", "database", "username"?,
  /// "pool_size"?, "pool_mode"?}); a 409 after our own lost attempt is confirmed by reading
  /// the service (pools have no list call).
  core::Status CreatePool(const std::string& project, const std::string& service,
                          const nlohmann::json& body);
  /// `PUT .../connection_pool/{pool}` with the changed keys.
  core::Status UpdatePool(const std::string& project, const std::string& service,
                          const std::string& pool, const nlohmann::json& body);
  /// `DELETE .../connection_pool/{pool}`; absent is success.
  core::Status DeletePool(const std::string& project, const std::string& service,
                          const std::string& pool);

  /// `POST .../user` with `body` ({"username", "authentication"?, "access_control"?}).
  /// The answer's password is dropped; read it with GetServiceSecrets when needed.
  core::Result<model::LiveUser> CreateUser(const std::string& project, const std::string& service,
                                           const nlohmann::json& body);
  /// `DELETE .../user/{user}`; absent is success.
  core::Status DeleteUser(const std::string& project, const std::string& service,
                          const std::string& user);
  /// `PUT .../user/{user}` {"operation": "set-access-control", "access_control": ...}.
  core::Status SetUserAccessControl(const std::string& project, const std::string& service,
                                    const std::string& user, const nlohmann::json& access_control);

  /// `POST .../topic` with `body` ({"topic_name", "partitions"?, ...}).
  core::Status CreateTopic(const std::string& project, const std::string& service,
                           const nlohmann::json& body);
  /// `PUT .../topic/{topic}` with `body` (the create body without topic_name).
  core::Status UpdateTopic(const std::string& project, const std::string& service,
                           const std::string& topic, const nlohmann::json& body);
  /// `DELETE .../topic/{topic}`; absent is success.
  core::Status DeleteTopic(const std::string& project, const std::string& service,
                           const std::string& topic);

  /// `GET .../service/{service}/acl` (schema_registry: `.../kafka/schema-registry/acl`),
  /// sorted by content. For a service object that does not carry its ACLs.
  core::Result<std::vector<model::LiveAcl>> ListAcls(const std::string& project,
                                                     const std::string& service,
                                                     bool schema_registry);
  /// `POST .../acl` {"username", "topic", "permission"} (schema_registry: `.../kafka/
  /// schema-registry/acl` {"username", "resource", "permission"}). Not idempotent on Aiven (a
  /// repeat adds a twin), so it is not retried blindly: after an attempt whose outcome is
  /// unknown the list is read, and an entry with this content counts as added.
  core::Status AddAcl(const std::string& project, const std::string& service, bool schema_registry,
                      const model::Acl& acl);
  /// `DELETE .../acl/{id}` (or the schema registry's); absent is success.
  core::Status DeleteAcl(const std::string& project, const std::string& service,
                         bool schema_registry, const std::string& id, const std::string& address);
  /// `POST .../kafka/schema/subjects/{subject}/versions` {"schema", "schemaType"}: the id.
  core::Result<int> RegisterSchema(const std::string& project, const std::string& service,
                                   const std::string& subject, const nlohmann::json& body);
  /// `POST .../kafka/schema/compatibility/subjects/{subject}/versions/latest` {"schema",
  /// "schemaType"}: is_compatible, with Aiven's messages joined into `message` when not.
  struct Compatibility {
    bool compatible = false;  ///< is_compatible
    std::string message;      ///< why not (Aiven's message/messages), "" when compatible
  };
  core::Result<Compatibility> CheckSchemaCompatibility(const std::string& project,
                                                       const std::string& service,
                                                       const std::string& subject,
                                                       const nlohmann::json& body);
  /// `PUT .../kafka/schema/config/{subject}` {"compatibility": level}.
  core::Status PutSchemaCompatibility(const std::string& project, const std::string& service,
                                      const std::string& subject, const std::string& level);
  /// `DELETE .../kafka/schema/subjects/{subject}`; absent is success.
  core::Status DeleteSchemaSubject(const std::string& project, const std::string& service,
                                   const std::string& subject);
  /// `POST .../connectors` with `body` ({"name", "connector.class", config...}). Retried
  /// like every create: the 503 Kafka Connect answers in the first seconds after its
  /// service turns RUNNING (Terraform provider issue 533) is retried with backoff within
  /// RetryOptions' bounds, and a 409 after our own ambiguous attempt is confirmed by a list.
  core::Status CreateConnector(const std::string& project, const std::string& service,
                               const nlohmann::json& body);
  /// `PUT .../connectors/{connector}` with the whole config as `body`; logs the `changed`
  /// keys at debug level (names only, never a value).
  core::Status UpdateConnector(const std::string& project, const std::string& service,
                               const std::string& connector, const nlohmann::json& body,
                               const std::vector<std::string>& changed = {});
  /// `DELETE .../connectors/{connector}`; absent is success.
  core::Status DeleteConnector(const std::string& project, const std::string& service,
                               const std::string& connector);

  /// `POST /v1/project/{project}/integration` with `body` ({"integration_type",
  /// "source_service", "dest_service", "source_project"?, "dest_project"?, "user_config"?}).
  /// `address` names it in errors ("" derives it from the body).
  core::Result<model::LiveIntegration> CreateIntegration(const std::string& project,
                                                         const nlohmann::json& body,
                                                         const std::string& address = "");
  /// `PUT .../integration/{id}` {"user_config": ...}.
  core::Result<model::LiveIntegration> UpdateIntegration(const std::string& project,
                                                         const std::string& id,
                                                         const nlohmann::json& user_config,
                                                         const std::string& address = "");
  /// `GET /v1/project/{p}/vpcs` -> VPCs sorted by cloud (DELETED ones left out).
  core::Result<std::vector<model::LiveVpc>> ListVpcs(const std::string& project);
  /// `GET /v1/project/{p}/vpcs/{id}`.
  core::Result<model::LiveVpc> GetVpc(const std::string& project, const std::string& id);
  /// `POST /v1/project/{p}/vpcs` {cloud_name, network_cidr, peering_connections: []}; a
  /// retried create answered "already exists" is confirmed by listing the cloud's VPC.
  core::Result<model::LiveVpc> CreateVpc(const std::string& project, const std::string& cloud,
                                         const std::string& network_cidr,
                                         const std::string& address = "");
  /// `DELETE /v1/project/{p}/vpcs/{id}`; absent is success. A 409 (services still in it)
  /// is kFailedPrecondition.
  core::Status DeleteVpc(const std::string& project, const std::string& id,
                         const std::string& address = "");

  /// `DELETE .../integration/{id}`; absent is success.
  core::Status DeleteIntegration(const std::string& project, const std::string& id,
                                 const std::string& address = "");

  // --- Integration endpoints (api_endpoints.cc) ----------------------------------------
  /// `GET /v1/project/{project}/integration_endpoint`, sorted by name then id (secrets
  /// dropped). kNotFound: no such project.
  core::Result<std::vector<model::LiveEndpoint>> ListEndpoints(const std::string& project);
  /// `POST .../integration_endpoint` with `body` ({"endpoint_name", "endpoint_type",
  /// "user_config"}). Not retried after an ambiguous attempt: Aiven allows two endpoints
  /// of one name, so a repeat could make a second.
  core::Result<model::LiveEndpoint> CreateEndpoint(const std::string& project,
                                                   const nlohmann::json& body,
                                                   const std::string& address = "");
  /// `PUT .../integration_endpoint/{id}` {"user_config": ...}.
  core::Status UpdateEndpoint(const std::string& project, const std::string& id,
                              const nlohmann::json& user_config, const std::string& address = "");
  /// `DELETE .../integration_endpoint/{id}`; absent is success.
  core::Status DeleteEndpoint(const std::string& project, const std::string& id,
                              const std::string& address = "");

 private:
  /// One request as the typed layer describes it.
  struct Call {
    std::string method = "GET";
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
    const nlohmann::json* body = nullptr;
    std::string address;
    std::optional<bool> idempotent;
    bool confirms_create = false;  ///< a read after our own create (lagging 404s retried)
  };
  /// Sends `call`; the raw outcome.
  ApiResult Send(const Call& call);
  /// The parsed JSON object of a successful result, else its Status.
  static core::Result<nlohmann::json> Body(const Call& call, const ApiResult& result);
  /// Send + Body.
  core::Result<nlohmann::json> Json(const Call& call);
  /// A write: success, or (for a delete) 404 as success.
  core::Status Write(const Call& call, bool absent_is_success);
  /// A create retried as idempotent: the answer's body, or nullopt for "409 already
  /// exists after our own ambiguous attempt" (the caller confirms by a read).
  core::Result<std::optional<nlohmann::json>> Create(const Call& call);
  /// GetService, ListDatabases and GetTopic; `confirms_create` when the read confirms our
  /// own create, so a lagging 404 "Service X does not exist" is retried, not final.
  core::Result<model::LiveService> ReadService(const std::string& project,
                                               const std::string& service, bool confirms_create);
  core::Result<std::vector<model::LiveDatabase>> ReadDatabases(const std::string& project,
                                                               const std::string& service,
                                                               bool confirms_create);
  core::Result<model::LiveTopic> ReadTopic(const std::string& project, const std::string& service,
                                           const std::string& topic, bool confirms_create);
  /// `member` of `body` with the expected type, or an error naming the call.
  static core::Result<nlohmann::json> Member(const Call& call, const nlohmann::json& body,
                                             const char* member, nlohmann::json::value_t type);

  Client& client_;
  const ApiOptions options_;
  // Each held while its part is read, so it is read once.
  std::mutex clouds_mu_, service_types_mu_, integration_types_mu_;
  std::optional<std::vector<model::Cloud>> clouds_;
  std::optional<std::map<std::string, model::ServiceType>> service_types_;
  std::optional<std::vector<model::IntegrationType>> integration_types_;
};

/// "/v1/project/" + each segment percent-encoded ("/v1/project/p/service/s").
std::string ProjectPath(const std::string& project, const std::vector<std::string>& rest = {});

}  // namespace aivenctl::api
