#include "render/progress.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "exec/estimates.h"

namespace aivenctl::render {

namespace {

using exec::Event;
using exec::EventType;
using exec::FormatElapsed;

const char* PastTense(diff::Action action) {
  switch (action) {
    case diff::Action::kCreate:
      return "created";
    case diff::Action::kUpdate:
      return "updated";
    case diff::Action::kDelete:
      return "deleted";
    case diff::Action::kReplace:
      return "replaced";
    case diff::Action::kNoop:
      return "checked";
  }
  return "done";
}

long long Millis(exec::Duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

// The state column before any reading: the call is running, or the gate is awaited.
std::string StateOf(const Event& e) {
  if (!e.live_state.empty()) return e.live_state;
  return e.type == EventType::kStarted ? "api call" : "waiting";
}

std::string Prefixed(const Event& e, const std::string& text) {
  return "[" + FormatElapsed(e.at) + "] " + text + "\n";
}

std::string Pad(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

}  // namespace

std::optional<std::string> EventText(const Event& e) {
  const std::string address = e.address.ToString();
  switch (e.type) {
    case EventType::kStarted:
      return address + ": " + exec::ActionVerb(e.action);
    case EventType::kWaiting:
      return address + ": " + e.message;
    case EventType::kProgress:
      return address + ": " + e.live_state;
    case EventType::kFinished:
      return address + ": " + PastTense(e.action) + " in " + FormatElapsed(e.elapsed);
    case EventType::kFailed:
      return "error: " + e.message;
    case EventType::kSkipped:
      return address + ": skipped (" + e.cause + " failed)";
    case EventType::kInterrupted:
      return address + ": " + e.message;
    case EventType::kStopping:
      return e.message;
    case EventType::kHeartbeat:
      return std::nullopt;
  }
  return std::nullopt;
}

nlohmann::ordered_json EventToJson(const Event& e) {
  nlohmann::ordered_json j;
  j["type"] = exec::EventTypeName(e.type);
  j["at_ms"] = Millis(e.at);
  if (e.op_id >= 0) {
    j["address"] = e.address.ToString();
    j["action"] = diff::ActionName(e.action);
    j["gate"] = diff::GateName(e.gate);
    j["elapsed_ms"] = Millis(e.elapsed);
  }
  if (!e.live_state.empty()) j["live_state"] = e.live_state;
  if (!e.message.empty()) j["message"] = e.message;
  if (!e.cause.empty()) j["cause"] = e.cause;
  j["done"] = e.counts.done;
  j["failed"] = e.counts.failed;
  j["skipped"] = e.counts.skipped;
  j["running"] = e.counts.running;
  j["total"] = e.counts.total;
  return j;
}

std::unique_ptr<ProgressSink> MakeProgressSink(std::ostream& out, ProgressOptions options) {
  switch (options.format) {
    case ProgressFormat::kTty:
      return std::make_unique<TtyProgress>(out, options.width);
    case ProgressFormat::kJson:
      return std::make_unique<JsonProgress>(out);
    case ProgressFormat::kPlain:
      break;
  }
  return std::make_unique<PlainProgress>(out, options.heartbeat);
}

// ---- the running operations ----

void RunningOps::Apply(const Event& e) {
  switch (e.type) {
    case EventType::kStarted:
      rows_[e.op_id] = {e.address.ToString(), e.action, e.at - e.elapsed, StateOf(e)};
      break;
    case EventType::kWaiting:
    case EventType::kProgress:
      if (auto it = rows_.find(e.op_id); it != rows_.end()) it->second.state = StateOf(e);
      break;
    case EventType::kFinished:
    case EventType::kFailed:
    case EventType::kInterrupted:
      rows_.erase(e.op_id);
      break;
    default:
      break;
  }
}

std::vector<const RunningOps::Row*> RunningOps::ByAddress() const {
  std::vector<const Row*> rows;
  for (const auto& [id, r] : rows_) rows.push_back(&r);
  std::sort(rows.begin(), rows.end(),
            [](const Row* a, const Row* b) { return a->address < b->address; });
  return rows;
}

// ---- plain ----

void PlainProgress::OnEvent(const Event& e) {
  std::lock_guard lock(mu_);
  running_.Apply(e);
  if (e.type != EventType::kHeartbeat) {
    out_ << Prefixed(e, *EventText(e)) << std::flush;
    return;
  }
  if (e.at - last_heartbeat_ < heartbeat_ || running_.empty()) return;
  last_heartbeat_ = e.at;
  const std::vector<const RunningOps::Row*> rows = running_.ByAddress();
  std::string text = "still running, " + std::to_string(e.counts.done) + "/" +
                     std::to_string(e.counts.total) + " done:";
  for (size_t i = 0; i < rows.size(); ++i) {
    text += (i ? "; " : " ") + rows[i]->address + " " + exec::ActionVerb(rows[i]->action) + " " +
            rows[i]->state + " " + FormatElapsed(e.at - rows[i]->started);
  }
  out_ << Prefixed(e, text) << std::flush;
}

// ---- TTY ----

std::string TtyProgress::Erase() const {
  if (drawn_ == 0) return "";
  return "\x1b[" + std::to_string(drawn_) + "A\x1b[J";
}

void TtyProgress::OnEvent(const Event& e) {
  std::lock_guard lock(mu_);
  std::string out = Erase();
  running_.Apply(e);
  switch (e.type) {
    case EventType::kFinished:
    case EventType::kFailed:
    case EventType::kInterrupted:
    case EventType::kSkipped:
    case EventType::kStopping:
      out += Prefixed(e, *EventText(e));  // settled or notable: scrolls above the block
      break;
    default:
      break;
  }
  // The live block: running operations by address, columns aligned, then the totals.
  const std::vector<const RunningOps::Row*> rows = running_.ByAddress();
  size_t w_address = 0, w_verb = 0, w_state = 0;
  for (const RunningOps::Row* r : rows) {
    w_address = std::max(w_address, r->address.size());
    w_verb = std::max(w_verb, std::string(exec::ActionVerb(r->action)).size());
    w_state = std::max(w_state, r->state.size());
  }
  const auto fit = [&](std::string line) {
    if (width_ > 1 && line.size() > static_cast<size_t>(width_ - 1)) line.resize(width_ - 1);
    return line + "\n";
  };
  for (const RunningOps::Row* r : rows) {
    out += fit(Pad(r->address, w_address) + "  " + Pad(exec::ActionVerb(r->action), w_verb) + "  " +
               Pad(r->state, w_state) + "  " + FormatElapsed(e.at - r->started));
  }
  const exec::Counts& c = e.counts;
  std::string total = std::to_string(c.done) + "/" + std::to_string(c.total) + " done";
  if (c.running) total += "  " + std::to_string(c.running) + " running";
  if (c.failed) total += "  " + std::to_string(c.failed) + " failed";
  if (c.skipped) total += "  " + std::to_string(c.skipped) + " skipped";
  total += "  " + FormatElapsed(e.at);
  out += fit(total);
  drawn_ = static_cast<int>(rows.size()) + 1;
  out_ << out << std::flush;
}

void TtyProgress::Close() {
  std::lock_guard lock(mu_);
  out_ << Erase() << std::flush;
  drawn_ = 0;
}

// ---- JSON lines ----

void JsonProgress::OnEvent(const Event& e) {
  std::lock_guard lock(mu_);
  out_ << EventToJson(e).dump() << "\n" << std::flush;
}

}  // namespace aivenctl::render
