#include "cli/apply_command.h"

#include <fstream>
#include <sstream>

#include "cli/continue_command.h"
#include "cli/outputs_command.h"
#include "cli/session.h"
#include "diff/changeset_json.h"
#include "diff/fingerprint.h"
#include "diff/ownership.h"
#include "render/changeset_text.h"
#include "render/diagnostics.h"

#ifndef AIVENCTL_VERSION
#define AIVENCTL_VERSION "0.0.0"
#endif

namespace aivenctl::cli {
namespace {

bool IsSavedChangeset(const std::string& target) {
  return target.size() > 5 && target.substr(target.size() - 5) == ".json";
}

/// Reads a saved changeset, reloads its plan file and refreshes; refuses when the plan
/// file or any live object it read changed since.
std::optional<diff::Changeset> LoadSaved(const std::string& path, Session& session,
                                         const GlobalOptions& options, RunControl& control,
                                         Io& io) {
  std::ifstream in(path);
  if (!in) {
    io.err << "aivenctl: cannot read " << path << "\n";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) {
    io.err << "aivenctl: " << path << " is not JSON (a changeset saved by `aivenctl plan --out`)\n";
    return std::nullopt;
  }
  auto cs = diff::FromJson(j);
  if (!cs.ok()) {
    io.err << "aivenctl: " << path << ": " << cs.status().message() << "\n";
    return std::nullopt;
  }
  if (cs->kind != "apply") {
    io.err << "aivenctl: " << path << " is a " << cs->kind << " changeset; apply takes the ones "
           << "`aivenctl plan --out` saves\n";
    return std::nullopt;
  }
  auto loaded = LoadPlan(cs->plan_file, options, io);
  if (!loaded) return std::nullopt;
  session = std::move(*loaded);
  if (!cs->plan_digest.empty() && session.digest != cs->plan_digest) {
    io.err << "aivenctl: refusing to apply " << path << ": the plan file " << cs->plan_file
           << " (or its --var values) changed since the changeset was saved; run `aivenctl plan` "
              "again\n";
    return std::nullopt;
  }
  if (!OpenAndRefresh(session, options, io, control.stop_token())) return std::nullopt;
  std::vector<std::string> changed;
  for (const auto& [text_address, fingerprint] : cs->fingerprints) {
    auto address = core::Address::Parse(text_address);
    if (!address.ok()) {
      changed.push_back(text_address + ": not an address");
      continue;
    }
    std::string now = diff::FingerprintOf(session.refreshed.live, *address);
    if (now == fingerprint) continue;
    std::string how = fingerprint == diff::kAbsent ? "now exists"
                      : now == diff::kAbsent       ? "no longer exists"
                                                   : "changed";
    changed.push_back(text_address + ": " + how);
  }
  if (!changed.empty()) {
    io.err << "aivenctl: refusing to apply " << path << ": the live state changed since it was "
           << "saved:\n";
    for (const auto& line : changed) io.err << "  " << line << "\n";
    io.err << "Run `aivenctl plan` again to see the new diff.\n";
    return std::nullopt;
  }
  return std::move(*cs);
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
    cs = LoadSaved(target, session, options, control, io);
    if (!cs) return control.interrupted() ? control.Stopped() : kExitInvalid;
    // Once part of it ran, the saved changeset is stale by design: a run continues from
    // the plan file it was made from.
    control.ContinueWith(ReplaceArgument(options.args, target, cs->plan_file));
  } else {
    auto started = StartSession(target, options, io, control.stop_token());
    if (!started) return control.interrupted() ? control.Stopped() : kExitInvalid;
    session = std::move(*started);
    cs = MakeChangeset(session, plan_flags, options, io);
    if (!cs) return kExitInvalid;
  }
  if (options.format != "json") PrintChangeset(*cs, options, io, &session.plan);
  if (!cs->Summarize().has_changes()) {
    if (options.format != "json") io.out << "\nNo changes: the live state matches the plan.\n";
    return WriteOutputsAfter(session, kExitOk, *outputs, io);
  }
  if (!Confirm("apply", "Apply these changes? Only 'yes' is accepted.", "yes", exec_flags, io)) {
    return kExitInvalid;
  }
  if (control.interrupted()) return control.Stopped();
  int exit_code = kExitOk;
  Execute(*cs, *session.connection, exec_flags, options, control, io, exit_code);
  return control.Finish(WriteOutputsAfter(session, exit_code, *outputs, io));
}

int RunDestroy(const std::string& file, const ExecFlags& exec_flags, const ApplyFlags& apply_flags,
               const GlobalOptions& options, Io& io) {
  RunControl control(io, options);
  StartDeadline(control, exec_flags);
  auto session = StartSession(file, options, io, control.stop_token());
  if (!session) return control.interrupted() ? control.Stopped() : kExitInvalid;
  diff::DestroyOptions destroy;
  destroy.force_unprotect = apply_flags.force_unprotect;
  destroy.now = Now(io.env);
  destroy.engine_version = AIVENCTL_VERSION;
  destroy.plan_digest = session->digest;
  diff::PlanResult planned = diff::PlanDestroy(session->plan, session->refreshed.live,
                                               session->refreshed.catalog, destroy);
  if (!planned.ok()) {
    render::SourceMap sources{{session->plan.file, session->source}};
    io.err << render::FormatDiagnostics(planned.errors, sources, render::TextStyle{options.color});
    io.err << "aivenctl: nothing was deleted\n";
    return kExitInvalid;
  }
  const diff::Changeset& cs = planned.changeset;
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
