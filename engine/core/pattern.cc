#include "core/pattern.h"

#include <cctype>

namespace aivenctl::core {
namespace {

bool IsOctal(char c) { return c >= '0' && c <= '7'; }

char Other(char c) {
  const auto u = static_cast<unsigned char>(c);
  return static_cast<char>(std::islower(u) ? std::toupper(u) : std::tolower(u));
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The escape at p[i] (a backslash) as std::regex reads it; advances i past it.
std::string Escape(std::string_view p, std::size_t& i) {
  if (i + 3 < p.size() && p[i + 1] >= '0' && p[i + 1] <= '3' && IsOctal(p[i + 2]) &&
      IsOctal(p[i + 3])) {
    const int value = (p[i + 1] - '0') * 64 + (p[i + 2] - '0') * 8 + (p[i + 3] - '0');
    static constexpr char kHex[] = "0123456789abcdef";
    i += 4;
    return std::string("\\x") + kHex[value / 16] + kHex[value % 16];
  }
  const std::size_t n = i + 1 < p.size() ? 2 : 1;
  std::string out(p.substr(i, n));
  i += n;
  return out;
}

// The bracket expression starting at p[i] ('['); advances i past its ']'. With `icase`,
// the other case of its letters and letter ranges goes first, after any '^'.
std::string Bracket(std::string_view p, std::size_t& i, bool icase) {
  std::string head = "[";
  ++i;
  if (i < p.size() && p[i] == '^') {
    head += '^';
    ++i;
  }
  std::string body;
  std::string other;
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      body += Escape(p, i);
      continue;
    }
    const char c = p[i];
    if (icase && IsAsciiLetter(c)) {
      if (i + 2 < p.size() && p[i + 1] == '-' && IsAsciiLetter(p[i + 2])) {
        other += std::string{Other(c), '-', Other(p[i + 2])};
        body += p.substr(i, 3);
        i += 3;
        continue;
      }
      other += Other(c);
    }
    body += c;
    ++i;
  }
  if (i < p.size()) ++i;  // the ']'
  return head + other + body + "]";
}

}  // namespace

std::string PortablePattern(std::string_view pattern) {
  bool icase = false;
  if (pattern.substr(0, 4) == "(?i)") {
    icase = true;
    pattern.remove_prefix(4);
  }
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\') {
      out += Escape(pattern, i);
    } else if (c == '[') {
      out += Bracket(pattern, i, icase);
    } else if (icase && IsAsciiLetter(c)) {
      out += std::string{'[', c, Other(c), ']'};
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace aivenctl::core
