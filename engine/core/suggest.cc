#include "core/suggest.h"

#include <algorithm>
#include <utility>

namespace aivenctl::core {
namespace {

// How far a candidate may be from `word` and still be a likely typo.
int Limit(const std::string& word, const std::string& candidate) {
  return std::max<int>(2, static_cast<int>(std::max(word.size(), candidate.size())) / 2);
}

}  // namespace

int EditDistance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> Suggest(const std::string& word,
                                   const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  int best_distance = 0;
  for (const auto& c : candidates) {
    if (word.size() > 64 || c == word) continue;
    int dist = EditDistance(word, c);
    if (dist > Limit(word, c)) continue;
    if (!best || dist < best_distance) {
      best = c;
      best_distance = dist;
    }
  }
  return best;
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::vector<std::pair<int, std::size_t>> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    int d = EditDistance(word, candidates[i]);
    if (d <= Limit(word, candidates[i])) scored.push_back({d, i});
  }
  if (scored.empty()) return "";
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> names;
  for (const auto& [d, i] : scored) {
    if (d > scored.front().first + 1 || names.size() == 3) break;
    names.push_back("\"" + candidates[i] + "\"");
  }
  return " (did you mean " + JoinOr(names) + "?)";
}

std::string JoinOr(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace aivenctl::core
