#include "clock.h"

#include <chrono>
#include <cmath>

#include "core/duration.h"

namespace aivenctl::emulator {

double Clock::Now() const {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration<double>(now).count() + offset_.load();
}

std::string IsoTime(double epoch_seconds) {
  return core::FormatTimeIso(
      core::TimePoint{core::Seconds{static_cast<int64_t>(std::floor(epoch_seconds))}});
}

bool ParseIsoTime(const std::string& text, double* epoch_seconds) {
  const auto t = core::ParseTime(text);
  if (!t.ok()) return false;
  *epoch_seconds = static_cast<double>(t->time_since_epoch().count());
  return true;
}

}  // namespace aivenctl::emulator
