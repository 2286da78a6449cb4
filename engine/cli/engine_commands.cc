#include "cli/engine_commands.h"

#include "cli/cli_spec.h"
#include "cli/duration_flags.h"
#include "cli/locking.h"
#include "cli/outputs_command.h"
#include "render/outputs.h"

namespace aivenctl::cli {
namespace {

void AddPlanningFlags(CLI::App* cmd, EngineCommands& c) {
  cmd->add_option("--target", c.plan_flags.targets,
                  "Only this resource and what it depends on (address, repeatable)")
      ->type_name("ADDRESS");
  cmd->add_option("--allow-replace", c.plan_flags.allow_replace,
                  "Permit replacing this resource (address, repeatable); data is lost")
      ->type_name("ADDRESS");
}

void AddExecFlags(CLI::App* cmd, EngineCommands& c, bool timeout = true) {
  cmd->add_flag("--yes,-y", c.exec_flags.yes, "Do not ask for confirmation");
  cmd->add_option("--parallelism", c.exec_flags.parallelism, "API operations in flight at most")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddDurationOption(cmd, "--poll-initial", c.exec_flags.poll_initial,
                    "First readiness poll after a call (e.g. 200ms, 1s)");
  AddDurationOption(cmd, "--poll-max", c.exec_flags.poll_max,
                    "Ceiling of the readiness poll interval");
  if (timeout) {
    AddDurationOption(cmd, "--timeout", c.exec_flags.timeout,
                      "Time limit per operation (default: 20m for service creates, 10m others)");
    AddDurationOption(cmd, "--deadline", c.exec_flags.deadline,
                      "Stop starting work this long after the start, let calls in flight "
                      "finish, print the command that continues, exit 1 (e.g. 25m)",
                      DurationRule::kPositive);
  }
  cmd->add_option("--lock", c.exec_flags.lock.url,
                  "Wait for and hold the plan's lock in this PostgreSQL database, and share one "
                  "rate budget per token with the other runners (or AIVENCTL_LOCK_URL)")
      ->type_name("URL");
  AddDurationOption(cmd, "--lock-timeout", c.exec_flags.lock.timeout,
                    "How long to wait for the lock before giving up with exit 1");
}

void AddPlanByName(CLI::App* cmd, EngineCommands& c) {
  cmd->add_option("--plan", c.plan_flags.plan_name,
                  "Without a plan file: the plan NAME whose ownership tags say what it owns")
      ->type_name("NAME");
  cmd->add_option("--project", c.plan_flags.projects,
                  "With --plan: a project to look in (repeatable)")
      ->type_name("PROJECT");
}

void AddOutputsFormat(CLI::App* cmd, EngineCommands& c) {
  cmd->add_option("--outputs-format", c.apply_flags.outputs_format,
                  "How to write them (default: json for *.json, else dotenv); github appends "
                  "to $GITHUB_ENV")
      ->type_name("FORMAT")
      ->check(OneOf(render::OutputsFormatNames()));
}

}  // namespace

void AddEngineCommands(CLI::App& app, EngineCommands& c) {
  c.plan = app.add_subcommand("plan", "Show what applying the plan would change (a dry run)");
  c.plan->add_option("planfile", c.file, "The plan file (none with --destroy --plan NAME)")
      ->type_name(kPlanFileType);
  AddPlanningFlags(c.plan, c);
  c.plan
      ->add_option("--out", c.plan_flags.out, "Save the changeset as JSON (apply exactly it later)")
      ->type_name(kFileType);
  c.plan->add_flag("--destroy", c.plan_flags.destroy,
                   "Plan deleting everything the plan owns (save it with --out, run it with "
                   "apply)");
  c.plan->add_flag("--force-unprotect", c.plan_flags.force_unprotect,
                   "With --destroy: lift termination protection of owned services first");
  AddPlanByName(c.plan, c);
  c.plan->add_flag("--detailed-exitcode", c.plan_flags.detailed_exitcode,
                   "Exit 0 without changes, 2 with changes, 1 on errors");
  c.plan
      ->add_option("--max-monthly-cost", c.plan_flags.max_monthly_cost,
                   "Exit 1 (after printing the plan, saving nothing) when the plan's services "
                   "would cost more than USD per month")
      ->type_name("USD")
      ->check(CLI::NonNegativeNumber);
  c.plan->footer(
      "Formats: --format text (default), json, markdown (for pull requests).\n"
      "Example: aivenctl plan plans/ci-postgres.yaml --detailed-exitcode\n"
      "Teardown saved for a later job: aivenctl plan --destroy --plan pr-42 --project ci-pr-42 "
      "--out destroy.json");

  c.graph = app.add_subcommand("graph", "Print the operation graph of the plan (DOT or Mermaid)");
  c.graph->add_option("planfile", c.file, "The plan file")->type_name(kPlanFileType)->required();
  AddPlanningFlags(c.graph, c);
  c.graph->add_flag("--mermaid", c.plan_flags.mermaid, "Mermaid flowchart instead of DOT");

  c.apply = app.add_subcommand("apply", "Plan, confirm, and make the live state match the plan");
  c.apply->add_option("target", c.file, "A plan file, or a changeset saved by plan --out")
      ->type_name(kPlanOrChangesetType)
      ->required();
  AddPlanningFlags(c.apply, c);
  AddExecFlags(c.apply, c);
  c.apply
      ->add_option("--outputs", c.apply_flags.outputs,
                   "Write connection details to FILE after the apply (mode 0600)")
      ->type_name(kFileType);
  AddOutputsFormat(c.apply, c);
  c.apply->add_flag("--resume", c.apply_flags.resume,
                    "Continue an interrupted apply of a saved changeset: leave out what is done");

  c.destroy = app.add_subcommand("destroy", "Delete everything the plan owns");
  c.destroy->add_option("planfile", c.file, "The plan file (or --plan NAME --project P)")
      ->type_name(kPlanFileType);
  AddPlanByName(c.destroy, c);
  AddExecFlags(c.destroy, c);
  c.destroy->footer(
      "Without the plan file (a closed pull request's branch is gone), the ownership tags\n"
      "say what plan NAME owns in the projects given: aivenctl destroy --plan pr-42 --project "
      "ci-pr-42");
  c.destroy->add_flag("--force-unprotect", c.apply_flags.force_unprotect,
                      "Lift termination protection of owned services before deleting them");

  c.outputs = app.add_subcommand(
      "outputs", "Write the connection details of the plan's services, or print one of them");
  c.outputs->add_option("planfile", c.file, "The plan file, or a changeset saved by plan --out")
      ->type_name(kPlanOrChangesetType)
      ->required();
  c.outputs->add_option("name", c.output_name, "Print only this value, raw (e.g. PG_URI)")
      ->type_name("NAME");
  c.outputs
      ->add_option("--outputs,-o", c.apply_flags.outputs,
                   "FILE to write (mode 0600), or - for stdout")
      ->type_name(kFileType);
  AddOutputsFormat(c.outputs, c);
  c.outputs->add_flag("--show-secrets", c.show_secrets, "Print them to stdout instead");
  c.outputs->footer(
      "Formats: dotenv (default; `set -a; . FILE` in sh or bash), env-file (docker --env-file;\n"
      "multi-line values in files beside it as NAME_FILE), github (appends to $GITHUB_ENV and\n"
      "masks the secrets), json (default for *.json).\n"
      "Example: export PGPASSWORD=\"$(aivenctl outputs plans/ci-postgres.yaml "
      "PG_USER_APP_PASSWORD)\"");

  c.reap = app.add_subcommand("reap",
                              "Delete expired environments aivenctl owns (dry run "
                              "unless --yes)");
  c.reap->add_option("--project", c.reap_flags.projects, "Only this project (repeatable)")
      ->type_name("PROJECT");
  c.reap->add_option("--plan", c.reap_flags.plan, "Only resources of this plan")->type_name("NAME");
  c.reap->add_option("--now", c.reap_flags.now, "Evaluate expiry at this instant (ISO 8601)")
      ->type_name("TIME");
  AddDurationOption(c.reap, "--older-than", c.reap_flags.older_than,
                    "Also reap owned services without expiry created this long ago");
  AddDurationOption(c.reap, "--expiring-within", c.reap_flags.expiring_within,
                    "Only list what expires within this time from now (e.g. 24h); deletes "
                    "nothing",
                    DurationRule::kPositive);
  c.reap->add_flag("--force-unprotect", c.reap_flags.force_unprotect,
                   "Lift termination protection of expired owned services, then delete them");
  AddDurationOption(c.reap, "--timeout", c.reap_flags.timeout,
                    "Bound on the whole run, like --deadline elsewhere (e.g. 25m)");
  c.reap->add_flag("--detailed-exitcode", c.reap_flags.detailed_exitcode,
                   "Without --yes: exit 0 when nothing is expired, 2 when something is");
  AddExecFlags(c.reap, c, /*timeout=*/false);

  c.extend = app.add_subcommand("extend", "Push expires-at forward on what the plan owns");
  c.extend->add_option("planfile", c.file, "The plan file")->type_name(kPlanFileType)->required();
  AddDurationOption(c.extend, "--ttl", c.ttl, "New time to live from now (e.g. 4h, 2d)",
                    DurationRule::kAtLeastASecond)
      ->required();
  AddExecFlags(c.extend, c);
}

std::optional<int> RunEngineCommand(EngineCommands& c, const GlobalOptions& options, Io& io) {
  HideLockPassword(c.exec_flags.lock, io.env);  // before any message can repeat the URL
  const PlanRef ref{c.file, c.plan_flags.plan_name, c.plan_flags.projects};
  if (c.plan->parsed()) return RunPlan(ref, c.plan_flags, options, io);
  if (c.graph->parsed()) return RunGraph(c.file, c.plan_flags, options, io);
  if (c.apply->parsed()) {
    return RunApply(c.file, c.plan_flags, c.exec_flags, c.apply_flags, options, io);
  }
  if (c.destroy->parsed()) return RunDestroy(ref, c.exec_flags, c.apply_flags, options, io);
  if (c.outputs->parsed()) {
    return RunOutputs(c.file, c.output_name, {c.apply_flags.outputs, c.apply_flags.outputs_format},
                      c.show_secrets, options, io);
  }
  if (c.reap->parsed()) return RunReap(c.reap_flags, c.exec_flags, options, io);
  if (c.extend->parsed()) return RunExtend(c.file, c.ttl.value(), c.exec_flags, options, io);
  return std::nullopt;
}

}  // namespace aivenctl::cli
