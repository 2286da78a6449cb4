// Typed operations: clouds, the catalog, projects and project tags.
#include <algorithm>
#include <utility>

#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using nlohmann::json;
using value_t = nlohmann::json::value_t;

core::Result<std::vector<model::Cloud>> Api::ListClouds() {
  Call call{.path = "/v1/clouds"};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "clouds", value_t::array); !m.ok()) return m.status();
  return CloudsFromJson(*body);
}

core::Result<std::map<std::string, model::ServiceType>> Api::ListServiceTypes() {
  Call call{.path = "/v1/service_types"};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "service_types", value_t::object); !m.ok()) return m.status();
  return ServiceTypesFromJson(*body);
}

core::Result<std::vector<model::IntegrationType>> Api::ListIntegrationTypes(
    const std::string& project) {
  Call call{.path = ProjectPath(project, {"integration_types"}),
            .address = core::Address::Project(project).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "integration_types", value_t::array); !m.ok()) {
    return m.status();
  }
  return IntegrationTypesFromJson(*body);
}

core::Result<std::vector<model::Cloud>> Api::CachedClouds() {
  std::lock_guard lock(clouds_mu_);
  if (!clouds_) {
    auto clouds = ListClouds();
    if (!clouds.ok()) return clouds.status();
    clouds_ = std::move(clouds).value();
  }
  return *clouds_;
}

core::Result<std::map<std::string, model::ServiceType>> Api::CachedServiceTypes() {
  std::lock_guard lock(service_types_mu_);
  if (!service_types_) {
    auto types = ListServiceTypes();
    if (!types.ok()) return types.status();
    service_types_ = std::move(types).value();
  }
  return *service_types_;
}

core::Result<std::vector<model::IntegrationType>> Api::CachedIntegrationTypes(
    const std::string& project) {
  std::lock_guard lock(integration_types_mu_);
  if (!integration_types_) {
    auto types = ListIntegrationTypes(project);
    if (!types.ok()) return types.status();
    integration_types_ = std::move(types).value();
  }
  return *integration_types_;
}

core::Result<model::Catalog> Api::GetCatalog(const std::string& project) {
  model::Catalog catalog;
  auto clouds = CachedClouds();
  if (!clouds.ok()) return clouds.status();
  catalog.clouds = std::move(clouds).value();
  auto types = CachedServiceTypes();
  if (!types.ok()) return types.status();
  catalog.service_types = std::move(types).value();
  bool have_integration_types;
  {
    std::lock_guard lock(integration_types_mu_);
    have_integration_types = integration_types_.has_value();
  }
  if (!project.empty() || have_integration_types) {
    auto integration_types = CachedIntegrationTypes(project);
    if (!integration_types.ok()) return integration_types.status();
    catalog.integration_types = std::move(integration_types).value();
  }
  return catalog;
}

core::Result<std::vector<ProjectInfo>> Api::ListProjects() {
  Call call{.path = "/v1/project"};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "projects", value_t::array); !m.ok()) return m.status();
  return ProjectsFromJson(*body);
}

core::Result<std::vector<model::LiveProject>> Api::ListLiveProjects() {
  Call call{.path = "/v1/project"};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto list = Member(call, *body, "projects", value_t::array);
  if (!list.ok()) return list.status();
  std::vector<model::LiveProject> out;
  for (const auto& p : *list) out.push_back(ProjectFromJson(p));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

core::Result<model::LiveProject> Api::GetProject(const std::string& project) {
  Call call{.path = ProjectPath(project), .address = core::Address::Project(project).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto p = Member(call, *body, "project", value_t::object);
  if (!p.ok()) return p.status();
  return ProjectFromJson(*p);
}

core::Result<std::string> Api::GetProjectCa(const std::string& project) {
  Call call{.path = ProjectPath(project, {"kms", "ca"}),
            .address = core::Address::Project(project).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto certificate = Member(call, *body, "certificate", value_t::string);
  if (!certificate.ok()) return certificate.status();
  return certificate->get<std::string>();
}

core::Result<model::LiveProject> Api::CreateProject(const json& body) {
  std::string name = body.is_object() ? body.value("project", "") : "";
  Call call{.method = "POST",
            .path = "/v1/project",
            .body = &body,
            .address = core::Address::Project(name).ToString()};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (!created->has_value()) return GetProject(name);  // confirm our earlier attempt
  auto p = Member(call, **created, "project", value_t::object);
  if (!p.ok()) return p.status();
  return ProjectFromJson(*p);
}

core::Status Api::PutProjectTags(const std::string& project, const model::Tags& tags) {
  json body = {{"tags", tags}};
  return Write({.method = "PUT",
                .path = ProjectPath(project, {"tags"}),
                .body = &body,
                .address = core::Address::Project(project).ToString()},
               /*absent_is_success=*/false);
}

core::Status Api::DeleteProject(const std::string& project) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project),
                .address = core::Address::Project(project).ToString()},
               /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
