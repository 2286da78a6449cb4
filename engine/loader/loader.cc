#include "loader/loader.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "loader/json_convert.h"
#include "loader/model_builder.h"
#include "loader/offline_checks.h"
#include "loader/schema_check.h"

namespace aivenctl::loader {
namespace {

void SortByPosition(core::Diagnostics& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const auto& a, const auto& b) {
    if (a.pos.file != b.pos.file) return a.pos.file < b.pos.file;
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.column < b.pos.column;
  });
}

// Service or endpoint place (line, column) -> the paths of its user_config values written as
// exactly `${env:NAME}` -> NAME ("admin_password", "migration.password",
// "secret_providers[0].vault.token": the planner's notation). Read before interpolation
// replaces the text.
using EnvRefs = std::map<std::pair<int, int>, std::map<std::string, std::string>>;

void CollectEnvRefs(const YamlNode& node, const std::string& path,
                    std::map<std::string, std::string>& out) {
  static constexpr std::string_view kOpen = "${env:";
  if (node.IsMap()) {
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
      const std::string& key = node.keys[i].value;
      CollectEnvRefs(node.values[i], path.empty() ? key : path + "." + key, out);
    }
    return;
  }
  if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.values.size(); ++i) {
      CollectEnvRefs(node.values[i], path + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  const std::string& text = node.value;
  if (!node.IsScalar() || path.empty() || text.size() <= kOpen.size() + 1 ||
      text.compare(0, kOpen.size(), kOpen) != 0 || text.back() != '}') {
    return;
  }
  std::string name = text.substr(kOpen.size(), text.size() - kOpen.size() - 1);
  if (IsVariableName(name)) out[path] = std::move(name);
}

EnvRefs UserConfigEnvRefs(const YamlNode& root) {
  EnvRefs out;
  const YamlNode* projects = root.Find("projects");
  if (projects == nullptr || !projects->IsSequence()) return out;
  for (const YamlNode& project : projects->values) {
    for (const char* list : {"services", "endpoints"}) {
      const YamlNode* items = project.IsMap() ? project.Find(list) : nullptr;
      if (items == nullptr || !items->IsSequence()) continue;
      for (const YamlNode& item : items->values) {
        const YamlNode* uc = item.IsMap() ? item.Find("user_config") : nullptr;
        if (uc == nullptr || !uc->IsMap()) continue;
        std::map<std::string, std::string> refs;
        CollectEnvRefs(*uc, "", refs);
        if (!refs.empty()) out[{item.line, item.column}] = std::move(refs);
      }
    }
  }
  return out;
}

// Connector place (line, column) -> config keys whose value mentions the environment ->
// NAME when written as exactly `${env:NAME}`, "" otherwise (an error: a value from the
// environment is a secret and is re-read at apply by its variable's name alone).
EnvRefs ConnectorEnvRefs(const YamlNode& root) {
  static constexpr std::string_view kOpen = "${env:";
  EnvRefs out;
  const YamlNode* projects = root.Find("projects");
  if (projects == nullptr || !projects->IsSequence()) return out;
  for (const YamlNode& project : projects->values) {
    const YamlNode* services = project.IsMap() ? project.Find("services") : nullptr;
    if (services == nullptr || !services->IsSequence()) continue;
    for (const YamlNode& service : services->values) {
      const YamlNode* list = service.IsMap() ? service.Find("connectors") : nullptr;
      if (list == nullptr || !list->IsSequence()) continue;
      for (const YamlNode& connector : list->values) {
        const YamlNode* config = connector.IsMap() ? connector.Find("config") : nullptr;
        if (config == nullptr || !config->IsMap()) continue;
        for (std::size_t i = 0; i < config->keys.size(); ++i) {
          const std::string& text = config->values[i].value;
          if (!config->values[i].IsScalar() || text.find(kOpen) == std::string::npos) continue;
          std::string name;
          if (text.compare(0, kOpen.size(), kOpen) == 0 && text.back() == '}') {
            name = text.substr(kOpen.size(), text.size() - kOpen.size() - 1);
            if (!IsVariableName(name)) name.clear();
          }
          out[{connector.line, connector.column}][config->keys[i].value] = std::move(name);
        }
      }
    }
  }
  return out;
}

// Moves the connector config values read from the environment out of the model (they are
// secrets: apply reads them again) into config_env.
void TakeConnectorSecrets(model::Service& service, const EnvRefs& refs, core::Diagnostics& diags) {
  for (auto& k : service.connectors) {
    auto found = refs.find({k.pos.line, k.pos.column});
    if (found == refs.end()) continue;
    for (const auto& [key, name] : found->second) {
      k.config.erase(key);
      if (!name.empty()) {
        k.config_env[key] = name;
        continue;
      }
      diags.push_back({core::Severity::kError, model::PosOf(k.key_pos, "config." + key, k.pos),
                       "connector \"" + k.name + "\": config." + key +
                           " reads the environment inside a longer value; a value from the "
                           "environment is a secret re-read at apply, so write exactly "
                           "${env:NAME} and put the whole value in the variable",
                       k.address.ToString()});
    }
  }
}

}  // namespace

