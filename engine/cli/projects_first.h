#pragma once
// Apply on an account with no project yet: which integration types connect which service
// types is read from a project, so the plan's new projects are created alone first (they
// cost nothing) and every integration is checked before any service is created.

#include <optional>

#include "cli/execute.h"
#include "cli/options.h"
#include "cli/plan_command.h"
#include "cli/session.h"
#include "diff/changeset.h"

namespace aivenctl::cli {

/// True when the integration types could not be read (no project) while `cs` creates a
/// project and has integrations to check (declared in the plan, or created by `cs`).
bool IntegrationsUnchecked(const Session& session, const diff::Changeset& cs);

/// From a plan file: creates the new projects of `cs`, refreshes and plans again (which
/// checks every integration). The changeset to run next, or nullopt with `exit_code` set;
/// refused when the new plan's changes differ from the confirmed ones.
std::optional<diff::Changeset> ProjectsFirst(Session& session, const diff::Changeset& cs,
                                             const PlanFlags& plan_flags,
                                             const ExecFlags& exec_flags,
                                             const GlobalOptions& options, RunControl& control,
                                             Io& io, int& exit_code);

/// From a saved changeset (no plan to plan again with): runs only its project creations,
/// refreshes, checks each integration it creates against the integration types now read
/// and returns the rest of `to_run` (secrets filled in), or nullopt with `exit_code` set.
std::optional<diff::Changeset> SavedProjectsFirst(Session& session, const diff::Changeset& to_run,
                                                  const ExecFlags& exec_flags,
                                                  const GlobalOptions& options, RunControl& control,
                                                  Io& io, int& exit_code);

}  // namespace aivenctl::cli
