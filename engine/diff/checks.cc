#include "diff/checks.h"

#include <algorithm>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "core/pattern.h"
#include "core/suggest.h"
#include "diff/json_diff.h"
#include "model/aiven_schemas.h"
#include "model/json_schema.h"

namespace aivenctl::diff {
namespace {

using nlohmann::json;

// `schema` with every `pattern` rewritten for std::regex (valijson compiles them with it):
// Aiven writes some with (?i) or octal escapes, which would otherwise restrict nothing.
json WithPortablePatterns(const json& schema) {
  if (schema.is_array()) {
    json out = json::array();
    for (const auto& item : schema) out.push_back(WithPortablePatterns(item));
    return out;
  }
  if (!schema.is_object()) return schema;
  json out = json::object();
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const bool pattern = it.key() == "pattern" && it->is_string();
    out[it.key()] =
        pattern ? json(core::PortablePattern(it->get<std::string>())) : WithPortablePatterns(*it);
  }
  return out;
}

using core::DidYouMean;
using core::JoinOr;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string ContextPath(const std::vector<std::string>& context) {
  std::string out = "user_config";
  for (const auto& c : context) {
    if (c == "<root>") continue;
    if (c.size() >= 2 && c.front() == '[' && c.back() == ']') {
      std::string inner = c.substr(1, c.size() - 2);
      if (!inner.empty() && inner.front() == '"') inner = inner.substr(1, inner.size() - 2);
      bool index = !inner.empty() && std::all_of(inner.begin(), inner.end(), ::isdigit);
      out += index ? "[" + inner + "]" : "." + inner;
    } else {
      out += "." + c;
    }
  }
  return out;
}

bool IsWrapper(const std::string& d) {
  for (const char* w : {"Failed to validate against schema associated with property name",
                        "Failed to validate item #", "Failed to validate against any child",
                        "Failed to validate against any schemas",
                        "Failed to validate against "
                        "exactly one",
                        "Failed to validate against child schema",
                        "Failed to validate against additional properties schema"}) {
    if (d.rfind(w, 0) == 0) return true;
  }
  return false;
}

}  // namespace

CatalogChecker::CatalogChecker(const model::Catalog& catalog) : catalog_(catalog) {}
CatalogChecker::~CatalogChecker() = default;

std::optional<std::string> CatalogChecker::CheckCloud(const std::string& cloud) const {
  if (catalog_.clouds.empty() || catalog_.FindCloud(cloud) != nullptr) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& c : catalog_.clouds) names.push_back(c.name);
  return "unknown cloud " + Quote(cloud) + DidYouMean(cloud, names);
}

std::optional<std::string> CatalogChecker::CheckType(const std::string& type) const {
  if (catalog_.service_types.empty() || catalog_.FindServiceType(type) != nullptr) {
    return std::nullopt;
  }
  if (auto successor = model::EndOfLifeSuccessor(type)) {
    return "service type " + Quote(type) +
           " has reached end of life: Aiven's catalog no longer offers it" +
           (successor->empty() ? "" : "; use " + Quote(*successor));
  }
  std::vector<std::string> names;
  for (const auto& [name, t] : catalog_.service_types) names.push_back(name);
  return "unknown service type " + Quote(type) + DidYouMean(type, names);
}

std::optional<std::string> CatalogChecker::CheckPlan(const std::string& type,
                                                     const std::string& plan,
                                                     const std::string& cloud) const {
  const model::ServiceType* t = catalog_.FindServiceType(type);
  if (t == nullptr || t->plans.empty()) return std::nullopt;
  const model::ServicePlan* p = t->FindPlan(plan);
  if (p == nullptr) {
    std::vector<std::string> names;
    for (const auto& x : t->plans) names.push_back(x.name);
    std::string hint = DidYouMean(plan, names);
    if (hint.empty()) {
      std::vector<std::string> quoted;
      for (const auto& n : names) quoted.push_back(Quote(n));
      hint = " (valid plans: " + JoinOr(quoted) + ")";
    }
    return "unknown plan " + Quote(plan) + " for service type " + Quote(type) + hint;
  }
  if (!cloud.empty() && !p->regions.empty() && !p->regions.contains(cloud) &&
      (catalog_.clouds.empty() || catalog_.FindCloud(cloud) != nullptr)) {
    return "plan " + Quote(plan) + " of " + Quote(type) + " is not offered in cloud " +
           Quote(cloud);
  }
  return std::nullopt;
}

