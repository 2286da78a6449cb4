#pragma once
// Test doubles for the executor: a runner scripted per address that records every call and
// probe with its (fake) time and the concurrency it saw, and a sink that records events.

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "exec/estimates.h"
#include "exec/events.h"
#include "exec/runner.h"

namespace aivenctl::exec::testing {

/// An operation for tests: Op(0, "service:p/s", kCreate, kServiceRunning, {}).
inline diff::Operation Op(int id, const std::string& address, diff::Action action,
                          diff::Gate gate = diff::Gate::kNone, std::vector<int> deps = {}) {
  diff::Operation op;
  op.id = id;
  op.address = core::Address::Parse(address).value();
  op.action = action;
  op.gate = gate;
  op.depends_on = std::move(deps);
  return op;
}

/// What the fake runner does for one address.
struct Script {
  core::Status call;                ///< Call's result
  std::vector<ProbeResult> probes;  ///< successive readings; the last one repeats
  /// Runs inside Call before it returns (block, wait for the stop token...).
  std::function<core::Status(std::stop_token)> on_call;
};

/// Readiness readings: Ready("RUNNING"), Pending("REBUILDING").
inline ProbeResult Ready(std::string state) { return {true, std::move(state), {}}; }
inline ProbeResult Pending(std::string state) { return {false, std::move(state), {}}; }
/// A 404 reading: the resource is not there.
inline ProbeResult Absent() { return {.live_state = "absent", .absent = true}; }

class FakeRunner : public OperationRunner {
 public:
  explicit FakeRunner(core::Clock& clock) : clock_(clock), origin_(clock.Now()) {}

  /// Scripts an address ("service:p/s"). Unscripted: Call ok, probes Ready("RUNNING").
  void Set(const std::string& address, Script script) { scripts_[address] = std::move(script); }

  core::Status Call(const diff::Operation& op, std::stop_token stop) override {
    const std::string a = op.address.ToString();
    Enter("call " + a);
    core::Status s;
    std::function<core::Status(std::stop_token)> hook;
    {
      std::lock_guard lock(mu_);
      const auto it = scripts_.find(a);
      if (it != scripts_.end()) {
        s = it->second.call;
        hook = it->second.on_call;
      }
    }
    if (hook) s = hook(stop);
    Leave();
    return s;
  }

  ProbeResult Probe(const diff::Operation& op, std::stop_token) override {
    const std::string a = op.address.ToString();
    Enter("probe " + a);
    ProbeResult r = Ready("RUNNING");
    {
      std::lock_guard lock(mu_);
      const auto it = scripts_.find(a);
      if (it != scripts_.end() && !it->second.probes.empty()) {
        int& n = probe_count_[a];
        const auto& ps = it->second.probes;
        r = ps[std::min<size_t>(n, ps.size() - 1)];
        ++n;
      }
    }
    Leave();
    return r;
  }

  /// Records the shared read ("list p [a b] @1500ms" in shared_reads()), then answers each
  /// op as Probe would.
  std::vector<ProbeResult> ProbeServices(const std::string& project,
                                         const std::vector<const diff::Operation*>& ops,
                                         std::stop_token stop) override {
    std::string line = "list " + project + " [";
    for (size_t i = 0; i < ops.size(); ++i) line += (i ? " " : "") + ops[i]->address.parts[1];
    const long long ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now() - origin_).count();
    {
      std::lock_guard lock(mu_);
      shared_reads_.push_back(line + "] @" + std::to_string(ms) + "ms");
    }
    return OperationRunner::ProbeServices(project, ops, stop);
  }
  /// Records the shared read ("topics p/a [t u] @1500ms" in shared_reads()), then answers
  /// each op as Probe would.
  std::vector<ProbeResult> ProbeTopics(const std::string& project, const std::string& service,
                                       const std::vector<const diff::Operation*>& ops,
                                       std::stop_token stop) override {
    std::string line = "topics " + project + "/" + service + " [";
    for (size_t i = 0; i < ops.size(); ++i) line += (i ? " " : "") + ops[i]->address.parts[2];
    const long long ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now() - origin_).count();
    {
      std::lock_guard lock(mu_);
      shared_reads_.push_back(line + "] @" + std::to_string(ms) + "ms");
    }
    return OperationRunner::ProbeTopics(project, service, ops, stop);
  }
  /// The shared reads, in order.
  std::vector<std::string> shared_reads() const {
    std::lock_guard lock(mu_);
    return shared_reads_;
  }

  /// "call A @0s", "probe A @1.5s"-style log, in the order the calls began.
  std::vector<std::string> log() const {
    std::lock_guard lock(mu_);
    return log_;
  }
  /// Times (since construction, in ms) of the probes of `address`.
  std::vector<long long> probe_ms(const std::string& address) const {
    std::lock_guard lock(mu_);
    return probe_ms_.count(address) ? probe_ms_.at(address) : std::vector<long long>{};
  }
  /// Most Call/Probe invocations seen running at once.
  int max_concurrent() const {
    std::lock_guard lock(mu_);
    return max_concurrent_;
  }

 private:
  void Enter(const std::string& what) {
    const long long ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now() - origin_).count();
    std::lock_guard lock(mu_);
    log_.push_back(what);
    if (what.rfind("probe ", 0) == 0) probe_ms_[what.substr(6)].push_back(ms);
    max_concurrent_ = std::max(max_concurrent_, ++concurrent_);
  }
  void Leave() {
    std::lock_guard lock(mu_);
    --concurrent_;
  }

  core::Clock& clock_;
  core::SteadyTime origin_;
  mutable std::mutex mu_;
  std::map<std::string, Script> scripts_;
  std::map<std::string, int> probe_count_;
  std::map<std::string, std::vector<long long>> probe_ms_;
  std::vector<std::string> log_;
  std::vector<std::string> shared_reads_;
  int concurrent_ = 0;
  int max_concurrent_ = 0;
};

/// Records events; lets a test thread wait for one.
class RecordingSink : public EventSink {
 public:
  void OnEvent(const Event& e) override {
    std::lock_guard lock(mu_);
    events_.push_back(e);
    cv_.notify_all();
  }
  /// Blocks (up to 10 s real time) until an event of `type` (for `address`, if given) arrived.
  bool WaitFor(EventType type, const std::string& address = "") {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] {
      return std::any_of(events_.begin(), events_.end(), [&](const Event& e) {
        return e.type == type && (address.empty() || e.address.ToString() == address);
      });
    });
  }
  std::vector<Event> events() const {
    std::lock_guard lock(mu_);
    return events_;
  }
  /// "<at> <type> <address> [<live state>] [<message>]" per event, `at` via FormatElapsed.
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const Event& e : events()) {
      std::string line = FormatElapsed(e.at) + " " + EventTypeName(e.type);
      if (e.op_id >= 0) line += " " + e.address.ToString();
      if (!e.live_state.empty()) line += " [" + e.live_state + "]";
      if (!e.message.empty()) line += " " + e.message;
      out.push_back(line);
    }
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Event> events_;
};

}  // namespace aivenctl::exec::testing
