#include "exec/api_runner.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <variant>

#include "api/redact.h"
#include "core/suggest.h"
#include "diff/request_json.h"

namespace aivenctl::exec {
namespace {

using core::Address;
using core::Kind;
using diff::Action;

core::Status Unsupported(const diff::Operation& op) {
  return core::Internal(op.address.ToString() + ": no API call for " + diff::ActionName(op.action) +
                        " of a " + core::KindName(op.address.kind));
}

}  // namespace

core::Status ApiRunner::Call(const diff::Operation& op, std::stop_token stop) {
  if (stop.stop_requested()) return {core::Code::kCancelled, "cancelled before the call"};
  core::Status status = Dispatch(op);
  if (op.action == Action::kCreate && status.code() == core::Code::kAlreadyExists) {
    // Not our own earlier attempt (the API layer confirms those): someone created it
    // after this run read the live state, most often a second run of the same plan.
    return {core::Code::kAlreadyExists,
            status.message() +
                "; it was created after this run read the live state (another run of this "
                "plan at the same time?): run `aivenctl plan` again to see it"};
  }
  return status;
}

core::Status ApiRunner::Dispatch(const diff::Operation& op) {
  if (!diff::Fits(op.request, op.address.kind, op.action)) return Unsupported(op);
  return std::visit([&](const auto& request) { return Send(op, request); }, op.request);
}

// One Send per request type (a missing one does not compile). Dispatch has checked that
// the request fits the address, so the address has the parts its kind names.

core::Status ApiRunner::Send(const diff::Operation& op, const diff::NoRequest&) {
  return Unsupported(op);
}

core::Status ApiRunner::Send(const diff::Operation&, const diff::ProjectCreate& r) {
  return api_.CreateProject(diff::Body(r)).status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ProjectUpdate& r) {
  return api_.PutProjectTags(op.address.parts[0], r.tags);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ProjectDelete&) {
  return api_.DeleteProject(op.address.parts[0]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::VpcCreate& r) {
  const auto& p = op.address.parts;
  return api_.CreateVpc(p[0], p[1], r.network_cidr, op.address.ToString()).status();
}

core::Status ApiRunner::Send(const diff::Operation&, const diff::VpcWait&) {
  return core::Status::Ok();  // nothing to send: the gate waits for ACTIVE
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::VpcDelete& r) {
  core::Status status = api_.DeleteVpc(op.address.parts[0], r.id, op.address.ToString());
  // Refused while the services just deleted still hold it (Aiven releases a VPC a while
  // after its last service is gone): the gone gate asks again until it is let go.
  if (status.code() == core::Code::kFailedPrecondition) return core::Status::Ok();
  return status;
}

core::Result<std::string> ApiRunner::VpcIdOf(const std::string& project, const std::string& cloud) {
  auto vpcs = api_.ListVpcs(project);
  if (!vpcs.ok()) return vpcs.status();
  for (const auto& v : *vpcs) {
    if (v.cloud == cloud && v.state != "DELETING") return v.id;
  }
  return core::FailedPrecondition("vpc:" + project + "/" + cloud +
                                  " does not exist; the service placed in it cannot be created "
                                  "or moved (run `aivenctl plan` again)");
}

// project_vpc_id for a create or update: the id of the VPC in `vpc_cloud` ("" for none,
// sent as null so the service never lands in the cloud's VPC by default).
static core::Status PlaceInVpc(nlohmann::json& body, const std::optional<std::string>& vpc_cloud,
                               const std::function<core::Result<std::string>()>& resolve) {
  body.erase("project_vpc");
  if (!vpc_cloud || vpc_cloud->empty()) {
    body["project_vpc_id"] = nullptr;
    return core::Status::Ok();
  }
  auto id = resolve();
  if (!id.ok()) return id.status();
  body["project_vpc_id"] = *id;
  return core::Status::Ok();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ServiceCreate& r) {
  const std::string& project = op.address.parts[0];
  nlohmann::json body = diff::Body(r);
  core::Status placed =
      PlaceInVpc(body, r.vpc_cloud, [&] { return VpcIdOf(project, r.vpc_cloud.value_or("")); });
  if (!placed.ok()) return placed;
  return api_.CreateService(project, body).status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ServiceUpdate& r) {
  const std::string& project = op.address.parts[0];
  const std::string& service = op.address.parts[1];
  if (r.changes) {
    nlohmann::json body = diff::Body(*r.changes);
    if (r.changes->vpc_cloud) {  // a move into or out of a VPC
      core::Status placed = PlaceInVpc(body, r.changes->vpc_cloud, [&] {
        return VpcIdOf(project, r.changes->vpc_cloud.value_or(""));
      });
      if (!placed.ok()) return placed;
    }
    auto updated = api_.UpdateService(project, service, body);
    if (!updated.ok()) return updated.status();
  }
  if (r.tags) return api_.PutServiceTags(project, service, *r.tags);
  return core::Status::Ok();
}

core::Status ApiRunner::Send(const diff::Operation&, const diff::ServiceWait&) {
  return core::Status::Ok();  // nothing to send: the gate waits for RUNNING
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ServiceDelete& r) {
  const std::string& project = op.address.parts[0];
  const std::string& service = op.address.parts[1];
  if (r.wait_only) return core::Status::Ok();
  if (r.unprotect) {
    auto lifted = api_.UpdateService(project, service, {{"termination_protection", false}});
    if (!lifted.ok() && !lifted.status().IsNotFound()) return lifted.status();
  }
  return api_.DeleteService(project, service);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::DatabaseCreate& r) {
  return api_.CreateDatabase(op.address.parts[0], op.address.parts[1], diff::Body(r));
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::DatabaseDelete&) {
  const auto& p = op.address.parts;
  return api_.DeleteDatabase(p[0], p[1], p[2]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ClickhouseDatabaseCreate& r) {
  return api_.CreateClickhouseDatabase(op.address.parts[0], op.address.parts[1], r.name);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ClickhouseDatabaseDelete&) {
  const auto& p = op.address.parts;
  return api_.DeleteClickhouseDatabase(p[0], p[1], p[2]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::PoolCreate& r) {
  return api_.CreatePool(op.address.parts[0], op.address.parts[1], diff::Body(r));
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::PoolUpdate& r) {
  const auto& p = op.address.parts;
  return api_.UpdatePool(p[0], p[1], p[2], diff::Body(r));
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::PoolDelete&) {
  const auto& p = op.address.parts;
  return api_.DeletePool(p[0], p[1], p[2]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::UserCreate& r) {
  return api_.CreateUser(op.address.parts[0], op.address.parts[1], diff::Body(r)).status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::UserUpdate& r) {
  const auto& p = op.address.parts;
  return api_.SetUserAccessControl(p[0], p[1], p[2], r.access_control);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::UserDelete&) {
  const auto& p = op.address.parts;
  return api_.DeleteUser(p[0], p[1], p[2]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::TopicCreate& r) {
  return api_.CreateTopic(op.address.parts[0], op.address.parts[1], diff::Body(r));
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::TopicUpdate& r) {
  const auto& p = op.address.parts;
  return api_.UpdateTopic(p[0], p[1], p[2], diff::Body(r.changes));
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::TopicDelete&) {
  const auto& p = op.address.parts;
  return api_.DeleteTopic(p[0], p[1], p[2]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::KafkaAclCreate& r) {
  const auto& p = op.address.parts;
  return api_.AddAcl(p[0], p[1], /*schema_registry=*/false,
                     {.username = r.username, .resource = r.topic, .permission = r.permission});
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::KafkaAclDelete& r) {
  const auto& p = op.address.parts;
  return api_.DeleteAcl(p[0], p[1], /*schema_registry=*/false, r.id, op.address.ToString());
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::SchemaRegistryAclCreate& r) {
  const auto& p = op.address.parts;
  return api_.AddAcl(p[0], p[1], /*schema_registry=*/true,
                     {.username = r.username, .resource = r.resource, .permission = r.permission});
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::SchemaRegistryAclDelete& r) {
  const auto& p = op.address.parts;
  return api_.DeleteAcl(p[0], p[1], /*schema_registry=*/true, r.id, op.address.ToString());
}
core::Status ApiRunner::Send(const diff::Operation& op, const diff::SchemaCreate& r) {
  const auto& p = op.address.parts;
  auto id = api_.RegisterSchema(p[0], p[1], p[2], diff::Body(r));
  if (!id.ok()) return id.status();
  if (r.compatibility) return api_.PutSchemaCompatibility(p[0], p[1], p[2], *r.compatibility);
  return core::Status::Ok();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::SchemaUpdate& r) {
  const auto& p = op.address.parts;
  // The level first: the new version is checked under the level the plan asks for.
  if (r.compatibility) {
    if (auto put = api_.PutSchemaCompatibility(p[0], p[1], p[2], *r.compatibility); !put.ok()) {
      return put;
    }
  }
  if (!r.schema) return core::Status::Ok();
  const nlohmann::json body = {{"schema", *r.schema}, {"schemaType", r.type.value_or("AVRO")}};
  auto check = api_.CheckSchemaCompatibility(p[0], p[1], p[2], body);
  if (!check.ok() && !check.status().IsNotFound()) return check.status();  // 404: no versions
  if (check.ok() && !check->compatible) {
    // The executor names the operation's address before the message.
    return core::FailedPrecondition(
        std::string("the new schema is not compatible with the subject's latest version") +
        (check->message.empty() ? "" : " (" + check->message + ")") +
        "; nothing was registered. Make the change compatible (e.g. give new fields a "
        "default), or set the subject's compatibility to NONE");
  }
  return api_.RegisterSchema(p[0], p[1], p[2], body).status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::SchemaDelete&) {
  const auto& p = op.address.parts;
  return api_.DeleteSchemaSubject(p[0], p[1], p[2]);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::IntegrationCreate& r) {
  nlohmann::json body = diff::Body(r);
  // An endpoint end is named in the changeset; Aiven takes its id, read now (the endpoint
  // may have been created by this run).
  for (const auto& [end, name] : {std::pair{std::string("source"), &r.source_endpoint},
                                  std::pair{std::string("dest"), &r.dest_endpoint}}) {
    if (!*name) continue;
    body.erase(end + "_endpoint");
    body.erase(end + "_service");
    const std::string& project = body.value(end + "_project", std::string(op.address.parts[0]));
    auto endpoints = api_.ListEndpoints(project);
    if (!endpoints.ok()) return endpoints.status();
    std::string id;
    for (const auto& e : *endpoints) {
      if (e.name == **name) {
        id = e.id;
        break;
      }
    }
    if (id.empty()) {
      return core::FailedPrecondition(op.address.ToString() + ": integration endpoint \"" + **name +
                                      "\" was not found in project " + project);
    }
    body[end + "_endpoint_id"] = id;
  }
  auto created = api_.CreateIntegration(op.address.parts[0], body, op.address.ToString());
  if (!created.ok()) return created.status();
  std::lock_guard lock(mu_);
  integration_ids_[op.id] = created->id;
  return core::Status::Ok();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::IntegrationUpdate& r) {
  return api_.UpdateIntegration(op.address.parts[0], r.id, r.user_config, op.address.ToString())
      .status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::IntegrationDelete& r) {
  return api_.DeleteIntegration(op.address.parts[0], r.id, op.address.ToString());
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::EndpointCreate& r) {
  return api_.CreateEndpoint(op.address.parts[0], diff::Body(r), op.address.ToString()).status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::EndpointUpdate& r) {
  return api_.UpdateEndpoint(op.address.parts[0], r.id, r.user_config, op.address.ToString());
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::EndpointDelete& r) {
  return api_.DeleteEndpoint(op.address.parts[0], r.id, op.address.ToString());
}
core::Status ApiRunner::Send(const diff::Operation& op, const diff::ConnectorCreate& r) {
  const auto& p = op.address.parts;
  // The class is checked here too: a new service (or one that just turned on Kafka
  // Connect) could not list its connectors at plan time.
  auto classes = api_.ListConnectorClasses(p[0], p[1]);
  if (!classes.ok()) return classes.status();
  if (!std::binary_search(classes->begin(), classes->end(), r.class_name)) {
    return core::FailedPrecondition(op.address.ToString() + ": class \"" + r.class_name +
                                    "\" is not among the connectors " +
                                    Address::Service(p[0], p[1]).ToString() + " offers" +
                                    core::DidYouMean(r.class_name, *classes));
  }
  return api_.CreateConnector(p[0], p[1], diff::Body(r));
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ConnectorUpdate& r) {
  const auto& p = op.address.parts;
  return api_.UpdateConnector(p[0], p[1], p[2], diff::Body(r, p[2]), r.changed);
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ConnectorDelete&) {
  const auto& p = op.address.parts;
  return api_.DeleteConnector(p[0], p[1], p[2]);
}

ProbeResult ApiRunner::ProbeConnector(const diff::Operation& op) {
  const auto& p = op.address.parts;
  auto status = api_.GetConnectorStatus(p[0], p[1], p[2]);
  if (status.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!status.ok()) return {false, "", status.status()};
  auto failed = [&](const std::string& what, const std::string& trace) {
    std::string message = op.address.ToString() + ": " + what + " FAILED";
    if (!trace.empty()) message += ":\n" + api::Redact(trace);
    return ProbeResult{false, "FAILED", core::FailedPrecondition(message)};
  };
  if (status->state == "FAILED") return failed("the connector", "");
  std::string waiting;
  for (const auto& task : status->tasks) {
    if (task.state == "FAILED") return failed("task " + std::to_string(task.id), task.trace);
    if (task.state != "RUNNING" && waiting.empty()) {
      waiting = "task " + std::to_string(task.id) + " " + task.state;
    }
  }
  if (status->state != "RUNNING") return {false, status->state, {}};
  if (!waiting.empty()) return {false, "RUNNING (" + waiting + ")", {}};
  return {true, "RUNNING", {}};
}

ProbeResult ApiRunner::Probe(const diff::Operation& op, std::stop_token stop) {
  if (stop.stop_requested()) return {false, "", {core::Code::kCancelled, "cancelled"}};
  switch (op.gate) {
    case diff::Gate::kServiceRunning:
    case diff::Gate::kServiceBackup:
      return ProbeService(op);
    case diff::Gate::kTopicActive: {
      auto topic = api_.GetTopic(op.address.parts[0], op.address.parts[1], op.address.parts[2]);
      if (topic.status().IsNotFound()) return {.live_state = "absent", .absent = true};
      if (!topic.ok()) return {false, "", topic.status()};
      return {topic->state == "ACTIVE", topic->state, {}};
    }
    case diff::Gate::kIntegrationActive:
      return ProbeIntegration(op);
    case diff::Gate::kConnectorRunning:
      return ProbeConnector(op);
    case diff::Gate::kDatabaseOk:
      return ProbeClickhouseDatabase(op);
    case diff::Gate::kGone:
      return op.address.kind == Kind::kVpc ? ProbeVpc(op) : ProbeGone(op);
    case diff::Gate::kVpcActive:
      return ProbeVpc(op);
    case diff::Gate::kNone:
      break;
  }
  return {true, "", {}};
}

ProbeResult ApiRunner::ProbeService(const diff::Operation& op) {
  auto service = api_.GetService(op.address.parts[0], op.address.parts[1]);
  if (service.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!service.ok()) return {false, "", service.status()};
  return ServiceReading(op, *service);
}

std::vector<ProbeResult> ApiRunner::ProbeServices(const std::string& project,
                                                  const std::vector<const diff::Operation*>& ops,
                                                  std::stop_token stop) {
  std::vector<ProbeResult> out;
  out.reserve(ops.size());
  if (stop.stop_requested()) {
    out.assign(ops.size(), ProbeResult{false, "", {core::Code::kCancelled, "cancelled"}});
    return out;
  }
  auto listed = api_.ListServices(project);  // kNotFound: the project is gone, so are they
  if (!listed.ok() && !listed.status().IsNotFound()) {
    out.assign(ops.size(), ProbeResult{false, "", listed.status()});
    return out;
  }
  std::map<std::string, const model::LiveService*> by_name;
  std::map<std::string, const model::LiveIntegration*> integrations;  // by id
  if (listed.ok()) {
    for (const model::LiveService& s : *listed) {
      by_name[s.name] = &s;
      for (const model::LiveIntegration& i : s.integrations) integrations[i.id] = &i;
    }
  }
  for (const diff::Operation* op : ops) {
    if (op->address.kind == Kind::kIntegration) {
      const std::string id = IntegrationId(*op);
      const auto found = integrations.find(id);
      if (id.empty()) {
        out.push_back({true, "", {}});
      } else if (found == integrations.end()) {
        out.push_back(ProbeIntegration(*op));
      } else {
        const bool active = found->second->active;
        out.push_back({active, active ? "active" : "inactive", {}});
      }
      continue;
    }
    const auto it = by_name.find(op->address.parts[1]);
    if (op->gate == diff::Gate::kGone) {
      out.push_back(it == by_name.end() ? ProbeResult{true, "gone", {}}
                                        : ProbeResult{false, it->second->state, {}});
    } else if (it == by_name.end()) {
      out.push_back({.live_state = "absent", .absent = true});
    } else {
      out.push_back(ServiceReading(*op, *it->second));
    }
  }
  return out;
}

std::vector<ProbeResult> ApiRunner::ProbeTopics(const std::string& project,
                                                const std::string& service,
                                                const std::vector<const diff::Operation*>& ops,
                                                std::stop_token stop) {
  std::vector<ProbeResult> out;
  if (stop.stop_requested()) {
    out.assign(ops.size(), ProbeResult{false, "", {core::Code::kCancelled, "cancelled"}});
    return out;
  }
  auto listed = api_.ListTopics(project, service);  // kNotFound: the service is gone
  if (!listed.ok() && !listed.status().IsNotFound()) {
    out.assign(ops.size(), ProbeResult{false, "", listed.status()});
    return out;
  }
  std::map<std::string, std::string> states;  // topic name -> state
  if (listed.ok()) {
    for (const model::LiveTopic& t : *listed) states[t.name] = t.state;
  }
  for (const diff::Operation* op : ops) {
    const auto it = states.find(op->address.parts[2]);
    if (it == states.end()) {
      out.push_back({.live_state = "absent", .absent = true});
    } else {
      out.push_back({it->second == "ACTIVE", it->second, {}});
    }
  }
  return out;
}

ProbeResult ApiRunner::ServiceReading(const diff::Operation& op,
                                      const model::LiveService& service) {
  if (service.state == "POWEROFF") {
    return {false, service.state,
            core::FailedPrecondition(op.address.ToString() +
                                     " is powered off; power it on (powered: true) to wait "
                                     "for it to run")};
  }
  if (service.state != "RUNNING") return {false, service.state, {}};
  if (op.gate == diff::Gate::kServiceBackup && !service.has_backup) {
    return {false, "RUNNING (no backup yet)", {}};
  }
  return {true, service.state, {}};
}

ProbeResult ApiRunner::ProbeGone(const diff::Operation& op) {
  const auto& p = op.address.parts;
  core::Status status;
  std::string state = "present";
  switch (op.address.kind) {
    case Kind::kProject:
      status = api_.GetProject(p[0]).status();
      break;
    case Kind::kService: {
      auto service = api_.GetService(p[0], p[1]);
      status = service.status();
      if (service.ok()) state = service->state;
      break;
    }
    case Kind::kTopic: {
      auto topic = api_.GetTopic(p[0], p[1], p[2]);
      status = topic.status();
      if (topic.ok()) state = topic->state;
      break;
    }
    case Kind::kDatabase: {  // only ClickHouse database deletes wait (pending_removal)
      auto db = ProbeClickhouseDatabase(op);
      if (db.absent) return {true, "gone", {}};
      if (!db.error.ok()) return {false, "", db.error};
      return {false, db.live_state, {}};
    }
    default:
      return {true, "gone", {}};  // deletes of other kinds are synchronous
  }
  if (status.IsNotFound()) return {true, "gone", {}};
  if (!status.ok()) return {false, "", status};
  return {false, state, {}};
}

ProbeResult ApiRunner::ProbeVpc(const diff::Operation& op) {
  const std::string& project = op.address.parts[0];
  const std::string& cloud = op.address.parts[1];
  auto vpcs = api_.ListVpcs(project);
  if (op.gate == diff::Gate::kGone) {
    if (vpcs.status().IsNotFound()) return {true, "gone", {}};  // the project is gone too
    if (!vpcs.ok()) return {false, "", vpcs.status()};
    const auto* del = std::get_if<diff::VpcDelete>(&op.request);
    for (const auto& v : *vpcs) {
      if (del == nullptr || v.id != del->id) continue;
      if (v.state == "DELETING") return {false, v.state, {}};
      // Still ACTIVE: Aiven refused the delete while services held it; ask again
      // (bounded by the gate's timeout).
      core::Status again = api_.DeleteVpc(project, v.id, op.address.ToString());
      if (!again.ok() && again.code() != core::Code::kFailedPrecondition) {
        return {false, v.state, again};
      }
      return {false, again.ok() ? "DELETING" : v.state + " (held by services)", {}};
    }
    return {true, "gone", {}};
  }
  if (vpcs.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!vpcs.ok()) return {false, "", vpcs.status()};
  for (const auto& v : *vpcs) {
    if (v.cloud == cloud && v.state != "DELETING") return {v.state == "ACTIVE", v.state, {}};
  }
  return {.live_state = "absent", .absent = true};
}
ProbeResult ApiRunner::ProbeClickhouseDatabase(const diff::Operation& op) {
  const auto& p = op.address.parts;
  auto dbs = api_.ListClickhouseDatabases(p[0], p[1]);
  if (dbs.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!dbs.ok()) return {false, "", dbs.status()};
  for (const model::LiveDatabase& d : *dbs) {
    if (d.name != p[2]) continue;
    const std::string state = d.state.value_or("ok");
    return {state == "ok", state, {}};
  }
  return {.live_state = "absent", .absent = true};
}

std::string ApiRunner::IntegrationId(const diff::Operation& op) {
  {
    std::lock_guard lock(mu_);
    auto it = integration_ids_.find(op.id);
    if (it != integration_ids_.end()) return it->second;
  }
  if (const auto* update = std::get_if<diff::IntegrationUpdate>(&op.request)) return update->id;
  if (const auto* del = std::get_if<diff::IntegrationDelete>(&op.request)) return del->id;
  return "";
}

ProbeResult ApiRunner::ProbeIntegration(const diff::Operation& op) {
  const std::string id = IntegrationId(op);
  if (id.empty()) return {true, "", {}};  // created by an earlier run: nothing to follow
  auto integration = api_.GetIntegration(op.address.parts[0], id);
  if (integration.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!integration.ok()) return {false, "", integration.status()};
  return {integration->active, integration->active ? "active" : "inactive", {}};
}

}  // namespace aivenctl::exec
