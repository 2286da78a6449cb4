// The shaped cadence of service builds (exec/cadence.h) on its own, and the schedule it
// makes: how late a build is seen wherever it ends, and how many reads that costs.
#include "exec/cadence.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace aivenctl::exec {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const CadenceBounds kBounds{
    .poll_min = milliseconds(250), .poll_early = seconds(1), .poll_max = seconds(10)};

TEST(Cadence, DenseIntervalIsAFortiethOfTheExpectedTimeWithinTheBounds) {
  EXPECT_EQ(DenseInterval(seconds(36), kBounds), milliseconds(900));
  EXPECT_EQ(DenseInterval(seconds(108), kBounds), milliseconds(2700));
  CadenceBounds twice = kBounds;  // the last wait of a shared list
  twice.density = 2;
  EXPECT_EQ(DenseInterval(seconds(36), twice), milliseconds(450));
  EXPECT_EQ(DenseInterval(seconds(6), twice), milliseconds(250));
  EXPECT_EQ(DenseInterval(seconds(6), kBounds), milliseconds(250));  // poll_min
  EXPECT_EQ(DenseInterval(seconds(1200), kBounds), seconds(10));     // poll_max
  EXPECT_EQ(DenseInterval(seconds(36), {.poll_min = seconds(2), .poll_max = seconds(1)}),
            seconds(2));  // a ceiling below the floor is the floor
}

TEST(Cadence, SparseEarlyDenseNearTheExpectedTimeGentleWhenOverdue) {
  const Duration e = seconds(120);  // window 84 s .. 156 s, dense 3 s
  struct Case {
    Duration waited, want;
  };
  const std::vector<Case> cases = {
      {seconds(0), seconds(1)},          // sparse early: at least poll_early
      {seconds(8), milliseconds(1600)},  // t / 5
      {seconds(40), seconds(8)},         // t / 5 = 8 s < (84 - 40) / 2 = 22 s
      {seconds(70), seconds(7)},         // (84 - 70) / 2: halving the gap to the window
      {seconds(80), seconds(3)},         // not below the dense interval
      {seconds(84), seconds(3)},         // inside the window: dense
      {seconds(156), seconds(3)},       {seconds(176), seconds(5)},  // + (t - 156) / 10
      {seconds(400), seconds(10)},                                   // poll_max
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ShapedInterval(c.waited, e, kBounds), c.want)
        << std::chrono::duration<double>(c.waited).count() << " s";
  }
}

// The reads of one wait from its first read at 1 s, shaped by `expected`.
std::vector<double> Schedule(Duration expected, double until) {
  std::vector<double> reads = {1.0};
  while (reads.back() < until) {
    const auto waited =
        std::chrono::duration_cast<Duration>(std::chrono::duration<double>(reads.back()));
    reads.push_back(
        reads.back() +
        std::chrono::duration<double>(ShapedInterval(waited, expected, kBounds)).count());
  }
  return reads;
}

double SeenAt(const std::vector<double>& reads, double ready) {
  return *std::lower_bound(reads.begin(), reads.end(), ready);
}

TEST(Cadence, ABuildIsSeenWithinAFifthOfItsTimeOrASecondAnywhereAndTheDenseIntervalNearE) {
  for (double e : {20.0, 36.0, 108.0, 360.0, 648.0}) {
    const Duration expected =
        std::chrono::duration_cast<Duration>(std::chrono::duration<double>(e));
    const double dense = std::chrono::duration<double>(DenseInterval(expected, kBounds)).count();
    const std::vector<double> reads = Schedule(expected, 4 * e);
    for (double ready = 1.0; ready < 3 * e; ready += e / 97) {
      const double late = SeenAt(reads, ready) - ready;
      EXPECT_LE(late, std::max(1.0, ready / 5) + 1e-6) << "E " << e << " ready " << ready;
      if (ready >= 0.7 * e && ready <= 1.3 * e) {
        EXPECT_LE(late, dense + 1e-6) << "E " << e << " ready " << ready;
      }
    }
    // Cost up to the end of the window: a read a second, then geometric reads until the
    // approach, then 24 in the window (a 40th of E each) whatever E is, while E / 40 is
    // under poll_max; beyond, one read per poll_max (E 36 s: 40 reads; 108 s: 46; 6 min: 62).
    const long reads_to_window_end =
        std::count_if(reads.begin(), reads.end(), [&](double t) { return t <= 1.3 * e; });
    const double bound = e <= 40 * 10 ? 70 : 30 + 1.3 * e / 10;
    EXPECT_LE(reads_to_window_end, bound) << "E " << e;
    EXPECT_GE(reads_to_window_end, 30) << "E " << e;
  }
}

}  // namespace
}  // namespace aivenctl::exec
