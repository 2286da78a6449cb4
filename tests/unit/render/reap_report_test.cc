// The reap report, word for word, dry run and after a run with a failure.
#include "render/reap_report.h"

#include <gtest/gtest.h>

namespace aivenctl::render {
namespace {

diff::ReapPlan TwoItems() {
  diff::ReapPlan plan;
  diff::ReapItem gone;
  gone.address = core::Address::Service("p1", "old");
  gone.reap = true;
  gone.reason = "expires-at 20261128T080000Z passed 2h ago";
  gone.plan = "ci";
  gone.monthly_usd = 1234.5;
  diff::ReapItem kept;
  kept.address = core::Address::Service("p1", "fresh-one");
  kept.reason = "expires in 2h";
  kept.plan = "ci";
  plan.items = {kept, gone};
  plan.monthly_savings = 1234.5;
  return plan;
}

TEST(ReapReport, DryRunText) {
  EXPECT_EQ(ReapText(TwoItems(), {.now = "2026-11-28T10:00:00Z"}),
            "Reap at 2026-11-28T10:00:00Z (dry run: nothing is deleted without --yes)\n\n"
            "    service:p1/fresh-one  kept: expires in 2h\n"
            "  - service:p1/old        would delete: expires-at 20261128T080000Z passed 2h ago "
            "(saves $1,234.50/month)\n"
            "\n1 to delete, 1 kept; deleting saves $1,234.50 per month.\n");
}

TEST(ReapReport, FailureIsNamedInTextAndJson) {
  ReapRun run{.now = "2026-11-28T10:00:00Z", .dry_run = false};
  run.failures["service:p1/old"] = "503 from the API";
  EXPECT_EQ(ReapText(TwoItems(), run),
            "Reap at 2026-11-28T10:00:00Z\n\n"
            "    service:p1/fresh-one  kept: expires in 2h\n"
            "  - service:p1/old        failed: expires-at 20261128T080000Z passed 2h ago "
            "(saves $1,234.50/month)\n"
            "      error: 503 from the API\n"
            "\n1 deleted, 1 kept, 1 failed; deleting saves $1,234.50 per month.\n");
  nlohmann::json j = ReapJson(TwoItems(), run);
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["items"][1]["status"], "failed");
  EXPECT_EQ(j["items"][1]["error"], "503 from the API");
  EXPECT_EQ(j["items"][0]["action"], "keep");
  EXPECT_FALSE(j["items"][0].contains("monthly_usd"));
}

TEST(ReapReport, Money) {
  EXPECT_EQ(Usd(0), "$0.00");
  EXPECT_EQ(Usd(1234567.891), "$1,234,567.89");
  EXPECT_EQ(Usd(999.999), "$1,000.00");
}

}  // namespace
}  // namespace aivenctl::render
