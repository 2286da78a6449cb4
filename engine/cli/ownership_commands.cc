#include "cli/ownership_commands.h"

#include "cli/cli_spec.h"
#include "cli/connection.h"
#include "cli/duration_flags.h"
#include "cli/plan_command.h"
#include "cli/session.h"
#include "diff/inventory.h"
#include "diff/release.h"
#include "render/diagnostics.h"
#include "render/inventory.h"
#include "state/refresh.h"

namespace aivenctl::cli {
namespace {

int RunShow(const OwnershipCommands& c, const GlobalOptions& options, Io& io) {
  if (c.file.empty() == c.project.empty()) {
    io.err << "aivenctl: show takes a plan file or --project NAME (one of them)\n";
    return kExitUsage;
  }
  RunControl control(io, options);
  model::LiveState live;
  model::Catalog catalog;
  std::optional<std::string> plan;
  std::optional<Session> session;
  std::unique_ptr<Connection> connection;
  if (!c.file.empty()) {
    session = StartSession(c.file, options, io, control.stop_token());
    if (!session) return control.interrupted() ? control.Stopped() : kExitInvalid;
    plan = session->plan.name;
    live = session->refreshed.live;
    catalog = session->refreshed.catalog;
  } else {
    auto opened = Connection::Open(options, io, TokenNeed::kRequired);
    if (!opened.ok()) {
      io.err << "aivenctl: " << opened.status().message() << "\n";
      return kExitInvalid;
    }
    connection = std::move(*opened);
    state::RefreshOptions refresh;
    refresh.stop = control.stop_token();
    auto read = state::RefreshScope(connection->api(), {c.project}, refresh);
    if (!read.ok()) {
      if (control.interrupted()) return control.Stopped();
      io.err << "aivenctl: "
             << connection->FailureMessage("reading project " + c.project + " failed",
                                           read.status())
             << "\n";
      return kExitInvalid;
    }
    if (read->live.projects.empty()) {
      io.err << "aivenctl: project " << c.project
             << " was not found (aivenctl projects lists the ones the token can see)\n";
      return kExitInvalid;
    }
    live = std::move(read->live);
    catalog = std::move(read->catalog);
  }
  auto items = diff::OwnedInventory(live, catalog, plan, Now(io.env));
  if (options.format == "json") {
    io.out << render::InventoryJson(items).dump(2) << "\n";
  } else if (items.empty()) {
    io.out << (plan ? "Plan " + *plan + " owns nothing that exists.\n"
                    : "aivenctl owns nothing in project " + c.project + ".\n");
  } else {
    io.out << render::FormatTable(render::InventoryTable(items));
  }
  return kExitOk;
}

int RunRelease(const OwnershipCommands& c, const GlobalOptions& options, Io& io) {
  std::vector<core::Address> targets;
  for (const auto& t : c.targets) {
    auto address = core::Address::Parse(t);
    if (!address.ok()) {
      io.err << "aivenctl: --target " << t << ": " << address.status().message() << "\n";
      return kExitUsage;
    }
    targets.push_back(*address);
  }
  RunControl control(io, options);
  auto session = StartSession(c.file, options, io, control.stop_token());
  if (!session) return control.interrupted() ? control.Stopped() : kExitInvalid;
  core::Diagnostics errors;
  diff::Changeset cs = diff::PlanRelease(session->plan, session->refreshed.live, targets, errors);
  if (!errors.empty()) {
    for (const auto& e : errors) io.err << "aivenctl: " << e.message << "\n";
    io.err << "aivenctl: nothing was released\n";
    return kExitInvalid;
  }
  if (cs.operations.empty()) {
    io.out << "Nothing to release: plan " << session->plan.name << " owns nothing that exists.\n";
    return kExitOk;
  }
  if (options.format != "json") PrintChangeset(cs, options, io);
  if (!c.exec_flags.yes) {
    if (options.format == "json") PrintChangeset(cs, options, io);
    io.err << "Dry run: nothing was changed. Run again with --yes to release these "
           << cs.operations.size()
           << " resources (they stay, untouched; destroy, prune and reap then leave them "
              "alone).\n";
    return kExitOk;
  }
  if (control.interrupted()) return control.Stopped();
  int exit_code = kExitOk;
  Execute(cs, *session->connection, c.exec_flags, options, control, io, exit_code);
  return control.Finish(exit_code);
}

}  // namespace

void AddOwnershipCommands(CLI::App& app, OwnershipCommands& c) {
  c.show = app.add_subcommand("show", "List what a plan (or aivenctl in a project) owns, live");
  c.show->add_option("planfile", c.file, "The plan file")->type_name(kPlanFileType);
  c.show->add_option("--project", c.project, "Everything aivenctl owns in this project instead")
      ->type_name("PROJECT");
  c.show->footer(
      "Columns: address, plan, state, age, expiry, cost per hour; --format json for tools.\n"
      "Example: aivenctl show plans/ci-postgres.yaml");

  c.release = app.add_subcommand(
      "release", "Hand resources back: remove aivenctl's ownership tags (dry run unless --yes)");
  c.release->add_option("planfile", c.file, "The plan file")->type_name(kPlanFileType)->required();
  c.release
      ->add_option("--target", c.targets,
                   "Only this resource and what is inside it (address, repeatable)")
      ->type_name("ADDRESS");
  c.release->add_flag("--yes,-y", c.exec_flags.yes, "Remove the tags (without it: a dry run)");
  c.release
      ->add_option("--parallelism", c.exec_flags.parallelism, "API operations in flight at most")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddDurationOption(c.release, "--poll-initial", c.exec_flags.poll_initial,
                    "First readiness poll after a call (e.g. 200ms, 1s)");
  AddDurationOption(c.release, "--poll-max", c.exec_flags.poll_max,
                    "Ceiling of the readiness poll interval");
  c.release->footer(
      "Afterwards destroy, prune and reap leave the released resources alone.\n"
      "Example: aivenctl release plans/ci-postgres.yaml --target service:ci-pg-local/pg --yes");
  c.import = app.add_subcommand("import", "Write a plan file that reproduces a live project");
  c.import->add_option("--project", c.project, "The project to import")
      ->type_name("PROJECT")
      ->required();
  c.import->add_option("--service", c.services, "Only this service (repeatable)")
      ->type_name("SERVICE");
  c.import->add_option("--name", c.name, "The plan's name (default: the project's)")
      ->type_name("NAME");
  c.import->add_option("--out", c.out, "Write the plan here instead of stdout")
      ->type_name(kFileType);
  c.import->footer("Example: aivenctl import --project legacy --out plans/legacy.yaml");
}

std::optional<int> RunOwnershipCommand(OwnershipCommands& c, const GlobalOptions& options, Io& io) {
  if (c.show->parsed()) return RunShow(c, options, io);
  if (c.release->parsed()) return RunRelease(c, options, io);
  if (c.import->parsed()) return RunImport(c, options, io);
  return std::nullopt;
}

}  // namespace aivenctl::cli
