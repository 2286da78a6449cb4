#include "cli/version.h"

// Set for this file only (engine/cli/CMakeLists.txt), so a new commit recompiles one file.
#ifndef AIVENCTL_VERSION
#define AIVENCTL_VERSION "0.0.0"
#endif
#ifndef AIVENCTL_GIT_COMMIT
#define AIVENCTL_GIT_COMMIT "unknown"
#endif
#ifndef AIVENCTL_BUILD_TYPE
#define AIVENCTL_BUILD_TYPE "unknown"
#endif

namespace aivenctl::cli {

std::string VersionName() { return std::string("aivenctl ") + AIVENCTL_VERSION; }

std::string VersionText() {
  return VersionName() + " (commit " + AIVENCTL_GIT_COMMIT + ", " + AIVENCTL_BUILD_TYPE + " build)";
}

}  // namespace aivenctl::cli
