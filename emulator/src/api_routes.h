#pragma once
// Route registration, one function per API area (each in its own api_*.cc).

#include <functional>

#include "router.h"
#include "world.h"

namespace aivenctl::emulator {

/// Registers every /v1 and /v2 route.
void RegisterApiRoutes(Router& router, World& world);

void RegisterProjectRoutes(Router& router, World& world);          // api_projects.cc
void RegisterServiceRoutes(Router& router, World& world);          // api_services.cc
void RegisterUserAndDatabaseRoutes(Router& router, World& world);  // api_users.cc
void RegisterTopicRoutes(Router& router, World& world);            // api_topics.cc
void RegisterSchemaRoutes(Router& router, World& world);           // api_schemas.cc
void RegisterIntegrationRoutes(Router& router, World& world);      // api_integrations.cc
void RegisterVpcRoutes(Router& router, World& world);              // api_vpcs.cc
void RegisterAclRoutes(Router& router, World& world);              // api_acls.cc

/// The ACL entries Aiven adds to a new Kafka service and to its Schema Registry, keyed by
/// id as a service record keeps them (api_acls.cc).
Json DefaultAcls();
Json DefaultSchemaRegistryAcls();
/// The record's entries under `field` ("acl" / "schema_registry_acl") as the API lists them.
Json AclList(const Json& record, const char* field);
void RegisterConnectorRoutes(Router& router, World& world);          // api_connectors.cc
void RegisterPoolAndClickhouseRoutes(Router& router, World& world);  // api_pools.cc

/// Finds where a resource keeps its tags (a JSON pointer); throws the resource's 404.
using TagsLocator = std::function<std::string(const Json& doc, const Ctx& c)>;
/// GET/PUT/PATCH tag routes at `base` (api_tags.cc).
void AddTagRoutes(Router& router, World& world, const std::string& base, TagsLocator locate);

/// Creates an integration from a request-shaped spec inside a transaction; returns its id.
std::string CreateIntegration(const World& w, Txn& txn, const std::string& project,
                              const Json& spec,
                              double now);  // api_integrations.cc
/// Integration objects (API shape) where `service` is the source or destination.
Json IntegrationsForService(const Json& doc, const std::string& project, const std::string& service,
                            double now);  // api_integrations.cc
/// Removes every integration (in any project) that has `service` at either end.
void EraseIntegrationsOfService(Txn& txn, const std::string& project,
                                const std::string& service);  // api_integrations.cc

}  // namespace aivenctl::emulator
