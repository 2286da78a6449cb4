#include "model/live.h"

#include "model/find.h"

namespace aivenctl::model {

const LiveUser* LiveService::FindUser(const std::string& name) const {
  return FindByName(users, name);
}
const LiveDatabase* LiveService::FindDatabase(const std::string& name) const {
  return FindByName(databases, name);
}
const LiveTopic* LiveService::FindTopic(const std::string& name) const {
  return FindByName(topics, name);
}
const LiveSchema* LiveService::FindSchema(const std::string& name) const {
  return FindByName(schemas, name);
}
const LiveConnector* LiveService::FindConnector(const std::string& name) const {
  return FindByName(connectors, name);
}
const LivePool* LiveService::FindPool(const std::string& name) const {
  return FindByName(pools, name);
}
const LiveService* LiveProject::FindService(const std::string& name) const {
  return FindByName(services, name);
}
const LiveVpc* LiveProject::FindVpc(const std::string& cloud) const {
  for (const auto& v : vpcs) {
    if (v.cloud == cloud && v.state != "DELETING" && v.state != "DELETED") return &v;
  }
  return nullptr;
}
const LiveVpc* LiveProject::FindVpcById(const std::string& id) const {
  for (const auto& v : vpcs) {
    if (v.id == id) return &v;
  }
  return nullptr;
}
const LiveEndpoint* LiveProject::FindEndpoint(const std::string& name) const {
  return FindByName(endpoints, name);
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
