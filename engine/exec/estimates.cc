#include "exec/estimates.h"

#include <variant>

namespace aivenctl::exec {

using std::chrono::minutes;
using std::chrono::seconds;

bool IsForkOrRestore(const diff::Operation& op) {
  const auto* create = std::get_if<diff::ServiceCreate>(&op.request);
  return create != nullptr && create->ForksOrRestores();
}

Duration EstimateDuration(const diff::Operation& op) {
  using core::Kind;
  using diff::Action;
  using diff::Gate;
  switch (op.address.kind) {
    case Kind::kService:
      if (op.action == Action::kCreate) {
        if (IsForkOrRestore(op)) return minutes(20);
        return op.gate == Gate::kServiceBackup ? minutes(10) : minutes(8);
      }
      if (op.action == Action::kUpdate) return op.gate == Gate::kNone ? seconds(5) : minutes(3);
      return op.gate == Gate::kGone ? minutes(1) : seconds(10);
    case Kind::kTopic:
      return op.gate == Gate::kTopicActive ? seconds(20) : seconds(3);
    case Kind::kIntegration:
      return op.gate == Gate::kIntegrationActive ? seconds(30) : seconds(3);
    case Kind::kConnector:
      return op.gate == Gate::kConnectorRunning ? seconds(30) : seconds(3);
    case Kind::kProject:
      return seconds(3);
    case Kind::kVpc:  // Aiven builds a VPC in minutes; a delete waits for its services
      if (op.action == Action::kCreate || op.gate == Gate::kVpcActive) return minutes(3);
      return op.gate == Gate::kGone ? minutes(1) : seconds(3);
    case Kind::kDatabase:
      return op.gate == Gate::kNone ? seconds(2) : seconds(15);  // ClickHouse waits for "ok"
    case Kind::kUser:
    case Kind::kEndpoint:  // ready when the call returns
    case Kind::kPool:
      return seconds(2);
    case Kind::kKafkaAcl:
    case Kind::kSchemaRegistryAcl:
      return seconds(1);
    case Kind::kSchema:  // check + register (+ config): up to three quick calls
      return seconds(3);
  }
  return seconds(5);
}

Duration ExpectedReady(const diff::Operation& op) {
  const auto* create = std::get_if<diff::ServiceCreate>(&op.request);
  if (create == nullptr || op.address.kind != core::Kind::kService ||
      (op.gate != diff::Gate::kServiceRunning && op.gate != diff::Gate::kServiceBackup) ||
      create->ForksOrRestores()) {
    return Duration::zero();
  }
  double factor = 1.0;
  const std::string& type = create->type;
  if (type == "kafka") {
    factor = 1.5;
  } else if (type == "clickhouse" || type == "opensearch" || type == "flink") {
    factor = 1.3;
  }
  const std::string tier = create->plan.substr(0, create->plan.find('-'));
  if (tier == "hobbyist") {
    factor *= 0.8;
  } else if (tier == "business") {
    factor *= 1.2;
  } else if (tier == "premium") {
    factor *= 1.5;
  }
  return std::chrono::duration_cast<Duration>(std::chrono::duration<double>(360.0 * factor));
}

Duration TimeoutFor(const diff::Operation& op, const Timeouts& timeouts) {
  if (timeouts.all) return *timeouts.all;
  if (op.address.kind == core::Kind::kService) {
    switch (op.action) {
      case diff::Action::kCreate:
        return IsForkOrRestore(op) ? timeouts.service_fork : timeouts.service_create;
      case diff::Action::kUpdate:
        return timeouts.service_update;
      case diff::Action::kDelete:
        return timeouts.service_delete;
      default:
        break;
    }
  }
  return timeouts.other;
}

const char* GateGoal(diff::Gate gate) {
  switch (gate) {
    case diff::Gate::kNone:
      return "";
    case diff::Gate::kServiceRunning:
      return "RUNNING";
    case diff::Gate::kServiceBackup:
      return "RUNNING with a backup";
    case diff::Gate::kTopicActive:
      return "ACTIVE";
    case diff::Gate::kIntegrationActive:
      return "active";
    case diff::Gate::kConnectorRunning:
      return "RUNNING with all tasks";
    case diff::Gate::kDatabaseOk:
      return "ok";
    case diff::Gate::kGone:
      return "gone";
    case diff::Gate::kVpcActive:
      return "ACTIVE";
  }
  return "";
}

std::string FormatElapsed(Duration d) {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  if (d <= Duration::zero()) return "0s";
  if (d < seconds(1)) return std::to_string(duration_cast<milliseconds>(d).count()) + "ms";
  long long s = duration_cast<seconds>(d).count();
  std::string out;
  if (s >= 3600) out += std::to_string(s / 3600) + "h";
  if (s >= 60) out += std::to_string(s / 60 % 60) + "m";
  out += std::to_string(s % 60) + "s";
  return out;
}

const char* ActionVerb(diff::Action action) {
  switch (action) {
    case diff::Action::kCreate:
      return "creating";
    case diff::Action::kUpdate:
      return "updating";
    case diff::Action::kDelete:
      return "deleting";
    case diff::Action::kReplace:
      return "replacing";
    case diff::Action::kNoop:
      return "checking";
  }
  return "working";
}

}  // namespace aivenctl::exec
