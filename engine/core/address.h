#pragma once
// Stable resource names: "service:ci-42/pg", "topic:ci-42/events/orders".

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace aivenctl::core {

/// Kinds of resource aivenctl manages, in the order they are created.
/// A project VPC (kVpc) lives in its project, outside any service, and is created before the
/// services placed in it. A connector comes after the integrations: Kafka Connect reaches its
/// Kafka through one. A pool comes after the database and user it names.
enum class Kind {
  kProject,
  kVpc,
  kService,
  kDatabase,
  kUser,
  kPool,  ///< a PgBouncer connection pool of a PostgreSQL service
  kTopic,
  kKafkaAcl,           ///< an ACL entry of a Kafka service
  kSchemaRegistryAcl,  ///< a Schema Registry ACL entry of a Kafka service
  kSchema,             ///< a Schema Registry subject of a Kafka service
  kEndpoint,
  kIntegration,
  kConnector  ///< a Kafka Connect connector of a service running Kafka Connect
};

/// "project", "service", ...
const char* KindName(Kind kind);

/// The stable name of one resource. Parts are the path below the kind:
/// project: {project}; vpc: {project, cloud}; service: {project, service};
/// database/user/pool/topic/schema/connector: {project, service, name} (a schema's name is
/// its Schema Registry subject); kafka_acl: {project, service, "username:topic:permission"};
/// schema_registry_acl: {project, service, "username:resource:permission"} (the name may hold
/// ':' and '/', only the first two '/' separate parts); endpoint: {project, name};
/// integration: {project, "type:src->dst"} where an integration endpoint end is written
/// "@name".
struct Address {
  Kind kind = Kind::kProject;
  std::vector<std::string> parts;

  static Address Project(std::string project);
  static Address Service(std::string project, std::string service);
  /// vpc:project/cloud (Aiven allows one VPC per cloud in a project).
  static Address Vpc(std::string project, std::string cloud);
  static Address Child(Kind kind, std::string project, std::string service, std::string name);
  static Address Endpoint(std::string project, std::string name);
  /// kafka_acl / schema_registry_acl: the entry is named by its content (Aiven's id changes).
  static Address Acl(Kind kind, std::string project, std::string service,
                     const std::string& username, const std::string& resource,
                     const std::string& permission);
  static Address Integration(std::string project, std::string type, std::string source,
                             std::string destination);

  /// "kind:part/part/...".
  std::string ToString() const;
  /// Inverse of ToString; names the problem on bad input.
  static Result<Address> Parse(std::string_view text);

  /// The address of the project/service this one lives in (itself for a project).
  Address Parent() const;

  auto operator<=>(const Address&) const = default;
};

}  // namespace aivenctl::core
