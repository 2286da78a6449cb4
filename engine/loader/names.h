#pragma once
// Aiven's naming rules (REFERENCE §6), checked after interpolation.

#include <optional>
#include <string>

namespace aivenctl::loader {

/// The kinds of names a plan file contains.
enum class NameKind {
  kPlan,
  kProject,
  kService,
  kTopic,
  kUser,
  kDatabase,
  kSubject,
  kConnector,
  kPool
};

/// nullopt when `name` is valid for `kind`; otherwise the rule it breaks, e.g. "a service
/// name is 1-64 characters: lowercase letters, digits and '-', starting with a letter".
std::optional<std::string> CheckName(NameKind kind, const std::string& name);

}  // namespace aivenctl::loader
