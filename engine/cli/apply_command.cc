#include "cli/apply_command.h"

#include <algorithm>
#include <set>

#include "cli/continue_command.h"
#include "cli/outputs_command.h"
#include "cli/saved_changeset.h"
#include "cli/session.h"
#include "diff/ownership.h"
#include "render/changeset_text.h"
#include "render/diagnostics.h"

namespace aivenctl::cli {
namespace {

// True when the pair check of the plan's integrations could not run (no project to read
// the integration types from) and the changeset creates a project to read them from.
bool IntegrationsUnchecked(const Session& session, const diff::Changeset& cs) {
  if (!session.refreshed.catalog.integration_types.empty()) return false;
  bool any = false;
  for (const auto& p : session.plan.projects) any = any || !p.integrations.empty();
  if (!any) return false;
  return std::any_of(cs.changes.begin(), cs.changes.end(), [](const diff::Change& c) {
    return c.address.kind == core::Kind::kProject && c.action == diff::Action::kCreate;
  });
}

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

// Creates the plan's new projects alone (they cost nothing), reads the catalog from them
// and plans again, so that every integration is checked before any service is created.
// The changeset to run next, or nullopt with `exit_code` set.
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
  exit_code = kExitOk;
  return rest;
}

// A saved changeset carries no integration settings to plan again with: when it was made
// on an account with no project (its integrations unchecked) and creates integrations, it
// is refused before anything is created; applying the plan file creates the project first.
bool SavedIntegrationsUnchecked(const Session& session, const diff::Changeset& cs) {
  if (!session.refreshed.catalog.integration_types.empty()) return false;
  auto creates = [&cs](core::Kind kind) {
    return std::any_of(cs.changes.begin(), cs.changes.end(), [kind](const diff::Change& c) {
      return c.address.kind == kind && c.action == diff::Action::kCreate;
    });
  };
  return creates(core::Kind::kProject) && creates(core::Kind::kIntegration);
}

// Writes --outputs after a finished apply; the exit code.
int WriteOutputsAfter(const Session& session, int exit_code, const OutputsTarget& outputs, Io& io) {
  if (!outputs.wanted) return exit_code;
  if (exit_code != kExitOk) {
    io.err << "aivenctl: " << outputs.path << " not written: the apply did not finish\n";
    return exit_code;
  }
  return WriteOutputs(session, outputs, io) ? exit_code : kExitInvalid;
}

}  // namespace

