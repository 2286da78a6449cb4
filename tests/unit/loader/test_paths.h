#pragma once
// Where loader tests find the source tree (compiled in; the environment may override).

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace aivenctl::testing {

/// The repository root.
inline std::string SourceDir() {
  if (const char* env = std::getenv("AIVENCTL_SOURCE_DIR")) return env;
  return AIVENCTL_TEST_SOURCE_DIR;
}

/// The whole file as bytes ("" when missing).
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace aivenctl::testing
