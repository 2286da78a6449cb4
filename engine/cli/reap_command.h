#pragma once
// `aivenctl reap` (delete expired owned environments) and `aivenctl extend PLANFILE --ttl`.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/execute.h"
#include "cli/options.h"

namespace aivenctl::cli {

/// Flags of `reap`.
struct ReapFlags {
  std::vector<std::string> projects;  ///< --project NAME (repeatable); empty: all visible
  std::string plan;                   ///< --plan NAME: only that plan's resources
  std::string now;                    ///< --now TIME: evaluate expiry at this instant
  std::optional<std::chrono::milliseconds> older_than;       ///< --older-than DURATION
  std::optional<std::chrono::milliseconds> expiring_within;  ///< --expiring-within: list only
  bool force_unprotect = false;                              ///< --force-unprotect
  std::optional<std::chrono::milliseconds> timeout;          ///< --timeout: bound on the whole run
  bool detailed_exitcode = false;  ///< --detailed-exitcode: a dry run exits 2 when it would delete
};

/// Dry run by default; deletes with --yes. Exit 0 when everything intended was deleted (or,
/// dry, with --detailed-exitcode: 0 when there is nothing to reap, 2 when there is).
int RunReap(const ReapFlags& flags, const ExecFlags& exec_flags, const GlobalOptions& options,
            Io& io);

/// Moves expires-at to now + `ttl` (whole seconds count) on what the plan owns, after the
/// same confirmation as apply; a no-op (exit 0) when every expiry is already there.
int RunExtend(const std::string& file, std::chrono::milliseconds ttl, const ExecFlags& exec_flags,
              const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
