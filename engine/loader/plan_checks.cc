// Plan-wide checks: unique names at each level, integration endpoints that resolve.
#include <map>

#include "core/suggest.h"
#include "loader/model_builder.h"

namespace aivenctl::loader {
namespace {

std::string At(const core::SourcePos& p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

class PlanChecker {
 public:
  explicit PlanChecker(core::Diagnostics& diags) : diags_(diags) {}

  void Run(model::Plan& plan) {
    Unique(plan.projects, "project", "in this plan");
    for (auto& p : plan.projects) {
      Unique(p.services, "service", "in project \"" + p.name + "\"");
      Unique(p.vpcs, "vpc", "in project \"" + p.name + "\"");
      for (auto& s : p.services) {
        const std::string where = "in service \"" + s.name + "\"";
        Unique(s.databases, "database", where);
        Unique(s.pools, "pool", where);
        Unique(s.users, "user", where);
        Unique(s.topics, "topic", where);
        UniqueAcls(s.acls, "ACL", where);
        UniqueAcls(s.schema_registry_acls, "schema registry ACL", where);
        Unique(s.schemas, "schema subject", where);
        Unique(s.connectors, "connector", where);
        for (const auto& k : s.connectors) CheckConnector(k);
      }
      Unique(p.endpoints, "endpoint", "in project \"" + p.name + "\"");
    }
    std::map<std::string, const model::Integration*> integrations;
    for (auto& p : plan.projects) {
      for (auto& i : p.integrations) {
        Resolve(plan, p, i);
        const auto named = [](const model::Endpoint& e) {
          return !e.service.empty() || e.IsEndpoint();
        };
        if (i.type.empty() || !named(i.source) || !named(i.destination)) continue;
        auto [it, inserted] = integrations.emplace(i.address.ToString(), &i);
        if (!inserted) {
          Error(i.pos,
                "duplicate integration " + i.type + " from \"" + i.source.Label(p.name) +
                    "\" to \"" + i.destination.Label(p.name) + "\" (first defined at " +
                    At(it->second->pos) + ")",
                i.address);
        }
      }
    }
  }

 private:
  // A secret key (model::IsSecretConnectorKey) must take its value from the environment.
  void CheckConnector(const model::Connector& k) {
    for (const auto& [key, value] : k.config.items()) {
      if (!model::IsSecretConnectorKey(key)) continue;
      Error(model::PosOf(k.key_pos, "config." + key, k.pos),
            "connector \"" + k.name + "\": config." + key +
                " is a secret; write its value as ${env:NAME} so that apply reads it from the "
                "environment and it is never printed or saved",
            k.address);
    }
  }

  void Error(const core::SourcePos& pos, std::string message, const core::Address& a) {
    diags_.push_back({core::Severity::kError, pos, std::move(message), a.ToString()});
  }
  void Warning(const core::SourcePos& pos, std::string message, const core::Address& a) {
    diags_.push_back({core::Severity::kWarning, pos, std::move(message), a.ToString()});
  }

  template <typename T>
  void Unique(const std::vector<T>& items, const char* what, const std::string& where) {
    std::map<std::string, const T*> seen;
    for (const auto& item : items) {
      if (item.name.empty()) continue;
      auto [it, inserted] = seen.emplace(item.name, &item);
      if (!inserted) {
        Error(item.pos,
              std::string("duplicate ") + what + " \"" + item.name + "\" " + where +
                  " (first defined at " + At(it->second->pos) + ")",
              item.address);
      }
    }
  }

  // ACLs are named by their content: the same username, resource and permission twice.
  void UniqueAcls(const std::vector<model::Acl>& acls, const char* what, const std::string& where) {
    std::map<std::string, const model::Acl*> seen;
    for (const auto& a : acls) {
      auto [it, inserted] = seen.emplace(a.Key(), &a);
      if (!inserted) {
        Error(a.pos,
              std::string("duplicate ") + what + " \"" + a.Key() + "\" " + where +
                  " (first defined at " + At(it->second->pos) + ")",
              a.address);
      }
    }
  }

  void Resolve(const model::Plan& plan, const model::Project& home, model::Integration& i) {
    CheckEndpoint(plan, home, i, i.source, "source");
    CheckEndpoint(plan, home, i, i.destination, "destination");
    if (i.source.IsEndpoint() && i.destination.IsEndpoint()) {
      Error(i.destination.pos,
            "an integration connects a service to an endpoint; here both ends are endpoints",
            i.address);
    }
    if (i.source.service.empty() || i.destination.service.empty()) return;
    if (i.source.project == i.destination.project && i.source.service == i.destination.service) {
      Error(i.destination.pos,
            "an integration cannot connect service \"" + i.source.Label(home.name) + "\" to itself",
            i.address);
    }
    if (i.external && i.source.in_plan && i.destination.in_plan) {
      Warning(i.pos, "external: true has no effect: both services are in this plan", i.address);
    }
    const model::Service* src = plan.FindService(i.source.project, i.source.service);
    const model::Service* dst = plan.FindService(i.destination.project, i.destination.service);
    if (i.type == "kafka_connect" && src != nullptr && dst != nullptr &&
        (src->type != "kafka" || dst->type != "kafka_connect")) {
      Error(i.pos,
            "a kafka_connect integration goes from a kafka service to a kafka_connect service; "
            "here it goes from " +
                src->type + " to " + dst->type,
            i.address);
    }
  }

  void CheckEndpoint(const model::Plan& plan, const model::Project& home,
                     const model::Integration& i, model::Endpoint& e, const char* side) {
    if (e.IsEndpoint()) return ResolveEndpoint(home, i, e, side);
    if (e.service.empty()) return;
    e.in_plan = plan.FindService(e.project, e.service) != nullptr;
    if (e.in_plan || i.external) return;
    std::vector<std::string> candidates;
    for (const auto& p : plan.projects) {
      for (const auto& s : p.services)
        candidates.push_back(model::Endpoint{p.name, s.name}.Label(home.name));
    }
    std::string label = e.Label(home.name);
    std::string message =
        std::string("integration ") + side + " \"" + label + "\" is not a service in this plan";
    if (auto s = core::Suggest(label, candidates)) {
      message += " (did you mean \"" + *s + "\"?)";
    } else {
      message += " (set external: true on the integration if it lives elsewhere)";
    }
    Error(e.pos, message, i.address);
  }

  // An `{endpoint: NAME}` end names an endpoint declared in the integration's project (or,
  // with external: true, one that exists there already).
  void ResolveEndpoint(const model::Project& home, const model::Integration& i, model::Endpoint& e,
                       const char* side) {
    std::vector<std::string> names;
    for (const auto& ep : home.endpoints) {
      if (ep.name == e.endpoint) e.in_plan = true;
      names.push_back(ep.name);
    }
    if (e.in_plan || i.external) return;
    std::string message = std::string("integration ") + side + " endpoint \"" + e.endpoint +
                          "\" is not declared under endpoints: of project \"" + home.name + "\"";
    if (auto s = core::Suggest(e.endpoint, names)) {
      message += " (did you mean \"" + *s + "\"?)";
    } else {
      message += " (set external: true on the integration if it exists already)";
    }
    Error(e.pos, message, i.address);
  }

  core::Diagnostics& diags_;
};

}  // namespace

void CheckPlan(model::Plan& plan, core::Diagnostics& diags) {
  PlanChecker(diags).Run(plan);
  CheckVpcs(plan, diags);
}

}  // namespace aivenctl::loader
