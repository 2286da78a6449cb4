#pragma once
// What the executor tells the outside world (ARCHITECTURE: exec prints nothing, it emits
// events; render turns them into a TTY display, plain lines or JSON lines).

#include <string>

#include "core/address.h"
#include "core/clock.h"
#include "diff/changeset.h"

namespace aivenctl::exec {

using core::Duration;

/// What happened.
enum class EventType {
  kStarted,      ///< the operation's API call(s) began
  kWaiting,      ///< the call(s) succeeded; now waiting for the readiness gate
  kProgress,     ///< a readiness probe saw a new live state
  kFinished,     ///< the operation is done (call made, gate met)
  kFailed,       ///< the operation failed (message: the error)
  kSkipped,      ///< not started because `cause` failed
  kInterrupted,  ///< started, but the run stopped before it was confirmed
  kStopping,     ///< an interrupt was received: no new work starts (no operation)
  kHeartbeat,    ///< periodic sign of life while operations run (no operation)
};

/// "started", "waiting", "progress", "finished", "failed", "skipped", "interrupted",
/// "stopping", "heartbeat".
const char* EventTypeName(EventType type);

/// Counts of the whole run at the moment of an event.
struct Counts {
  int total = 0;        ///< operations in the changeset
  int done = 0;         ///< finished successfully
  int failed = 0;       ///< failed
  int skipped = 0;      ///< skipped because of a failure
  int running = 0;      ///< started, not settled (calling or waiting for a gate)
  int interrupted = 0;  ///< started, stopped by an interrupt before being confirmed
};

/// One event. Operation fields are empty for kStopping and kHeartbeat.
struct Event {
  EventType type = EventType::kHeartbeat;
  Duration at{};   ///< time since the run started
  int op_id = -1;  ///< operation id (-1: none)
  core::Address address;
  diff::Action action = diff::Action::kNoop;
  diff::Gate gate = diff::Gate::kNone;
  Duration elapsed{};      ///< since the operation started (0 for skipped)
  std::string live_state;  ///< last state a probe saw ("REBUILDING"); "" before any
  std::string message;     ///< error (failed), reason (interrupted, stopping), goal (waiting)
  std::string cause;       ///< skipped: the address of the failed root cause
  Counts counts;           ///< the run's counts after this event
};

/// Receives events. The executor calls OnEvent only from the thread that runs
/// Executor::Run (the coordinator), one event at a time, so a sink used by one executor
/// needs no locking of its own. A slow sink slows the coordinator, not the API calls.
class EventSink {
 public:
  virtual ~EventSink() = default;
  /// Called once per event, in order.
  virtual void OnEvent(const Event& event) = 0;
};

}  // namespace aivenctl::exec
