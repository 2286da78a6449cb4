#include "exec/scheduler.h"

#include <algorithm>
#include <deque>

namespace aivenctl::exec {

const char* NodeStateName(NodeState state) {
  switch (state) {
    case NodeState::kWaiting:
      return "waiting";
    case NodeState::kReady:
      return "ready";
    case NodeState::kRunning:
      return "running";
    case NodeState::kDone:
      return "done";
    case NodeState::kFailed:
      return "failed";
    case NodeState::kSkipped:
      return "skipped";
  }
  return "unknown";
}

bool Scheduler::ReadyOrder::operator()(const ReadyKey& a, const ReadyKey& b) const {
  const auto& [chain_a, address_a, id_a] = a;
  const auto& [chain_b, address_b, id_b] = b;
  if (chain_a != chain_b) return chain_a > chain_b;
  if (address_a != address_b) return address_a < address_b;
  return id_a < id_b;
}

core::Result<Scheduler> Scheduler::Create(const std::vector<diff::Operation>& ops,
                                          const std::vector<Duration>& weights) {
  const int n = static_cast<int>(ops.size());
  if (static_cast<int>(weights.size()) != n) {
    return core::InvalidArgument("operation graph: " + std::to_string(n) + " operations but " +
                                 std::to_string(weights.size()) + " weights");
  }
  Scheduler s;
  s.nodes_.resize(n);
  for (int i = 0; i < n; ++i) {
    const diff::Operation& op = ops[i];
    s.nodes_[i].address = op.address.ToString();
    if (op.id != i) {
      return core::InvalidArgument("operation graph: operation " + std::to_string(i) + " (" +
                                   s.nodes_[i].address + ") has id " + std::to_string(op.id));
    }
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> deps = ops[i].depends_on;
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    for (int d : deps) {
      if (d < 0 || d >= n || d == i) {
        return core::InvalidArgument("operation graph: " + s.nodes_[i].address +
                                     " depends on invalid operation " + std::to_string(d));
      }
      s.nodes_[d].dependents.push_back(i);
      ++s.nodes_[i].pending;
    }
  }
  // Kahn's order: detects cycles and gives the order to compute chains backwards.
  std::vector<int> pending(n);
  std::deque<int> queue;
  for (int i = 0; i < n; ++i) {
    pending[i] = s.nodes_[i].pending;
    if (pending[i] == 0) queue.push_back(i);
  }
  std::vector<int> order;
  order.reserve(n);
  while (!queue.empty()) {
    const int i = queue.front();
    queue.pop_front();
    order.push_back(i);
    for (int d : s.nodes_[i].dependents) {
      if (--pending[d] == 0) queue.push_back(d);
    }
  }
  if (static_cast<int>(order.size()) != n) {
    std::vector<std::string> stuck;
    for (int i = 0; i < n; ++i) {
      if (pending[i] > 0) stuck.push_back(s.nodes_[i].address);
    }
    std::sort(stuck.begin(), stuck.end());
    std::string list;
    for (const auto& a : stuck) list += (list.empty() ? "" : ", ") + a;
    return core::InvalidArgument("operation graph has a cycle among: " + list);
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Node& node = s.nodes_[*it];
    Duration longest{};
    for (int d : node.dependents) longest = std::max(longest, s.nodes_[d].chain);
    node.chain = weights[*it] + longest;
  }
  for (int i = 0; i < n; ++i) {
    if (s.nodes_[i].pending == 0) s.SetReady(i);
  }
  return s;
}

void Scheduler::SetReady(int id) {
  nodes_[id].state = NodeState::kReady;
  ready_.insert(KeyOf(id));
}

std::vector<int> Scheduler::Ready() const {
  std::vector<int> out;
  out.reserve(ready_.size());
  for (const auto& key : ready_) out.push_back(std::get<2>(key));
  return out;
}

std::optional<int> Scheduler::Next() {
  if (ready_.empty()) return std::nullopt;
  const int id = std::get<2>(*ready_.begin());
  ready_.erase(ready_.begin());
  nodes_[id].state = NodeState::kRunning;
  return id;
}

std::vector<int> Scheduler::MarkDone(int id) {
  nodes_[id].state = NodeState::kDone;
  std::vector<int> now_ready;
  for (int d : nodes_[id].dependents) {
    Node& dep = nodes_[d];
    if (--dep.pending == 0 && dep.state == NodeState::kWaiting) {
      SetReady(d);
      now_ready.push_back(d);
    }
  }
  return now_ready;
}

std::vector<int> Scheduler::MarkFailed(int id) {
  nodes_[id].state = NodeState::kFailed;
  std::vector<int> skipped;
  std::vector<int> stack(nodes_[id].dependents.rbegin(), nodes_[id].dependents.rend());
  while (!stack.empty()) {
    const int d = stack.back();
    stack.pop_back();
    Node& dep = nodes_[d];
    // A dependent cannot be running or done while a dependency was still running; one that
    // is already skipped keeps its first root cause.
    if (dep.state != NodeState::kWaiting && dep.state != NodeState::kReady) continue;
    if (dep.state == NodeState::kReady) ready_.erase(KeyOf(d));
    dep.state = NodeState::kSkipped;
    dep.root_cause = id;
    skipped.push_back(d);
    stack.insert(stack.end(), dep.dependents.rbegin(), dep.dependents.rend());
  }
  std::sort(skipped.begin(), skipped.end(), [&](int a, int b) {
    return std::tie(nodes_[a].address, a) < std::tie(nodes_[b].address, b);
  });
  return skipped;
}

int Scheduler::count(NodeState state) const {
  return static_cast<int>(
      std::count_if(nodes_.begin(), nodes_.end(), [&](const Node& n) { return n.state == state; }));
}

bool Scheduler::Finished() const {
  return std::none_of(nodes_.begin(), nodes_.end(), [](const Node& n) {
    return n.state == NodeState::kWaiting || n.state == NodeState::kReady ||
           n.state == NodeState::kRunning;
  });
}

}  // namespace aivenctl::exec
