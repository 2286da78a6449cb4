#pragma once
// `aivenctl show`: the owned inventory as a table for people and JSON for tools.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/inventory.h"
#include "render/tables.h"

namespace aivenctl::render {

/// ADDRESS, PLAN, STATE, AGE, EXPIRES ("in 3h", "passed 2h ago", "never (adopted)", "-"),
/// $/H; then one row "total" with the summed cost per hour.
Table InventoryTable(const std::vector<diff::OwnedItem>& items);

/// {"items": [{"address", "plan", "state", "age_seconds"?, "expires_at"?,
///  "expires_in_seconds"?, "adopted", "hourly_usd"?}], "hourly_usd", "monthly_usd"}.
nlohmann::json InventoryJson(const std::vector<diff::OwnedItem>& items);

}  // namespace aivenctl::render
