#pragma once
// "Did you mean ...?" suggestions by edit distance.

#include <optional>
#include <string>
#include <vector>

namespace aivenctl::loader {

/// Optimal-string-alignment distance (insert, delete, substitute, swap adjacent).
int EditDistance(const std::string& a, const std::string& b);

/// The candidate closest to `word` when it is close enough to be a likely typo
/// (distance at most max(2, longer length / 2)); ties go to the earlier candidate.
std::optional<std::string> Suggest(const std::string& word,
                                   const std::vector<std::string>& candidates);

}  // namespace aivenctl::loader
