#include "apply_models.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>
#include <variant>

namespace aivenctl::bench {
namespace {

using core::Kind;
using diff::Action;
using diff::Gate;

std::string Fmt(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

std::string Ms(double seconds) { return Fmt("%.0f ms", seconds * 1000); }
std::string Sec(double seconds) { return Fmt("%.2f s", seconds); }

// List scheduling of a DAG: whenever a slot is free, the ready operation with the lowest
// id starts; it holds its slot for its whole duration. Returns start and end times.
struct Timeline {
  std::vector<double> start, end;
};

Timeline Schedule(const std::vector<std::vector<int>>& deps, const std::vector<double>& dur,
                  int parallelism) {
  const int n = static_cast<int>(deps.size());
  Timeline tl{std::vector<double>(n, 0), std::vector<double>(n, 0)};
  std::vector<std::vector<int>> dependents(n);
  std::vector<int> pending(n, 0);
  std::set<int> ready;
  for (int i = 0; i < n; ++i) {
    for (int d : deps[i]) dependents[d].push_back(i);
    pending[i] = static_cast<int>(deps[i].size());
    if (pending[i] == 0) ready.insert(i);
  }
  std::set<std::pair<double, int>> running;
  double now = 0;
  while (true) {
    while (static_cast<int>(running.size()) < parallelism && !ready.empty()) {
      const int id = *ready.begin();
      ready.erase(ready.begin());
      tl.start[id] = now;
      tl.end[id] = now + dur[id];
      running.insert({tl.end[id], id});
    }
    if (running.empty()) break;
    const auto [when, id] = *running.begin();
    running.erase(running.begin());
    now = when;
    for (int d : dependents[id]) {
      if (--pending[d] == 0) ready.insert(d);
    }
  }
  return tl;
}

// The chain ending last: from the latest-ending operation back through, at each step, the
// dependency that ended last.
std::vector<int> CriticalChain(const std::vector<std::vector<int>>& deps, const Timeline& tl) {
  std::vector<int> chain;
  if (tl.end.empty()) return chain;
  int at = static_cast<int>(std::max_element(tl.end.begin(), tl.end.end()) - tl.end.begin());
  while (at >= 0) {
    chain.push_back(at);
    int next = -1;
    for (int d : deps[at]) {
      if (next < 0 || tl.end[d] > tl.end[next]) next = d;
    }
    at = next;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

Estimate FromTimeline(const std::vector<diff::Operation>& ops,
                      const std::vector<std::vector<int>>& deps, const Timeline& tl,
                      const std::vector<std::string>& notes) {
  Estimate e;
  for (double end : tl.end) e.seconds = std::max(e.seconds, end);
  for (int id : CriticalChain(deps, tl)) {
    e.steps.push_back({ops[id].address.ToString(), diff::ActionName(ops[id].action), tl.start[id],
                       tl.end[id], notes[id]});
  }
  return e;
}

std::vector<std::vector<int>> DepsOf(const std::vector<diff::Operation>& ops) {
  std::vector<std::vector<int>> deps;
  for (const auto& op : ops) deps.push_back(op.depends_on);
  return deps;
}

// Duration and note of `op` under the lower-bound rule.
double LowerBoundStep(const diff::Operation& op, const Lifecycle& lc, std::string* note) {
  const int calls = CallCount(op);
  double d = calls * lc.latency;
  std::string n = std::to_string(calls) + " x " + Ms(lc.latency);
  if (op.gate != Gate::kNone) {
    const double gate = GateSeconds(op, lc);
    d += gate + lc.latency;
    n += " + " + std::string(diff::GateName(op.gate)) + " " + Sec(gate) + " + read " +
         Ms(lc.latency);
  }
  if (note) *note = n;
  return d;
}

}  // namespace

double Lifecycle::BuildSeconds(const std::string& type, const std::string& plan) const {
  double f = 1.0;
  if (auto it = type_factor.find(type); it != type_factor.end()) f *= it->second;
  if (auto it = tier_factor.find(plan.substr(0, plan.find('-'))); it != tier_factor.end()) {
    f *= it->second;
  }
  return build * f;
}

int CallCount(const diff::Operation& op) {
  if (const auto* del = std::get_if<diff::ServiceDelete>(&op.request)) {
    if (del->wait_only) return 0;
    return del->unprotect ? 2 : 1;
  }
  if (std::holds_alternative<diff::ServiceWait>(op.request)) return 0;
  if (const auto* update = std::get_if<diff::ServiceUpdate>(&op.request)) {
    return (update->changes ? 1 : 0) + (update->tags ? 1 : 0);
  }
  return 1;
}

double GateSeconds(const diff::Operation& op, const Lifecycle& lc) {
  switch (op.gate) {
    case Gate::kNone:
    case Gate::kGone:
      return 0;
    case Gate::kServiceRunning:
    case Gate::kServiceBackup: {
      const auto* create = std::get_if<diff::ServiceCreate>(&op.request);
      if (create == nullptr) return lc.rebalance;
      if (auto it = lc.build_of.find(op.address.ToString()); it != lc.build_of.end()) {
        return it->second;
      }
      return lc.BuildSeconds(create->type, create->plan);
    }
    case Gate::kTopicActive:
      return lc.topic;
    case Gate::kIntegrationActive:
      return lc.integration;
    case Gate::kVpcActive:
      return lc.build;  // the emulator's VPC is APPROVED for --build-seconds
    case Gate::kConnectorRunning:
      return 1;  // the emulator's --connector-seconds default
    case Gate::kDatabaseOk:
      return 1;  // the emulator's --database-seconds default (ClickHouse databases)
  }
  return 0;
}

std::vector<double> EarliestFinish(const std::vector<diff::Operation>& ops, const Lifecycle& lc) {
  std::vector<double> dur;
  for (const auto& op : ops) dur.push_back(LowerBoundStep(op, lc, nullptr));
  return Schedule(DepsOf(ops), dur, std::max<int>(1, static_cast<int>(ops.size()))).end;
}

Estimate LowerBound(const std::vector<diff::Operation>& ops, const Lifecycle& lc) {
  std::vector<double> dur;
  std::vector<std::string> notes(ops.size());
  for (size_t i = 0; i < ops.size(); ++i) dur.push_back(LowerBoundStep(ops[i], lc, &notes[i]));
  const auto deps = DepsOf(ops);
  return FromTimeline(ops, deps,
                      Schedule(deps, dur, std::max<int>(1, static_cast<int>(ops.size()))), notes);
}

double PollLoop(double interval, double ready_after, double latency) {
  double t = 0;
  while (true) {
    t += interval;
    const bool ready = t + latency >= ready_after - 1e-9;
    t += latency;
    if (ready) return t;
  }
}

double StateChangeWait(const StateChangeConf& conf, double ready_after, double latency) {
  double t = conf.delay;
  double wait = 0;
  int seen = 0;
  for (int i = 0; i < 1000000; ++i) {
    t += wait;
    if (wait == 0) wait = 0.1;
    const bool ready = t + latency >= ready_after - 1e-9;
    t += latency * (ready ? conf.reads_target : conf.reads_pending);
    if (ready) {
      if (++seen == conf.continuous) return t;
    } else {
      seen = 0;
    }
    if (seen == 0) wait *= 2;
    if (wait < conf.min_timeout) {
      wait = conf.min_timeout;
    } else if (wait > 10) {
      wait = 10;
    }
  }
  return t;
}

Estimate ShellModel(const std::vector<diff::Operation>& ops, const Lifecycle& lc) {
  std::vector<int> order;
  for (int pass = 0; pass < 3; ++pass) {
    for (const auto& op : ops) {
      const Kind k = op.address.kind;
      const int rank = k == Kind::kProject ? 0 : k == Kind::kService ? 1 : 2;
      // Teardowns go in the changeset's own order (dependents first).
      const bool teardown = op.action == Action::kDelete;
      if ((teardown ? 0 : rank) == pass) order.push_back(op.id);
    }
  }
  Estimate e;
  for (int id : order) {
    const auto& op = ops[id];
    const int calls = CallCount(op);
    double d = calls * lc.latency;
    std::string note = std::to_string(calls) + " x " + Ms(lc.latency);
    const bool waits = op.action != Action::kDelete && op.gate != Gate::kNone;
    if (waits) {
      const double w = PollLoop(3, GateSeconds(op, lc), lc.latency);
      d += w;
      note += " + 3 s polls " + Sec(w);
    }
    e.steps.push_back(
        {op.address.ToString(), diff::ActionName(op.action), e.seconds, e.seconds + d, note});
    e.seconds += d;
  }
  return e;
}

Estimate ScriptModel(const std::vector<diff::Operation>& ops, const Lifecycle& lc) {
  const double L = lc.latency;
  const double C = lc.command_start;
  Estimate e;
  double t = 0;
  auto step = [&](const diff::Operation& op, double d, const std::string& note) {
    d += C;
    e.steps.push_back({op.address.ToString(), diff::ActionName(op.action), t, t + d, note});
    t += d;
  };
  for (const auto& op : ops) {
    if (op.address.kind == Kind::kProject) step(op, CallCount(op) * L, "avn project create");
  }
  std::vector<std::pair<const diff::Operation*, double>> created;  // op, RUNNING at
  for (const auto& op : ops) {
    if (op.address.kind != Kind::kService) continue;
    step(op, CallCount(op) * L, "avn service create");
    created.push_back({&op, t + GateSeconds(op, lc)});
  }
  for (const auto& [op, running_at] : created) {
    // avn service wait: GET (the state as it arrives), then sleep 3 s between GETs.
    const double start = t;
    t += C;
    int gets = 0;
    while (true) {
      ++gets;
      t += L;
      if (t >= running_at - 1e-9) break;
      t += 3;
    }
    e.steps.push_back({op->address.ToString(), "wait", start, t,
                       "avn service wait: " + std::to_string(gets) + " GETs, 3 s apart"});
  }
  for (const auto& op : ops) {
    const Kind k = op.address.kind;
    if (k == Kind::kProject || k == Kind::kService) continue;
    step(op, CallCount(op) * L, "one command, no wait");
  }
  e.seconds = t;
  return e;
}

Estimate TerraformCreate(const std::vector<diff::Operation>& ops, const Lifecycle& lc) {
  const double L = lc.latency;
  std::vector<double> dur;
  std::vector<std::string> notes;
  for (const auto& op : ops) {
    double d = L;
    std::string note;
    switch (op.address.kind) {
      case Kind::kProject:
        d = 2 * L;
        note = "POST + read";
        break;
      case Kind::kService: {
        const double w = StateChangeWait({.continuous = 5}, GateSeconds(op, lc), L);
        d = L + w + 5 * L;
        note = "POST + wait " + Sec(w) + " (5 RUNNING in a row) + tags PUT + 4 reads";
        break;
      }
      case Kind::kTopic:
        d = 2 * L;
        note = "exists check + POST (no ACTIVE wait)";
        break;
      case Kind::kDatabase:
      case Kind::kUser:
      case Kind::kPool:
      case Kind::kEndpoint:
      case Kind::kKafkaAcl:
      case Kind::kSchemaRegistryAcl:
      case Kind::kSchema:
      case Kind::kConnector:
        d = 2 * L;
        note = "POST + read";
        break;
      case Kind::kVpc: {
        const double w = StateChangeWait({.continuous = 1}, GateSeconds(op, lc), L);
        d = L + w;
        note = "POST + wait " + Sec(w) + " (ACTIVE)";
        break;
      }
      case Kind::kIntegration: {
        const auto* create = std::get_if<diff::IntegrationCreate>(&op.request);
        const bool connect = create != nullptr && create->type == "kafka_connect";
        const double w = StateChangeWait({.continuous = 10, .reads_target = connect ? 2 : 1},
                                         GateSeconds(op, lc), L);
        d = L + w + L;
        note = "POST + wait " + Sec(w) + " (10 active in a row) + read";
        break;
      }
    }
    dur.push_back(d);
    notes.push_back(note);
  }
  const auto deps = DepsOf(ops);
  return FromTimeline(ops, deps, Schedule(deps, dur, 10), notes);
}

Estimate TerraformDestroy(const std::vector<diff::Operation>& created,
                          const std::vector<std::string>& unprotect, const Lifecycle& lc) {
  const double L = lc.latency;
  // The separate apply that lifts termination protection, services in parallel.
  double unprotect_s = 0;
  if (!unprotect.empty()) {
    const double w = StateChangeWait({.continuous = 5}, 0, L);
    unprotect_s = L + w + 5 * L;
  }
  // Reverse every edge: a resource is deleted after everything that depended on it.
  const int n = static_cast<int>(created.size());
  std::vector<std::vector<int>> deps(n);
  for (const auto& op : created) {
    for (int d : op.depends_on) deps[d].push_back(op.id);
  }
  std::vector<double> dur;
  std::vector<std::string> notes;
  std::vector<diff::Operation> ops = created;
  for (auto& op : ops) {
    op.action = Action::kDelete;
    double d = L;
    std::string note = "DELETE";
    if (op.address.kind == Kind::kService) {
      const double w = StateChangeWait({.continuous = 5}, 0, L);
      d = L + w;
      note = "DELETE + WaitForDeletion " + Sec(w) + " (5 'deleted' in a row)";
    }
    dur.push_back(d);
    notes.push_back(note);
  }
  Timeline tl = Schedule(deps, dur, 10);
  for (int i = 0; i < n; ++i) {
    tl.start[i] += unprotect_s;
    tl.end[i] += unprotect_s;
  }
  Estimate e = FromTimeline(ops, deps, tl, notes);
  if (!unprotect.empty()) {
    std::string names;
    for (const auto& s : unprotect) names += (names.empty() ? "" : ", ") + s;
    e.steps.insert(e.steps.begin(),
                   {names, "update", 0, unprotect_s,
                    "terraform apply termination_protection=false: PUT + WaitForServiceUpdate " +
                        Sec(unprotect_s - 6 * L) + " + tags PUT + 4 reads"});
  }
  return e;
}

}  // namespace aivenctl::bench
