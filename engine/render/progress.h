#pragma once
// Progress of an apply/destroy for people and for CI systems, from the executor's events
// (render decides nothing: it shows what the executor reports).
//
//   TTY:   a live block redrawn in place (ANSI cursor-up + clear): one line per running
//          operation with its live state and elapsed time, then the overall done/total line;
//          settled operations scroll above it as plain lines.
//   plain: one line per state change, "[1m12s] service:ci-42/events: REBUILDING", and a
//          heartbeat line listing what runs at most every `heartbeat` (30 s).
//   JSON:  one JSON object per event per line (see EventToJson).
//
// Time comes from the events (Event::at), so a fake clock drives the output exactly.
// Thread-safety: each sink guards its state and stream with a mutex; the executor calls
// sinks from its coordinator thread only, so in practice there is no contention.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exec/events.h"

namespace aivenctl::render {

/// How progress is shown (`--format json` -> kJson; a terminal -> kTty; else kPlain).
enum class ProgressFormat { kTty, kPlain, kJson };

/// Options of the progress sinks.
struct ProgressOptions {
  ProgressFormat format = ProgressFormat::kPlain;
  exec::Duration heartbeat = std::chrono::seconds(30);  ///< plain: heartbeat line period
  /// TTY: terminal columns; live lines are cut to width - 1 so none wraps (a wrapped line
  /// would break the cursor-up redraw). 0: unknown, no cutting.
  int width = 0;
};

/// An EventSink that writes progress; Close() ends the display (the TTY block is erased).
class ProgressSink : public exec::EventSink {
 public:
  /// Ends the display; call once after the run, before printing the summary.
  virtual void Close() {}
};

/// The sink for `options.format`, writing to `out` (which must outlive it).
std::unique_ptr<ProgressSink> MakeProgressSink(std::ostream& out, ProgressOptions options);

/// The line printed for a settled or notable event, without the time prefix:
/// "service:p/pg: created in 5m2s", "error: service:p/pg: <error>",
/// "user:p/pg/app: skipped (service:p/pg failed)", "service:p/kafka: stopped waiting for
/// RUNNING", "stopping: ...", "service:p/pg: creating", "service:p/pg: waiting for RUNNING",
/// "service:p/pg: REBUILDING". nullopt for heartbeats.
std::optional<std::string> EventText(const exec::Event& e);

/// One event as a JSON object: {"type","at_ms"[,"address","action","gate","elapsed_ms"]
/// [,"live_state"][,"message"][,"cause"],"done","failed","skipped","running","total"}.
nlohmann::ordered_json EventToJson(const exec::Event& e);

/// The operations running now, as both live displays list them: kept up to date from the
/// events, listed by address with the action, start time and state (the live state, or
/// "api call" / "waiting" before the first reading).
class RunningOps {
 public:
  /// One running operation.
  struct Row {
    std::string address;
    diff::Action action = diff::Action::kNoop;
    exec::Duration started{};  ///< since the run started
    std::string state;
  };
  /// Updates the table: kStarted adds, kWaiting/kProgress change the state, kFinished,
  /// kFailed and kInterrupted remove; other events change nothing.
  void Apply(const exec::Event& e);
  /// The running operations by address.
  std::vector<const Row*> ByAddress() const;
  /// Whether nothing runs.
  bool empty() const { return rows_.empty(); }

 private:
  std::map<int, Row> rows_;  // by operation id
};

/// Plain lines: "[<at>] <EventText>" for every event, heartbeats as
/// "[<at>] still running, 2/5 done: service:p/a creating REBUILDING 30s; ...".
class PlainProgress : public ProgressSink {
 public:
  PlainProgress(std::ostream& out, exec::Duration heartbeat) : out_(out), heartbeat_(heartbeat) {}
  void OnEvent(const exec::Event& e) override;

 private:
  std::mutex mu_;
  std::ostream& out_;
  exec::Duration heartbeat_;
  exec::Duration last_heartbeat_{};  // the run start counts as one
  RunningOps running_;
};

/// The live TTY display.
class TtyProgress : public ProgressSink {
 public:
  explicit TtyProgress(std::ostream& out, int width = 0) : out_(out), width_(width) {}
  void OnEvent(const exec::Event& e) override;
  void Close() override;

 private:
  std::string Erase() const;
  std::mutex mu_;
  std::ostream& out_;
  RunningOps running_;
  int width_ = 0;
  int drawn_ = 0;  // lines of the live block currently on screen
};

/// JSON lines.
class JsonProgress : public ProgressSink {
 public:
  explicit JsonProgress(std::ostream& out) : out_(out) {}
  void OnEvent(const exec::Event& e) override;

 private:
  std::mutex mu_;
  std::ostream& out_;
};

}  // namespace aivenctl::render
