#include "world.h"

namespace aivenctl::emulator {

void RequireProject(const Json& doc, const std::string& project) {
  const auto& projects = doc.at("projects");
  if (!projects.contains(project)) {
    throw ApiError{404, "Project does not exist", "project_not_found"};
  }
}

const Json& RequireService(const Json& doc, const std::string& project,
                           const std::string& service) {
  RequireProject(doc, project);
  const auto& services = doc.at("projects").at(project).at("services");
  const auto it = services.find(service);
  if (it == services.end()) {
    throw ApiError{404, "Service " + service + " does not exist", "service_not_found"};
  }
  return *it;
}

}  // namespace aivenctl::emulator
