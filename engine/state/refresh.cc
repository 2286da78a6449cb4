#include "state/refresh.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include "state/work_pool.h"

namespace aivenctl::state {
namespace {

/// What one refresh reads below each project.
struct Depth {
  bool children = true;        ///< topic lists and database lists
  bool catalog = true;         ///< the catalog
  bool all_endpoints = false;  ///< list the integration endpoints of every project read
};

/// The projects whose integration endpoints a plan needs: those that declare endpoints,
/// prune them, or have an integration with an endpoint end. Sorted.
std::set<std::string> EndpointProjectsOf(const model::Plan& plan) {
  std::set<std::string> out;
  for (const auto& project : plan.projects) {
    if (!project.endpoints.empty() || project.prune_endpoints) out.insert(project.name);
    for (const auto& i : project.integrations) {
      for (const auto* end : {&i.source, &i.destination}) {
        if (end->IsEndpoint()) out.insert(end->project);
      }
    }
  }
  return out;
}

/// Gives each integration the names of its endpoint ends (Aiven reports their ids).
void NameEndpointEnds(model::LiveState& live) {
  std::map<std::string, std::string> names;  // endpoint id -> name
  for (const auto& p : live.projects) {
    for (const auto& e : p.endpoints) names[e.id] = e.name;
  }
  for (auto& p : live.projects) {
    for (auto& s : p.services) {
      for (auto& i : s.integrations) {
        if (auto it = names.find(i.source_endpoint_id); it != names.end()) {
          i.source_endpoint = it->second;
        }
        if (auto it = names.find(i.dest_endpoint_id); it != names.end()) {
          i.dest_endpoint = it->second;
        }
      }
    }
  }
}

/// Children can be listed only while the service serves requests.
bool Serving(const std::string& state) { return state == "RUNNING" || state == "REBALANCING"; }

/// The error for a 403 on a project: names the project and the permission it lacks.
core::Status PermissionError(const std::string& project, const core::Status& status) {
  return {core::Code::kPermissionDenied,
          "project:" + project + ": the token may not read project " + project +
              " (it needs a project membership, read_only or higher, or the "
              "project:services:read permission): " +
              status.message()};
}

/// True when a Kafka service runs its Schema Registry (user_config.schema_registry: true).
bool SchemaRegistryOn(const model::LiveService& svc) {
  auto it = svc.user_config.find("schema_registry");
  return it != svc.user_config.end() && it->is_boolean() && it->get<bool>();
}

/// The config keys the plan sets on its topics: project -> service -> topic -> keys.
using DesiredConfigKeys =
    std::map<std::string, std::map<std::string, std::map<std::string, std::set<std::string>>>>;

DesiredConfigKeys ConfigKeysOf(const model::Plan& plan) {
  DesiredConfigKeys out;
  for (const auto& project : plan.projects) {
    for (const auto& service : project.services) {
      for (const auto& topic : service.topics) {
        if (!topic.config.is_object() || topic.config.empty()) continue;
        auto& keys = out[project.name][service.name][topic.name];
        for (auto it = topic.config.begin(); it != topic.config.end(); ++it) keys.insert(it.key());
      }
    }
  }
  return out;
}

/// The listed topics of which the plan sets a config key that the list item lacks: only
/// a full read lets the planner compare those keys. Sorted.
std::vector<std::string> NeedFullConfig(const DesiredConfigKeys& desired,
                                        const std::string& project, const std::string& service,
                                        const std::vector<model::LiveTopic>& listed) {
  std::vector<std::string> out;
  const auto p = desired.find(project);
  if (p == desired.end()) return out;
  const auto s = p->second.find(service);
  if (s == p->second.end()) return out;
  for (const auto& topic : listed) {
    const auto t = s->second.find(topic.name);
    if (t == s->second.end()) continue;
    for (const auto& key : t->second) {
      if (!topic.config.contains(key)) {
        out.push_back(topic.name);
        break;
      }
    }
  }
  return out;
}

/// Gives each topic in `names` the config of its full read (the list's other fields
/// stay); one the full read no longer found is gone and leaves `listed`.
void MergeFullConfig(std::vector<model::LiveTopic>& listed, std::vector<model::LiveTopic> read,
                     const std::vector<std::string>& names) {
  std::map<std::string, model::LiveTopic*> by_name;
  for (auto& topic : read) by_name[topic.name] = &topic;
  std::set<std::string> gone;
  for (const auto& name : names) {
    if (by_name.count(name) == 0) gone.insert(name);
  }
  for (auto& topic : listed) {
    if (std::binary_search(names.begin(), names.end(), topic.name) && gone.count(topic.name) == 0) {
      topic.config = std::move(by_name[topic.name]->config);
    }
  }
  std::erase_if(listed, [&](const model::LiveTopic& t) { return gone.count(t.name) != 0; });
}

/// One refresh: tasks on a pool, results collected under one lock, merged at the end.
/// "project/service" of the services where the plan declares connectors: their refresh also
/// reads the connector classes the service offers (the planner checks each class).
std::set<std::string> ConnectorServicesOf(const model::Plan& plan) {
  std::set<std::string> out;
  for (const auto& project : plan.projects) {
    for (const auto& service : project.services) {
      if (!service.connectors.empty()) out.insert(project.name + "/" + service.name);
    }
  }
  return out;
}

enum class FollowUp { kDatabases, kTopics, kAcls, kSchemas, kConnectors };

class RefreshRun {
 public:
  RefreshRun(api::Api& api, const RefreshOptions& options, Depth depth,
             DesiredConfigKeys desired = {}, std::set<std::string> endpoint_projects = {},
             std::set<std::string> vpc_projects = {}, std::set<std::string> connector_services = {})
      : api_(api),
        depth_(depth),
        desired_(std::move(desired)),
        endpoint_projects_(std::move(endpoint_projects)),
        connector_services_(std::move(connector_services)),
        vpc_projects_(std::move(vpc_projects)),
        pool_(options.concurrency, options.stop),
        stop_(options.stop) {}

