#include "diff/inventory.h"

#include <algorithm>

#include "diff/ownership.h"

namespace aivenctl::diff {
namespace {

bool Mine(const model::Tags& tags, const std::optional<std::string>& plan) {
  auto managed = tags.find(kTagManagedBy);
  if (managed == tags.end() || managed->second != kManagedByValue) return false;
  auto owner = OwnerPlan(tags);
  return owner && (!plan || *owner == *plan);
}

OwnedItem Item(const core::Address& address, const model::Tags& tags, core::TimePoint now) {
  OwnedItem item;
  item.address = address;
  item.plan = OwnerPlan(tags).value_or("");
  item.adopted = IsAdopted(tags);
  if (auto it = tags.find(kTagExpiresAt); it != tags.end()) {
    item.expires_at = it->second;
    if (auto at = core::ParseTime(it->second); at.ok()) {
      item.expires_in = std::chrono::duration_cast<core::Seconds>(*at - now);
    }
  }
  return item;
}

}  // namespace

std::vector<OwnedItem> OwnedInventory(const model::LiveState& live, const model::Catalog& catalog,
                                      const std::optional<std::string>& plan, core::TimePoint now) {
  std::vector<OwnedItem> out;
  for (const auto& lp : live.projects) {
    if (Mine(lp.tags, plan)) out.push_back(Item(lp.address, lp.tags, now));
    for (const auto& ls : lp.services) {
      if (Mine(ls.tags, plan)) {
        OwnedItem item = Item(ls.address, ls.tags, now);
        item.state = ls.state;
        if (auto created = core::ParseTime(ls.create_time); created.ok()) {
          item.age = std::chrono::duration_cast<core::Seconds>(now - *created);
        }
        if (auto price = catalog.HourlyPrice(ls.type, ls.plan, ls.cloud)) {
          item.hourly_usd = ls.state == "POWEROFF" ? 0.0 : *price;
        }
        out.push_back(std::move(item));
      }
      for (const auto& t : ls.topics) {
        if (!Mine(t.tags, plan)) continue;
        OwnedItem item = Item(core::Address::Child(core::Kind::kTopic, ls.project, ls.name, t.name),
                              t.tags, now);
        item.state = t.state;
        out.push_back(std::move(item));
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const OwnedItem& a, const OwnedItem& b) { return a.address < b.address; });
  return out;
}

}  // namespace aivenctl::diff
