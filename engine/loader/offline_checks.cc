// Checks against Aiven's own schemas compiled into aivenctl (model/aiven_schemas.h), so
// `validate` catches offline what would otherwise fail at apply: topic config keys and
// values, and service types Aiven retired or that the table does not know.
#include "loader/offline_checks.h"

#include "core/suggest.h"
#include "model/aiven_schemas.h"
#include "model/json_schema.h"

namespace aivenctl::loader {
namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

void Add(core::Diagnostics& diags, core::Severity severity, const core::SourcePos& pos,
         std::string message, const core::Address& address) {
  diags.push_back({severity, pos, std::move(message), address.ToString()});
}

void CheckType(const model::Service& s, core::Diagnostics& diags) {
  if (s.type.empty() || model::IsCurrentServiceType(s.type)) return;
  const core::SourcePos at = model::PosOf(s.key_pos, "type", s.pos);
  if (auto successor = model::EndOfLifeSuccessor(s.type)) {
    Add(diags, core::Severity::kWarning, at,
        "service type " + Quote(s.type) + " has reached end of life at Aiven (not in its list of " +
            model::AivenSchemasDate() +
            "); plan refuses it when the live catalog does not offer it" +
            (successor->empty() ? "" : "; use " + Quote(*successor)),
        s.address);
    return;
  }
  Add(diags, core::Severity::kWarning, at,
      "service type " + Quote(s.type) + " is not in Aiven's list of " + model::AivenSchemasDate() +
          " that aivenctl knows offline; plan checks it against the live catalog",
      s.address);
}

void CheckTopicConfig(const model::Topic& t, core::Diagnostics& diags) {
  for (const auto& p : model::ReadableProblems(t.config, model::TopicConfigSchema(), "config")) {
    if (p.path.find('.', 7) != std::string::npos) continue;  // Kafka's dotted form: reported
    Add(diags, core::Severity::kError, model::PosOf(t.key_pos, p.path, t.pos),
        "topic config " + Quote(p.path.substr(7)) + ": " + p.message, t.address);
  }
}

// The endpoint's type and user_config against Aiven's endpoint type schemas.
void CheckEndpoint(const model::IntegrationEndpoint& e, core::Diagnostics& diags) {
  if (e.type.empty()) return;  // the schema reports the missing key
  const nlohmann::json* schema = model::OfflineEndpointSchema(e.type);
  const std::string at = e.address.ToString() + ": ";
  if (schema == nullptr) {
    const std::vector<std::string> types = model::EndpointTypes();
    std::string hint;
    if (auto s = core::Suggest(e.type, types)) hint = " (did you mean " + Quote(*s) + "?)";
    Add(diags, core::Severity::kError, model::PosOf(e.key_pos, "type", e.pos),
        at + "unknown endpoint type " + Quote(e.type) + hint, e.address);
    return;
  }
  for (const auto& p : model::ReadableProblems(e.user_config, *schema, "user_config")) {
    Add(diags, core::Severity::kError, model::PosOf(e.key_pos, p.path, e.pos), at + p.ToString(),
        e.address);
  }
  // Secrets come only from the environment: a value written in the file would end up in
  // version control, and aivenctl never sends a secret it could not read again at apply.
  for (const auto& path : model::MarkedPaths(*schema, e.user_config, "user_config", "_secure")) {
    const std::string key = path.substr(std::string("user_config.").size());
    if (e.user_config_env.contains(key)) continue;
    Add(diags, core::Severity::kError, model::PosOf(e.key_pos, path, e.pos),
        at + path +
            " is a secret: write it as ${env:NAME} (aivenctl reads it at apply and "
            "never prints or saves it)",
        e.address);
  }
}

}  // namespace

void CheckOffline(const model::Plan& plan, core::Diagnostics& diags) {
  for (const auto& project : plan.projects) {
    for (const auto& s : project.services) {
      CheckType(s, diags);
      for (const auto& t : s.topics) CheckTopicConfig(t, diags);
    }
    for (const auto& e : project.endpoints) CheckEndpoint(e, diags);
  }
}

}  // namespace aivenctl::loader