  /// Reads `scope` (nullopt: every project the token sees).
  core::Result<RefreshResult> Run(std::optional<std::vector<std::string>> scope) {
    scope_ = std::move(scope);
    if (depth_.catalog) CatalogTasks();
    pool_.Submit([this] { ProjectListTask(); });
    if (scope_) {
      for (const auto& project : *scope_) pool_.Submit([this, project] { ServicesTask(project); });
    }
    pool_.Wait();
    if (stop_.stop_requested()) return core::Status(core::Code::kCancelled, "refresh cancelled");
    return Merge();
  }

 private:
  void Fail(core::Status status) {
    std::lock_guard lock(mu_);
    errors_.push_back(std::move(status));
  }

  // The catalog's parts are read in parallel and cached in the Api; Merge assembles them.
  void CatalogTasks() {
    pool_.Submit([this] {
      if (auto c = api_.CachedClouds(); !c.ok()) Fail(c.status());
    });
    pool_.Submit([this] {
      if (auto t = api_.CachedServiceTypes(); !t.ok()) Fail(t.status());
    });
  }

  void ProjectListTask() {
    auto projects = api_.ListLiveProjects();
    if (!projects.ok()) return Fail(projects.status());
    std::string catalog_project;
    std::vector<std::string> all;
    {
      std::lock_guard lock(mu_);
      for (auto& p : *projects) {
        all.push_back(p.name);
        listed_[p.name] = std::move(p);
      }
      // Integration types are the same from every project: ask one in scope, else any.
      if (scope_) {
        for (const auto& name : *scope_) {
          if (listed_.count(name) != 0) {
            catalog_project = name;
            break;
          }
        }
      }
      if (catalog_project.empty() && !all.empty()) catalog_project = all.front();
    }
    {
      std::lock_guard lock(mu_);
      catalog_project_ = catalog_project;
    }
    if (depth_.catalog && !catalog_project.empty()) {
      pool_.Submit([this, catalog_project] {
        if (auto t = api_.CachedIntegrationTypes(catalog_project); !t.ok()) Fail(t.status());
      });
    }
    if (!scope_) {
      for (const auto& project : all) pool_.Submit([this, project] { ServicesTask(project); });
    }
  }

