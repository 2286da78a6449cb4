// Fault runs: for each shipped plan and seed, apply -> change -> apply -> destroy against an
// emulator with random 5xx (10%), dropped connections (5%), a tight rate limit and scripted
// lagging 404s for every service a step creates. After each step: converged (plan
// --detailed-exitcode 0, exactly the plan's resources, no duplicates) or a clear error exit
// naming the root cause followed by a rerun that converges; and nothing outside the plan's
// scope changed (an unowned project and an unowned service in the plan's own project).

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "chaos/chaos_fixture.h"
#include "chaos/plan_edits.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

// Reruns allowed after a clear error exit before a step counts as not converged.
constexpr int kMaxRuns = 3;

// A failed run must say what failed: an "error" line naming a resource address or the
// API request, and no crash or hang.
bool ClearError(const ProcessOutcome& o) {
  static const std::regex address(
      R"((project|service|database|user|topic|kafka_acl|schema_registry_acl|integration):[A-Za-z0-9._/-]+)");
  const std::string text = o.out + o.err;
  return o.code == 1 && !o.timed_out && o.signal == 0 && text.find("error") != std::string::npos &&
         std::regex_search(text, address);
}

struct StepFigures {
  int runs = 0;            // aivenctl runs until the step converged (or gave up)
  int clear_errors = 0;    // failed runs with a clear error naming the root cause
  int unclear_errors = 0;  // failed runs without one (crash, hang, no address)
  bool converged = false;
  int64_t ms = 0;  // wall time of the aivenctl runs
  int duplicates = 0;
  int unowned_changes = 0;
  int unintended_deletions = 0;
  std::vector<std::string> notes;
  json ToJson() const {
    return {{"runs", runs},
            {"clear_errors", clear_errors},
            {"unclear_errors", unclear_errors},
            {"converged", converged},
            {"ms", ms},
            {"duplicates", duplicates},
            {"unowned_changes", unowned_changes},
            {"unintended_deletions", unintended_deletions},
            {"notes", notes}};
  }
};

class FaultRun : public ChaosTest, public ::testing::WithParamInterface<std::string> {
 protected:
  // Addresses of the services `plan --format json` would create (faults must be off).
  std::vector<std::pair<std::string, std::string>> ServicesToCreate(const std::string& file) {
    ProcessOutcome o = Aivenctl({"plan", file, "--format", "json"});
    EXPECT_EQ(o.code, 0) << o.Describe();
    std::vector<std::pair<std::string, std::string>> out;
    json cs = json::parse(o.out, nullptr, false);
    if (cs.is_discarded()) return out;
    for (const auto& c : cs.value("changes", json::array())) {
      const std::string addr = c.value("address", "");
      if (c.value("action", "") != "create" || addr.rfind("service:", 0) != 0) continue;
      const std::size_t slash = addr.find('/');
      out.emplace_back(addr.substr(8, slash - 8), addr.substr(slash + 1));
    }
    return out;
  }

  // Runs `args` with faults on until it exits 0 (at most kMaxRuns times). Run r of step
  // s under seed N draws its faults from seed N*100 + s*10 + r.
  void RunStep(const std::vector<std::string>& args, uint64_t seed, int step, StepFigures& f) {
    for (int run = 0; run < kMaxRuns; ++run) {
      FaultsOn(seed * 100 + static_cast<uint64_t>(step * 10 + run));
      const auto start = std::chrono::steady_clock::now();
      ProcessOutcome o = Aivenctl(Fast(args));
      f.ms += std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
      ++f.runs;
      if (o.code == 0) return;
      if (ClearError(o)) {
        ++f.clear_errors;
        f.notes.push_back(FirstError(o).substr(0, 300));
      } else {
        ++f.unclear_errors;
        ADD_FAILURE() << "a failed run must name its root cause: " << o.Describe();
      }
    }
  }

  // After an apply: converged, exactly the plan's resources, no duplicate integrations.
  void CheckConverged(const std::string& file, const std::string& plan_name, StepFigures& f) {
    FaultsOff();
    const int code = PlanExitCode(file);
    const std::set<std::string> want = PlanAddresses(file);
    const json state = State();
    std::set<std::string> have = OwnedAddresses(state, plan_name);
    f.converged = code == 0 && have == want;
    EXPECT_EQ(code, 0) << file << " did not converge";
    EXPECT_EQ(have, want) << "owned resources differ from the plan's";
    for (const auto& a : have) {
      if (!want.contains(a)) ++f.duplicates;
    }
    auto dups = DuplicateIntegrations(state);
    f.duplicates += static_cast<int>(dups.size());
    EXPECT_TRUE(dups.empty()) << ::testing::PrintToString(dups);
  }

