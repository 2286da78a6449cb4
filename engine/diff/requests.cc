#include "diff/requests.h"

#include <type_traits>

namespace aivenctl::diff {

bool ServiceCreate::ForksOrRestores() const {
  if (!user_config || !user_config->is_object()) return false;
  for (const char* key : {"service_to_fork_from", "project_to_fork_from", "recovery_target_time"}) {
    const auto it = user_config->find(key);
    if (it != user_config->end() && !it->is_null()) return true;
  }
  return false;
}

bool Fits(const Request& request, core::Kind kind, Action action) {
  return std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, NoRequest>) {
          return false;
        } else {
          return T::kKind == kind && T::kAction == action;
        }
      },
      request);
}

nlohmann::json* SecretConfig(Request& request) {
  if (auto* create = std::get_if<ServiceCreate>(&request)) {
    if (!create->user_config) create->user_config = nlohmann::json::object();
    return &*create->user_config;
  }
  if (auto* r = std::get_if<EndpointCreate>(&request)) return &r->user_config;
  if (auto* r = std::get_if<EndpointUpdate>(&request)) return &r->user_config;
  if (auto* r = std::get_if<ConnectorCreate>(&request)) return &r->config;
  if (auto* r = std::get_if<ConnectorUpdate>(&request)) return &r->config;
  return nullptr;
}

bool CarriesSecrets(const Request& request) {
  return std::holds_alternative<ServiceCreate>(request) ||
         std::holds_alternative<EndpointCreate>(request) ||
         std::holds_alternative<EndpointUpdate>(request) ||
         std::holds_alternative<ConnectorCreate>(request) ||
         std::holds_alternative<ConnectorUpdate>(request);
}

}  // namespace aivenctl::diff
