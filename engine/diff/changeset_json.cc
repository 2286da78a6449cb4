#include "diff/changeset_json.h"

#include <string>

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
          {"plan_name", cs.plan_name},
          {"plan_file", cs.plan_file},
          {"plan_digest", cs.plan_digest},
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
    if (cs.format_version != 1) {
      return core::InvalidArgument(
          "changeset.format_version: " + std::to_string(cs.format_version) +
          " is not supported (this aivenctl reads version 1)");
    }
    cs.kind = String(j, "kind", root);
    if (cs.kind != "apply" && cs.kind != "destroy") throw Bad("changeset.kind: unknown kind");
    cs.engine_version = String(j, "engine_version", root);
    cs.plan_name = String(j, "plan_name", root);
    cs.plan_file = String(j, "plan_file", root);
    cs.plan_digest = String(j, "plan_digest", root);
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

}  // namespace aivenctl::diff
