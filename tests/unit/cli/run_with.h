#pragma once
// Runs the command line in-process (cli::Run) with captured output and a given environment.

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace aivenctl::cli::testing {

/// What a run printed and returned.
struct Outcome {
  int code;
  std::string out;
  std::string err;
};

/// `aivenctl args...` with `env_vars` as the whole environment; `terminal`: stdout is one.
inline Outcome RunWith(const std::vector<std::string>& args,
                       std::map<std::string, std::string> env_vars = {}, bool terminal = false) {
  std::ostringstream out, err;
  core::MapEnvironment env(std::move(env_vars));
  Io io{out, err, env, terminal};
  int code = Run(args, io);
  return {code, out.str(), err.str()};
}

}  // namespace aivenctl::cli::testing
