#pragma once
// A changeset for people: a terminal listing (`aivenctl plan`), Markdown for pull-request
// comments, and the operation graph as DOT or Mermaid (`aivenctl graph`). Rendering decides
// nothing; no-op changes are counted, not listed.

#include <cstddef>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/duration.h"
#include "diff/changeset.h"
#include "render/diagnostics.h"

namespace aivenctl::render {

/// "+", "~", "-/+", "-" (" " for no-op).
const char* ActionSymbol(diff::Action action);

/// A field value as shown: JSON text, "(unset)" for null.
std::string FormatValue(const nlohmann::json& v);

/// "$0.082" (three decimals, for hourly figures) or "$59.86" (`decimals` = 2).
std::string FormatUsd(double usd, int decimals);

/// "Plan: 3 to create, 1 to update, 0 to replace, 1 to destroy."
std::string SummaryLine(const diff::Summary& s);

/// The cost line of the whole changeset ("Cost: $a/h -> $b/h (+$c/h), ..."), or "" when it
/// changes no service.
std::string CostLine(const diff::Changeset& cs);

/// "database:p/s/x", "service:p/pg user_config.pg.work_mem = 8", "service:p/s (owned by plan
/// \"x\")": one "unmanaged, kept" entry.
std::string UnmanagedLine(const diff::Unmanaged& u);

/// The full text listing: one block per change (symbol, address, reason, field lines, cost
/// line), then what is unmanaged and kept, warnings, the cost line and the summary line.
/// Colours only when asked.
std::string FormatChangesetText(const diff::Changeset& cs, const TextStyle& style);

/// What the Markdown preview needs beyond the changeset.
struct MarkdownOptions {
  /// Time to live of each service the plan declares (address text -> ttl): with one for
  /// every priced service, the cost reads "$0.33 for 2h, $119.72/month if kept".
  std::map<std::string, core::Seconds> ttl;
  /// GitHub's limit on a comment body; what does not fit is left out with a note.
  size_t max_chars = 65536;
};

/// `<!-- aivenctl-plan: NAME -->`: the Markdown's first line, hidden on GitHub, so a bot
/// finds and updates its one comment per plan.
std::string MarkdownMarker(const std::string& plan_name);

/// Markdown for a pull-request comment: the marker line, a heading, the summary and the cost
/// first, warnings, a table of changes whose details column lists the changed fields with
/// their values (secrets never), and a collapsible <details> diff per changed resource. At
/// most options.max_chars characters: warnings, rows and diffs that do not fit are left out
/// (from the end) with a note saying how many.
std::string FormatChangesetMarkdown(const diff::Changeset& cs, const MarkdownOptions& options = {});

/// The operation graph in Graphviz DOT (edges point from a dependency to its dependent).
std::string FormatGraphDot(const diff::Changeset& cs);

/// The operation graph as a Mermaid flowchart.
std::string FormatGraphMermaid(const diff::Changeset& cs);

}  // namespace aivenctl::render
