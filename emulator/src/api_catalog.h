#pragma once
// Catalog routes: clouds, service types, plans, plan specs and prices, integration and
// endpoint types (REFERENCE §5.1, §5.3, §5.8).

#include <functional>
#include <string>

#include "catalog.h"
#include "router.h"

namespace aivenctl::emulator {

/// Throws ApiError 404 when the project does not exist (the project store's check).
using RequireProject = std::function<void(const std::string& project)>;

/// Adds GET /v1/clouds, /v1/service_types (both public) and the project-scoped catalog
/// routes. `catalog` must outlive the router; `require_project` runs first on every
/// project route.
void RegisterCatalogRoutes(Router& router, const Catalog& catalog, RequireProject require_project);

}  // namespace aivenctl::emulator
