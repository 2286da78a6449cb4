#include "diff/changeset_json.h"

#include <cctype>
#include <string>
#include <vector>

#include "diff/json_read.h"
#include "diff/request_json.h"

namespace aivenctl::diff {
namespace {

using nlohmann::json;
using Bad = internal::JsonReadError;
using internal::Array;
using internal::Bool;
using internal::Int;
using internal::IsInt;
using internal::Member;
using internal::Number;
using internal::OptString;
using internal::String;

json DiagnosticJson(const core::Diagnostic& d) {
  json j = {{"severity", d.severity == core::Severity::kError ? "error" : "warning"},
            {"file", d.pos.file},
            {"line", d.pos.line},
            {"column", d.pos.column},
            {"message", d.message}};
  if (!d.address.empty()) j["address"] = d.address;
  return j;
}

core::Address ReadAddress(const json& j, const char* key, const std::string& path) {
  auto a = core::Address::Parse(String(j, key, path));
  if (!a.ok()) throw Bad(path + "." + key + ": " + a.status().message());
  return *a;
}

Change ReadChange(const json& j, const std::string& path) {
  Change c;
  c.address = ReadAddress(j, "address", path);
  auto action = ParseAction(String(j, "action", path));
  if (!action) throw Bad(path + ".action: unknown action");
  c.action = *action;
  const json& fields = Array(j, "fields", path);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string at = path + ".fields[" + std::to_string(i) + "]";
    const json& f = fields[i];
    c.fields.push_back({String(f, "path", at), Member(f, "before", at), Member(f, "after", at),
                        f.contains("forces_replace") && Bool(f, "forces_replace", at)});
  }
  c.reason = OptString(j, "reason", path);
  c.deleted_with = OptString(j, "deleted_with", path);
  if (j.contains("hourly_before")) c.hourly_before = Number(j, "hourly_before", path);
  if (j.contains("hourly_after")) c.hourly_after = Number(j, "hourly_after", path);
  return c;
}

Operation ReadOperation(const json& j, const std::string& path) {
  Operation op;
  op.id = Int(j, "id", path);
  op.address = ReadAddress(j, "address", path);
  auto action = ParseAction(String(j, "action", path));
  if (!action || *action == Action::kNoop || *action == Action::kReplace) {
    throw Bad(path + ".action: expected create, update or delete");
  }
  op.action = *action;
  auto request =
      RequestFromJson(op.address.kind, op.action, Member(j, "request", path), path + ".request");
  if (!request.ok()) throw Bad(request.status().message());
  op.request = std::move(*request);
  auto gate = ParseGate(String(j, "gate", path));
  if (!gate) throw Bad(path + ".gate: unknown gate");
  op.gate = *gate;
  const json& deps = Array(j, "depends_on", path);
  for (const auto& d : deps) {
    if (!IsInt(d)) throw Bad(path + ".depends_on: expected integers");
    op.depends_on.push_back(d.get<int>());
  }
  return op;
}

core::Diagnostic ReadDiagnostic(const json& j, const std::string& path) {
  core::Diagnostic d;
  std::string severity = String(j, "severity", path);
  if (severity != "error" && severity != "warning") throw Bad(path + ".severity: unknown");
  d.severity = severity == "error" ? core::Severity::kError : core::Severity::kWarning;
  d.pos = {String(j, "file", path), Int(j, "line", path), Int(j, "column", path)};
  d.message = String(j, "message", path);
  d.address = OptString(j, "address", path);
  return d;
}

std::vector<std::string> Strings(const json& j, const char* key, const std::string& path) {
  std::vector<std::string> out;
  for (const auto& v : Array(j, key, path)) {
    if (!v.is_string()) throw Bad(path + "." + key + ": expected strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

// A project or service name as an address part: not empty, no '/'.
bool IsName(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos;
}

json PlanJson(const Changeset& cs) {
  json services = json::array();
  for (const auto& s : cs.plan_services) {
    services.push_back({{"project", s.project},
                        {"name", s.name},
                        {"type", s.type},
                        {"databases", s.databases},
                        {"users", s.users},
                        {"topic_config_keys", s.topic_config_keys}});
  }
  return {{"name", cs.plan_name},
          {"file", cs.plan_file},
          {"relative_path", cs.plan_relative_path},
          {"digest", cs.plan_digest},
          {"projects", cs.plan_projects},
          {"services", std::move(services)}};
}

void ReadPlan(const json& j, Changeset& cs) {
  const std::string at = "changeset.plan";
  const json& plan = Member(j, "plan", "changeset");
  if (!plan.is_object()) throw Bad(at + ": expected an object");
  cs.plan_name = String(plan, "name", at);
  cs.plan_file = String(plan, "file", at);
  cs.plan_relative_path = String(plan, "relative_path", at);
  cs.plan_digest = String(plan, "digest", at);
  cs.plan_projects = Strings(plan, "projects", at);
  for (const auto& name : cs.plan_projects) {
    if (!IsName(name)) {
      throw Bad(at + ".projects: \"" + name + "\" is not a project name");
    }
  }
  const json& services = Array(plan, "services", at);
  for (std::size_t i = 0; i < services.size(); ++i) {
    const std::string path = at + ".services[" + std::to_string(i) + "]";
    const json& s = services[i];
    PlanService ps{.project = String(s, "project", path),
                   .name = String(s, "name", path),
                   .type = String(s, "type", path),
                   .databases = Strings(s, "databases", path),
                   .users = Strings(s, "users", path)};
    if (!IsName(ps.project) || !IsName(ps.name)) {
      throw Bad(path + ": \"" + ps.project + "/" + ps.name + "\" is not a service");
    }
    const json& topics = Member(s, "topic_config_keys", path);
    if (!topics.is_object()) throw Bad(path + ".topic_config_keys: expected an object");
    for (auto it = topics.begin(); it != topics.end(); ++it) {
      ps.topic_config_keys[it.key()] =
          Strings(topics, it.key().c_str(), path + ".topic_config_keys");
    }
    cs.plan_services.push_back(std::move(ps));
  }
}

// "user_config." then keys separated by dots, each optionally followed by [N] indices:
// user_config.admin_password, user_config.migration.password, user_config.p[0].token.
json SecretsJson(const Changeset& cs) {
  json out = json::array();
  for (const auto& s : cs.secrets_from_env) {
    out.push_back({{"address", s.address.ToString()}, {"path", s.path}, {"env", s.env}});
  }
  return out;
}

void ReadSecrets(const json& j, Changeset& cs) {
  const json& secrets = Array(j, "secrets_from_env", "changeset");
  for (std::size_t i = 0; i < secrets.size(); ++i) {
    const std::string at = "changeset.secrets_from_env[" + std::to_string(i) + "]";
    SecretFromEnv s{.address = ReadAddress(secrets[i], "address", at),
                    .path = String(secrets[i], "path", at),
                    .env = String(secrets[i], "env", at)};
    if (s.address.kind == core::Kind::kConnector) {
      if (s.path.size() <= 7 || s.path.compare(0, 7, "config.") != 0) {
        throw Bad(at + ".path: expected config.KEY for a connector");
      }
    } else if (s.address.kind != core::Kind::kService && s.address.kind != core::Kind::kEndpoint) {
      throw Bad(at + ".address: expected a service, an endpoint or a connector");
    } else if (!SecretPointer(s.path)) {
      throw Bad(at + ".path: expected user_config.KEY (or user_config.KEY.KEY, KEY[N], ...)");
    }
    if (s.env.empty()) throw Bad(at + ".env: expected a variable name");
    cs.secrets_from_env.push_back(std::move(s));
  }
}

}  // namespace

// Everything but the optional members (ToJson adds them).
static json RequiredJson(const Changeset& cs) {
  json changes = json::array();
  for (const auto& c : cs.changes) {
    json fields = json::array();
    for (const auto& f : c.fields) {
      json jf = {{"path", f.path}, {"before", f.before}, {"after", f.after}};
      if (f.forces_replace) jf["forces_replace"] = true;
      fields.push_back(std::move(jf));
    }
    json jc = {{"address", c.address.ToString()},
               {"action", ActionName(c.action)},
               {"fields", std::move(fields)}};
    if (!c.reason.empty()) jc["reason"] = c.reason;
    if (!c.deleted_with.empty()) jc["deleted_with"] = c.deleted_with;
    if (c.hourly_before) jc["hourly_before"] = *c.hourly_before;
    if (c.hourly_after) jc["hourly_after"] = *c.hourly_after;
    changes.push_back(std::move(jc));
  }
  json ops = json::array();
  for (const auto& op : cs.operations) {
    ops.push_back({{"id", op.id},
                   {"address", op.address.ToString()},
                   {"action", ActionName(op.action)},
                   {"request", RequestToJson(op.request)},
                   {"gate", GateName(op.gate)},
                   {"depends_on", op.depends_on}});
  }
  json warnings = json::array();
  for (const auto& w : cs.warnings) warnings.push_back(DiagnosticJson(w));
  Summary s = cs.Summarize();
  return {{"format_version", cs.format_version},
          {"kind", cs.kind},
          {"engine_version", cs.engine_version},
          {"plan", PlanJson(cs)},
          {"secrets_from_env", SecretsJson(cs)},
          {"created_at", cs.created_at},
          {"summary",
           {{"create", s.create},
            {"update", s.update},
            {"replace", s.replace},
            {"destroy", s.destroy},
            {"noop", s.noop},
            {"has_changes", s.has_changes()}}},
          {"changes", std::move(changes)},
          {"operations", std::move(ops)},
          {"fingerprints", cs.fingerprints},
          {"cost",
           {{"hourly_before", cs.cost.hourly_before},
            {"hourly_after", cs.cost.hourly_after},
            {"monthly_before", cs.cost.monthly_before()},
            {"monthly_after", cs.cost.monthly_after()},
            {"complete", cs.cost.complete}}},
          {"warnings", std::move(warnings)}};
}

json ToJson(const Changeset& cs) {
  json out = RequiredJson(cs);
  if (!cs.unmanaged.empty()) {
    json unmanaged = json::array();
    for (const auto& u : cs.unmanaged) {
      json ju = {{"address", u.address.ToString()}};
      if (!u.path.empty()) ju["path"] = u.path;
      if (!u.value.is_null()) ju["value"] = u.value;
      if (!u.note.empty()) ju["note"] = u.note;
      unmanaged.push_back(std::move(ju));
    }
    out["unmanaged"] = std::move(unmanaged);
  }
  return out;
}

namespace {

// The optional `unmanaged` array, when present.
void ReadUnmanaged(const json& j, const std::string& root, Changeset& cs) {
  if (!j.contains("unmanaged")) return;
  const json& unmanaged = Array(j, "unmanaged", root);
  for (std::size_t i = 0; i < unmanaged.size(); ++i) {
    const std::string at = root + ".unmanaged[" + std::to_string(i) + "]";
    const json& ju = unmanaged[i];
    if (!ju.is_object()) throw Bad(at + ": expected an object");
    for (auto it = ju.begin(); it != ju.end(); ++it) {
      const std::string& key = it.key();
      if (key != "address" && key != "path" && key != "value" && key != "note") {
        throw Bad(at + ": unknown key \"" + key + "\"");
      }
    }
    Unmanaged u;
    auto address = core::Address::Parse(String(ju, "address", at));
    if (!address.ok()) throw Bad(at + ".address: " + address.status().message());
    u.address = *address;
    if (ju.contains("path")) u.path = String(ju, "path", at);
    if (ju.contains("value")) u.value = ju.at("value");
    if (ju.contains("note")) u.note = String(ju, "note", at);
    cs.unmanaged.push_back(std::move(u));
  }
}

}  // namespace

core::Result<Changeset> FromJson(const json& j) {
  try {
    Changeset cs;
    const std::string root = "changeset";
    cs.format_version = Int(j, "format_version", root);
    if (cs.format_version != kChangesetFormatVersion) {
      const std::string v = std::to_string(cs.format_version);
      const std::string mine = std::to_string(kChangesetFormatVersion);
      return core::InvalidArgument(
          "changeset.format_version: " + v + " is not supported (this aivenctl reads version " +
          mine +
          (cs.format_version < kChangesetFormatVersion
               ? "); it was saved by an older aivenctl: run `aivenctl plan --out` again with "
                 "this one"
               : "); it was saved by a newer aivenctl: apply it with that version"));
    }
    cs.kind = String(j, "kind", root);
    if (cs.kind != "apply" && cs.kind != "destroy") throw Bad("changeset.kind: unknown kind");
    cs.engine_version = String(j, "engine_version", root);
    ReadPlan(j, cs);
    ReadSecrets(j, cs);
    cs.created_at = String(j, "created_at", root);
    const json& changes = Array(j, "changes", root);
    for (std::size_t i = 0; i < changes.size(); ++i) {
      cs.changes.push_back(ReadChange(changes[i], root + ".changes[" + std::to_string(i) + "]"));
    }
    const json& ops = Array(j, "operations", root);
    for (std::size_t i = 0; i < ops.size(); ++i) {
      const std::string at = root + ".operations[" + std::to_string(i) + "]";
      cs.operations.push_back(ReadOperation(ops[i], at));
      const Operation& op = cs.operations.back();
      if (op.id != static_cast<int>(i)) throw Bad(at + ".id: expected " + std::to_string(i));
      for (int d : op.depends_on) {
        if (d < 0 || d >= op.id)
          throw Bad(at + ".depends_on: " + std::to_string(d) + " is not an earlier operation");
      }
    }
    const json& fps = Member(j, "fingerprints", root);
    if (!fps.is_object()) throw Bad("changeset.fingerprints: expected an object");
    for (auto it = fps.begin(); it != fps.end(); ++it) {
      if (!it.value().is_string()) throw Bad("changeset.fingerprints: expected strings");
      cs.fingerprints.emplace(it.key(), it.value().get<std::string>());
    }
    const json& cost = Member(j, "cost", root);
    cs.cost.hourly_before = Number(cost, "hourly_before", root + ".cost");
    cs.cost.hourly_after = Number(cost, "hourly_after", root + ".cost");
    cs.cost.complete = Bool(cost, "complete", root + ".cost");
    const json& warnings = Array(j, "warnings", root);
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      cs.warnings.push_back(
          ReadDiagnostic(warnings[i], root + ".warnings[" + std::to_string(i) + "]"));
    }
    ReadUnmanaged(j, root, cs);
    return cs;
  } catch (const Bad& e) {
    return core::InvalidArgument(e.what());
  } catch (const json::exception& e) {
    return core::InvalidArgument(std::string("changeset: ") + e.what());
  }
}

std::optional<json::json_pointer> SecretPointer(const std::string& path) {
  const std::string prefix = "user_config.";
  if (path.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::string pointer;
  auto add = [&](const std::string& part) {
    pointer += '/';
    for (char c : part) pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  };
  std::size_t i = prefix.size();
  while (true) {
    const std::size_t key = i;
    while (i < path.size() && path[i] != '.' && path[i] != '[' && path[i] != ']') ++i;
    if (i == key) return std::nullopt;  // an empty key
    add(path.substr(key, i - key));
    while (i < path.size() && path[i] == '[') {
      const std::size_t digits = ++i;
      while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
      if (i == digits || i == path.size() || path[i] != ']') return std::nullopt;
      add(path.substr(digits, i - digits));
      ++i;
    }
    if (i == path.size()) return json::json_pointer(pointer);
    if (path[i] != '.') return std::nullopt;
    ++i;
  }
}

}  // namespace aivenctl::diff
