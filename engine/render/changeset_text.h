#pragma once
// A changeset for people: a terminal listing (`aivenctl plan`), Markdown for pull-request
// comments, and the operation graph as DOT or Mermaid (`aivenctl graph`). Rendering decides
// nothing; no-op changes are counted, not listed.

#include <string>

#include <nlohmann/json.hpp>

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

/// The full text listing: one block per change (symbol, address, reason, field lines, cost
/// line), then warnings, the cost line and the summary line. Colours only when asked.
std::string FormatChangesetText(const diff::Changeset& cs, const TextStyle& style);

/// Markdown for a pull-request comment: heading, summary, a table of changes, the cost, and a
/// collapsible <details> block per changed resource.
std::string FormatChangesetMarkdown(const diff::Changeset& cs);

/// The operation graph in Graphviz DOT (edges point from a dependency to its dependent).
std::string FormatGraphDot(const diff::Changeset& cs);

/// The operation graph as a Mermaid flowchart.
std::string FormatGraphMermaid(const diff::Changeset& cs);

}  // namespace aivenctl::render
