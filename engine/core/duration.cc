#include "core/duration.h"

#include <cctype>
#include <cstdio>
#include <limits>

namespace aivenctl::core {
namespace {

// Reads digits (false when there are none or more than `max_digits`); a value past
// int64_t's range saturates, so callers report it as too large rather than overflowing.
bool ReadInt(std::string_view s, size_t& pos, size_t max_digits, int64_t& out) {
  constexpr int64_t kSaturated = std::numeric_limits<int64_t>::max() / 10;
  size_t start = pos;
  int64_t v = 0;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    if (pos - start >= max_digits) return false;
    v = v >= kSaturated ? kSaturated : v * 10 + (s[pos] - '0');
    ++pos;
  }
  out = v;
  return pos > start;
}

bool ReadFixed(std::string_view s, size_t& pos, size_t digits, int& out) {
  if (pos + digits > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < digits; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  pos += digits;
  out = v;
  return true;
}

bool Expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

namespace {

// The one duration grammar: "<int><unit>" groups, summed; `ms` only when `flag` (the
// command line), where numbers of any length are read (and found too long) instead of
// being cut at 12 digits as in plan files. The total is in milliseconds.
Result<int64_t> ParseGroups(std::string_view text, bool flag) {
  const std::string shown(text);
  const std::string examples = flag ? "1500ms, 90s, 1h30m or 2w" : "30m, 8h, 2d or 1h30m";
  const std::string units = flag ? "ms, s, m, h, d or w" : "s, m, h, d or w";
  if (text.empty()) {
    return InvalidArgument(flag ? "empty duration; use e.g. " + examples
                                : std::string("empty duration; use e.g. 30m, 8h or 2d"));
  }
  constexpr int64_t kMaxMs = kMaxDuration.count() * 1000;
  size_t pos = 0;
  int64_t total = 0;
  while (pos < text.size()) {
    int64_t n = 0;
    if (!ReadInt(text, pos, flag ? std::string_view::npos : 12, n)) {
      return InvalidArgument("invalid duration \"" + shown + "\"; use e.g. " + examples);
    }
    if (pos >= text.size()) {
      return InvalidArgument("duration \"" + shown + "\" lacks a unit (" + units + ")");
    }
    int64_t unit = 0;
    switch (text[pos]) {
      case 's':
        unit = 1000;
        break;
      case 'm':
        unit = 60 * 1000;
        if (flag && pos + 1 < text.size() && text[pos + 1] == 's') {
          unit = 1;
          ++pos;
        }
        break;
      case 'h':
        unit = 3600 * 1000;
        break;
      case 'd':
        unit = 86400 * 1000;
        break;
      case 'w':
        unit = 7 * 86400 * 1000;
        break;
      default:
        return InvalidArgument("invalid duration unit '" + std::string(1, text[pos]) + "' in \"" +
                               shown + "\"; use " + units);
    }
    ++pos;
    if (n > kMaxMs / unit || total + n * unit > kMaxMs) {
      return InvalidArgument("duration \"" + shown + "\" is too long (at most 100 years)");
    }
    total += n * unit;
  }
  return total;
}

}  // namespace

Result<Seconds> ParseDuration(std::string_view text) {
  auto ms = ParseGroups(text, /*flag=*/false);
  if (!ms.ok()) return ms.status();
  return Seconds{*ms / 1000};
}

Result<std::chrono::milliseconds> ParseFlagDuration(std::string_view text) {
  auto ms = ParseGroups(text, /*flag=*/true);
  if (!ms.ok()) return ms.status();
  return std::chrono::milliseconds{*ms};
}

std::string FormatDuration(Seconds d) {
  int64_t s = d.count();
  if (s == 0) return "0s";
  std::string out;
  if (s < 0) {
    out = "-";
    s = -s;
  }
  const std::pair<int64_t, char> units[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
  for (auto [size, name] : units) {
    if (s >= size) {
      out += std::to_string(s / size) + name;
      s %= size;
    }
  }
  return out;
}

std::string FormatFlagDuration(std::chrono::milliseconds d) {
  const int64_t ms = d.count() % 1000;
  if (ms == 0 || d.count() < 0) return FormatDuration(std::chrono::duration_cast<Seconds>(d));
  const Seconds whole = std::chrono::duration_cast<Seconds>(d);
  return (whole.count() == 0 ? std::string() : FormatDuration(whole)) + std::to_string(ms) + "ms";
}

Result<TimePoint> ParseTime(std::string_view text) {
  const auto bad = [&] {
    return InvalidArgument("invalid time \"" + std::string(text) +
                           "\"; use ISO 8601 UTC such as 2026-11-28T16:00:00Z");
  };
  size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  const bool basic = text.size() >= 9 && text[8] == 'T';
  if (!ReadFixed(text, pos, 4, y)) return bad();
  if (!basic && !Expect(text, pos, '-')) return bad();
  if (!ReadFixed(text, pos, 2, mo)) return bad();
  if (!basic && !Expect(text, pos, '-')) return bad();
  if (!ReadFixed(text, pos, 2, d)) return bad();
  if (!Expect(text, pos, 'T') && !Expect(text, pos, 't') && !Expect(text, pos, ' ')) return bad();
  if (!ReadFixed(text, pos, 2, h)) return bad();
  if (!basic && !Expect(text, pos, ':')) return bad();
  if (!ReadFixed(text, pos, 2, mi)) return bad();
  if (!basic && !Expect(text, pos, ':')) return bad();
  if (!ReadFixed(text, pos, 2, se)) return bad();
  if (Expect(text, pos, '.')) {
    int64_t frac = 0;
    if (!ReadInt(text, pos, 9, frac)) return bad();
  }
  int64_t offset = 0;
  if (Expect(text, pos, 'Z') || Expect(text, pos, 'z')) {
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!ReadFixed(text, pos, 2, oh)) return bad();
    Expect(text, pos, ':');
    if (!ReadFixed(text, pos, 2, om)) return bad();
    offset = sign * (oh * 3600 + om * 60);
  } else {
    return bad();
  }
  if (pos != text.size()) return bad();
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return bad();
  return TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{se} - seconds{offset};
}

namespace {
std::string Format(TimePoint t, const char* fmt) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(t);
  const year_month_day ymd{days};
  const hh_mm_ss<seconds> hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}
}  // namespace

std::string FormatTimeBasic(TimePoint t) { return Format(t, "%04d%02u%02uT%02d%02d%02dZ"); }

std::string FormatTimeIso(TimePoint t) { return Format(t, "%04d-%02u-%02uT%02d:%02d:%02dZ"); }

}  // namespace aivenctl::core
