#include "model/live.h"

#include <algorithm>

namespace aivenctl::model {
namespace {

template <typename Vec>
auto FindByName(const Vec& items, const std::string& name) -> decltype(&items.front()) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const auto& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const LiveUser* LiveService::FindUser(const std::string& name) const {
  return FindByName(users, name);
}
const LiveDatabase* LiveService::FindDatabase(const std::string& name) const {
  return FindByName(databases, name);
}
const LiveTopic* LiveService::FindTopic(const std::string& name) const {
  return FindByName(topics, name);
}
const LiveService* LiveProject::FindService(const std::string& name) const {
  return FindByName(services, name);
}
const LiveProject* LiveState::FindProject(const std::string& name) const {
  return FindByName(projects, name);
}
const LiveService* LiveState::FindService(const std::string& project,
                                          const std::string& service) const {
  const LiveProject* p = FindProject(project);
  return p == nullptr ? nullptr : p->FindService(service);
}

}  // namespace aivenctl::model