const json* CatalogChecker::ServiceSchema(const std::string& type) const {
  const model::ServiceType* t = catalog_.FindServiceType(type);
  if (t != nullptr && t->user_config_schema.is_object() && !t->user_config_schema.empty()) {
    return &t->user_config_schema;
  }
  if (!catalog_.service_types.empty()) return nullptr;  // read, and the type has none
  return model::OfflineServiceSchema(type);
}

std::vector<model::SchemaProblem> CatalogChecker::CheckUserConfig(const std::string& type,
                                                                  const json& user_config) {
  const json* schema = ServiceSchema(type);
  if (schema == nullptr) return {};
  return Check("service " + type, *schema, user_config);
}

std::vector<model::SchemaProblem> CatalogChecker::CheckIntegrationUserConfig(
    const std::string& type, const json& user_config) {
  const json* schema = nullptr;
  const model::IntegrationType* t = catalog_.FindIntegrationType(type);
  if (t != nullptr && t->user_config_schema.is_object() && !t->user_config_schema.empty()) {
    schema = &t->user_config_schema;
  } else {
    schema = model::OfflineIntegrationSchema(type);
  }
  if (schema == nullptr) return {};
  return Check("integration " + type, *schema, user_config);
}

std::vector<model::SchemaProblem> CatalogChecker::Check(const std::string& key, const json& schema,
                                                        const json& value) {
  std::vector<model::SchemaProblem> out = model::ReadableProblems(value, schema, "user_config");
  if (!out.empty()) return out;
  auto& compiled = compiled_[key];
  if (!compiled) {
    compiled = std::make_unique<valijson::Schema>();
    try {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      const json portable = WithPortablePatterns(schema);
      valijson::adapters::NlohmannJsonAdapter adapter(portable);
      parser.populateSchema(adapter, *compiled);
    } catch (const std::exception& e) {
      out.push_back(
          {"user_config", std::string("the catalog's schema does not load: ") + e.what()});
      return out;
    }
  }
  const json stripped = StripNulls(value);
  valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter target(stripped);
  valijson::ValidationResults results;
  try {
    if (validator.validate(*compiled, target, &results)) return out;
  } catch (const std::exception&) {
    return out;  // a pattern std::regex cannot compile restricts nothing here
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (IsWrapper(error.description)) continue;
    out.push_back({ContextPath(error.context), error.description});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.ToString() < b.ToString(); });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.ToString() == b.ToString(); }),
            out.end());
  return out;
}

std::optional<std::string> CatalogChecker::CheckIntegration(const std::string& type,
                                                            const std::string& source_type,
                                                            const std::string& dest_type) const {
  if (catalog_.integration_types.empty()) return std::nullopt;
  const model::IntegrationType* t = catalog_.FindIntegrationType(type);
  if (t == nullptr) {
    std::vector<std::string> names;
    for (const auto& x : catalog_.integration_types) names.push_back(x.name);
    return "unknown integration type " + Quote(type) + DidYouMean(type, names);
  }
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  bool src_ok = source_type.empty() || has(t->source_service_types, source_type);
  bool dst_ok = dest_type.empty() || has(t->dest_service_types, dest_type);
  if (src_ok && dst_ok) return std::nullopt;
  auto list = [&](const std::vector<std::string>& v) {
    if (v.empty()) return std::string("none");
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  return "integration type " + Quote(type) + " does not connect " +
         (source_type.empty() ? "?" : source_type) + " -> " +
         (dest_type.empty() ? "?" : dest_type) + " (sources: " + list(t->source_service_types) +
         "; destinations: " + list(t->dest_service_types) + ")";
}

int CatalogChecker::NodeCount(const std::string& type, const std::string& plan) const {
  const model::ServiceType* t = catalog_.FindServiceType(type);
  const model::ServicePlan* p = t == nullptr ? nullptr : t->FindPlan(plan);
  return p == nullptr ? 0 : p->node_count;
}

}  // namespace aivenctl::diff
