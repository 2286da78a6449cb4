#include "api/live_json.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <tuple>

namespace aivenctl::api {

using nlohmann::json;

std::string StringOr(const json& j, const char* key, const std::string& fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

namespace {

std::string Str(const json& j, const char* key) { return StringOr(j, key); }

std::optional<std::string> OptStr(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<long long> OptInt(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  if (it->is_number_integer()) return it->get<long long>();
  return std::llround(it->get<double>());
}

int Int(const json& j, const char* key) { return static_cast<int>(OptInt(j, key).value_or(0)); }

bool Bool(const json& j, const char* key) {
  if (!j.is_object()) return false;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

const json& Member(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

json ObjectOr(const json& j, const char* key) {
  const json& m = Member(j, key);
  return m.is_object() ? m : json::object();
}

template <typename T>
void SortByName(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

// Topic list keys that are topic config values.
constexpr const char* kListConfigKeys[] = {"cleanup_policy", "min_insync_replicas",
                                           "retention_bytes", "remote_storage_enable"};

}  // namespace

bool IsSecretKey(const std::string& key) {
  for (const char* word : {"password", "secret", "private_key", "access_key", "api_key",
                           "credentials", "access_cert", "ssl_key", "passphrase"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return false;
}

json DropSecretKeys(const json& config) {
  if (config.is_array()) {  // e.g. a list of objects, each of which may hold a password
    json out = json::array();
    for (const auto& item : config) out.push_back(DropSecretKeys(item));
    return out;
  }
  if (!config.is_object()) return config;
  json out = json::object();
  for (auto it = config.begin(); it != config.end(); ++it) {
    if (IsSecretKey(it.key())) continue;
    out[it.key()] = DropSecretKeys(it.value());
  }
  return out;
}

model::Tags TagsFromJson(const json& tags) {
  model::Tags out;
  if (!tags.is_object()) return out;
  for (auto it = tags.begin(); it != tags.end(); ++it) {
    if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
  }
  return out;
}

model::Tags TopicTagsFromJson(const json& tags) {
  model::Tags out;
  if (!tags.is_array()) return out;
  for (const auto& t : tags) {
    std::string key = Str(t, "key");
    if (!key.empty()) out[key] = Str(t, "value");
  }
  return out;
}

model::Cloud CloudFromJson(const json& cloud) {
  return {Str(cloud, "cloud_name"), Str(cloud, "cloud_description"), Str(cloud, "provider"),
          Str(cloud, "geo_region")};
}

std::vector<model::Cloud> CloudsFromJson(const json& body) {
  std::vector<model::Cloud> out;
  const json& clouds = Member(body, "clouds");
  if (clouds.is_array()) {
    for (const auto& c : clouds) out.push_back(CloudFromJson(c));
  }
  SortByName(out);
  return out;
}

std::vector<model::ProjectInfo> ProjectsFromJson(const json& body) {
  std::vector<model::ProjectInfo> out;
  const json& projects = Member(body, "projects");
  const json& memberships = Member(body, "project_memberships");
  const json& membership = Member(body, "project_membership");
  if (!projects.is_array()) return out;
  for (const auto& p : projects) {
    model::ProjectInfo info;
    info.name = Str(p, "project_name");
    info.default_cloud = Str(p, "default_cloud");
    info.tags = TagsFromJson(Member(p, "tags"));
    const json& roles = Member(memberships, info.name.c_str());
    if (roles.is_array()) {
      for (const auto& r : roles) {
        if (r.is_string()) info.roles.push_back(r.get<std::string>());
      }
    } else if (auto role = OptStr(membership, info.name.c_str())) {
      info.roles.push_back(*role);
    }
    std::sort(info.roles.begin(), info.roles.end());
    out.push_back(std::move(info));
  }
  SortByName(out);
  return out;
}

model::LiveProject ProjectFromJson(const json& project) {
  model::LiveProject out;
  out.name = Str(project, "project_name");
  out.default_cloud = Str(project, "default_cloud");
  out.billing_group_id = Str(project, "billing_group_id");
  out.tags = TagsFromJson(Member(project, "tags"));
  out.address = core::Address::Project(out.name);
  return out;
}

model::LiveUser UserFromJson(const json& user) {
  model::LiveUser out;
  out.name = Str(user, "username");
  out.type = Str(user, "type");
  out.authentication = OptStr(user, "authentication");
  const json& ac = Member(user, "access_control");
  out.access_control = ac.is_object() ? DropSecretKeys(ac) : json();
  return out;
}

model::LiveDatabase DatabaseFromJson(const json& database) {
  model::LiveDatabase out;
  if (database.is_string()) {
    out.name = database.get<std::string>();
    return out;
  }
  out.name = Str(database, "database_name");
  out.lc_collate = OptStr(database, "lc_collate");
  out.lc_ctype = OptStr(database, "lc_ctype");
  return out;
}

std::vector<model::LiveDatabase> DatabasesFromJson(const json& body) {
  std::vector<model::LiveDatabase> out;
  const json& dbs = Member(body, "databases");
  if (dbs.is_array()) {
    for (const auto& d : dbs) out.push_back(DatabaseFromJson(d));
  }
  SortByName(out);
  return out;
}

model::LiveVpc VpcFromJson(const json& vpc) {
  model::LiveVpc out;
  out.id = Str(vpc, "project_vpc_id");
  out.cloud = Str(vpc, "cloud_name");
  out.network_cidr = Str(vpc, "network_cidr");
  out.state = Str(vpc, "state");
  return out;
}

std::vector<model::LiveVpc> VpcsFromJson(const json& body) {
  std::vector<model::LiveVpc> out;
  const json& vpcs = Member(body, "vpcs");
  if (vpcs.is_array()) {
    for (const auto& v : vpcs) {
      model::LiveVpc live = VpcFromJson(v);
      if (live.state != "DELETED") out.push_back(std::move(live));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.cloud, a.state, a.id) < std::tie(b.cloud, b.state, b.id);
  });
  return out;
}
std::vector<model::LiveDatabase> ClickhouseDatabasesFromJson(const json& body) {
  std::vector<model::LiveDatabase> out;
  const json& dbs = Member(body, "databases");
  if (dbs.is_array()) {
    for (const auto& d : dbs) {
      model::LiveDatabase db;
      db.name = Str(d, "name");
      db.state = OptStr(d, "state").value_or("ok");  // older answers carry no state
      out.push_back(std::move(db));
    }
  }
  SortByName(out);
  return out;
}

model::LivePool PoolFromJson(const json& pool) {
  model::LivePool out;  // connection_uri holds the password: never read
  out.name = Str(pool, "pool_name");
  out.database = Str(pool, "database");
  out.username = Str(pool, "username");
  out.size = Int(pool, "pool_size");
  out.mode = Str(pool, "pool_mode");
  return out;
}

model::LiveTopic TopicFromListItem(const json& topic) {
  model::LiveTopic out;
  out.name = Str(topic, "topic_name");
  const json& partitions = Member(topic, "partitions");
  out.partitions =
      partitions.is_array() ? static_cast<int>(partitions.size()) : Int(topic, "partitions");
  out.replication = Int(topic, "replication");
  out.min_insync_replicas = Int(topic, "min_insync_replicas");
  for (const char* key : kListConfigKeys) {
    const json& v = Member(topic, key);
    if (!v.is_null()) out.config[key] = v;
  }
  out.tags = TopicTagsFromJson(Member(topic, "tags"));
  out.description = Str(topic, "topic_description");
  out.state = Str(topic, "state");
  return out;
}

model::LiveTopic TopicFromGet(const json& topic) {
  model::LiveTopic out = TopicFromListItem(topic);
  const json& config = Member(topic, "config");
  if (config.is_object()) {
    for (auto it = config.begin(); it != config.end(); ++it) {
      const json& v = it.value();
      json value = v.is_object() ? Member(v, "value") : v;
      if (!value.is_null()) out.config[it.key()] = value;
    }
  }
  if (out.min_insync_replicas == 0 && out.config.contains("min_insync_replicas") &&
      out.config["min_insync_replicas"].is_number()) {
    out.min_insync_replicas = out.config["min_insync_replicas"].get<int>();
  }
  return out;
}

std::vector<model::LiveTopic> TopicsFromJson(const json& body) {
  std::vector<model::LiveTopic> out;
  const json& topics = Member(body, "topics");
  if (topics.is_array()) {
    for (const auto& t : topics) out.push_back(TopicFromListItem(t));
  }
  SortByName(out);
  return out;
}

std::vector<model::LiveTopic> TopicsFromBatch(const json& body) {
  std::vector<model::LiveTopic> out;
  const json& topics = Member(body, "topics");
  if (topics.is_array()) {
    for (const auto& t : topics) out.push_back(TopicFromGet(t));
  }
  SortByName(out);
  return out;
}

model::LiveAcl AclFromJson(const json& acl) {
  model::LiveAcl out;
  out.id = Str(acl, "id");
  out.username = Str(acl, "username");
  out.resource = acl.contains("resource") ? Str(acl, "resource") : Str(acl, "topic");
  out.permission = Str(acl, "permission");
  return out;
}

std::vector<model::LiveAcl> AclsFromJson(const json& acls) {
  std::vector<model::LiveAcl> out;
  if (!acls.is_array()) return out;
  for (const auto& a : acls) {
    if (!a.is_object()) continue;
    model::LiveAcl acl = AclFromJson(a);
    if (acl.username.empty() || acl.permission.empty()) continue;
    out.push_back(std::move(acl));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const std::string ka = a.Key(), kb = b.Key();
    return ka != kb ? ka < kb : a.id < b.id;
  });
  return out;
}

model::LiveIntegration IntegrationFromJson(const json& integration) {
  model::LiveIntegration out;
  out.id = Str(integration, "service_integration_id");
  out.type = Str(integration, "integration_type");
  out.source_project = Str(integration, "source_project");
  out.source_service = Str(integration, "source_service");
  out.dest_project = Str(integration, "dest_project");
  out.dest_service = Str(integration, "dest_service");
  out.active = Bool(integration, "active");
  out.enabled = Bool(integration, "enabled");
  out.user_config = DropSecretKeys(ObjectOr(integration, "user_config"));
  out.source_endpoint_id = Str(integration, "source_endpoint_id");
  out.dest_endpoint_id = Str(integration, "dest_endpoint_id");
  out.source_endpoint = Str(integration, "source_endpoint");
  out.dest_endpoint = Str(integration, "dest_endpoint");
  return out;
}

model::LiveEndpoint EndpointFromJson(const json& endpoint) {
  model::LiveEndpoint out;
  out.id = Str(endpoint, "endpoint_id");
  out.name = Str(endpoint, "endpoint_name");
  out.type = Str(endpoint, "endpoint_type");
  out.user_config = DropSecretKeys(ObjectOr(endpoint, "user_config"));
  // Redacted values are not values: never compare or print them.
  for (auto it = out.user_config.begin(); it != out.user_config.end();) {
    if (it->is_string() && it->get<std::string>() == "<redacted>") {
      it = out.user_config.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

std::vector<model::LiveEndpoint> EndpointsFromJson(const json& body) {
  std::vector<model::LiveEndpoint> out;
  const json& list = Member(body, "service_integration_endpoints");
  if (!list.is_array()) return out;
  for (const auto& e : list) {
    if (e.is_object()) out.push_back(EndpointFromJson(e));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  return out;
}

model::LiveService ServiceFromJson(const std::string& project, const json& service) {
  model::LiveService out;
  out.name = Str(service, "service_name");
  out.project = project;
  out.type = Str(service, "service_type");
  out.plan = Str(service, "plan");
  out.cloud = Str(service, "cloud_name");
  out.state = Str(service, "state");
  out.create_time = Str(service, "create_time");
  out.termination_protection = Bool(service, "termination_protection");
  out.user_config = DropSecretKeys(ObjectOr(service, "user_config"));
  const json& maintenance = Member(service, "maintenance");
  if (maintenance.is_object() && (OptStr(maintenance, "dow") || OptStr(maintenance, "time"))) {
    out.maintenance = model::Maintenance{Str(maintenance, "dow"), Str(maintenance, "time")};
  }
  out.disk_space_mb = OptInt(service, "disk_space_mb");
  out.node_count = Int(service, "node_count");
  out.project_vpc_id = Str(service, "project_vpc_id");
  out.tags = TagsFromJson(Member(service, "tags"));
  const json& users = Member(service, "users");
  if (users.is_array()) {
    for (const auto& u : users) out.users.push_back(UserFromJson(u));
  }
  SortByName(out.users);
  const json& dbs = Member(service, "databases");
  // ClickHouse databases (with their states) come only from `/clickhouse/db`.
  if (dbs.is_array() && out.type != "clickhouse") {
    out.databases_read = true;
    for (const auto& d : dbs) out.databases.push_back(DatabaseFromJson(d));
    SortByName(out.databases);
  }
  if (const json& acl = Member(service, "acl"); acl.is_array()) {
    out.acls_read = true;
    out.acls = AclsFromJson(acl);
  }
  if (const json& acl = Member(service, "schema_registry_acl"); acl.is_array()) {
    out.schema_registry_acls_read = true;
    out.schema_registry_acls = AclsFromJson(acl);
  }
  const json& pools = Member(service, "connection_pools");
  if (pools.is_array()) {
    for (const auto& p : pools) out.pools.push_back(PoolFromJson(p));
    SortByName(out.pools);
  }
  const json& integrations = Member(service, "service_integrations");
  if (integrations.is_array()) {
    for (const auto& i : integrations) out.integrations.push_back(IntegrationFromJson(i));
  }
  std::sort(out.integrations.begin(), out.integrations.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  const json& backups = Member(service, "backups");
  out.has_backup = backups.is_array() && !backups.empty();
  out.address = core::Address::Service(project, out.name);
  return out;
}

std::map<std::string, model::ServiceType> ServiceTypesFromJson(const json& body) {
  std::map<std::string, model::ServiceType> out;
  const json& types = Member(body, "service_types");
  if (!types.is_object()) return out;
  for (auto it = types.begin(); it != types.end(); ++it) {
    const json& t = it.value();
    model::ServiceType type;
    type.name = it.key();
    type.description = Str(t, "description");
    type.default_version = OptStr(t, "default_version");
    type.user_config_schema = ObjectOr(t, "user_config_schema");
    const json& plans = Member(t, "service_plans");
    if (plans.is_array()) {
      for (const auto& p : plans) {
        model::ServicePlan plan;
        plan.name = Str(p, "service_plan");
        plan.node_count = Int(p, "node_count");
        const json& regions = Member(p, "regions");
        if (regions.is_object()) {
          for (auto r = regions.begin(); r != regions.end(); ++r) {
            model::PlanRegion region;
            // price_usd is a decimal string ("0.123"); accept a number too.
            const json& price = Member(r.value(), "price_usd");
            if (price.is_string()) {
              region.price_usd_per_hour = std::strtod(price.get<std::string>().c_str(), nullptr);
            } else if (price.is_number()) {
              region.price_usd_per_hour = price.get<double>();
            }
            region.disk_space_mb = OptInt(r.value(), "disk_space_mb").value_or(0);
            region.node_memory_mb = OptInt(r.value(), "node_memory_mb").value_or(0);
            plan.regions[r.key()] = region;
          }
        }
        type.plans.push_back(std::move(plan));
      }
    }
    out[type.name] = std::move(type);
  }
  return out;
}

std::vector<model::IntegrationType> IntegrationTypesFromJson(const json& body) {
  std::vector<model::IntegrationType> out;
  const json& types = Member(body, "integration_types");
  if (!types.is_array()) return out;
  auto strings = [](const json& arr) {
    std::vector<std::string> v;
    if (arr.is_array()) {
      for (const auto& s : arr) {
        if (s.is_string()) v.push_back(s.get<std::string>());
      }
    }
    return v;
  };
  for (const auto& t : types) {
    out.push_back({Str(t, "integration_type"), strings(Member(t, "source_service_types")),
                   strings(Member(t, "dest_service_types")), ObjectOr(t, "user_config_schema")});
  }
  SortByName(out);
  return out;
}

}  // namespace aivenctl::api
