#include "model/desired.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace aivenctl::model {

const char* OriginName(Origin origin) {
  switch (origin) {
    case Origin::kUnset:
      return "unset";
    case Origin::kDefaults:
      return "defaults";
    case Origin::kProject:
      return "project";
    case Origin::kExplicit:
      return "explicit";
  }
  return "unset";
}

std::string Endpoint::Label(const std::string& home_project) const {
  if (IsEndpoint()) return "@" + endpoint;
  if (project == home_project) return service;
  return project + "/" + service;
}

const Service* Plan::FindService(const std::string& project, const std::string& service) const {
  for (const auto& p : projects) {
    if (p.name != project) continue;
    for (const auto& s : p.services) {
      if (s.name == service) return &s;
    }
  }
  return nullptr;
}

const Vpc* Plan::FindVpc(const std::string& project, const std::string& name) const {
  for (const auto& p : projects) {
    if (p.name != project) continue;
    for (const auto& v : p.vpcs) {
      if (v.name == name) return &v;
    }
  }
  return nullptr;
}

std::vector<std::string> Plan::Scope() const {
  std::vector<std::string> names;
  for (const auto& project : projects) {
    names.push_back(project.name);
    for (const auto& integration : project.integrations) {
      names.push_back(integration.source.project.empty() ? project.name
                                                         : integration.source.project);
      names.push_back(integration.destination.project.empty() ? project.name
                                                              : integration.destination.project);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

core::SourcePos PosOf(const KeyPositions& positions, std::string path,
                      const core::SourcePos& fallback) {
  while (!path.empty()) {
    if (auto it = positions.find(path); it != positions.end()) return it->second;
    const std::size_t cut = path.find_last_of(".[");
    if (cut == std::string::npos) break;
    path.resize(cut);
  }
  return fallback;
}

bool IsKnownServiceType(const std::string& type) {
  static const std::set<std::string> kTypes = {"alloydbomni",
                                               "cassandra",
                                               "clickhouse",
                                               "dragonfly",
                                               "elasticsearch",
                                               "flink",
                                               "grafana",
                                               "influxdb",
                                               "kafka",
                                               "kafka_connect",
                                               "kafka_mirrormaker",
                                               "m3aggregator",
                                               "m3db",
                                               "mysql",
                                               "opensearch",
                                               "pg",
                                               "redis",
                                               "thanos",
                                               "valkey"};
  return kTypes.contains(type);
}

ChildSupport ChildrenOf(const std::string& type) {
  static const std::set<std::string> kDatabases = {"pg", "mysql", "alloydbomni", "clickhouse"};
  static const std::set<std::string> kUsers = {
      "pg",         "mysql",         "alloydbomni", "kafka",     "valkey", "redis",   "dragonfly",
      "opensearch", "elasticsearch", "clickhouse",  "cassandra", "m3db",   "influxdb"};
  ChildSupport c;
  c.databases = kDatabases.contains(type);
  c.users = kUsers.contains(type);
  c.topics = type == "kafka";
  c.acls = type == "kafka";
  c.schemas = type == "kafka";
  c.connectors = type == "kafka_connect" || type == "kafka";
  c.pools = type == "pg";
  c.clickhouse_databases = type == "clickhouse";
  return c;
}

bool HasConnect(const std::string& type, const nlohmann::json& user_config) {
  if (type == "kafka_connect") return true;
  if (type != "kafka" || !user_config.is_object()) return false;
  auto it = user_config.find("kafka_connect");
  return it != user_config.end() && it->is_boolean() && it->get<bool>();
}

bool IsSecretConnectorKey(const std::string& key) {
  std::vector<std::string> parts(1);
  for (char ch : key) {
    if (ch == '.' || ch == '_' || ch == '-') {
      parts.emplace_back();
    } else {
      parts.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  for (const auto& part : parts) {
    for (const char* word : {"password", "secret", "token"}) {
      if (part.find(word) != std::string::npos) return true;
    }
  }
  return parts.back().find("key") != std::string::npos;
}

PlanCounts Count(const Plan& plan) {
  PlanCounts c;
  for (const auto& p : plan.projects) {
    ++c.projects;
    c.integrations += static_cast<int>(p.integrations.size());
    c.vpcs += static_cast<int>(p.vpcs.size());
    c.endpoints += static_cast<int>(p.endpoints.size());
    for (const auto& s : p.services) {
      ++c.services;
      c.databases += static_cast<int>(s.databases.size());
      c.users += static_cast<int>(s.users.size());
      c.topics += static_cast<int>(s.topics.size());
      c.acls += static_cast<int>(s.acls.size() + s.schema_registry_acls.size());
      c.schemas += static_cast<int>(s.schemas.size());
      c.connectors += static_cast<int>(s.connectors.size());
      c.pools += static_cast<int>(s.pools.size());
    }
  }
  return c;
}

}  // namespace aivenctl::model
