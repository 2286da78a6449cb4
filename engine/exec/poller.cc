#include "exec/poller.h"

#include <algorithm>
#include <map>

namespace aivenctl::exec {

bool Poller::Shared(const diff::Operation& op) {
  if (op.address.kind != core::Kind::kService) return false;
  return op.gate == diff::Gate::kServiceRunning || op.gate == diff::Gate::kServiceBackup ||
         op.gate == diff::Gate::kGone;
}

std::vector<Read> Poller::Group(const std::vector<int>& due, int capacity,
                                const std::vector<int>& early) const {
  std::vector<Read> reads;
  const size_t cap = static_cast<size_t>(std::max(0, capacity));
  std::map<std::string, size_t> by_project;  // project -> index in reads
  for (int id : due) {
    const diff::Operation& op = ops_[id];
    if (!Shared(op)) {
      if (reads.size() < cap) reads.push_back(Read{{id}, ""});
      continue;
    }
    const std::string& project = op.address.parts[0];
    if (auto it = by_project.find(project); it != by_project.end()) {
      reads[it->second].ids.push_back(id);
    } else if (reads.size() < cap) {
      by_project[project] = reads.size();
      reads.push_back(Read{{id}, project});
    }
  }
  for (int id : early) {
    const diff::Operation& op = ops_[id];
    if (!Shared(op)) continue;
    auto it = by_project.find(op.address.parts[0]);
    if (it == by_project.end()) continue;
    std::vector<int>& ids = reads[it->second].ids;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return reads;
}

std::vector<Reading> Poller::Perform(const Read& read, std::stop_token stop) const {
  std::vector<Reading> readings;
  readings.reserve(read.ids.size());
  if (!read.project.empty() && read.ids.size() > 1) {
    std::vector<const diff::Operation*> ops;
    ops.reserve(read.ids.size());
    for (int id : read.ids) ops.push_back(&ops_[id]);
    std::vector<ProbeResult> results = runner_.ProbeServices(read.project, ops, std::move(stop));
    for (size_t i = 0; i < read.ids.size(); ++i) {
      readings.push_back({read.ids[i], i < results.size()
                                           ? std::move(results[i])
                                           : ProbeResult{false, "", core::Internal("no reading")}});
    }
    return readings;
  }
  for (int id : read.ids) readings.push_back({id, runner_.Probe(ops_[id], stop)});
  return readings;
}

}  // namespace aivenctl::exec
