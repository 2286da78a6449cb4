#pragma once
// What `aivenctl version` and `aivenctl --version` print.

#include <string>

namespace aivenctl::cli {

/// "aivenctl 0.1.0 (commit 1a2b3c4, RelWithDebInfo build)": the version, the git commit
/// (`git describe --always --dirty` at configure time, or "unknown") and the build type.
std::string VersionText();

/// "aivenctl 0.1.0": the name and version alone (man page headers stay reproducible).
std::string VersionName();

}  // namespace aivenctl::cli
