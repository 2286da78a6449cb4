#include "cli/plan_command.h"

#include "cli/safe_write.h"
#include "cli/saved_changeset.h"
#include "diff/changeset_json.h"
#include "render/changeset_text.h"
#include "render/diagnostics.h"

#ifndef AIVENCTL_VERSION
#define AIVENCTL_VERSION "0.0.0"
#endif

namespace aivenctl::cli {
namespace {

bool ParseAddresses(const std::vector<std::string>& texts, const char* flag,
                    std::vector<core::Address>& out, Io& io) {
  bool ok = true;
  for (const auto& text : texts) {
    auto address = core::Address::Parse(text);
    if (!address.ok()) {
      io.err << "aivenctl: " << flag << " " << text << ": " << address.status().message() << "\n";
      ok = false;
      continue;
    }
    out.push_back(*address);
  }
  return ok;
}

}  // namespace

std::optional<diff::Changeset> MakeChangeset(const Session& session, const PlanFlags& flags,
                                             const GlobalOptions& options, Io& io) {
  diff::PlanOptions plan_options;
  if (!ParseAddresses(flags.targets, "--target", plan_options.targets, io) ||
      !ParseAddresses(flags.allow_replace, "--allow-replace", plan_options.allow_replace, io)) {
    return std::nullopt;
  }
  plan_options.now = Now(io.env);
  plan_options.engine_version = AIVENCTL_VERSION;
  plan_options.plan_digest = session.digest;
  diff::PlanResult result =
      diff::Plan(session.plan, session.refreshed.live, session.refreshed.catalog, plan_options);
  if (!result.ok()) {
    render::SourceMap sources{{session.plan.file, session.source}};
    io.err << render::FormatDiagnostics(result.errors, sources, render::TextStyle{options.color});
    io.err << "aivenctl: the plan cannot be applied ("
           << render::Plural(static_cast<int>(result.errors.size()), "error")
           << "); nothing was changed\n";
    return std::nullopt;
  }
  return std::move(result.changeset);
}

std::optional<diff::Changeset> MakeDestroyChangeset(const Session& session, bool force_unprotect,
                                                    const GlobalOptions& options, Io& io) {
  diff::DestroyOptions destroy;
  destroy.force_unprotect = force_unprotect;
  destroy.now = Now(io.env);
  destroy.engine_version = AIVENCTL_VERSION;
  destroy.plan_digest = session.digest;
  diff::PlanResult planned =
      diff::PlanDestroy(session.plan, session.refreshed.live, session.refreshed.catalog, destroy);
  if (!planned.ok()) {
    render::SourceMap sources{{session.plan.file, session.source}};
    io.err << render::FormatDiagnostics(planned.errors, sources, render::TextStyle{options.color});
    io.err << "aivenctl: nothing was deleted\n";
    return std::nullopt;
  }
  return std::move(planned.changeset);
}

void PrintChangeset(const diff::Changeset& cs, const GlobalOptions& options, Io& io,
                    const model::Plan* plan) {
  if (options.format == "json") {
    io.out << diff::ToJson(cs).dump(2) << "\n";
  } else if (options.format == "markdown") {
    render::MarkdownOptions markdown;
    if (plan != nullptr) {
      for (const auto& project : plan->projects) {
        for (const auto& service : project.services) {
          if (service.ttl.value) markdown.ttl[service.address.ToString()] = *service.ttl.value;
        }
      }
    }
    io.out << render::FormatChangesetMarkdown(cs, markdown);
  } else {
    io.out << render::FormatChangesetText(cs, render::TextStyle{options.color});
  }
}

bool WithinMonthlyCost(const diff::Changeset& cs, double limit, Io& io) {
  const double monthly = cs.cost.monthly_after();
  if (monthly <= limit) return true;
  io.err << "aivenctl: the plan would cost " << render::FormatUsd(monthly, 2)
         << " per month, more than --max-monthly-cost " << render::FormatUsd(limit, 2)
         << (cs.cost.complete ? "" : " (and some prices are missing, so it may cost more)")
         << "; nothing was saved\n";
  return false;
}

int RunPlan(const PlanRef& ref, const PlanFlags& flags, const GlobalOptions& options, Io& io) {
  if (!flags.destroy && ref.file.empty()) {
    io.err << "aivenctl: plan needs a plan file (--plan NAME --project P only with --destroy)\n";
    return kExitUsage;
  }
  if (!CheckPlanRef(ref, flags.destroy ? "plan --destroy" : "plan", io)) return kExitUsage;
  if (flags.destroy && (!flags.targets.empty() || !flags.allow_replace.empty())) {
    io.err << "aivenctl: plan --destroy plans deleting everything the plan owns: drop --target "
              "and --allow-replace\n";
    return kExitUsage;
  }
  auto session = StartSessionFor(ref, options, io);
  if (!session) return kExitInvalid;
  auto cs = flags.destroy ? MakeDestroyChangeset(*session, flags.force_unprotect, options, io)
                          : MakeChangeset(*session, flags, options, io);
  if (!cs) return kExitInvalid;
  PrintChangeset(*cs, options, io, &session->plan);
  if (flags.max_monthly_cost && !WithinMonthlyCost(*cs, *flags.max_monthly_cost, io)) {
    return kExitInvalid;
  }
  if (!flags.out.empty()) {
    if (!ref.file.empty()) cs->plan_relative_path = RelativePlanPath(flags.out, ref.file);
    core::Status saved = WriteFileAtomic(flags.out, diff::ToJson(*cs).dump(2) + "\n", 0644);
    if (!saved.ok()) {
      io.err << "aivenctl: " << saved.message() << "\n";
      return kExitInvalid;
    }
    if (options.format == "text") {
      io.out << "\nSaved the " << (flags.destroy ? "destroy " : "") << "changeset to " << flags.out
             << "; apply exactly it (no plan file needed) with:\n"
             << "  aivenctl apply " << flags.out << "\n";
      for (const auto& secret : cs->secrets_from_env) {
        io.out << "  (with " << secret.env << " set in the environment: " << secret.path << " of "
               << secret.address.ToString() << ")\n";
      }
    }
  }
  if (flags.detailed_exitcode && cs->Summarize().has_changes()) return kExitChanges;
  return kExitOk;
}

int RunGraph(const std::string& file, const PlanFlags& flags, const GlobalOptions& options,
             Io& io) {
  auto session = StartSession(file, options, io);
  if (!session) return kExitInvalid;
  auto cs = MakeChangeset(*session, flags, options, io);
  if (!cs) return kExitInvalid;
  io.out << (flags.mermaid ? render::FormatGraphMermaid(*cs) : render::FormatGraphDot(*cs));
  return kExitOk;
}

}  // namespace aivenctl::cli
