#pragma once
// Lookup by `name` member in a vector of model objects (live resources, catalog entries).

#include <algorithm>
#include <string>

namespace aivenctl::model {

/// The item whose `name` equals `name`, or nullptr.
template <typename Vec>
auto FindByName(const Vec& items, const std::string& name) -> decltype(&items.front()) {
  auto it =
      std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace aivenctl::model
