#pragma once
// The "change" step of a chaos cycle: for each shipped plan, text edits that add, change
// and remove resources (a topic, a database, a user, a plan size, a whole service). Each
// edit must match its plan exactly once, so a rewritten plan fails the test loudly
// instead of silently testing less.

#include <string>
#include <utility>
#include <vector>

namespace aivenctl::testing {

/// One textual edit: replace `from` (which must occur exactly once) with `to`.
struct PlanEdit {
  std::string from;
  std::string to;
  std::string what;  ///< "add topic payments", for messages
};

/// The edits for plans/<file>; empty for an unknown plan.
std::vector<PlanEdit> ChangeEditsFor(const std::string& file);

/// Applies `edits` to `text`; on an edit that does not match exactly once, returns false
/// and names it in `problem`.
bool ApplyEdits(std::string& text, const std::vector<PlanEdit>& edits, std::string& problem);

}  // namespace aivenctl::testing