  void CheckOutside(const json& before, const std::string& plan_name, StepFigures& f) {
    const json after = OutsideScope(State(), plan_name);
    std::vector<std::string> paths;
    f.unowned_changes = CountDifferences(before, after, &paths);
    EXPECT_EQ(f.unowned_changes, 0)
        << "changed outside the plan: " << ::testing::PrintToString(paths);
    // A deletion: a bystander service or project that is gone.
    for (const auto& [pname, entry] : before["projects"].items()) {
      if (!after["projects"].contains(pname)) {
        f.unintended_deletions += 1 + static_cast<int>(entry["services"].size());
        continue;
      }
      for (const auto& [sname, s] : entry["services"].items()) {
        if (!after["projects"][pname]["services"].contains(sname)) ++f.unintended_deletions;
      }
    }
  }
};

TEST_P(FaultRun, ApplyChangeApplyDestroy) {
  const std::string file = "plans/" + GetParam();
  std::string changed_text = ReadFile(SourceDir() + "/" + file);
  std::string problem;
  ASSERT_TRUE(ApplyEdits(changed_text, ChangeEditsFor(GetParam()), problem)) << problem;
  const std::string changed = dir_.File("changed-" + GetParam());
  std::ofstream(changed) << changed_text;
  // Files the plan names relative to itself (schema_file) come along.
  if (std::filesystem::is_directory(SourceDir() + "/plans/schemas")) {
    std::filesystem::copy(SourceDir() + "/plans/schemas", dir_.File("schemas"),
                          std::filesystem::copy_options::recursive);
  }

  for (uint64_t seed : ChaosSeeds()) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    StartEmulator(FaultEmulatorArgs(seed));
    FaultsOff();
    AddBystanderProject();

    // 1. apply from nothing.
    StepFigures applied;
    for (const auto& [project, service] : ServicesToCreate(file)) {
      ScriptLaggingService(project, service);
    }
    ScriptLostResponses();
    RunStep({"apply", file}, seed, 1, applied);
    FaultsOff();
    const json first_state = State();
    std::string plan_name, project;
    for (const auto& [pname, entry] : first_state["projects"].items()) {
      if (entry.value("tags", json::object()).value("managed-by", "") == "aivenctl") {
        project = pname;
        plan_name = entry["tags"].value("aivenctl-plan", "");
      }
    }
    ASSERT_FALSE(project.empty()) << "the plan's project was not created";
    CheckConverged(file, plan_name, applied);

    // Someone else's service in the plan's project, then the baseline outside the scope.
    AddBystanderService(project);
    const json outside = OutsideScope(State(), plan_name);

    // 2. apply the changed plan.
    StepFigures change;
    for (const auto& [p, service] : ServicesToCreate(changed)) ScriptLaggingService(p, service);
    ScriptLostResponses();
    RunStep({"apply", changed}, seed, 2, change);
    CheckConverged(changed, plan_name, change);
    CheckOutside(outside, plan_name, change);

    // 3. destroy it (the kafka pipeline's warehouse is termination-protected).
    StepFigures destroy;
    RunStep({"destroy", changed, "--force-unprotect"}, seed, 3, destroy);
    FaultsOff();
    const std::set<std::string> left = OwnedAddresses(State(), plan_name);
    const std::set<std::string> only_project{"project:" + project};
    destroy.converged = left == only_project && PlanExitCode(changed) == 2;
    EXPECT_EQ(left, only_project) << "only the project (holding the bystander) may stay";
    CheckOutside(outside, plan_name, destroy);

    Record({{"kind", "fault_run"},
            {"plan", GetParam()},
            {"seed", seed},
            {"apply", applied.ToJson()},
            {"change", change.ToJson()},
            {"destroy", destroy.ToJson()},
            {"faults_injected", Injected()}});
    if (HasFatalFailure()) return;
  }
}

INSTANTIATE_TEST_SUITE_P(Plans, FaultRun, ::testing::ValuesIn(ShippedPlanFiles()),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace aivenctl::testing
