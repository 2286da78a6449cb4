#include "api_catalog.h"

#include <utility>

namespace aivenctl::emulator {
namespace {

const Json& TypeOr404(const Catalog& catalog, const std::string& type) {
  const Json* t = catalog.ServiceType(type);
  if (!t) throw ApiError{404, "Service type '" + type + "' does not exist", "invalid_service_type"};
  return *t;
}

const Json& PlanOr404(const Catalog& catalog, const std::string& type, const std::string& plan) {
  TypeOr404(catalog, type);
  const Json* p = catalog.Plan(type, plan);
  if (!p) {
    throw ApiError{
        404, "Service plan '" + plan + "' does not exist for service type '" + type + "'", ""};
  }
  return *p;
}

/// One type without its plans, as the per-type endpoints answer.
Json TypeSummary(const Json& type) {
  Json out = Json::object();
  for (const char* key : {"description", "default_version", "latest_available_version"}) {
    if (type.contains(key)) out[key] = type[key];
  }
  out["user_config_schema"] = type["user_config_schema"];
  return out;
}

/// Flat plan specs (ProjectServicePlanSpecsGetResponse): the plan without `regions`.
Json PlanSpecs(const Json& plan) {
  Json out = plan;
  out.erase("regions");
  return out;
}

}  // namespace

void RegisterCatalogRoutes(Router& router, const Catalog& catalog, ProjectCheck require_project) {
  const Catalog* c = &catalog;
  auto project = [require_project = std::move(require_project)](const Ctx& ctx) {
    require_project(ctx.Param("project"));
  };

  router.Add(
      "GET", "/v1/clouds", [c](Ctx& ctx) { ctx.Reply(c->CloudsBody()); }, false);
  router.Add("GET", "/v1/project/{project}/clouds", [c, project](Ctx& ctx) {
    project(ctx);
    ctx.Reply(c->CloudsBody());
  });

  router.Add(
      "GET", "/v1/service_types", [c](Ctx& ctx) { ctx.Reply(c->ServiceTypesBody()); }, false);
  router.Add("GET", "/v1/project/{project}/service_types", [c, project](Ctx& ctx) {
    project(ctx);
    ctx.Reply(c->ServiceTypesBody());
  });

  router.Add("GET", "/v1/project/{project}/service-types", [c, project](Ctx& ctx) {
    project(ctx);
    Json out = Json::object();
    const Json body = c->ServiceTypesBody();  // named: items() must not outlive it
    for (auto& [name, type] : body["service_types"].items()) {
      out[name] = TypeSummary(type);
    }
    ctx.Reply(out);
  });
  router.Add("GET", "/v1/project/{project}/service-types/{service_type}", [c, project](Ctx& ctx) {
    project(ctx);
    ctx.Reply(TypeSummary(TypeOr404(*c, ctx.Param("service_type"))));
  });
  router.Add("GET", "/v1/project/{project}/service-types/{service_type}/plans",
             [c, project](Ctx& ctx) {
               project(ctx);
               const Json& type = TypeOr404(*c, ctx.Param("service_type"));
               ctx.Reply(Json{{"service_plans", type["service_plans"]}});
             });
  router.Add(
      "GET", "/v1/project/{project}/service-types/{service_type}/plans/{service_plan}",
      [c, project](Ctx& ctx) {
        project(ctx);
        ctx.Reply(PlanSpecs(PlanOr404(*c, ctx.Param("service_type"), ctx.Param("service_plan"))));
      });
  router.Add("GET",
             "/v1/project/{project}/pricing/service-types/{service_type}/plans/{service_plan}/"
             "clouds/{cloud}",
             [c, project](Ctx& ctx) {
               project(ctx);
               const std::string& type = ctx.Param("service_type");
               const std::string& plan_name = ctx.Param("service_plan");
               const std::string& cloud = ctx.Param("cloud");
               const Json& plan = PlanOr404(*c, type, plan_name);
               if (!c->HasCloud(cloud))
                 throw ApiError{404, "Cloud '" + cloud + "' does not exist", ""};
               const Json& regions = plan["regions"];
               if (!regions.contains(cloud)) {
                 throw ApiError{
                     404,
                     "Service plan '" + plan_name + "' is not available in cloud '" + cloud + "'",
                     ""};
               }
               ctx.Reply(Json{{"service_type", type},
                              {"service_plan", plan_name},
                              {"cloud_name", cloud},
                              {"base_price_usd", regions[cloud]["price_usd"]},
                              {"extra_disk_price_per_gb_usd", c->ExtraDiskPricePerGbUsd(cloud)}});
             });

  router.Add("GET", "/v1/project/{project}/integration_types", [c, project](Ctx& ctx) {
    project(ctx);
    ctx.Reply(c->IntegrationTypesBody());
  });
  router.Add("GET", "/v1/project/{project}/integration_endpoint_types", [c, project](Ctx& ctx) {
    project(ctx);
    ctx.Reply(c->EndpointTypesBody());
  });
}

}  // namespace aivenctl::emulator
