#pragma once
// The readiness waits of started operations, decided without I/O (ARCHITECTURE principle 1:
// the gate counterpart of the Scheduler). Per operation it knows what must be observed (its
// gate; for service gates `service_confirmations` ready readings in a row), by when (its
// timeout, counted from its start), when to read next, and what each reading means. How a
// reading is made is not its business (the Poller's); the executor loop feeds readings in.
//
// Reading times: the first read is due `poll_initial` after the call succeeded (a kGone
// gate at once: a DELETE has usually taken effect when it returns; a topic or integration
// gate after `poll_min`: they are usually ready within seconds); after a not-ready
// reading the interval is multiplied by `poll_backoff` up to `poll_max` (after an immediate
// first reading it is `poll_initial`). A wait with an expected ready time (GateSpec::
// expected: service creates) is read on the shaped cadence of exec/cadence.h instead, with
// that time rescaled by the builds the run has seen finish: the first ready reading of
// each such wait adds the sample (time to the middle between its last not-ready reading
// and this one / expected) and every expected time is
// multiplied by the geometric mean of the samples (builds on an emulator at 20 s, or a
// slow region, teach the run their pace). After a ready reading that still needs
// confirming, the next read is due `poll_initial` later (`poll_min` for a shaped wait: a
// new service does not fall back from RUNNING the way an updated one may start
// rebalancing, so its second reading only makes sure). No read is due after the deadline: the last
// one is pulled in to the deadline itself.
//
// Shared reads: Early(now) names the waits between reads that may be read before they are
// due (last read at least `poll_min` ago), so the Poller can add them to a read it makes
// anyway (one service list serves every service of a project): a confirmation then comes
// with the next read of the project, not with a read of its own.
//
// Meanings, checked in this order: an error fails the operation with that error; an absent
// reading starts (or continues) an absence that fails the operation once it has lasted
// `absent_after_create` (after a create) or `absent_after_other`; a ready reading counts
// towards the confirmations (done when enough), any other reading resets the count (a
// REBALANCING blip never fails); a reading at or past the deadline fails the operation with
// the last state seen; otherwise the operation keeps waiting until its next read.
//
// No threads, no clock: every call takes `now`. Not thread-safe (one coordinator owns it).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "diff/changeset.h"
#include "exec/runner.h"

namespace aivenctl::exec {

using core::Duration;
using core::SteadyTime;

/// The knobs of readiness waits (the executor fills them from ExecutorOptions).
struct GateOptions {
  Duration poll_initial = std::chrono::seconds(1);     ///< first read; spacing of confirmations
  Duration poll_max = std::chrono::seconds(10);        ///< ceiling of the backed-off interval
  double poll_backoff = 1.5;                           ///< interval factor per reading, >= 1
  Duration poll_min = std::chrono::milliseconds(250);  ///< fast first probes; densest shaped
  int service_confirmations = 2;                       ///< service gates: ready readings in a row
  Duration absent_after_create = std::chrono::seconds(60);  ///< absence tolerated after a create
  Duration absent_after_other = std::chrono::seconds(10);   ///< absence tolerated otherwise
};

/// What one operation waits for, and by when.
struct GateSpec {
  diff::Gate gate = diff::Gate::kNone;        ///< never kNone: such operations do not wait
  diff::Action action = diff::Action::kNoop;  ///< a create tolerates a longer absence
  SteadyTime started{};                       ///< the operation's start (its first call)
  Duration timeout{};                         ///< from `started` to the gate being met
  /// When the gate is expected to be met, from `started` (ExpectedReady); zero: unknown,
  /// the reads back off from the start.
  Duration expected{};
  /// The shared list that reads this gate (Poller::SharedList, e.g. the project of a
  /// service gate); "" when it is read alone. A shaped wait that is the last one its list
  /// serves is read twice as densely near its expected time (see cadence.h).
  std::string list;
};

/// What a reading means for its operation.
struct GateVerdict {
  enum class Kind {
    kWait,    ///< not there yet: read again at `next_read`
    kDone,    ///< the gate is met
    kFailed,  ///< the wait failed with `error`
  };
  Kind kind = Kind::kWait;
  SteadyTime next_read{};  ///< kWait: when the next read is due
  core::Status error;      ///< kFailed: why, without the address (the executor prefixes it)
};

/// The readiness waits of a run, each keyed by operation id.
class GateTracker {
 public:
  /// `options` as documented on GateOptions.
  explicit GateTracker(GateOptions options);

  /// Starts waiting for operation `id`, whose call succeeded at `now`; returns when its
  /// first read is due.
  SteadyTime Start(int id, const GateSpec& spec, SteadyTime now);
  /// The earliest read due among the waits between reads; nullopt when there is none.
  std::optional<SteadyTime> NextRead() const;
  /// The waits whose read is due at `now`, earliest first (then by id).
  std::vector<int> Due(SteadyTime now) const;
  /// The waits between reads, not due at `now`, whose last reading is at least `poll_min`
  /// old (or that have none yet), by id: they may join a read made for another wait.
  std::vector<int> Early(SteadyTime now) const;
  /// The factor the run applies to expected ready times (1 until a build is seen finish).
  double pace() const { return pace_; }
  /// Notes that a read of `id` has begun (due or early): it leaves the due list until its
  /// reading is observed.
  void BeginRead(int id);
  /// What `reading`, taken at `now`, means for `id` (which is waiting); a wait that ends
  /// (kDone, kFailed) is forgotten.
  GateVerdict Observe(int id, const ProbeResult& reading, SteadyTime now);
  /// Forgets `id`'s wait, if any (the run stopped waiting for it).
  void Forget(int id);
  /// Forgets every wait between reads (reads in flight stay); returns their ids in id order.
  std::vector<int> StopWaiting();
  /// Whether `id` is being waited for.
  bool waiting(int id) const { return waits_.count(id) > 0; }

 private:
  struct Wait {
    GateSpec spec;
    Duration interval{};                     // the last wait before a reading (0: at once)
    int ready_seen = 0;                      // ready readings in a row
    std::optional<SteadyTime> absent_since;  // the first of the absent readings in a row
    std::string last_state;                  // of the last reading without an error
    std::optional<SteadyTime> next_read;     // set while between reads
    std::optional<SteadyTime> last_reading;  // when the last reading was observed
    std::optional<SteadyTime> last_pending;  // when the last not-ready reading was observed
    bool sampled = false;                    // its ready time is in the pace
  };
  Duration Expected(const GateSpec& spec) const;
  Duration NotReadyInterval(const Wait& wait, SteadyTime now) const;
  Duration ConfirmInterval(const GateSpec& spec) const;
  void LearnPace(Wait& wait, SteadyTime now);
  SteadyTime Schedule(int id, Wait& wait, SteadyTime when);
  void Unschedule(int id, Wait& wait);
  Duration BackedOff(Duration interval) const;
  GateVerdict End(int id, GateVerdict verdict);

  GateOptions options_;
  std::map<int, Wait> waits_;
  std::set<std::pair<SteadyTime, int>> due_;  // (next read, id) of the waits between reads
  double log_pace_sum_ = 0;  // sum of log(waited / expected) over the sampled builds
  int pace_samples_ = 0;
  double pace_ = 1.0;
};

}  // namespace aivenctl::exec
