#pragma once
// The desired model: what a plan file asks for, after loading and validation. Plain values,
// no I/O. Every object keeps the place it was written (for plan-time diagnostics) and its
// stable core::Address.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "core/diagnostic.h"
#include "core/duration.h"

namespace aivenctl::model {

/// Where an inherited setting's value came from.
enum class Origin {
  kUnset,     ///< nobody set it; the API default applies
  kDefaults,  ///< the plan's `defaults:` block
  kProject,   ///< the enclosing project
  kExplicit,  ///< written on the object itself
};

/// "unset", "defaults", "project", "explicit".
const char* OriginName(Origin origin);

/// A setting that may be inherited from the project or the plan defaults.
template <typename T>
struct Inherited {
  std::optional<T> value;          ///< resolved value (nullopt when kUnset)
  Origin origin = Origin::kUnset;  ///< where the value came from
  core::SourcePos pos;             ///< where the winning value was written (empty when unset)

  /// True when written on the object itself.
  bool is_explicit() const { return origin == Origin::kExplicit; }
};

/// String key/value tags as stamped on projects, services and topics.
using Tags = std::map<std::string, std::string>;

/// A weekly maintenance window (UTC).
struct Maintenance {
  std::string dow;   ///< "monday" .. "sunday"
  std::string time;  ///< "HH:MM:SS"
};

/// A logical database in a pg/mysql/alloydbomni service.
struct Database {
  std::string name;
  std::optional<std::string> lc_collate;  ///< unset: API default (en_US.UTF-8)
  std::optional<std::string> lc_ctype;    ///< unset: API default (en_US.UTF-8)
  core::SourcePos pos;                    ///< where the entry starts
  core::Address address;                  ///< database:project/service/name
};

/// A service user.
struct User {
  std::string name;
  std::optional<std::string> authentication;  ///< MySQL password plugin
  nlohmann::json access_control;              ///< object or null (unset)
  core::SourcePos pos;
  core::Address address;  ///< user:project/service/name
};

/// A Kafka topic.
struct Topic {
  std::string name;
  std::optional<int> partitions;
  std::optional<int> replication;
  std::optional<int> min_insync_replicas;
  nlohmann::json config = nlohmann::json::object();  ///< Aiven underscore keys
  Tags tags;
  std::optional<std::string> description;
  core::SourcePos pos;
  core::Address address;  ///< topic:project/service/name
};

/// An Aiven service with its children.
struct Service {
  std::string name;
  std::string project;  ///< name of the enclosing project
  std::string type;     ///< "pg", "kafka", ...
  std::string plan;     ///< "startup-4", ...
  Inherited<std::string> cloud;
  std::optional<std::string> version;  ///< the `version:` shorthand as written
  /// user_config as sent to the API; `version` is already folded in as <type>_version.
  nlohmann::json user_config = nlohmann::json::object();
  std::optional<bool> termination_protection;
  std::optional<Maintenance> maintenance;
  std::optional<long long> disk_space_mb;
  std::optional<bool> powered;
  Tags tags;  ///< defaults.tags merged under the service's own
  std::vector<Database> databases;
  std::vector<User> users;
  std::vector<Topic> topics;
  bool prune = false;    ///< delete unlisted children
  bool protect = false;  ///< never delete or replace
  bool adopt = false;    ///< take over an unowned service of this name
  Inherited<core::Seconds> ttl;
  core::SourcePos pos;
  core::Address address;  ///< service:project/name
};

/// One side of an integration.
struct Endpoint {
  std::string project;  ///< resolved: the declaring project when not written
  std::string service;
  bool in_plan = false;  ///< the service is declared in this plan
  core::SourcePos pos;

  /// "service" when in `home_project`, else "project/service".
  std::string Label(const std::string& home_project) const;
};

/// A service integration, declared in a project.
struct Integration {
  std::string type;  ///< "kafka_connect", "metrics", ...
  Endpoint source;
  Endpoint destination;
  bool external = false;  ///< endpoints may live outside this plan
  nlohmann::json user_config = nlohmann::json::object();
  core::SourcePos pos;
  core::Address address;  ///< integration:project/type:src->dst
};

/// An Aiven project.
struct Project {
  std::string name;
  bool create = true;  ///< the plan creates and owns it; false: it must exist
  std::optional<std::string> billing_group_id;
  std::optional<std::string> parent_id;  ///< account or organization unit
  Inherited<std::string> cloud;
  Inherited<core::Seconds> ttl;
  Tags tags;
  std::vector<Service> services;
  std::vector<Integration> integrations;
  core::SourcePos pos;
  core::Address address;  ///< project:name
};

/// The plan's `defaults:` block: values for projects and services that do not set them.
struct Defaults {
  std::optional<std::string> cloud;
  core::SourcePos cloud_pos;
  std::optional<core::Seconds> ttl;
  core::SourcePos ttl_pos;
  Tags tags;  ///< merged under every project's and service's own tags
};

/// A whole plan file after loading.
struct Plan {
  int version = 1;
  std::string name;
  std::string description;
  std::string file;                         ///< path it was loaded from
  std::map<std::string, std::string> vars;  ///< resolved variables (after --var)
  Defaults defaults;                        ///< the `defaults:` block
  std::vector<Project> projects;
  core::SourcePos pos;

  /// The service `project/service`, or nullptr.
  const Service* FindService(const std::string& project, const std::string& service) const;
};

/// True for the service types the plan format knows (the schema's enum).
bool IsKnownServiceType(const std::string& service_type);

/// Which kinds of children a service type can hold.
struct ChildSupport {
  bool databases = false;
  bool users = false;
  bool topics = false;
};

/// Children allowed for a service type (unknown types allow nothing).
ChildSupport ChildrenOf(const std::string& service_type);

/// Counts for summaries: projects, services, databases, users, topics, integrations.
struct PlanCounts {
  int projects = 0, services = 0, databases = 0, users = 0, topics = 0, integrations = 0;
};

/// Counts the resources in a plan.
PlanCounts Count(const Plan& plan);

}  // namespace aivenctl::model
