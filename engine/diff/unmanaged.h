#pragma once
// Drift you can see: what exists live inside a plan's projects and services but is not
// declared ("unmanaged, kept"), and the rule for which live user_config keys count (shared
// with `aivenctl import`).

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::diff {

/// The user_config keys set live that `declared` does not write, as dotted paths below
/// user_config with their live values ("pg.work_mem" -> 8), sorted. Left out: secrets, keys
/// Aiven assigns itself (backup_hour, backup_minute, the top-level `<type>_version` Aiven
/// picked, an ip_filter open to everyone), and values equal to their default in `schema` (the
/// service type's user_config JSON Schema). A key the plan writes (even as null) is declared;
/// inside an object both sides have, each key is judged on its own.
std::vector<std::pair<std::string, nlohmann::json>> UndeclaredUserConfig(
    const nlohmann::json& live, const nlohmann::json& declared, const nlohmann::json& schema);

}  // namespace aivenctl::diff
