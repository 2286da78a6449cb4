#pragma once
// Durations ("30m", "8h", "2d", "1h30m") and UTC instants (ISO 8601).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace aivenctl::core {

using Seconds = std::chrono::seconds;
using TimePoint = std::chrono::sys_seconds;

/// Largest duration accepted anywhere (100 years); larger values are an overflow error.
inline constexpr Seconds kMaxDuration{100LL * 366 * 24 * 3600};

/// Parses one or more "<int><unit>" groups, unit one of s m h d w (e.g. "1h30m").
/// Rejects empty input, unknown units, zero-length numbers and totals above kMaxDuration.
Result<Seconds> ParseDuration(std::string_view text);

/// The command line's durations: ParseDuration's grammar plus the unit `ms` ("1500ms",
/// "90s", "1h30m", "2w", "1s500ms"); numbers of any length, totals above kMaxDuration are
/// an error. Plan files keep ParseDuration (no `ms`).
Result<std::chrono::milliseconds> ParseFlagDuration(std::string_view text);

/// Shortest canonical text: 5400s -> "1h30m", 0 -> "0s".
std::string FormatDuration(Seconds d);

/// FormatDuration with a millisecond remainder: 1500ms -> "1s500ms", 10s -> "10s".
std::string FormatFlagDuration(std::chrono::milliseconds d);

/// Parses "2026-11-28T16:00:00Z", "2026-11-28T16:00:00+02:00", "2026-11-28T16:00:00.123Z"
/// and the basic form "20261128T160000Z". Always UTC-normalised.
Result<TimePoint> ParseTime(std::string_view text);

/// Basic ISO 8601 as stamped in tags: "20261128T160000Z".
std::string FormatTimeBasic(TimePoint t);

/// Extended ISO 8601 as the Aiven API writes it: "2026-11-28T16:00:00Z".
std::string FormatTimeIso(TimePoint t);

}  // namespace aivenctl::core
