#pragma once
// The OperationRunner that talks to Aiven: one typed API call sequence per operation (as
// documented on diff::Operation::request) and one-shot readiness probes per gate.

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

 private:
  core::Status Dispatch(const diff::Operation& op);
  core::Status CallProject(const diff::Operation& op);
  core::Status CallService(const diff::Operation& op);
  core::Status CallChild(const diff::Operation& op);
  core::Status CallIntegration(const diff::Operation& op);
  ProbeResult ProbeService(const diff::Operation& op);
  ProbeResult ProbeGone(const diff::Operation& op);
  ProbeResult ProbeIntegration(const diff::Operation& op);

  api::Api& api_;
  std::mutex mu_;
  std::map<int, std::string> integration_ids_;  // op id -> service_integration_id
};

/// A JSON object of strings as tags; other values are skipped.
model::Tags TagsFromJson(const nlohmann::json& tags);

}  // namespace aivenctl::exec
