#include "cli/session.h"

#include <chrono>

#include "diff/sha256.h"
#include "loader/loader.h"
#include "render/diagnostics.h"

namespace aivenctl::cli {

std::optional<Session> LoadPlan(const std::string& file, const GlobalOptions& options, Io& io) {
  loader::LoadOptions load;
  load.vars = options.vars;
  load.env = &io.env;
  loader::LoadResult result = loader::LoadPlanFile(file, load);
  render::SourceMap sources{{file, result.source}};
  if (!result.diagnostics.empty()) {
    io.err << render::FormatDiagnostics(result.diagnostics, sources,
                                        render::TextStyle{options.color});
  }
  if (!result.ok()) {
    io.err << "aivenctl: " << file << " is not a valid plan; nothing was read or changed\n";
    return std::nullopt;
  }
  Session session;
  session.plan = std::move(*result.plan);
  session.source = result.source;
  session.digest = diff::Sha256Hex(result.source);
  return session;
}

bool OpenAndRefresh(Session& session, const GlobalOptions& options, Io& io, std::stop_token stop) {
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return false;
  }
  session.connection = std::move(*connection);
  state::RefreshOptions refresh;
  refresh.stop = stop;
  auto refreshed = state::Refresh(session.connection->api(), session.plan, refresh);
  if (!refreshed.ok()) {
    io.err << "aivenctl: "
           << session.connection->FailureMessage("reading the live state failed",
                                                 refreshed.status())
           << "\n";
    return false;
  }
  session.refreshed = std::move(*refreshed);
  return true;
}

std::optional<Session> StartSession(const std::string& file, const GlobalOptions& options, Io& io,
                                    std::stop_token stop) {
  auto session = LoadPlan(file, options, io);
  if (!session || !OpenAndRefresh(*session, options, io, stop)) return std::nullopt;
  return session;
}

bool CheckPlanRef(const PlanRef& ref, const std::string& command, Io& io) {
  const bool by_name = !ref.name.empty() || !ref.projects.empty();
  if (!ref.file.empty() && by_name) {
    io.err << "aivenctl: " << command << ": give a plan file, or --plan NAME with --project P, "
           << "not both\n";
    return false;
  }
  if (ref.file.empty() && (ref.name.empty() || ref.projects.empty())) {
    io.err << "aivenctl: " << command
           << " needs a plan file, or --plan NAME with --project P (repeatable) to go by the "
              "ownership tags alone, e.g. `aivenctl "
           << command << " --plan pr-42 --project ci-pr-42`\n";
    return false;
  }
  return true;
}

std::optional<Session> StartSessionFor(const PlanRef& ref, const GlobalOptions& options, Io& io,
                                       std::stop_token stop) {
  if (!ref.file.empty()) return StartSession(ref.file, options, io, stop);
  Session session;
  session.plan.name = ref.name;
  for (const auto& name : ref.projects) {
    model::Project& project = session.plan.projects.emplace_back();
    project.name = name;
    project.address = core::Address::Project(name);
  }
  if (!OpenAndRefresh(session, options, io, stop)) return std::nullopt;
  return session;
}

core::TimePoint Now(const core::Environment& env) {
  if (auto pinned = env.Get("AIVENCTL_NOW"); pinned && !pinned->empty()) {
    auto t = core::ParseTime(*pinned);
    if (t.ok()) return *t;
  }
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace aivenctl::cli
