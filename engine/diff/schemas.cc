// Schema Registry subjects of a Kafka service: create, a new version or compatibility level in
// place (never a replace), prune, "deleted with". Subjects carry no tags: what the plan
// declares is managed, the rest is "unmanaged, kept" unless the service says prune: true.

#include <set>
#include <string_view>

#include "diff/fingerprint.h"
#include "diff/ownership.h"
#include "diff/planner_internal.h"
#include "diff/schema_text.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

// How the plan output names the schema text it sends.
std::string Source(const model::Schema& x) {
  if (x.schema_file) return *x.schema_file;
  return "inline (" + std::to_string(x.schema.size()) + " bytes)";
}

void CreateSchema(const model::Schema& x, Pending& p) {
  auto& f = p.change.fields;
  f.push_back({"type", json(), x.type, false});
  f.push_back({"schema", json(), Source(x), false});
  if (x.compatibility) f.push_back({"compatibility", json(), *x.compatibility, false});
  p.create_request = SchemaCreate{x.type, x.schema, x.compatibility};
}

}  // namespace

void CreateSchemas(Context& cx, const model::Service& s, const std::string& reason) {
  for (const auto& x : s.schemas) {
    Pending& p = cx.Add(x.address, Action::kCreate);
    p.change.reason = reason;
    CreateSchema(x, p);
  }
}

void DiffSchemas(Context& cx, const model::Service& s, const model::LiveService& ls) {
  for (const auto& x : s.schemas) {
    const model::LiveSchema* lx = ls.FindSchema(x.name);
    Pending& p = cx.Add(x.address, Action::kCreate);
    if (lx == nullptr) {
      CreateSchema(x, p);
      p.fingerprint = kAbsent;
      continue;
    }
    p.fingerprint = FingerprintObject(*lx);
    std::vector<FieldChange> fields;
    SchemaUpdate update;
    if (!SameSchema(x.type, x.schema, lx->type, lx->schema)) {
      if (x.type != lx->type) fields.push_back({"type", lx->type, x.type, false});
      fields.push_back({"schema", "version " + std::to_string(lx->version),
                        "version " + std::to_string(lx->version + 1) + " from " + Source(x),
                        false});
      update.type = x.type;
      update.schema = x.schema;
    }
    if (x.compatibility && x.compatibility != lx->compatibility) {
      fields.push_back({"compatibility", lx->compatibility ? json(*lx->compatibility) : json(),
                        *x.compatibility, false});
      update.compatibility = x.compatibility;
    }
    p.change.action = fields.empty() ? Action::kNoop : Action::kUpdate;
    p.change.fields = std::move(fields);
    if (p.change.action == Action::kUpdate) p.update_request = std::move(update);
  }
  if (!s.prune) return;  // undeclared subjects are listed as "unmanaged, kept"
  std::set<std::string_view> names;
  for (const auto& x : s.schemas) names.insert(x.name);
  for (const auto& lx : ls.schemas) {
    if (names.contains(lx.name) || InternalSubject(lx.name)) continue;
    Pending& p = cx.Add(core::Address::Child(core::Kind::kSchema, ls.project, ls.name, lx.name),
                        Action::kDelete);
    p.change.reason = "not in the plan, prune: true";
    p.fingerprint = FingerprintObject(lx);
    p.delete_request = SchemaDelete{};
  }
}

}  // namespace aivenctl::diff::internal
