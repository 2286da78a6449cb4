#include "cli/projects_first.h"

#include <algorithm>
#include <map>
#include <set>

#include "diff/checks.h"
#include "diff/resume.h"

namespace aivenctl::cli {
namespace {

// (address, action) of every change but the no-ops and the project creations.
std::set<std::pair<std::string, int>> Changed(const diff::Changeset& cs) {
  std::set<std::pair<std::string, int>> out;
  for (const auto& c : cs.changes) {
    if (c.action == diff::Action::kNoop) continue;
    if (c.address.kind == core::Kind::kProject && c.action == diff::Action::kCreate) continue;
    out.insert({c.address.ToString(), static_cast<int>(c.action)});
  }
  return out;
}

// The project creations of `cs` alone (they depend on nothing).
diff::Changeset ProjectCreations(const diff::Changeset& cs) {
  diff::Changeset first = cs;
  first.operations.clear();
  for (const auto& op : cs.operations) {
    if (op.address.kind != core::Kind::kProject || op.action != diff::Action::kCreate) continue;
    diff::Operation copy = op;
    copy.id = static_cast<int>(first.operations.size());
    copy.depends_on.clear();
    first.operations.push_back(std::move(copy));
  }
  return first;
}

// "project/service" -> service type, from the changeset's plan and the live state.
std::map<std::string, std::string> ServiceTypes(const diff::Changeset& cs,
                                                const model::LiveState& live) {
  std::map<std::string, std::string> types;
  for (const auto& p : live.projects) {
    for (const auto& s : p.services) types[p.name + "/" + s.name] = s.type;
  }
  for (const auto& s : cs.plan_services) types[s.project + "/" + s.name] = s.type;
  return types;
}

// Every integration `cs` creates that the catalog's integration types do not offer, as
// "ADDRESS: why" lines (the planner's own pair check).
std::vector<std::string> RefusedIntegrations(const diff::Changeset& cs,
                                             const model::LiveState& live,
                                             const model::Catalog& catalog) {
  const auto types = ServiceTypes(cs, live);
  auto type_of = [&types](const std::string& project, const std::string& service) {
    auto it = types.find(project + "/" + service);
    return it == types.end() ? std::string() : it->second;
  };
  const diff::CatalogChecker checker(catalog);
  std::vector<std::string> refused;
  for (const auto& op : cs.operations) {
    const auto* create = std::get_if<diff::IntegrationCreate>(&op.request);
    if (create == nullptr) continue;
    if (auto problem = checker.CheckIntegration(
            create->type, type_of(create->source_project, create->source_service),
            type_of(create->dest_project, create->dest_service))) {
      refused.push_back(op.address.ToString() + ": " + *problem);
    }
  }
  return refused;
}

std::string CreatedProjects(const diff::Changeset& first) {
  std::string names;
  for (const auto& op : first.operations)
    names += (names.empty() ? "" : ", ") + op.address.ToString();
  return names;
}

}  // namespace

bool IntegrationsUnchecked(const Session& session, const diff::Changeset& cs) {
  if (!session.refreshed.catalog.integration_types.empty()) return false;
  bool any = std::any_of(cs.changes.begin(), cs.changes.end(), [](const diff::Change& c) {
    return c.address.kind == core::Kind::kIntegration && c.action == diff::Action::kCreate;
  });
  for (const auto& p : session.plan.projects) any = any || !p.integrations.empty();
  if (!any) return false;
  return std::any_of(cs.changes.begin(), cs.changes.end(), [](const diff::Change& c) {
    return c.address.kind == core::Kind::kProject && c.action == diff::Action::kCreate;
  });
}

std::optional<diff::Changeset> ProjectsFirst(Session& session, const diff::Changeset& cs,
                                             const PlanFlags& plan_flags,
                                             const ExecFlags& exec_flags,
                                             const GlobalOptions& options, RunControl& control,
                                             Io& io, int& exit_code) {
  PlanFlags projects_only = plan_flags;
  projects_only.targets.clear();
  std::string names;
  for (const auto& c : cs.changes) {
    if (c.address.kind != core::Kind::kProject || c.action != diff::Action::kCreate) continue;
    projects_only.targets.push_back(c.address.ToString());
    names += (names.empty() ? "" : ", ") + c.address.ToString();
  }
  io.err << "aivenctl: creating " << names << " first: the integration types are read from a "
         << "project, and every integration is checked before any service is created\n";
  exit_code = kExitInvalid;
  auto first = MakeChangeset(session, projects_only, options, io);
  if (!first) return std::nullopt;
  exit_code = kExitOk;
  Execute(*first, *session.connection, exec_flags, options, control, io, exit_code);
  if (exit_code != kExitOk || control.interrupted()) return std::nullopt;
  exit_code = kExitInvalid;
  if (!OpenAndRefresh(session, options, io, control.stop_token(), Reads::kAll,
                      session.lock ? session.lock.get() : nullptr)) {
    return std::nullopt;
  }
  auto rest = MakeChangeset(session, plan_flags, options, io,
                            "only " + names +
                                " was created (a project costs nothing); no "
                                "service was created");
  if (!rest) return std::nullopt;
  if (Changed(cs) != Changed(*rest)) {
    io.err << "aivenctl: the changes planned after creating the project differ from the "
           << "ones confirmed; no service was created; run `aivenctl plan` again\n";
    return std::nullopt;
  }
  exit_code = kExitOk;
  return rest;
}

std::optional<diff::Changeset> SavedProjectsFirst(Session& session, const diff::Changeset& to_run,
                                                  const ExecFlags& exec_flags,
                                                  const GlobalOptions& options, RunControl& control,
                                                  Io& io, int& exit_code) {
  const diff::Changeset first = ProjectCreations(to_run);
  const std::string names = CreatedProjects(first);
  io.err << "aivenctl: creating " << names << " first: the integration types are read from a "
         << "project, and every integration is checked before any service is created\n";
  exit_code = kExitOk;
  Execute(first, *session.connection, exec_flags, options, control, io, exit_code);
  if (exit_code != kExitOk || control.interrupted()) return std::nullopt;
  exit_code = kExitInvalid;
  if (!OpenAndRefresh(session, options, io, control.stop_token(), Reads::kAll,
                      session.lock ? session.lock.get() : nullptr)) {
    return std::nullopt;
  }
  if (session.refreshed.catalog.integration_types.empty()) {
    io.err << "aivenctl: the integration types could not be read from " << names
           << "; no service was created\n";
    return std::nullopt;
  }
  const auto refused =
      RefusedIntegrations(to_run, session.refreshed.live, session.refreshed.catalog);
  if (!refused.empty()) {
    for (const auto& line : refused) io.err << "error: " << line << "\n";
    io.err << "aivenctl: only " << names << " was created (a project costs nothing); no "
           << "service was created. Fix the plan and run `aivenctl plan --out` again\n";
    return std::nullopt;
  }
  exit_code = kExitOk;
  return diff::Remaining(to_run, session.refreshed.live);
}

}  // namespace aivenctl::cli
