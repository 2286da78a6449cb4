#pragma once
// `aivenctl show`: what aivenctl owns, live, with state, age, expiry and cost. Pure: the
// caller refreshes and passes `now`.

#include <optional>
#include <string>
#include <vector>

#include "core/address.h"
#include "core/duration.h"
#include "model/catalog.h"
#include "model/live.h"

namespace aivenctl::diff {

/// One owned project, service or topic.
struct OwnedItem {
  core::Address address;
  std::string plan;                  ///< the aivenctl-plan tag
  std::string state;                 ///< services: RUNNING, ...; topics: ACTIVE, ...; "" else
  std::optional<core::Seconds> age;  ///< services, from create_time
  std::string expires_at;            ///< the expires-at tag ("" when none)
  std::optional<core::Seconds> expires_in;  ///< negative when passed; nullopt without a tag
  bool adopted = false;                     ///< aivenctl-adopted
  std::optional<double> hourly_usd;         ///< services, from the catalog (0 when powered off)
};

/// Everything aivenctl owns in `live` (every project in it), limited to plan `plan` when
/// set; sorted by address.
std::vector<OwnedItem> OwnedInventory(const model::LiveState& live, const model::Catalog& catalog,
                                      const std::optional<std::string>& plan, core::TimePoint now);

}  // namespace aivenctl::diff
