#include "cli/apply_command.h"

#include "cli/continue_command.h"
#include "cli/outputs_command.h"
#include "cli/projects_first.h"
#include "cli/saved_changeset.h"
#include "cli/session.h"
#include "diff/ownership.h"
#include "render/changeset_text.h"
#include "render/diagnostics.h"

namespace aivenctl::cli {
namespace {

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
  if (IntegrationsUnchecked(session, to_run)) {
    std::optional<diff::Changeset> rest;
    if (IsSavedChangeset(target)) {
      rest = SavedProjectsFirst(session, to_run, exec_flags, options, control, io, exit_code);
    } else {
      rest = ProjectsFirst(session, *cs, plan_flags, exec_flags, options, control, io, exit_code);
      if (rest && !FillSecrets(*rest, io)) {
        rest.reset();
        exit_code = kExitInvalid;
      }
    }
    if (!rest) return control.Finish(WriteOutputsAfter(session, exit_code, *outputs, io));
    to_run = std::move(*rest);
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
  auto session =
      StartLockedSessionFor(ref, exec_flags.lock, options, control, io, failed, Reads::kForDestroy);
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
