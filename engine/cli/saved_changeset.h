#pragma once
// A changeset saved by `plan --out`, read back by `apply CHANGESET.json` and
// `outputs CHANGESET.json` in another folder or job: without the plan file and its
// variables. The plan file is checked when it is there; secrets come from the environment.

#include <optional>
#include <string>

#include "cli/cli.h"
#include "cli/execute.h"
#include "cli/options.h"
#include "cli/session.h"
#include "diff/changeset.h"

namespace aivenctl::cli {

/// True for a path that names a saved changeset (*.json) rather than a plan file.
bool IsSavedChangeset(const std::string& target);

/// Reads and parses a saved changeset; prints the problem and returns nullopt on failure.
std::optional<diff::Changeset> ReadChangeset(const std::string& path, Io& io);

/// The plan as far as the changeset knows it (name, file, projects, services with their
/// declared users, databases and topic config keys): enough to refresh its scope and to
/// write its outputs.
model::Plan PlanOf(const diff::Changeset& cs);

/// Checks the plan file when it is found (beside the changeset at `relative_path`, else at
/// `file`): its digest must match. When it is not found, says so on io.err and goes on.
bool CheckPlanFile(const std::string& path, const diff::Changeset& cs, Io& io);

/// The changeset's path from `out`'s folder to the plan file `plan_file`.
std::string RelativePlanPath(const std::string& out, const std::string& plan_file);

/// Loads `path` for apply: reads it, checks the plan file, opens the connection, refreshes
/// the plan's scope into `session` and refuses when an object it read changed since. With
/// `resume` (a run of it was interrupted), what it changes itself may differ and the
/// operations already done are left out.
std::optional<diff::Changeset> LoadSaved(const std::string& path, bool resume, Session& session,
                                         const GlobalOptions& options, RunControl& control, Io& io);

/// True when every secret `cs` takes from the environment for a create it still sends is
/// set; else names the missing ones on io.err.
bool CheckSecrets(const diff::Changeset& cs, Io& io);

/// Reads every secret `cs` takes from the environment and puts it into the request that
/// sends it (and into the redaction list). Names every variable that is not set and
/// returns false then; nothing is sent.
bool FillSecrets(diff::Changeset& cs, Io& io);

}  // namespace aivenctl::cli
