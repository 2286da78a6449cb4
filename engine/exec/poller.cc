#include "exec/poller.h"

#include <algorithm>
#include <map>

namespace aivenctl::exec {

std::pair<std::string, std::string> Poller::SharedList(const diff::Operation& op) {
  const auto& parts = op.address.parts;
  switch (op.address.kind) {
    case core::Kind::kService:
      if (op.gate == diff::Gate::kServiceRunning || op.gate == diff::Gate::kServiceBackup ||
          op.gate == diff::Gate::kGone) {
        return {parts[0], ""};
      }
      break;
    case core::Kind::kIntegration:
      if (op.gate == diff::Gate::kIntegrationActive) return {parts[0], ""};
      break;
    case core::Kind::kTopic:
      if (op.gate == diff::Gate::kTopicActive) return {parts[0], parts[1]};
      break;
    default:
      break;
  }
  return {};
}

std::vector<Read> Poller::Group(const std::vector<int>& due, int capacity,
                                const std::vector<int>& early) const {
  std::vector<Read> reads;
  const size_t cap = static_cast<size_t>(std::max(0, capacity));
  std::map<std::pair<std::string, std::string>, size_t> by_list;  // list -> index in reads
  for (int id : due) {
    auto list = SharedList(ops_[id]);
    if (list.first.empty()) {
      if (reads.size() < cap) reads.push_back(Read{{id}, "", ""});
      continue;
    }
    if (auto it = by_list.find(list); it != by_list.end()) {
      reads[it->second].ids.push_back(id);
    } else if (reads.size() < cap) {
      by_list[list] = reads.size();
      reads.push_back(Read{{id}, list.first, list.second});
    }
  }
  for (int id : early) {
    auto list = SharedList(ops_[id]);
    if (list.first.empty()) continue;
    auto it = by_list.find(list);
    if (it == by_list.end()) continue;
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
    std::vector<ProbeResult> results =
        read.service.empty()
            ? runner_.ProbeServices(read.project, ops, std::move(stop))
            : runner_.ProbeTopics(read.project, read.service, ops, std::move(stop));
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
