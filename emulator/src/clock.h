#pragma once
// The emulator clock: real time plus an offset that tests move forward.

#include <atomic>
#include <string>

namespace aivenctl::emulator {

/// Thread-safe. Every lifecycle state is derived from timestamps on this clock, so
/// advancing it moves all in-flight transitions at once.
class Clock {
 public:
  /// Seconds since the epoch, with fractions: real time + offset.
  double Now() const;
  double offset() const { return offset_.load(); }
  void set_offset(double seconds) { offset_.store(seconds); }

 private:
  std::atomic<double> offset_{0.0};
};

/// "2026-11-28T16:00:00Z" (Aiven's ISO 8601 form, whole seconds).
std::string IsoTime(double epoch_seconds);
/// Parses ISO 8601 UTC ("...Z" or "+hh:mm"); false when malformed.
bool ParseIsoTime(const std::string& text, double* epoch_seconds);

}  // namespace aivenctl::emulator