int RunApply(const std::string& target, const PlanFlags& plan_flags, const ExecFlags& exec_flags,
             const ApplyFlags& apply_flags, const GlobalOptions& options, Io& io) {
  // Refused before anything changes, not after a twenty-minute apply.
  auto outputs = ResolveOutputs({apply_flags.outputs, apply_flags.outputs_format},
                                /*stdout_allowed=*/false, io.env);
  if (!outputs.ok()) {
    io.err << "aivenctl: " << outputs.status().message() << "\n";
    return kExitInvalid;
  }
  RunControl control(io, options);
  StartDeadline(control, exec_flags);
  Session session;
  std::optional<diff::Changeset> cs;
  if (IsSavedChangeset(target)) {
    int failed = kExitInvalid;
    cs = LoadSaved(target, apply_flags.resume, session, exec_flags.lock, options, control, io,
                   failed);
    if (!cs) return failed;
    // Once part of it ran, what it changed differs from what it read: a run continues
    // with --resume, which leaves out what is done (no plan file needed).
    control.ContinueWith(WithResume(options.args));
  } else {
    if (apply_flags.resume) {
      io.err << "aivenctl: --resume continues a saved changeset (apply CHANGESET.json "
                "--resume); a plan file needs no flag: run `aivenctl apply "
             << target << "` again\n";
      return kExitUsage;
    }
    int failed = kExitInvalid;
    auto started = StartLockedSession(target, exec_flags.lock, options, control, io, failed);
    if (!started) return failed;
    session = std::move(*started);
    cs = MakeChangeset(session, plan_flags, options, io);
    if (!cs) return kExitInvalid;
  }
  // The requests as sent: the saved form plus the secrets read from the environment now.
  diff::Changeset to_run = *cs;
  if (!FillSecrets(to_run, io)) return kExitInvalid;
  const bool destroying = cs->kind == "destroy";
  if (destroying && outputs->wanted) {
    io.err << "aivenctl: " << target << " is a destroy changeset: it leaves no connection "
           << "details to write; drop --outputs\n";
    return kExitUsage;
  }
  if (options.format != "json") PrintChangeset(*cs, options, io, &session.plan);
  if (!cs->Summarize().has_changes() || to_run.operations.empty()) {
    if (options.format != "json") {
      io.out << (cs->Summarize().has_changes()
                     ? std::string("\nNothing left to do: every operation of ") + target +
                           " is done.\n"
                 : destroying ? "\nNothing to destroy: plan " + cs->plan_name +
                                    " owns nothing that exists.\n"
                              : std::string("\nNo changes: the live state matches the plan.\n"));
    }
    return WriteOutputsAfter(session, kExitOk, *outputs, io);
  }
  const bool confirmed =
      destroying
          ? Confirm("destroy",
                    "Destroy everything plan \"" + cs->plan_name +
                        "\" owns? Type the plan name to confirm.",
                    cs->plan_name, exec_flags, io)
          : Confirm("apply", "Apply these changes? Only 'yes' is accepted.", "yes", exec_flags, io);
  if (!confirmed) return kExitInvalid;
  if (control.interrupted()) return control.Stopped();
  int exit_code = kExitOk;
  if (IsSavedChangeset(target) && SavedIntegrationsUnchecked(session, *cs)) {
    io.err << "aivenctl: " << target << " was planned on an account with no project, so its "
           << "integrations could not be checked; nothing was created. Run `aivenctl apply` "
           << "with the plan file (it creates the project first and checks every integration "
           << "before any service), or create the project and run `aivenctl plan --out` again\n";
    return control.Finish(kExitInvalid);
  }
  if (!IsSavedChangeset(target) && IntegrationsUnchecked(session, *cs)) {
    const diff::Changeset confirmed = *cs;
    cs = ProjectsFirst(session, *cs, plan_flags, exec_flags, options, control, io, exit_code);
    if (!cs) return control.Finish(WriteOutputsAfter(session, exit_code, *outputs, io));
    if (Changed(confirmed) != Changed(*cs)) {
      io.err << "aivenctl: the changes planned after creating the project differ from the "
             << "ones confirmed; no service was created; run `aivenctl plan` again\n";
      return control.Finish(kExitInvalid);
    }
    to_run = *cs;
    if (!FillSecrets(to_run, io)) return control.Finish(kExitInvalid);
  }
  Execute(to_run, *session.connection, exec_flags, options, control, io, exit_code);
  return control.Finish(WriteOutputsAfter(session, exit_code, *outputs, io));
}

int RunDestroy(const PlanRef& ref, const ExecFlags& exec_flags, const ApplyFlags& apply_flags,
               const GlobalOptions& options, Io& io) {
  if (!CheckPlanRef(ref, "destroy", io)) return kExitUsage;
  RunControl control(io, options);
  StartDeadline(control, exec_flags);
  int failed = kExitInvalid;
  auto session = StartLockedSessionFor(ref, exec_flags.lock, options, control, io, failed,
                                       Reads::kForDestroy);
  if (!session) return failed;
  auto planned = MakeDestroyChangeset(*session, apply_flags.force_unprotect, options, io);
  if (!planned) return kExitInvalid;
  const diff::Changeset& cs = *planned;
  if (options.format != "json") PrintChangeset(cs, options, io);
  if (!cs.Summarize().has_changes()) {
    if (options.format != "json") {
      io.out << "\nNothing to destroy: plan " << session->plan.name
             << " owns nothing that exists.\n";
    }
    return kExitOk;
  }
  if (options.format != "json") {
    auto adopted = diff::AdoptedDeletes(cs, session->refreshed.live);
    if (!adopted.empty()) {
      io.out << "\nAdopted, not created by aivenctl (they existed before it took them over; "
                "destroy deletes them too, `aivenctl release` hands them back instead):\n";
      for (const auto& a : adopted) io.out << "  " << a.ToString() << "\n";
    }
  }
  if (!Confirm("destroy",
               "Destroy everything plan \"" + session->plan.name +
                   "\" owns? Type the plan name to confirm.",
               session->plan.name, exec_flags, io)) {
    return kExitInvalid;
  }
  if (control.interrupted()) return control.Stopped();
  int exit_code = kExitOk;
  Execute(cs, *session->connection, exec_flags, options, control, io, exit_code);
  return control.Finish(exit_code);
}

}  // namespace aivenctl::cli
