#pragma once
// Chaos fixture: the real aivenctl binary against a real aiven-emulator that injects
// random 5xx and dropped connections, 429s from a tight rate limit, scripted lagging 404s,
// kill -9 of either process, and concurrent runs. Checks compare the emulator's whole
// state document (GET /_emulator/state) and record figures as JSON lines (see Record).
//
// Seeds: AIVENCTL_CHAOS_SEEDS ("1-50", "3,7,9-12"; default "1", what CI runs).
// Figures: every run prints one "[chaos] {...}" line and, when AIVENCTL_CHAOS_REPORT names
// a file, appends the same JSON object to it (scripts/chaos sums them up).

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/emulator_process.h"
#include "support/process_run.h"
#include "support/secret_scan.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {

inline constexpr const char* kChaosToken = "chaos-token-5e81a0c3b7";

/// Seeds from AIVENCTL_CHAOS_SEEDS ("1-50", "3,7,9-12"), default {1}.
std::vector<uint64_t> ChaosSeeds();
/// Parses a seed list such as "1-3,7"; empty on a malformed one.
std::vector<uint64_t> ParseSeeds(const std::string& text);

/// Prints "[chaos] <line>" and appends `line` to $AIVENCTL_CHAOS_REPORT when set.
void Record(const nlohmann::json& line);

/// The shipped plans (file names in plans/), sorted.
std::vector<std::string> ShippedPlanFiles();

/// The first line of a run's output saying "error", without its "[1.2s] " time prefix.
std::string FirstError(const ProcessOutcome& o);

/// Reads a whole file ("" when unreadable).
std::string ReadFile(const std::string& path);

/// Owned resources of plan `plan_name` in an emulator state document, as addresses
/// (project:p, service:p/s, database:p/s/d, user:p/s/u, topic:p/s/t,
/// integration:p/type:src->dst). A service's built-in user and database (avnadmin,
/// defaultdb, ...) are left out: they come with the service, not from a plan.
std::set<std::string> OwnedAddresses(const nlohmann::json& state, const std::string& plan_name);

/// Integrations that exist more than once (same type and ends), as "type src->dst" lines.
std::vector<std::string> DuplicateIntegrations(const nlohmann::json& state);

/// The state outside plan `plan_name`'s scope: everything but what that plan owns (its
/// owned projects keep only the services it does not own), minus the fields that move by
/// themselves: the top-level id counter and clock offset (bookkeeping of the emulator,
/// not of any resource).
nlohmann::json OutsideScope(const nlohmann::json& state, const std::string& plan_name);

/// Number of leaf values that differ between two JSON documents (added, removed or changed),
/// with up to `max_paths` of their JSON pointers in `paths`.
int CountDifferences(const nlohmann::json& before, const nlohmann::json& after,
                     std::vector<std::string>* paths = nullptr, std::size_t max_paths = 8);

/// Settings of the random faults a chaos run turns on.
struct FaultSettings {
  double fail_rate = 0.1;   ///< random 500/502/503
  double drop_rate = 0.05;  ///< connection closed without an answer
  int rate_limit = 8;       ///< requests per window per token (tight: an apply polls faster)
  double rate_window_seconds = 1;
};

class ChaosTest : public ::testing::Test {
 protected:
  /// The secrets check of every chaos test: nothing aivenctl printed under faults, kills
  /// and races holds the token or a secret the emulator held at any check (State()).
  void TearDown() override;

  /// Emulator flags: fast lifecycle (a service builds in about a second).
  static std::vector<std::string> FastEmulatorArgs();
  /// A quicker lifecycle than FastEmulatorArgs plus the random faults of `f` with `seed`.
  static std::vector<std::string> FaultEmulatorArgs(uint64_t seed, const FaultSettings& f = {});

  /// Starts a fresh emulator (replacing any running one) with `args`; `durable` gives it a
  /// --data-dir kept across Restart.
  void StartEmulator(std::vector<std::string> args, bool durable = false);

  /// Runs `aivenctl --api-url URL --no-color ARGS` from the source dir.
  ProcessOutcome Aivenctl(std::vector<std::string> args, ProcessSpec spec = {});
  /// `args` plus --yes and fast readiness polling for the emulator's quick builds.
  static std::vector<std::string> Fast(std::vector<std::string> args);
  /// Every address plan `file` manages (all no-ops once converged; what it would delete
  /// left out), from `plan --format json`; empty when the plan fails (faults must be off).
  std::set<std::string> PlanAddresses(const std::string& file);
  /// `plan FILE --detailed-exitcode` exit code: 0 converged, 2 changes pending, 1 error.
  int PlanExitCode(const std::string& plan_file, std::vector<std::string> extra = {});

  /// Control calls (never faulted).
  nlohmann::json State();
  nlohmann::json Injected();
  /// Turns the random faults and the rate limit off (for setup and checks).
  void FaultsOff();
  /// Turns them on with `seed` (the same seed gives the same faults for the same requests).
  void FaultsOn(uint64_t seed, const FaultSettings& f = {});
  /// Adds scripted faults ({"faults": [...]} body of POST /_emulator/faults).
  void Script(const nlohmann::json& faults);
  /// Scripted lagging 404s for a service about to be created: its GET and the POSTs below
  /// it answer 404 "Service NAME does not exist" `count` times each, as Aiven does for a
  /// few seconds after a create.
  void ScriptLaggingService(const std::string& project, const std::string& service, int count = 2);

  /// Lost answers: the next create of a project, a service, a topic, a user, a database
  /// and an integration is made but its answer never arrives (the connection closes), so
  /// aivenctl must find out whether its create happened without making it twice.
  void ScriptLostResponses();

  /// An unowned project "bystander-proj" with an unowned service: a bystander a run must
  /// not touch. Faults must be off.
  void AddBystanderProject();
  /// An unowned service "bystander" in `project` (a plan's own project). Faults must be off.
  void AddBystanderService(const std::string& project);

  std::unique_ptr<EmulatorProcess> emulator_;
  std::unique_ptr<TestApi> api_;
  SecretScan secrets_{kChaosToken};  // what aivenctl printed, and the secrets to look for
  TempDir dir_{"aivenctl-chaos-"};
};

/// Sums injected-fault counts by kind: into[k] += add[k].
void AddCounts(nlohmann::json& into, const nlohmann::json& add);

}  // namespace aivenctl::testing
