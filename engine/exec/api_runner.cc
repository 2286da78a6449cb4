#include "exec/api_runner.h"

namespace aivenctl::exec {
namespace {

using core::Address;
using core::Kind;
using diff::Action;

core::Status Unsupported(const diff::Operation& op) {
  return core::Internal(op.address.ToString() + ": no API call for " + diff::ActionName(op.action) +
                        " of a " + core::KindName(op.address.kind));
}

const nlohmann::json& Member(const diff::Operation& op, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  auto it = op.request.find(key);
  return it == op.request.end() ? kEmpty : *it;
}

}  // namespace

model::Tags TagsFromJson(const nlohmann::json& tags) {
  model::Tags out;
  if (!tags.is_object()) return out;
  for (auto it = tags.begin(); it != tags.end(); ++it) {
    if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
  }
  return out;
}

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
  switch (op.address.kind) {
    case Kind::kProject:
      return CallProject(op);
    case Kind::kService:
      return CallService(op);
    case Kind::kDatabase:
    case Kind::kUser:
    case Kind::kTopic:
      return CallChild(op);
    case Kind::kIntegration:
      return CallIntegration(op);
  }
  return Unsupported(op);
}

core::Status ApiRunner::CallProject(const diff::Operation& op) {
  const std::string& project = op.address.parts[0];
  switch (op.action) {
    case Action::kCreate:
      return api_.CreateProject(Member(op, "create")).status();
    case Action::kUpdate:
      return api_.PutProjectTags(project, TagsFromJson(Member(op, "tags")));
    case Action::kDelete:
      return api_.DeleteProject(project);
    default:
      return Unsupported(op);
  }
}

core::Status ApiRunner::CallService(const diff::Operation& op) {
  const std::string& project = op.address.parts[0];
  const std::string& service = op.address.parts[1];
  switch (op.action) {
    case Action::kCreate:
      return api_.CreateService(project, Member(op, "create")).status();
    case Action::kUpdate: {
      if (op.request.contains("update")) {
        auto updated = api_.UpdateService(project, service, op.request["update"]);
        if (!updated.ok()) return updated.status();
      }
      if (op.request.contains("tags")) {
        return api_.PutServiceTags(project, service, TagsFromJson(op.request["tags"]));
      }
      return core::Status::Ok();
    }
    case Action::kDelete: {
      if (op.request.value("wait_only", false)) return core::Status::Ok();
      if (op.request.value("unprotect", false)) {
        auto lifted = api_.UpdateService(project, service, {{"termination_protection", false}});
        if (!lifted.ok() && !lifted.status().IsNotFound()) return lifted.status();
      }
      return api_.DeleteService(project, service);
    }
    default:
      return Unsupported(op);
  }
}

core::Status ApiRunner::CallChild(const diff::Operation& op) {
  const std::string& project = op.address.parts[0];
  const std::string& service = op.address.parts[1];
  const std::string& name = op.address.parts[2];
  const Kind kind = op.address.kind;
  if (op.action == Action::kCreate) {
    const nlohmann::json& body = Member(op, "create");
    if (kind == Kind::kDatabase) return api_.CreateDatabase(project, service, body);
    if (kind == Kind::kUser) return api_.CreateUser(project, service, body).status();
    return api_.CreateTopic(project, service, body);
  }
  if (op.action == Action::kDelete) {
    if (kind == Kind::kDatabase) return api_.DeleteDatabase(project, service, name);
    if (kind == Kind::kUser) return api_.DeleteUser(project, service, name);
    return api_.DeleteTopic(project, service, name);
  }
  if (op.action == Action::kUpdate && kind == Kind::kUser) {
    return api_.SetUserAccessControl(project, service, name, Member(op, "access_control"));
  }
  if (op.action == Action::kUpdate && kind == Kind::kTopic) {
    return api_.UpdateTopic(project, service, name, Member(op, "update"));
  }
  return Unsupported(op);
}

core::Status ApiRunner::CallIntegration(const diff::Operation& op) {
  const std::string& project = op.address.parts[0];
  const std::string address = op.address.ToString();
  switch (op.action) {
    case Action::kCreate: {
      auto created = api_.CreateIntegration(project, Member(op, "create"), address);
      if (!created.ok()) return created.status();
      std::lock_guard lock(mu_);
      integration_ids_[op.id] = created->id;
      return core::Status::Ok();
    }
    case Action::kUpdate:
      return api_
          .UpdateIntegration(project, op.request.value("id", ""),
                             Member(op, "update").value("user_config", nlohmann::json::object()),
                             address)
          .status();
    case Action::kDelete:
      return api_.DeleteIntegration(project, op.request.value("id", ""), address);
    default:
      return Unsupported(op);
  }
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
  if (service->state == "POWEROFF") {
    return {false, service->state,
            core::FailedPrecondition(op.address.ToString() +
                                     " is powered off; power it on (powered: true) to wait "
                                     "for it to run")};
  }
  if (service->state != "RUNNING") return {false, service->state, {}};
  if (op.gate == diff::Gate::kServiceBackup && !service->has_backup) {
    return {false, "RUNNING (no backup yet)", {}};
  }
  return {true, service->state, {}};
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
  if (id.empty()) id = op.request.value("id", "");
  if (id.empty()) return {true, "", {}};  // created by an earlier run: nothing to follow
  auto integration = api_.GetIntegration(op.address.parts[0], id);
  if (integration.status().IsNotFound()) return {.live_state = "absent", .absent = true};
  if (!integration.ok()) return {false, "", integration.status()};
  return {integration->active, integration->active ? "active" : "inactive", {}};
}

}  // namespace aivenctl::exec