  void ServicesTask(const std::string& project) {
    auto services = api_.ListServices(project);
    if (!services.ok()) {
      const core::Status& s = services.status();
      if (s.code() == core::Code::kNotFound) {
        std::lock_guard lock(mu_);
        absent_.insert(project);
        return;
      }
      if (s.code() == core::Code::kPermissionDenied) return Fail(PermissionError(project, s));
      return Fail(s);
    }
    if (depth_.all_endpoints || endpoint_projects_.count(project) != 0) {
      pool_.Submit([this, project] { EndpointsTask(project); });
    }
    // VPCs: where the plan declares some (or prunes them) or a service is in one (its
    // VPC's cloud is what the plan compares): one more request, only then.
    bool vpcs = vpc_projects_.count(project) != 0;
    for (const auto& svc : *services) vpcs = vpcs || !svc.project_vpc_id.empty();
    if (vpcs) pool_.Submit([this, project] { VpcsTask(project); });
    std::vector<std::pair<size_t, FollowUp>> follow_ups;  // service index, what to read
    for (size_t i = 0; i < services->size(); ++i) {
      const model::LiveService& svc = (*services)[i];
      if (!depth_.children || !Serving(svc.state)) continue;
      const model::ChildSupport children = model::ChildrenOf(svc.type);
      if (children.topics) follow_ups.emplace_back(i, FollowUp::kTopics);
      if (children.databases && !svc.databases_read) {
        follow_ups.emplace_back(i, FollowUp::kDatabases);
      }
      // Aiven's service object carries both ACL lists; a list call only when it did not.
      if (children.acls && (!svc.acls_read || !svc.schema_registry_acls_read)) {
        follow_ups.emplace_back(i, FollowUp::kAcls);
      }
      if (children.schemas && SchemaRegistryOn(svc)) {
        follow_ups.emplace_back(i, FollowUp::kSchemas);
      }
      if (model::HasConnect(svc.type, svc.user_config)) {
        follow_ups.emplace_back(i, FollowUp::kConnectors);
      }
    }
    {
      std::lock_guard lock(mu_);
      services_[project] = std::move(services).value();
    }
    // Plain members, not a structured binding: clang 14 cannot capture a binding.
    for (const auto& follow_up : follow_ups) {
      const size_t index = follow_up.first;
      switch (follow_up.second) {
        case FollowUp::kTopics:
          pool_.Submit([this, project, index] { TopicsTask(project, index); });
          break;
        case FollowUp::kDatabases:
          pool_.Submit([this, project, index] { DatabasesTask(project, index); });
          break;
        case FollowUp::kAcls:
          pool_.Submit([this, project, index] { AclsTask(project, index); });
          break;
        case FollowUp::kSchemas:
          pool_.Submit([this, project, index] { SchemasTask(project, index); });
          break;
        case FollowUp::kConnectors:
          pool_.Submit([this, project, index] { ConnectorsTask(project, index); });
          break;
      }
    }
  }

  // The service's name, read under the lock (the vector no longer changes size).
  std::string ServiceName(const std::string& project, size_t index) {
    std::lock_guard lock(mu_);
    return services_[project][index].name;
  }

  // The topic list, then (only for plan topics whose config keys the list lacks) one
  // batch read per 100 of them for their full config.
  void TopicsTask(const std::string& project, size_t index) {
    const std::string service = ServiceName(project, index);
    auto topics = api_.ListTopics(project, service);
    if (!topics.ok()) return Fail(topics.status());
    const std::vector<std::string> full = NeedFullConfig(desired_, project, service, *topics);
    if (!full.empty()) {
      auto read = api_.BatchReadTopics(project, service, full);
      if (!read.ok()) return Fail(read.status());
      MergeFullConfig(*topics, std::move(read).value(), full);
    }
    std::lock_guard lock(mu_);
    model::LiveService& svc = services_[project][index];
    svc.topics = std::move(topics).value();
    svc.topics_read = true;
  }

