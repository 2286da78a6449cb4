// The executor's shared reads with a scripted runner and a fake clock: the service gates of
// one project are read together, one request per tick, confirmations included; other
// projects and other gates keep their own reads.
#include <gtest/gtest.h>

#include "exec/executor.h"
#include "fakes.h"

namespace aivenctl::exec {
namespace {

using diff::Action;
using diff::Gate;
using std::chrono::seconds;
using testing::FakeRunner;
using testing::Op;
using testing::Pending;
using testing::Ready;
using testing::RecordingSink;
using testing::Script;
using Lines = std::vector<std::string>;

Lines Probes(const FakeRunner& runner) {
  Lines out;
  for (const auto& line : runner.log()) {
    if (line.rfind("probe ", 0) == 0) out.push_back(line);
  }
  return out;
}

TEST(ExecutorSharedReads, OneServiceListPerProjectPerTickServesEveryWaitAndItsConfirmation) {
  core::FakeClock clock;
  FakeRunner runner(clock);
  RecordingSink sink;
  runner.Set("service:p/a", Script{.probes = {Pending("REBUILDING"), Ready("RUNNING")}});
  runner.Set("service:p/b", Script{.probes = {Pending("REBUILDING"), Pending("REBUILDING"),
                                              Pending("REBUILDING"), Ready("RUNNING")}});
  runner.Set("service:p/c",
             Script{.probes = {Pending("REBUILDING"), Pending("REBUILDING"), Pending("REBUILDING"),
                               Pending("REBUILDING"), Pending("REBUILDING"), Ready("RUNNING")}});
  runner.Set("service:q/d", Script{.probes = {Pending("REBUILDING"), Ready("RUNNING")}});
  Executor ex(runner, clock, sink);  // defaults: poll_initial 1s, backoff 1.5, 2 readings
  const RunResult r = ex.Run({
      Op(0, "service:p/a", Action::kCreate, Gate::kServiceRunning),
      Op(1, "service:p/b", Action::kCreate, Gate::kServiceRunning),
      Op(2, "service:p/c", Action::kCreate, Gate::kServiceRunning),
      Op(3, "service:q/d", Action::kCreate, Gate::kServiceRunning),
      Op(4, "topic:p/a/t", Action::kCreate, Gate::kTopicActive, {0}),
  });
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  // Each tick of p is one list of the waits of p, confirmations included: a's at 3.5s and
  // b's at 7.875s ride on ticks that also read the others (whose next reads then count
  // from there). q is read on its own; the last wait of p alone is a plain probe.
  EXPECT_EQ(runner.shared_reads(), Lines({
                                       "list p [a b c] @1000ms",
                                       "list p [a b c] @2500ms",
                                       "list p [a b c] @3500ms",
                                       "list p [b c] @6875ms",
                                       "list p [b c] @7875ms",
                                   }));
  EXPECT_EQ(runner.probe_ms("service:p/c"),
            std::vector<long long>({1000, 2500, 3500, 6875, 7875, 15468, 16468}));
  EXPECT_EQ(runner.probe_ms("service:q/d"), std::vector<long long>({1000, 2500, 3500}));
  EXPECT_EQ(runner.probe_ms("topic:p/a/t"), std::vector<long long>({3750}));
  // Requests: 5 lists + 2 probes of c alone + 3 of d + 1 of the topic, for 19 readings.
  EXPECT_EQ(Probes(runner).size(), 19u);
}

}  // namespace
}  // namespace aivenctl::exec
