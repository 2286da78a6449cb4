#include "loader/source_text.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

namespace aivenctl::loader {
namespace {

core::Diagnostic Error(const std::string& file, int line, int column, std::string message) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.pos = {file, line, column};
  d.message = std::move(message);
  return d;
}

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t Utf8Length(const std::string& s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned int cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;  // surrogates are not characters
  return n;
}

std::string TooLarge(std::size_t size, std::size_t max_bytes) {
  return "file is too large (" + std::to_string(size) + " bytes; the limit is " +
         std::to_string(max_bytes) + " bytes)";
}

}  // namespace

std::optional<std::string> ReadPlanFile(const std::string& path, std::size_t max_bytes,
                                        core::Diagnostic& diag) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    diag = Error(path, 0, 0, "cannot read file: " + std::string(std::strerror(errno)));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    diag = Error(path, 0, 0, "cannot read file: it is a directory");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag = Error(path, 0, 0, "cannot read file: " + std::string(std::strerror(errno)));
    return std::nullopt;
  }
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
    diag = Error(path, 0, 0, TooLarge(static_cast<std::size_t>(st.st_size), max_bytes));
    return std::nullopt;
  }
  std::string bytes;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {  // pipes and devices have no size up front
      diag =
          Error(path, 0, 0,
                "file is too large (more than " + std::to_string(max_bytes) + " bytes, the limit)");
      return std::nullopt;
    }
  }
  if (in.bad()) {
    diag = Error(path, 0, 0, "cannot read file: I/O error");
    return std::nullopt;
  }
  return bytes;
}

std::optional<core::Diagnostic> CheckPlanBytes(const std::string& file, const std::string& bytes,
                                               std::size_t max_bytes) {
  if (bytes.size() > max_bytes) return Error(file, 0, 0, TooLarge(bytes.size(), max_bytes));
  if (bytes.empty())
    return Error(file, 0, 0, "file is empty; a plan needs at least version, name and projects");
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      return Error(file, line, column,
                   "file contains a NUL byte at offset " + std::to_string(i) +
                       "; plan files are UTF-8 text");
    }
    std::size_t n = Utf8Length(bytes, i);
    if (n == 0) {
      return Error(file, line, column,
                   "file is not valid UTF-8: byte " + Hex(c) + " at offset " + std::to_string(i));
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      column += static_cast<int>(n);  // columns count bytes, like the YAML parser's
    }
    i += n;
  }
  return std::nullopt;
}

}  // namespace aivenctl::loader
