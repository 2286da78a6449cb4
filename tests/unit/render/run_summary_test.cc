#include "render/run_summary.h"

#include <gtest/gtest.h>

namespace aivenctl::render {
namespace {

using exec::OpResult;
using exec::Outcome;

OpResult R(int id, const std::string& address, Outcome outcome) {
  OpResult r;
  r.id = id;
  r.address = core::Address::Parse(address).value();
  r.action = diff::Action::kCreate;
  r.outcome = outcome;
  return r;
}

exec::RunResult Tally(std::vector<OpResult> ops, std::chrono::seconds elapsed) {
  exec::RunResult r;
  r.ops = std::move(ops);
  r.elapsed = elapsed;
  r.counts.total = static_cast<int>(r.ops.size());
  for (const auto& op : r.ops) {
    switch (op.outcome) {
      case Outcome::kDone:
        ++r.counts.done;
        break;
      case Outcome::kFailed:
        ++r.counts.failed;
        break;
      case Outcome::kSkipped:
        ++r.counts.skipped;
        break;
      case Outcome::kInterrupted:
        ++r.counts.interrupted;
        break;
      case Outcome::kNotStarted:
        ++r.not_started;
        break;
    }
  }
  return r;
}

TEST(RunSummary, RootCausesOnceThenSkippedThenTotals) {
  auto pg = R(1, "service:p/pg", Outcome::kFailed);
  pg.error = core::Unavailable("service:p/pg: 503 after 6 attempts");
  auto graf = R(4, "service:p/graf", Outcome::kFailed);
  graf.error = core::FailedPrecondition("service:p/graf: service is POWEROFF");
  auto db = R(2, "database:p/pg/app", Outcome::kSkipped);
  db.cause = "service:p/pg";
  auto user = R(3, "user:p/pg/app", Outcome::kSkipped);
  user.cause = "service:p/pg";
  auto integration = R(5, "integration:p/dashboard:graf->pg", Outcome::kSkipped);
  integration.cause = "service:p/pg";
  exec::RunResult r = Tally({R(0, "project:p", Outcome::kDone), pg, db, user, graf, integration,
                             R(6, "service:p/kafka", Outcome::kDone)},
                            std::chrono::seconds(252));
  r.status = core::Status(core::Code::kFailedPrecondition, "2 operations failed, 3 skipped");
  EXPECT_EQ(FormatRunSummary(r),
            "Failed (2):\n"
            "  service:p/graf: service is POWEROFF\n"
            "  service:p/pg: 503 after 6 attempts\n"
            "Skipped because a dependency failed (3):\n"
            "  database:p/pg/app (service:p/pg failed)\n"
            "  integration:p/dashboard:graf->pg (service:p/pg failed)\n"
            "  user:p/pg/app (service:p/pg failed)\n"
            "2 of 7 operations done; 2 failed, 3 skipped (4m12s).\n");
  EXPECT_EQ(RunSummaryToJson(r).dump(),
            R"({"type":"summary","status":"failed","elapsed_ms":252000,"done":2,"failed":2,)"
            R"("skipped":3,"interrupted":0,"not_started":0,"total":7,"failures":[)"
            R"({"address":"service:p/graf","error":"service:p/graf: service is POWEROFF"},)"
            R"({"address":"service:p/pg","error":"service:p/pg: 503 after 6 attempts"}],)"
            R"("skipped_ops":[{"address":"database:p/pg/app","cause":"service:p/pg"},)"
            R"({"address":"integration:p/dashboard:graf->pg","cause":"service:p/pg"},)"
            R"({"address":"user:p/pg/app","cause":"service:p/pg"}],"undone":[]})");
}

TEST(RunSummary, AnInterruptListsWhatIsLeft) {
  auto kafka = R(0, "service:p/kafka", Outcome::kInterrupted);
  kafka.note = "stopped waiting for RUNNING";
  exec::RunResult r =
      Tally({kafka, R(1, "topic:p/kafka/orders", Outcome::kNotStarted),
             R(2, "user:p/pg/app", Outcome::kDone), R(3, "user:p/pg/reader", Outcome::kNotStarted)},
            std::chrono::seconds(5));
  r.stopped = true;
  r.status = core::Status(core::Code::kCancelled, "interrupted");
  EXPECT_EQ(FormatRunSummary(r),
            "Left undone by the interrupt (3):\n"
            "  service:p/kafka: stopped waiting for RUNNING\n"
            "  topic:p/kafka/orders: not started\n"
            "  user:p/pg/reader: not started\n"
            "1 of 4 operations done; 3 left undone (5s).\n");
  EXPECT_EQ(RunSummaryToJson(r)["status"], "interrupted");
  EXPECT_EQ(RunSummaryToJson(r)["undone"].dump(),
            R"([{"address":"service:p/kafka","outcome":"interrupted",)"
            R"("note":"stopped waiting for RUNNING"},)"
            R"({"address":"topic:p/kafka/orders","outcome":"not started"},)"
            R"({"address":"user:p/pg/reader","outcome":"not started"}])");
}

TEST(RunSummary, TheDeadlineSaysSo) {
  auto kafka = R(0, "service:p/kafka", Outcome::kInterrupted);
  kafka.note = "stopped waiting for RUNNING";
  exec::RunResult r =
      Tally({kafka, R(1, "user:p/pg/app", Outcome::kDone)}, std::chrono::seconds(1500));
  r.stopped = true;
  r.deadline = true;
  r.status =
      core::Status(core::Code::kCancelled, "deadline reached: 1 done, 1 stopped, 0 not started");
  EXPECT_EQ(FormatRunSummary(r),
            "Left undone at the deadline (1):\n"
            "  service:p/kafka: stopped waiting for RUNNING\n"
            "1 of 2 operations done; 1 left undone (25m0s).\n");
  EXPECT_EQ(RunSummaryToJson(r)["status"], "deadline");
}

TEST(RunSummary, ACompleteRunIsOneLine) {
  exec::RunResult r =
      Tally({R(0, "project:p", Outcome::kDone), R(1, "service:p/pg", Outcome::kDone)},
            std::chrono::seconds(61));
  EXPECT_EQ(FormatRunSummary(r), "2 of 2 operations done (1m1s).\n");
  EXPECT_EQ(RunSummaryToJson(r)["status"], "ok");
}

}  // namespace
}  // namespace aivenctl::render
