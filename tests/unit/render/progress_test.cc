#include "render/progress.h"

#include <gtest/gtest.h>

#include <sstream>

#include "exec/estimates.h"

namespace aivenctl::render {
namespace {

using exec::Event;
using exec::EventType;
using std::chrono::seconds;

// Operations of the scripted run.
const char* const kAddresses[] = {"service:ci-42/events", "service:ci-42/pg", "user:ci-42/pg/app"};

Event Ev(EventType type, int at_s, int id, exec::Counts counts, std::string state = "",
         std::string message = "", int elapsed_s = -1) {
  Event e;
  e.type = type;
  e.at = seconds(at_s);
  e.op_id = id;
  e.counts = counts;
  e.live_state = std::move(state);
  e.message = std::move(message);
  if (id >= 0) {
    e.address = core::Address::Parse(kAddresses[id]).value();
    e.action = diff::Action::kCreate;
    e.gate = id == 2 ? diff::Gate::kNone : diff::Gate::kServiceRunning;
    // The scripted operations 0 and 1 start at 0s, operation 2 at 75s.
    e.elapsed = seconds(elapsed_s >= 0 ? elapsed_s : at_s - (id == 2 ? 75 : 0));
  }
  return e;
}

exec::Counts C(int done, int running, int failed = 0, int total = 3) {
  return {.total = total, .done = done, .failed = failed, .running = running};
}

std::vector<Event> Script() {
  return {
      Ev(EventType::kStarted, 0, 0, C(0, 1)),
      Ev(EventType::kStarted, 0, 1, C(0, 2)),
      Ev(EventType::kWaiting, 1, 0, C(0, 2), "", "waiting for RUNNING"),
      Ev(EventType::kWaiting, 1, 1, C(0, 2), "", "waiting for RUNNING"),
      Ev(EventType::kProgress, 2, 0, C(0, 2), "REBUILDING"),
      Ev(EventType::kHeartbeat, 30, -1, C(0, 2)),
      Ev(EventType::kHeartbeat, 45, -1, C(0, 2)),
      Ev(EventType::kHeartbeat, 72, -1, C(0, 2)),
      Ev(EventType::kFinished, 75, 1, C(1, 1), "RUNNING"),
      Ev(EventType::kStarted, 75, 2, C(1, 2)),
      Ev(EventType::kFailed, 76, 2, C(1, 1, 1), "", "user:ci-42/pg/app: 409 conflict"),
      Ev(EventType::kFinished, 100, 0, C(2, 0, 1), "RUNNING"),
  };
}

std::string Render(ProgressFormat format, const std::vector<Event>& events) {
  std::ostringstream out;
  auto sink = MakeProgressSink(out, {.format = format});
  for (const auto& e : events) sink->OnEvent(e);
  sink->Close();
  return out.str();
}

TEST(Progress, PlainIsOneLinePerStateChangeWithAHeartbeatEveryThirtySeconds) {
  EXPECT_EQ(Render(ProgressFormat::kPlain, Script()),
            "[0s] service:ci-42/events: creating\n"
            "[0s] service:ci-42/pg: creating\n"
            "[1s] service:ci-42/events: waiting for RUNNING\n"
            "[1s] service:ci-42/pg: waiting for RUNNING\n"
            "[2s] service:ci-42/events: REBUILDING\n"
            "[30s] still running, 0/3 done: service:ci-42/events creating REBUILDING 30s; "
            "service:ci-42/pg creating waiting 30s\n"
            "[1m12s] still running, 0/3 done: service:ci-42/events creating REBUILDING 1m12s; "
            "service:ci-42/pg creating waiting 1m12s\n"
            "[1m15s] service:ci-42/pg: created in 1m15s\n"
            "[1m15s] user:ci-42/pg/app: creating\n"
            "[1m16s] error: user:ci-42/pg/app: 409 conflict\n"
            "[1m40s] service:ci-42/events: created in 1m40s\n");
}

TEST(Progress, TtyRedrawsOneLinePerRunningOperationAndTheTotals) {
  const std::vector<Event> events = {
      Ev(EventType::kStarted, 0, 0, C(0, 1, 0, 2)),
      Ev(EventType::kStarted, 0, 1, C(0, 2, 0, 2)),
      Ev(EventType::kProgress, 72, 0, C(0, 2, 0, 2), "REBUILDING"),
      Ev(EventType::kHeartbeat, 73, -1, C(0, 2, 0, 2)),
      Ev(EventType::kFinished, 80, 1, C(1, 1, 0, 2), "RUNNING"),
      Ev(EventType::kFailed, 90, 0, C(1, 0, 1, 2), "REBUILDING",
         "service:ci-42/events: timed out after 1m30s waiting for RUNNING (last state "
         "REBUILDING)"),
  };
  const std::string up2 = "\x1b[2A\x1b[J", up3 = "\x1b[3A\x1b[J";
  EXPECT_EQ(Render(ProgressFormat::kTty, events),
            "service:ci-42/events  creating  api call  0s\n"
            "0/2 done  1 running  0s\n" +
                up2 +
                "service:ci-42/events  creating  api call  0s\n"
                "service:ci-42/pg      creating  api call  0s\n"
                "0/2 done  2 running  0s\n" +
                up3 +
                "service:ci-42/events  creating  REBUILDING  1m12s\n"
                "service:ci-42/pg      creating  api call    1m12s\n"
                "0/2 done  2 running  1m12s\n" +
                up3 +
                "service:ci-42/events  creating  REBUILDING  1m13s\n"
                "service:ci-42/pg      creating  api call    1m13s\n"
                "0/2 done  2 running  1m13s\n" +
                up3 +
                "[1m20s] service:ci-42/pg: created in 1m20s\n"
                "service:ci-42/events  creating  REBUILDING  1m20s\n"
                "1/2 done  1 running  1m20s\n" +
                up2 +
                "[1m30s] error: service:ci-42/events: timed out after 1m30s waiting for RUNNING "
                "(last state REBUILDING)\n"
                "1/2 done  1 failed  1m30s\n"
                "\x1b[1A\x1b[J");
}

TEST(Progress, RunningOpsListsWhatRunsByAddressWithItsState) {
  RunningOps running;
  const auto rows = [&] {
    std::vector<std::string> out;
    for (const RunningOps::Row* r : running.ByAddress()) {
      out.push_back(r->address + " " + exec::ActionVerb(r->action) + " " + r->state + " since " +
                    exec::FormatElapsed(r->started));
    }
    return out;
  };
  running.Apply(Ev(EventType::kStarted, 0, 1, C(0, 1)));
  running.Apply(Ev(EventType::kStarted, 75, 2, C(0, 2)));
  running.Apply(Ev(EventType::kStarted, 3, 0, C(0, 3)));
  running.Apply(Ev(EventType::kWaiting, 4, 0, C(0, 3), "", "waiting for RUNNING"));
  running.Apply(Ev(EventType::kProgress, 5, 1, C(0, 3), "REBUILDING"));
  running.Apply(Ev(EventType::kHeartbeat, 30, -1, C(0, 3)));
  EXPECT_EQ(rows(), std::vector<std::string>({"service:ci-42/events creating waiting since 0s",
                                              "service:ci-42/pg creating REBUILDING since 0s",
                                              "user:ci-42/pg/app creating api call since 1m15s"}));
  running.Apply(Ev(EventType::kFinished, 80, 1, C(1, 2), "RUNNING"));
  running.Apply(Ev(EventType::kFailed, 81, 2, C(1, 1, 1), "", "boom"));
  running.Apply(Ev(EventType::kProgress, 82, 2, C(1, 1, 1), "late"));  // settled: ignored
  EXPECT_EQ(rows(), std::vector<std::string>({"service:ci-42/events creating waiting since 0s"}));
  running.Apply(Ev(EventType::kInterrupted, 90, 0, C(1, 0, 1), "", "stopped waiting"));
  EXPECT_TRUE(running.empty());
}

TEST(Progress, TtyCutsLiveLinesToTheTerminalWidth) {
  std::ostringstream out;
  auto sink = MakeProgressSink(out, {.format = ProgressFormat::kTty, .width = 21});
  sink->OnEvent(Ev(EventType::kStarted, 0, 0, C(0, 1)));
  EXPECT_EQ(out.str(), "service:ci-42/events\n0/3 done  1 running \n");
}

TEST(Progress, JsonIsOneObjectPerEventPerLine) {
  std::vector<Event> events = Script();
  Event skipped = Ev(EventType::kSkipped, 76, 2, C(1, 1, 1), "", "depends on x, which failed");
  skipped.elapsed = {};
  skipped.cause = "service:ci-42/pg";
  events = {events[0], events[4], events[5], events[10], skipped};
  EXPECT_EQ(Render(ProgressFormat::kJson, events),
            R"({"type":"started","at_ms":0,"address":"service:ci-42/events","action":"create",)"
            R"("gate":"service-running","elapsed_ms":0,"done":0,"failed":0,"skipped":0,)"
            R"("running":1,"total":3})"
            "\n"
            R"({"type":"progress","at_ms":2000,"address":"service:ci-42/events","action":"create",)"
            R"("gate":"service-running","elapsed_ms":2000,"live_state":"REBUILDING","done":0,)"
            R"("failed":0,"skipped":0,"running":2,"total":3})"
            "\n"
            R"({"type":"heartbeat","at_ms":30000,"done":0,"failed":0,"skipped":0,"running":2,)"
            R"("total":3})"
            "\n"
            R"({"type":"failed","at_ms":76000,"address":"user:ci-42/pg/app","action":"create",)"
            R"("gate":"none","elapsed_ms":1000,"message":"user:ci-42/pg/app: 409 conflict",)"
            R"("done":1,"failed":1,"skipped":0,"running":1,"total":3})"
            "\n"
            R"({"type":"skipped","at_ms":76000,"address":"user:ci-42/pg/app","action":"create",)"
            R"("gate":"none","elapsed_ms":0,"message":"depends on x, which failed",)"
            R"("cause":"service:ci-42/pg","done":1,"failed":1,"skipped":0,"running":1,"total":3})"
            "\n");
}

TEST(Progress, SkippedInterruptedAndStoppingLines) {
  Event skipped = Ev(EventType::kSkipped, 5, 2, C(0, 0));
  skipped.cause = "service:ci-42/pg";
  Event stopping = Ev(EventType::kStopping, 6, -1, C(0, 1), "",
                      "stopping: no new operations start; 1 API request in flight will finish");
  Event interrupted =
      Ev(EventType::kInterrupted, 7, 0, C(0, 0), "REBUILDING", "stopped waiting for RUNNING");
  EXPECT_EQ(Render(ProgressFormat::kPlain, {skipped, stopping, interrupted}),
            "[5s] user:ci-42/pg/app: skipped (service:ci-42/pg failed)\n"
            "[6s] stopping: no new operations start; 1 API request in flight will finish\n"
            "[7s] service:ci-42/events: stopped waiting for RUNNING\n");
}

}  // namespace
}  // namespace aivenctl::render
