#include "exec/events.h"

namespace aivenctl::exec {

const char* EventTypeName(EventType type) {
  switch (type) {
    case EventType::kStarted:
      return "started";
    case EventType::kWaiting:
      return "waiting";
    case EventType::kProgress:
      return "progress";
    case EventType::kFinished:
      return "finished";
    case EventType::kFailed:
      return "failed";
    case EventType::kSkipped:
      return "skipped";
    case EventType::kInterrupted:
      return "interrupted";
    case EventType::kStopping:
      return "stopping";
    case EventType::kHeartbeat:
      return "heartbeat";
  }
  return "unknown";
}

}  // namespace aivenctl::exec
