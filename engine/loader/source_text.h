#pragma once
// Reading a plan file into memory and checking its bytes before any YAML parsing:
// size limit, empty file, UTF-8 validity, NUL bytes.

#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostic.h"

namespace aivenctl::loader {

/// Largest plan file accepted by default (8 MiB).
inline constexpr std::size_t kDefaultMaxPlanBytes = 8u << 20;

/// Reads a whole file. On failure (missing, unreadable, a directory, larger than
/// `max_bytes`) returns nullopt and sets `diag`. Never reads more than max_bytes + 1 bytes.
std::optional<std::string> ReadPlanFile(const std::string& path, std::size_t max_bytes,
                                        core::Diagnostic& diag);

/// Checks bytes already in memory: non-empty, within `max_bytes`, valid UTF-8 without NUL.
/// Returns the problem, if any, positioned at the offending byte (line:column).
std::optional<core::Diagnostic> CheckPlanBytes(const std::string& file, const std::string& bytes,
                                               std::size_t max_bytes);

}  // namespace aivenctl::loader
