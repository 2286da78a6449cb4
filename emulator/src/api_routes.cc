#include "api_routes.h"

#include "api_catalog.h"

namespace aivenctl::emulator {

void RegisterApiRoutes(Router& router, World& world) {
  RegisterCatalogRoutes(router, world.catalog, [&world](const std::string& project) {
    world.store.Read([&](const Json& d) {
      RequireProject(d, project);
      return 0;
    });
  });
  RegisterProjectRoutes(router, world);
  RegisterServiceRoutes(router, world);
  RegisterUserAndDatabaseRoutes(router, world);
  RegisterTopicRoutes(router, world);
  RegisterSchemaRoutes(router, world);
  RegisterIntegrationRoutes(router, world);
  RegisterVpcRoutes(router, world);
  RegisterAclRoutes(router, world);
  RegisterConnectorRoutes(router, world);
  RegisterPoolAndClickhouseRoutes(router, world);
}

}  // namespace aivenctl::emulator
