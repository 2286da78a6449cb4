#include "cli/projects_command.h"

#include "cli/connection.h"
#include "render/tables.h"

namespace aivenctl::cli {

int RunProjects(const GlobalOptions& options, Io& io) {
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return kExitInvalid;
  }
  auto projects = (*connection)->api().ListProjects();
  if (!projects.ok()) {
    io.err << "aivenctl: " << (*connection)->FailureMessage("", projects.status()) << "\n";
    return kExitInvalid;
  }
  if (options.format == "json") {
    io.out << render::ProjectsJson(*projects).dump(2) << "\n";
  } else if (projects->empty()) {
    io.out << "no projects: the token is not a member of any project\n";
  } else {
    io.out << render::FormatTable(render::ProjectsTable(*projects));
  }
  return kExitOk;
}

}  // namespace aivenctl::cli
