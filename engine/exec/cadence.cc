#include "exec/cadence.h"

#include <algorithm>

namespace aivenctl::exec {
namespace {

Duration Scaled(Duration d, double factor) {
  return std::chrono::duration_cast<Duration>(
      std::chrono::duration<double, Duration::period>(d.count() * factor));
}

}  // namespace

Duration DenseInterval(Duration expected, const CadenceBounds& bounds) {
  const Duration ceiling = std::max(bounds.poll_max, bounds.poll_min);
  return std::clamp(expected / (40 * std::max(1, bounds.density)), bounds.poll_min, ceiling);
}

Duration ShapedInterval(Duration waited, Duration expected, const CadenceBounds& bounds) {
  const Duration ceiling = std::max(bounds.poll_max, bounds.poll_min);
  const Duration dense = DenseInterval(expected, bounds);
  const Duration lo = Scaled(expected, 0.7);
  const Duration hi = Scaled(expected, 1.3);
  if (waited < lo) {
    const Duration cap = std::clamp(waited / 5, std::min(bounds.poll_early, ceiling), ceiling);
    return std::min(cap, std::max(dense, (lo - waited) / 2));
  }
  if (waited <= hi) return dense;
  return std::min(ceiling, dense + (waited - hi) / 10);
}

}  // namespace aivenctl::exec
