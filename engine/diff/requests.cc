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

}  // namespace aivenctl::diff
