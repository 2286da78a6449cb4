#include "model/catalog.h"

#include <algorithm>

#include "model/find.h"

namespace aivenctl::model {

const ServicePlan* ServiceType::FindPlan(const std::string& name) const {
  return FindByName(plans, name);
}
const Cloud* Catalog::FindCloud(const std::string& name) const { return FindByName(clouds, name); }
const ServiceType* Catalog::FindServiceType(const std::string& name) const {
  auto it = service_types.find(name);
  return it == service_types.end() ? nullptr : &it->second;
}
const IntegrationType* Catalog::FindIntegrationType(const std::string& name) const {
  return FindByName(integration_types, name);
}
std::optional<int> Catalog::MaxPoolSize(const std::string& type, const std::string& plan,
                                        const std::string& cloud) const {
  const ServiceType* t = FindServiceType(type);
  const ServicePlan* p = t == nullptr ? nullptr : t->FindPlan(plan);
  if (p == nullptr) return std::nullopt;
  // A plan's node memory is the same in every cloud: any region answers when the service's
  // cloud is not known yet (or not offered in the catalog).
  long long memory_mb = 0;
  if (auto it = p->regions.find(cloud); it != p->regions.end()) {
    memory_mb = it->second.node_memory_mb;
  }
  for (auto it = p->regions.begin(); memory_mb <= 0 && it != p->regions.end(); ++it) {
    memory_mb = it->second.node_memory_mb;
  }
  if (memory_mb <= 0) return std::nullopt;
  const long long gib = memory_mb / 1024;
  if (gib < 4) return 0;  // hobbyist and free plans have no connection pooling
  return static_cast<int>(std::min<long long>(1000, 25 * gib));
}

std::optional<double> Catalog::HourlyPrice(const std::string& type, const std::string& plan,
                                           const std::string& cloud) const {
  const ServiceType* t = FindServiceType(type);
  const ServicePlan* p = t == nullptr ? nullptr : t->FindPlan(plan);
  if (p == nullptr) return std::nullopt;
  auto it = p->regions.find(cloud);
  if (it == p->regions.end()) return std::nullopt;
  return it->second.price_usd_per_hour;
}

}  // namespace aivenctl::model