LoadResult LoadPlanText(const std::string& file, std::string text, const LoadOptions& options) {
  LoadResult result;
  if (auto problem = CheckPlanBytes(file, text, options.max_bytes)) {
    result.diagnostics.push_back(*problem);
    return result;  // no source kept: it is not text we can show
  }
  result.source = std::move(text);
  core::Diagnostics& diags = result.diagnostics;

  auto root = ParseYaml(file, result.source, options.yaml, diags);
  if (!root) {
    SortByPosition(diags);
    return result;
  }
  const EnvRefs env_refs = UserConfigEnvRefs(*root);
  const EnvRefs connector_env = ConnectorEnvRefs(*root);
  core::ProcessEnvironment process_env;
  const core::Environment& env = options.env != nullptr ? *options.env : process_env;
  std::set<std::pair<int, int>> blocked;  // places whose value could not be interpolated
  VarMap vars = Interpolate(file, *root, options.vars, env, diags, blocked);
  for (const auto& d : diags) {
    if (d.severity == core::Severity::kError) blocked.insert({d.pos.line, d.pos.column});
  }

  nlohmann::json doc = ToJson(*root);
  core::Diagnostics schema_diags;
  CheckSchema(file, doc, *root, schema_diags);

  // Semantic checks run on a leniently built model even when the schema found problems, so
  // that everything is reported at once. One place gets one error: interpolation problems
  // first, then the semantic check (it knows more, e.g. "invalid service name"), then the
  // schema's.
  core::Diagnostics semantic;
  model::Plan plan = BuildPlan(file, doc, *root, vars, semantic);
  for (auto& project : plan.projects) {
    for (auto& service : project.services) {
      auto refs = env_refs.find({service.pos.line, service.pos.column});
      if (refs != env_refs.end()) service.user_config_env = refs->second;
      TakeConnectorSecrets(service, connector_env, semantic);
    }
    for (auto& endpoint : project.endpoints) {
      auto refs = env_refs.find({endpoint.pos.line, endpoint.pos.column});
      if (refs != env_refs.end()) endpoint.user_config_env = refs->second;
    }
  }
  CheckPlan(plan, semantic);
  CheckOffline(plan, semantic);
  std::set<std::pair<int, int>> semantic_places;
  for (auto& d : semantic) {
    bool error = d.severity == core::Severity::kError;
    if (error && blocked.contains({d.pos.line, d.pos.column})) continue;
    if (error) semantic_places.insert({d.pos.line, d.pos.column});
    diags.push_back(std::move(d));
  }
  for (auto& d : schema_diags) {
    std::pair<int, int> at{d.pos.line, d.pos.column};
    if (blocked.contains(at)) continue;
    // A value the semantic check already explained ("invalid service name ...").
    bool about_value = d.message.rfind("invalid value ", 0) == 0;
    if (about_value && semantic_places.contains(at)) continue;
    diags.push_back(std::move(d));
  }
  SortByPosition(diags);
  if (!core::HasErrors(diags)) result.plan = std::move(plan);
  return result;
}

LoadResult LoadPlanFile(const std::string& path, const LoadOptions& options) {
  core::Diagnostic problem;
  auto bytes = ReadPlanFile(path, options.max_bytes, problem);
  if (!bytes) {
    LoadResult result;
    result.diagnostics.push_back(problem);
    return result;
  }
  return LoadPlanText(path, std::move(*bytes), options);
}

}  // namespace aivenctl::loader