  void VpcsTask(const std::string& project) {
    auto vpcs = api_.ListVpcs(project);
    if (!vpcs.ok() && vpcs.status().IsNotFound()) return;  // the services task saw it too
    if (!vpcs.ok()) return Fail(vpcs.status());
    std::lock_guard lock(mu_);
    vpcs_[project] = std::move(vpcs).value();
  }

  void EndpointsTask(const std::string& project) {
    auto endpoints = api_.ListEndpoints(project);
    if (endpoints.status().IsNotFound()) return;  // the project went away: so did they
    if (!endpoints.ok()) return Fail(endpoints.status());
    std::lock_guard lock(mu_);
    endpoints_[project] = std::move(endpoints).value();
  }

  // The Schema Registry subjects (only where the registry is on: it answers nothing else).
  void SchemasTask(const std::string& project, size_t index) {
    auto schemas = api_.ListSchemas(project, ServiceName(project, index));
    if (!schemas.ok()) return Fail(schemas.status());
    std::lock_guard lock(mu_);
    model::LiveService& svc = services_[project][index];
    svc.schemas = std::move(schemas).value();
    svc.schemas_read = true;
  }

  void DatabasesTask(const std::string& project, size_t index) {
    bool clickhouse = false;
    {
      std::lock_guard lock(mu_);
      clickhouse = model::ChildrenOf(services_[project][index].type).clickhouse_databases;
    }
    const std::string service = ServiceName(project, index);
    auto dbs = clickhouse ? api_.ListClickhouseDatabases(project, service)
                          : api_.ListDatabases(project, service);
    if (!dbs.ok()) return Fail(dbs.status());
    std::lock_guard lock(mu_);
    model::LiveService& svc = services_[project][index];
    svc.databases = std::move(dbs).value();
    svc.databases_read = true;
  }

  // The ACL lists the service object lacked (Kafka, then the Schema Registry's).
  void AclsTask(const std::string& project, size_t index) {
    bool kafka_read = false, registry_read = false;
    std::string service;
    {
      std::lock_guard lock(mu_);
      const model::LiveService& svc = services_[project][index];
      kafka_read = svc.acls_read;
      registry_read = svc.schema_registry_acls_read;
      service = svc.name;
    }
    // A 404 (the service went away, or no registry on it) leaves the list unread.
    std::optional<std::vector<model::LiveAcl>> kafka, registry;
    for (const bool schema_registry : {false, true}) {
      if (schema_registry ? registry_read : kafka_read) continue;
      auto listed = api_.ListAcls(project, service, schema_registry);
      if (listed.status().IsNotFound()) continue;
      if (!listed.ok()) return Fail(listed.status());
      (schema_registry ? registry : kafka) = std::move(listed).value();
    }
    std::lock_guard lock(mu_);
    model::LiveService& svc = services_[project][index];
    if (kafka) svc.acls = std::move(*kafka), svc.acls_read = true;
    if (registry)
      svc.schema_registry_acls = std::move(*registry), svc.schema_registry_acls_read = true;
  }
  // The connector list, and (where the plan declares connectors) the classes offered.
  void ConnectorsTask(const std::string& project, size_t index) {
    const std::string service = ServiceName(project, index);
    auto connectors = api_.ListConnectors(project, service);
    if (!connectors.ok()) return Fail(connectors.status());
    std::optional<std::vector<std::string>> classes;
    if (connector_services_.contains(project + "/" + service)) {
      auto read = api_.ListConnectorClasses(project, service);
      if (!read.ok()) return Fail(read.status());
      classes = std::move(read).value();
    }
    std::lock_guard lock(mu_);
    model::LiveService& svc = services_[project][index];
    svc.connectors = std::move(connectors).value();
    svc.connectors_read = true;
    svc.connector_classes = std::move(classes);
  }

