#include "lock/lock_keys.h"

#include <algorithm>
#include <set>

#include "diff/sha256.h"

namespace aivenctl::lock {

int64_t KeyOf(std::string_view text) {
  const std::string hex = diff::Sha256Hex("aivenctl-lock\n" + std::string(text));
  const uint64_t bits = std::stoull(hex.substr(0, 16), nullptr, 16);
  return static_cast<int64_t>(bits);
}

std::vector<LockKey> KeysFor(const Scope& scope) {
  const bool everything = scope.plan.empty() || scope.projects.empty();
  std::vector<LockKey> keys{{KeyOf("every plan"), everything, "every plan"}};
  if (everything) return keys;
  std::vector<LockKey> plans;
  for (const std::string& project :
       std::set<std::string>(scope.projects.begin(), scope.projects.end())) {
    plans.push_back({KeyOf("plan\n" + scope.plan + "\n" + project), true,
                     "plan " + scope.plan + " in project " + project});
  }
  std::sort(plans.begin(), plans.end(),
            [](const LockKey& a, const LockKey& b) { return a.key < b.key; });
  keys.insert(keys.end(), plans.begin(), plans.end());
  return keys;
}

}  // namespace aivenctl::lock
