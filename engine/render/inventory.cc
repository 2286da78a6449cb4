#include "render/inventory.h"

#include "render/changeset_text.h"

namespace aivenctl::render {
namespace {

std::string Expires(const diff::OwnedItem& item) {
  if (item.adopted) return "never (adopted)";
  if (item.expires_at.empty()) return "-";
  if (!item.expires_in) return item.expires_at + " (not a time)";
  if (item.expires_in->count() <= 0)
    return "passed " + core::FormatDuration(-*item.expires_in) + " ago";
  return "in " + core::FormatDuration(*item.expires_in);
}

double Total(const std::vector<diff::OwnedItem>& items) {
  double total = 0;
  for (const auto& item : items) total += item.hourly_usd.value_or(0);
  return total;
}

}  // namespace

Table InventoryTable(const std::vector<diff::OwnedItem>& items) {
  Table t{{"address", "plan", "state", "age", "expires", "$/h"},
          {},
          {false, false, false, true, false, true}};
  for (const auto& item : items) {
    t.rows.push_back({item.address.ToString(), item.plan, item.state.empty() ? "-" : item.state,
                      item.age ? core::FormatDuration(std::max(*item.age, core::Seconds(0))) : "-",
                      Expires(item), item.hourly_usd ? FormatUsd(*item.hourly_usd, 3) : "-"});
  }
  t.rows.push_back({"total", "", "", "", "", FormatUsd(Total(items), 3)});
  return t;
}

nlohmann::json InventoryJson(const std::vector<diff::OwnedItem>& items) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : items) {
    nlohmann::json j = {{"address", item.address.ToString()},
                        {"plan", item.plan},
                        {"state", item.state},
                        {"adopted", item.adopted}};
    if (item.age) j["age_seconds"] = item.age->count();
    if (!item.expires_at.empty()) j["expires_at"] = item.expires_at;
    if (item.expires_in) j["expires_in_seconds"] = item.expires_in->count();
    if (item.hourly_usd) j["hourly_usd"] = *item.hourly_usd;
    list.push_back(std::move(j));
  }
  const double total = Total(items);
  return {{"items", std::move(list)}, {"hourly_usd", total}, {"monthly_usd", total * 730}};
}

}  // namespace aivenctl::render
