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
  std::string digest_input = result.source;
  for (const auto& [name, value] : options.vars) digest_input += "\n--var " + name + "=" + value;
  session.digest = diff::Sha256Hex(digest_input);
  return session;
}

bool OpenAndRefresh(Session& session, const GlobalOptions& options, Io& io, std::stop_token stop,
                    RunLock* lock) {
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return false;
  }
  session.connection = std::move(*connection);
  if (lock != nullptr) lock->ShareRateWindow(*session.connection);
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

int LockAndRefresh(Session& session, const LockFlags& flags, const GlobalOptions& options,
                   RunControl& control, Io& io) {
  lock::Scope scope{.plan = session.plan.name};
  for (const auto& project : session.plan.projects) scope.projects.push_back(project.name);
  if (int taken = TakeRunLock(scope, flags, options, control, io, session.lock); taken != kExitOk) {
    return taken;
  }
  if (!OpenAndRefresh(session, options, io, control.stop_token(),
                      session.lock ? session.lock.get() : nullptr)) {
    return control.interrupted() ? control.Stopped() : kExitInvalid;
  }
  return kExitOk;
}

std::optional<Session> StartLockedSession(const std::string& file, const LockFlags& flags,
                                          const GlobalOptions& options, RunControl& control, Io& io,
                                          int& exit_code) {
  auto session = LoadPlan(file, options, io);
  if (!session) {
    exit_code = kExitInvalid;
    return std::nullopt;
  }
  exit_code = LockAndRefresh(*session, flags, options, control, io);
  if (exit_code != kExitOk) return std::nullopt;
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
