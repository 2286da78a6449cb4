#pragma once
// The OperationRunner that talks to Aiven: the API calls of each typed request
// (diff/requests.h), one Send overload per request type, and one-shot readiness probes per
// gate.

#include <map>
#include <mutex>
#include <string>

#include "api/api.h"
#include "exec/runner.h"

namespace aivenctl::exec {

/// Runs operations through api::Api. Thread-safe (the Api is; the integration ids it
/// learns from creates are locked).
class ApiRunner : public OperationRunner {
 public:
  /// `api` must outlive the runner.
  explicit ApiRunner(api::Api& api) : api_(api) {}

  core::Status Call(const diff::Operation& op, std::stop_token stop) override;
  ProbeResult Probe(const diff::Operation& op, std::stop_token stop) override;
  /// One `GET /v1/project/{project}/service` for every op: a service missing from the list
  /// (or a missing project) is absent, or gone for a kGone gate; an integration is read
  /// from the `service_integrations` of the listed services (one that no listed service
  /// carries, e.g. held across projects, is probed on its own).
  std::vector<ProbeResult> ProbeServices(const std::string& project,
                                         const std::vector<const diff::Operation*>& ops,
                                         std::stop_token stop) override;
  /// One `GET .../service/{service}/topic` for every op: a topic missing from the list (or a
  /// missing service) is absent.
  std::vector<ProbeResult> ProbeTopics(const std::string& project, const std::string& service,
                                       const std::vector<const diff::Operation*>& ops,
                                       std::stop_token stop) override;

 private:
  core::Status Dispatch(const diff::Operation& op);
  // The API calls of one request type each (std::visit picks one).
  core::Status Send(const diff::Operation& op, const diff::NoRequest& r);
  core::Status Send(const diff::Operation& op, const diff::ProjectCreate& r);
  core::Status Send(const diff::Operation& op, const diff::ProjectUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::ProjectDelete& r);
  core::Status Send(const diff::Operation& op, const diff::VpcCreate& r);
  core::Status Send(const diff::Operation& op, const diff::VpcWait& r);
  core::Status Send(const diff::Operation& op, const diff::VpcDelete& r);
  core::Status Send(const diff::Operation& op, const diff::ServiceCreate& r);
  core::Status Send(const diff::Operation& op, const diff::ServiceUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::ServiceWait& r);
  core::Status Send(const diff::Operation& op, const diff::ServiceDelete& r);
  core::Status Send(const diff::Operation& op, const diff::DatabaseCreate& r);
  core::Status Send(const diff::Operation& op, const diff::DatabaseDelete& r);
  core::Status Send(const diff::Operation& op, const diff::ClickhouseDatabaseCreate& r);
  core::Status Send(const diff::Operation& op, const diff::ClickhouseDatabaseDelete& r);
  core::Status Send(const diff::Operation& op, const diff::UserCreate& r);
  core::Status Send(const diff::Operation& op, const diff::UserUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::UserDelete& r);
  core::Status Send(const diff::Operation& op, const diff::PoolCreate& r);
  core::Status Send(const diff::Operation& op, const diff::PoolUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::PoolDelete& r);
  core::Status Send(const diff::Operation& op, const diff::TopicCreate& r);
  core::Status Send(const diff::Operation& op, const diff::TopicUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::TopicDelete& r);
  core::Status Send(const diff::Operation& op, const diff::KafkaAclCreate& r);
  core::Status Send(const diff::Operation& op, const diff::KafkaAclDelete& r);
  core::Status Send(const diff::Operation& op, const diff::SchemaRegistryAclCreate& r);
  core::Status Send(const diff::Operation& op, const diff::SchemaRegistryAclDelete& r);
  core::Status Send(const diff::Operation& op, const diff::SchemaCreate& r);
  core::Status Send(const diff::Operation& op, const diff::SchemaUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::SchemaDelete& r);
  core::Status Send(const diff::Operation& op, const diff::IntegrationCreate& r);
  core::Status Send(const diff::Operation& op, const diff::IntegrationUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::IntegrationDelete& r);
  core::Status Send(const diff::Operation& op, const diff::EndpointCreate& r);
  core::Status Send(const diff::Operation& op, const diff::EndpointUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::EndpointDelete& r);
  core::Status Send(const diff::Operation& op, const diff::ConnectorCreate& r);
  core::Status Send(const diff::Operation& op, const diff::ConnectorUpdate& r);
  core::Status Send(const diff::Operation& op, const diff::ConnectorDelete& r);
  /// Connector and all tasks RUNNING; a FAILED one fails with its trace (secrets redacted).
  ProbeResult ProbeConnector(const diff::Operation& op);
  ProbeResult ProbeService(const diff::Operation& op);
  /// What `service` (read by GetService or listed) means for a service RUNNING/backup gate.
  static ProbeResult ServiceReading(const diff::Operation& op, const model::LiveService& service);
  ProbeResult ProbeGone(const diff::Operation& op);
  ProbeResult ProbeIntegration(const diff::Operation& op);
  /// The service_integration_id an integration gate follows ("" for one created by an
  /// earlier run: nothing to follow).
  std::string IntegrationId(const diff::Operation& op);
  /// kVpcActive: the cloud's VPC is ACTIVE; kGone of a VPC: absent or DELETED, asking for
  /// the delete again while Aiven still refuses it (services just deleted hold it).
  ProbeResult ProbeVpc(const diff::Operation& op);
  /// The id of the project's VPC in `cloud` (for project_vpc_id), or an error.
  core::Result<std::string> VpcIdOf(const std::string& project, const std::string& cloud);
  /// A ClickHouse database's state from the database list ("ok" is ready).
  ProbeResult ProbeClickhouseDatabase(const diff::Operation& op);

  api::Api& api_;
  std::mutex mu_;
  std::map<int, std::string> integration_ids_;  // op id -> service_integration_id
};

}  // namespace aivenctl::exec
