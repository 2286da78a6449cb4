#pragma once
// Connection outputs of a plan's services: `apply --outputs FILE` and `aivenctl outputs`.

#include <string>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/session.h"
#include "core/env.h"
#include "core/status.h"
#include "render/outputs.h"

namespace aivenctl::cli {

/// The outputs flags as given.
struct OutputsFlags {
  std::string path;    ///< --outputs FILE ("-": stdout, on `aivenctl outputs` only)
  std::string format;  ///< --outputs-format ("": from the file name)
};

/// Where and how the outputs go, decided from the flags before anything runs.
struct OutputsTarget {
  bool wanted = false;  ///< false: no outputs asked for
  std::string path;     ///< the file, "-" for stdout, or $GITHUB_ENV's file for github
  render::OutputsFormat format = render::OutputsFormat::kDotenv;
};

/// Checks the flags: the format (--outputs-format, else `.json` -> json, else dotenv), `-`
/// only when `stdout_allowed` and not for env-file, github without FILE and with
/// $GITHUB_ENV set, and a target that is missing or a regular file (see CheckWriteTarget).
/// The error names the flag or the path and the fix.
core::Result<OutputsTarget> ResolveOutputs(const OutputsFlags& flags, bool stdout_allowed,
                                           const core::Environment& env);

/// Reads every plan service that exists with its secrets and writes them to `target`.
/// Prints what it wrote (names and counts only) to io.err. False on failure.
bool WriteOutputs(const Session& session, const OutputsTarget& target, Io& io);

/// `aivenctl outputs PLANFILE [NAME]`: writes the outputs as the flags say, or with NAME
/// prints that one value raw (no newline added) for `$(...)`.
int RunOutputs(const std::string& file, const std::string& name, const OutputsFlags& flags,
               bool show_secrets, const GlobalOptions& options, Io& io);

}  // namespace aivenctl::cli