  core::Result<RefreshResult> Merge() {
    // A project whose services were listed but that the project list lacked (created in
    // between): read it on its own.
    for (auto& [name, services] : services_) {
      if (listed_.count(name) != 0) continue;
      auto p = api_.GetProject(name);
      if (p.ok()) {
        listed_[name] = std::move(p).value();
      } else if (p.status().IsNotFound()) {
        absent_.insert(name);
      } else {
        errors_.push_back(p.status());
      }
    }
    if (!errors_.empty()) {
      std::sort(errors_.begin(), errors_.end(),
                [](const auto& a, const auto& b) { return a.message() < b.message(); });
      std::string message;
      for (const auto& e : errors_) {
        if (!message.empty()) message += "\n";
        message += e.message();
      }
      return core::Status(errors_.front().code(), message);
    }
    RefreshResult out;
    for (auto& [name, services] : services_) {
      auto it = listed_.find(name);
      if (it == listed_.end() || absent_.count(name) != 0) continue;
      model::LiveProject project = std::move(it->second);
      project.services = std::move(services);
      if (auto v = vpcs_.find(name); v != vpcs_.end()) project.vpcs = std::move(v->second);
      if (auto e = endpoints_.find(name); e != endpoints_.end()) {
        project.endpoints = std::move(e->second);
        project.endpoints_read = true;
      }
      out.live.projects.push_back(std::move(project));
    }
    NameEndpointEnds(out.live);
    out.live.absent_projects.assign(absent_.begin(), absent_.end());
    if (depth_.catalog) {
      auto catalog = api_.GetCatalog(catalog_project_);  // cached by now: no request
      if (!catalog.ok()) return catalog.status();
      out.catalog = std::move(catalog).value();
    }
    return out;
  }

  api::Api& api_;
  const Depth depth_;
  const DesiredConfigKeys desired_;                 // read-only during the run
  const std::set<std::string> endpoint_projects_;   // read-only during the run
  const std::set<std::string> connector_services_;  // read-only during the run
  std::optional<std::vector<std::string>> scope_;
  std::mutex mu_;
  std::map<std::string, model::LiveProject> listed_;
  std::map<std::string, std::vector<model::LiveService>> services_;    // sorted by project
  std::map<std::string, std::vector<model::LiveEndpoint>> endpoints_;  // by project
  const std::set<std::string> vpc_projects_;  // read their VPCs whatever their services
  std::map<std::string, std::vector<model::LiveVpc>> vpcs_;
  std::set<std::string> absent_;
  std::string catalog_project_;  // where integration types were read ("" if nowhere)
  std::vector<core::Status> errors_;
  WorkPool pool_;  // last: its threads stop before the members they use go away
  std::stop_token stop_;
};

std::vector<std::string> SortedUnique(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

std::vector<std::string> ScopeOf(const model::Plan& plan) { return plan.Scope(); }

core::Result<RefreshResult> Refresh(api::Api& api, const model::Plan& plan,
                                    const RefreshOptions& options) {
  std::set<std::string> vpc_projects;
  for (const auto& p : plan.projects) {
    if (!p.vpcs.empty() || p.prune_vpcs) vpc_projects.insert(p.name);
  }
  RefreshRun run(api, options, Depth{.children = options.children}, ConfigKeysOf(plan),
                 EndpointProjectsOf(plan), std::move(vpc_projects), ConnectorServicesOf(plan));
  return run.Run(ScopeOf(plan));
}

core::Result<RefreshResult> RefreshScope(api::Api& api, const std::vector<std::string>& projects,
                                         const RefreshOptions& options) {
  RefreshRun run(api, options,
                 Depth{.children = options.children, .all_endpoints = options.children});
  return run.Run(SortedUnique(projects));
}

core::Result<model::LiveState> RefreshProjects(api::Api& api,
                                               const std::vector<std::string>& projects,
                                               const RefreshOptions& options) {
  RefreshRun run(api, options, Depth{.children = false, .catalog = false});
  std::optional<std::vector<std::string>> scope;
  if (!projects.empty()) scope = SortedUnique(projects);
  auto result = run.Run(std::move(scope));
  if (!result.ok()) return result.status();
  return std::move(result).value().live;
}

}  // namespace aivenctl::state
