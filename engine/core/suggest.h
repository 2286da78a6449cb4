#pragma once
// "Did you mean ...?" suggestions by edit distance, for every diagnostic that names a typo
// (plan fields, catalog names, changeset keys).

#include <optional>
#include <string>
#include <vector>

namespace aivenctl::core {

/// Optimal-string-alignment distance (insert, delete, substitute, swap adjacent).
int EditDistance(const std::string& a, const std::string& b);

/// The candidate closest to `word` when it is close enough to be a likely typo
/// (distance at most max(2, longer length / 2)); ties go to the earlier candidate.
std::optional<std::string> Suggest(const std::string& word,
                                   const std::vector<std::string>& candidates);

/// Up to three candidates nearest to `word` (the best edit distance and one more), as
/// ` (did you mean "a" or "b"?)`; empty when none is close.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

/// "a", "a or b", "a, b or c".
std::string JoinOr(const std::vector<std::string>& words);

}  // namespace aivenctl::core
