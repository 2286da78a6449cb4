#pragma once
// `aivenctl apply PLANFILE|CHANGESET.json` and `aivenctl destroy PLANFILE`.

#include <string>

#include "cli/cli.h"
#include "cli/execute.h"
#include "cli/options.h"
#include "cli/plan_command.h"

namespace aivenctl::cli {

/// Flags of apply and destroy beyond planning and execution.
struct ApplyFlags {
  std::string outputs;           ///< --outputs FILE: connection details (0600) after apply
  std::string outputs_format;    ///< --outputs-format dotenv|env-file|github|json
  bool force_unprotect = false;  ///< destroy: lift termination protection first
  bool resume = false;           ///< apply CHANGESET.json --resume: leave out what is done
};

/// Plans (or loads a saved changeset and checks its fingerprints), confirms, executes.
int RunApply(const std::string& target, const PlanFlags& plan_flags, const ExecFlags& exec_flags,
             const ApplyFlags& apply_flags, const GlobalOptions& options, Io& io);

/// Deletes everything the plan owns, after typing the plan name (or --yes): the plan file's,
/// or without one (`destroy --plan NAME --project P`) what the ownership tags say it owns.
int RunDestroy(const PlanRef& ref, const ExecFlags& exec_flags, const ApplyFlags& apply_flags,
               const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
