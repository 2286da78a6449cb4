#pragma once
// The pure scheduler (ARCHITECTURE principle 1; cf. ninja's Plan): it knows the operation
// graph and where each operation stands, decides which ready operation starts next, and
// propagates failures to dependents. No I/O, no threads, no clock: the executor loop owns
// one and feeds results back. Not thread-safe (one coordinator thread owns it).

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "diff/changeset.h"

namespace aivenctl::exec {

using core::Duration;

/// Where one operation stands in the graph.
enum class NodeState {
  kWaiting,  ///< some dependency has not finished
  kReady,    ///< every dependency finished; may start
  kRunning,  ///< handed out by Next(), not yet marked done or failed
  kDone,     ///< finished successfully
  kFailed,   ///< finished with an error
  kSkipped,  ///< never started: something it depends on (transitively) failed
};

/// "waiting", "ready", "running", "done", "failed", "skipped".
const char* NodeStateName(NodeState state);

/// The operation graph and the ready queue, critical path first.
class Scheduler {
 public:
  /// Builds the graph. `weights[i]` is the estimated duration of `ops[i]`. Errors (invalid
  /// argument): an id that is not its index, a dependency out of range, on itself, or a cycle
  /// (named by the addresses on it).
  static core::Result<Scheduler> Create(const std::vector<diff::Operation>& ops,
                                        const std::vector<Duration>& weights);

  /// Number of operations.
  int size() const { return static_cast<int>(nodes_.size()); }
  /// Whether some operation may start now.
  bool HasReady() const { return !ready_.empty(); }
  /// The ready operations in start order: longest weighted chain first, then address, then id.
  std::vector<int> Ready() const;
  /// Takes the first operation of Ready() and marks it running; nullopt when none is ready.
  std::optional<int> Next();
  /// Marks a running operation done; returns the operations that became ready, in id order.
  std::vector<int> MarkDone(int id);
  /// Marks a running operation failed and everything depending on it (transitively, unless
  /// already settled) skipped with `id` as root cause; returns the newly skipped ids in
  /// address order.
  std::vector<int> MarkFailed(int id);

  /// Where `id` stands.
  NodeState state(int id) const { return nodes_[id].state; }
  /// For a skipped operation: the failed operation that caused it; otherwise -1.
  int root_cause(int id) const { return nodes_[id].root_cause; }
  /// The weighted length of the longest chain starting at `id` (its own weight included).
  Duration chain(int id) const { return nodes_[id].chain; }
  /// Operations in `state`.
  int count(NodeState state) const;
  /// True when nothing is waiting, ready or running.
  bool Finished() const;

 private:
  struct Node {
    std::string address;
    std::vector<int> dependents;  // sorted, unique
    int pending = 0;              // dependencies not yet done
    Duration chain{};
    NodeState state = NodeState::kWaiting;
    int root_cause = -1;
  };
  // Ordering key of the ready set: longest chain first, then address, then id.
  using ReadyKey = std::tuple<Duration, std::string, int>;
  struct ReadyOrder {
    bool operator()(const ReadyKey& a, const ReadyKey& b) const;
  };
  ReadyKey KeyOf(int id) const { return {nodes_[id].chain, nodes_[id].address, id}; }
  void SetReady(int id);

  std::vector<Node> nodes_;
  std::set<ReadyKey, ReadyOrder> ready_;
};

}  // namespace aivenctl::exec
