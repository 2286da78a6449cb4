#include "exec/api_runner.h"

#include <map>
#include <variant>

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

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ServiceCreate& r) {
  return api_.CreateService(op.address.parts[0], diff::Body(r)).status();
}

core::Status ApiRunner::Send(const diff::Operation& op, const diff::ServiceUpdate& r) {
  const std::string& project = op.address.parts[0];
  const std::string& service = op.address.parts[1];
  if (r.changes) {
    auto updated = api_.UpdateService(project, service, diff::Body(*r.changes));
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

core::Status ApiRunner::Send(const diff::Operation& op, const diff::IntegrationCreate& r) {
  auto created = api_.CreateIntegration(op.address.parts[0], diff::Body(r), op.address.ToString());
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
    case diff::Gate::kGone:
      return ProbeGone(op);
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
  if (listed.ok()) {
    for (const model::LiveService& s : *listed) by_name[s.name] = &s;
  }
  for (const diff::Operation* op : ops) {
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
    default:
      return {true, "gone", {}};  // deletes of other kinds are synchronous
  }
  if (status.IsNotFound()) return {true, "gone", {}};
  if (!status.ok()) return {false, "", status};
  return {false, state, {}};
}

ProbeResult ApiRunner::ProbeIntegration(const diff::Operation& op) {
  std::string id;
  {
    std::lock_guard lock(mu_);
    auto it = integration_ids_.find(op.id);
    if (it != integration_ids_.end()) id = it->second;
  }
  if (id.empty()) {
    if (const auto* update = std::get_if<diff::IntegrationUpdate>(&op.request)) id = update->id;
    if (const auto* del = std::get_if<diff::IntegrationDelete>(&op.request)) id = del->id;
  }
  if (id.empty()) return {true, "", {}};  // created by an earlier run: nothing to follow
  auto integration = api_.GetIntegration(op.address.parts[0], id);
  if (integration.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!integration.ok()) return {false, "", integration.status()};
  return {integration->active, integration->active ? "active" : "inactive", {}};
}

}  // namespace aivenctl::exec
