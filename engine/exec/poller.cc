#include "exec/poller.h"

#include <algorithm>

namespace aivenctl::exec {

std::vector<Read> Poller::Group(const std::vector<int>& due, int capacity) const {
  std::vector<Read> reads;
  const size_t n = std::min<size_t>(due.size(), static_cast<size_t>(std::max(0, capacity)));
  reads.reserve(n);
  for (size_t i = 0; i < n; ++i) reads.push_back(Read{{due[i]}});
  return reads;
}

std::vector<Reading> Poller::Perform(const Read& read, std::stop_token stop) const {
  std::vector<Reading> readings;
  readings.reserve(read.ids.size());
  for (int id : read.ids) readings.push_back({id, runner_.Probe(ops_[id], stop)});
  return readings;
}

}  // namespace aivenctl::exec
