#pragma once
// The report of `aivenctl reap`: what goes and why, what stays and why, what it saves.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "diff/reap.h"

namespace aivenctl::render {

/// How a reap run ended, per address ("" or absent = deleted / nothing to do).
struct ReapRun {
  std::string now;                              ///< evaluation instant, ISO 8601
  bool dry_run = true;                          ///< nothing was deleted
  std::map<std::string, std::string> failures;  ///< address -> error message
  std::map<std::string, std::string> skipped;   ///< address -> why it was not attempted
  std::string expiring_by;  ///< --expiring-within: the instant, ISO 8601 ("" otherwise)
};

/// People's text: one line per item ("- " reaped, "  " kept), then totals. Adopted items
/// read "kept (adopted)"; with `expiring_by`, a list of what expires by then.
std::string ReapText(const diff::ReapPlan& plan, const ReapRun& run);

/// {"now","dry_run","items":[{address,action:"delete"|"keep",reason,plan,monthly_usd?,
///  already_deleting,status?,error?}],"delete_count","keep_count","monthly_savings_usd",
///  "failed", "expiring_by"? (only with --expiring-within)}.
nlohmann::json ReapJson(const diff::ReapPlan& plan, const ReapRun& run);

/// "$1,234.50" style money for reports (two decimals, thousands separators).
std::string Usd(double amount);

}  // namespace aivenctl::render
