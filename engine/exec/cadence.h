#pragma once
// When a service build is read next, shaped by when it is expected to be ready: sparse
// early, dense near the expected time, backing off gently once it is overdue. Pure
// arithmetic (no clock); GateTracker calls it after each not-ready reading.
//
// With E the expected ready time (from the wait's start), t the time waited so far and
// d = clamp(E / 40, poll_min, poll_max) the dense interval (one read per project every d
// seconds near E: a 40th of the build, so a sighting costs ~1.3% of it on average, and
// the request rate falls as builds get longer; an 80th for the last wait of a shared list,
// CadenceBounds::density):
//   t < lo = 0.7 E      (lo - t) / 2 but at least d (halving the gap to the window), and
//                       at most clamp(t / 5, poll_early, poll_max): a build that finishes
//                       far earlier than expected is seen at most a fifth of its time (or
//                       poll_early) late
//   lo .. hi = 1.3 E    d (builds vary by about +-30%)
//   after hi            d + (t - hi) / 10, at most poll_max (the estimate was wrong)

#include "core/clock.h"

namespace aivenctl::exec {

using core::Duration;

/// The bounds a shaped cadence keeps to.
struct CadenceBounds {
  Duration poll_min = std::chrono::milliseconds(250);  ///< the densest interval
  Duration poll_early = std::chrono::seconds(1);       ///< the densest interval before 0.7 E
  Duration poll_max = std::chrono::seconds(10);        ///< the sparsest interval
  /// Reads per dense interval: 2 for the last wait of a shared list (GateTracker), which
  /// reads its window at E / 80.
  int density = 1;
};

/// The dense interval near `expected`: clamp(expected / (40 x density), poll_min,
/// poll_max).
Duration DenseInterval(Duration expected, const CadenceBounds& bounds);

/// The wait before the next read, `waited` into a wait expected to end `expected` after
/// its start (see the top of this file).
Duration ShapedInterval(Duration waited, Duration expected, const CadenceBounds& bounds);

}  // namespace aivenctl::exec
