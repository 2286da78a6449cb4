#pragma once
// N aivenctl runners under one token at once against one emulator with a rate limit: the
// --lock test and bench/lock_bench compare the 429s they meet with and without the shared
// rate window.

#include <string>
#include <vector>

#include "support/api_client.h"
#include "support/process_run.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {

/// A plan named `name` in project `name`: `services` pg services, each with a database and
/// a user (every one a few requests).
std::string RunnerPlan(const std::string& name, int services);

/// What one round of runners did.
struct RunnersRound {
  std::vector<ProcessOutcome> outcomes;  ///< one per runner, in plan order
  int rate_limited = 0;                  ///< 429s the emulator answered
  int requests = 0;                      ///< requests it served (429s included)
  double seconds = 0;                    ///< wall time until the last runner ended
};

/// Forgets the emulator's projects and counters, then runs `aivenctl --api-url URL apply
/// PLAN --yes ARGS...` for every plan at once (AIVEN_TOKEN=token) and reads the counts.
RunnersRound RunRunners(TestApi& emulator, const std::string& base_url, const std::string& token,
                        const std::vector<std::string>& plans,
                        const std::vector<std::string>& args);

}  // namespace aivenctl::testing
