#include "cli/reap_command.h"

#include "cli/locking.h"
#include "cli/plan_command.h"
#include "cli/session.h"
#include "diff/extend.h"
#include "diff/reap.h"
#include "render/changeset_text.h"
#include "render/reap_report.h"
#include "state/refresh.h"

namespace aivenctl::cli {
namespace {

/// Failures and skips of a run, by address.
void Collect(const exec::RunResult& result, render::ReapRun& run) {
  for (const auto& op : result.ops) {
    const std::string address = op.address.ToString();
    switch (op.outcome) {
      case exec::Outcome::kFailed:
        run.failures[address] = op.error.message();
        break;
      case exec::Outcome::kSkipped:
        run.skipped[address] = op.cause + " failed";
        break;
      case exec::Outcome::kNotStarted:
        run.skipped[address] = "not started: the run was stopped";
        break;
      case exec::Outcome::kInterrupted:
        run.skipped[address] = "stopped before it was confirmed" +
                               (op.note.empty() ? std::string() : " (" + op.note + ")");
        break;
      case exec::Outcome::kDone:
        break;
    }
  }
}

}  // namespace

int RunReap(const ReapFlags& flags, const ExecFlags& exec_flags, const GlobalOptions& options,
            Io& io) {
  diff::ReapOptions reap;
  reap.now = Now(io.env);
  if (!flags.now.empty()) {
    auto now = core::ParseTime(flags.now);
    if (!now.ok()) {
      io.err << "aivenctl: --now " << flags.now << ": " << now.status().message()
             << " (write it like 2026-11-28T16:00:00Z)\n";
      return kExitUsage;
    }
    reap.now = *now;
  }
  if (flags.older_than) {
    reap.older_than = std::chrono::duration_cast<core::Seconds>(*flags.older_than);
  }
  if (flags.expiring_within) {
    if (exec_flags.yes) {
      io.err << "aivenctl: --expiring-within lists what expires soon and deletes nothing; drop "
                "--yes (or run reap --yes without it)\n";
      return kExitUsage;
    }
    reap.expiring_within = std::chrono::duration_cast<core::Seconds>(*flags.expiring_within);
  }
  if (!flags.plan.empty()) reap.plan = flags.plan;
  reap.force_unprotect = flags.force_unprotect;

  RunControl control(io, options);
  if (flags.timeout) {
    control.SetDeadline(*flags.timeout, "--timeout " + core::FormatFlagDuration(*flags.timeout));
  }
  // A dry run only reads: it never locks. Declared before the connection, which goes first.
  std::unique_ptr<RunLock> lock;
  if (exec_flags.yes) {
    lock::Scope scope{.plan = flags.plan, .projects = flags.projects};
    if (int taken = TakeRunLock(scope, exec_flags.lock, options, control, io, lock);
        taken != kExitOk) {
      return taken;
    }
  }
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return kExitInvalid;
  }
  Connection& conn = **connection;
  if (lock) lock->ShareRateWindow(conn);
  state::RefreshOptions refresh;
  refresh.stop = control.stop_token();
  auto live = state::RefreshProjects(conn.api(), flags.projects, refresh);
  if (!live.ok()) {
    if (control.interrupted()) return control.Stopped();
    io.err << "aivenctl: " << conn.FailureMessage("reading projects failed", live.status()) << "\n";
    return kExitInvalid;
  }
  model::Catalog catalog;
  if (auto read = conn.api().GetCatalog(); read.ok()) {
    catalog = std::move(*read);
  } else {
    io.err << "aivenctl: warning: no prices (the catalog could not be read: "
           << read.status().message() << ")\n";
  }
  diff::ReapPlan plan = diff::PlanReap(*live, catalog, reap);
  // The refresh reads a project's VPCs only when a service is in one: read those of the
  // projects to reap (one request each), which go before their project.
  bool more_vpcs = false;
  for (const auto& op : plan.changeset.operations) {
    if (op.address.kind != core::Kind::kProject) continue;
    for (auto& p : live->projects) {
      if (p.name != op.address.parts[0] || !p.vpcs.empty()) continue;
      auto vpcs = conn.api().ListVpcs(p.name);
      if (vpcs.ok() && !vpcs->empty()) p.vpcs = std::move(*vpcs), more_vpcs = true;
    }
  }
  if (more_vpcs) plan = diff::PlanReap(*live, catalog, reap);
  render::ReapRun run{.now = core::FormatTimeIso(reap.now), .dry_run = !exec_flags.yes};
  int exit_code = kExitOk;
  if (reap.expiring_within) {
    run.expiring_by = core::FormatTimeIso(reap.now + *reap.expiring_within);
    if (flags.detailed_exitcode && !plan.items.empty()) exit_code = kExitChanges;
  }
  if (!exec_flags.yes && flags.detailed_exitcode && !plan.changeset.operations.empty()) {
    exit_code = kExitChanges;  // a dry run that found something to reap
  }
  if (exec_flags.yes && !plan.changeset.operations.empty()) {
    ExecFlags quiet = exec_flags;
    quiet.quiet = options.format == "json";
    exec::RunResult result = Execute(plan.changeset, conn, quiet, options, control, io, exit_code);
    Collect(result, run);
    if (!run.failures.empty() || !run.skipped.empty()) exit_code = kExitInvalid;
  }
  if (options.format == "json") {
    io.out << render::ReapJson(plan, run).dump(2) << "\n";
  } else {
    io.out << (exec_flags.yes && !plan.changeset.operations.empty() ? "\n" : "")
           << render::ReapText(plan, run);
  }
  return exit_code == kExitChanges ? exit_code : control.Finish(exit_code);
}

int RunExtend(const std::string& file, std::chrono::milliseconds ttl, const ExecFlags& exec_flags,
              const GlobalOptions& options, Io& io) {
  RunControl control(io, options);
  StartDeadline(control, exec_flags);
  int failed = kExitInvalid;
  auto session = StartLockedSession(file, exec_flags.lock, options, control, io, failed);
  if (!session) return failed;
  diff::Changeset cs =
      diff::PlanExtend(session->plan, session->refreshed.live,
                       std::chrono::duration_cast<core::Seconds>(ttl), Now(io.env));
  if (cs.changes.empty() && !cs.warnings.empty()) {
    for (const auto& w : cs.warnings) io.err << "aivenctl: warning: " << w.message << "\n";
    io.out << "Nothing to extend: plan " << session->plan.name
           << " adopted what it owns, and adopted resources get no expiry.\n";
    return kExitOk;
  }
  if (cs.changes.empty()) {
    io.err << "aivenctl: plan " << session->plan.name
           << " owns nothing that exists; nothing to extend\n";
    return kExitInvalid;
  }
  if (options.format != "json") {
    PrintChangeset(cs, options, io);
  } else {
    for (const auto& w : cs.warnings) io.err << "aivenctl: warning: " << w.message << "\n";
  }
  if (cs.operations.empty()) return kExitOk;  // every expiry is already there
  if (!Confirm("extend", "Change the expiry of these resources? Only 'yes' is accepted.", "yes",
               exec_flags, io)) {
    return kExitInvalid;
  }
  if (control.interrupted()) return control.Stopped();
  int exit_code = kExitOk;
  Execute(cs, *session->connection, exec_flags, options, control, io, exit_code);
  return control.Finish(exit_code);
}

}  // namespace aivenctl::cli
