// `aivenctl import --project P`: a plan file that reproduces the live project.

#include "cli/connection.h"
#include "cli/ownership_commands.h"
#include "cli/safe_write.h"
#include "cli/session.h"
#include "diff/import.h"
#include "render/plan_yaml.h"
#include "state/refresh.h"

namespace aivenctl::cli {

int RunImport(const OwnershipCommands& c, const GlobalOptions& options, Io& io) {
  if (!c.out.empty()) {
    if (auto ok = CheckWriteTarget(c.out); !ok.ok()) {
      io.err << "aivenctl: " << ok.message() << "\n";
      return kExitInvalid;
    }
  }
  RunControl control(io, options);
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return kExitInvalid;
  }
  state::RefreshOptions refresh;
  refresh.stop = control.stop_token();
  auto read = state::RefreshScope((*connection)->api(), {c.project}, refresh);
  if (!read.ok()) {
    if (control.interrupted()) return control.Stopped();
    io.err
        << "aivenctl: "
        << (*connection)->FailureMessage("reading project " + c.project + " failed", read.status())
        << "\n";
    return kExitInvalid;
  }
  // The refresh reads VPCs only where a service is in one: import wants them all.
  for (auto& p : read->live.projects) {
    if (p.name != c.project || !p.vpcs.empty()) continue;
    auto vpcs = (*connection)->api().ListVpcs(p.name);
    if (vpcs.ok()) p.vpcs = std::move(*vpcs);
  }
  const model::LiveProject* lp = read->live.FindProject(c.project);
  if (lp == nullptr) {
    io.err << "aivenctl: project " << c.project
           << " was not found (aivenctl projects lists the ones the token can see)\n";
    return kExitInvalid;
  }
  diff::ImportOptions import{.name = c.name.empty() ? c.project : c.name, .services = c.services};
  diff::ImportResult result = diff::ImportProject(*lp, read->catalog, import);
  for (const auto& note : result.notes) io.err << "aivenctl: warning: " << note << "\n";
  const std::string text = render::PlanYaml(
      result.plan,
      {"Imported from project " + c.project + " by aivenctl import at " +
           core::FormatTimeIso(Now(io.env)) + ".",
       "Apply it to adopt what it lists: aivenctl adds its ownership tags and changes",
       "nothing else. Passwords are not imported; user_config keys Aiven sets itself and",
       "catalog defaults are left out (absent keys stay unmanaged)."});
  if (c.out.empty()) {
    io.out << text;
    return kExitOk;
  }
  if (auto written = WriteFileAtomic(c.out, text, 0644); !written.ok()) {
    io.err << "aivenctl: " << written.message() << "\n";
    return kExitInvalid;
  }
  io.err << "aivenctl: wrote " << c.out << " (" << result.plan.projects[0].services.size()
         << " services); check it with `aivenctl plan " << c.out << "`\n";
  return kExitOk;
}

}  // namespace aivenctl::cli
