#include <string>

#include "render/changeset_text.h"

namespace aivenctl::render {
namespace {

// Text safe inside a Markdown table cell.
std::string Cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Text safe inside HTML (<summary>, <code>).
std::string Html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string FieldNames(const diff::Change& c) {
  std::string out;
  int shown = 0;
  for (const auto& f : c.fields) {
    if (shown == 5) {
      out += ", ...";
      break;
    }
    out += (out.empty() ? "" : ", ") + ("`" + f.path + "`");
    ++shown;
  }
  return out;
}

}  // namespace

std::string FormatChangesetMarkdown(const diff::Changeset& cs) {
  std::string out = "### aivenctl " + std::string(cs.kind == "destroy" ? "destroy" : "plan") +
                    ": `" + cs.plan_name + "`\n\n";
  diff::Summary s = cs.Summarize();
  if (!s.has_changes()) {
    out += "**No changes:** the live state matches the plan.\n";
  } else {
    out += "**" + SummaryLine(s) + "**\n\n";
    out += "| | resource | action | details |\n| --- | --- | --- | --- |\n";
    for (const auto& c : cs.changes) {
      if (c.action == diff::Action::kNoop) continue;
      std::string details = c.reason;
      std::string fields = FieldNames(c);
      if (c.action != diff::Action::kCreate && !fields.empty()) {
        details += (details.empty() ? "" : "; ") + fields;
      }
      out += "| `" + std::string(ActionSymbol(c.action)) + "` | `" + Cell(c.address.ToString()) +
             "` | " + diff::ActionName(c.action) + " | " + Cell(details) + " |\n";
    }
  }
  std::string cost = CostLine(cs);
  if (!cost.empty()) out += "\n**" + cost.substr(0, 5) + "**" + cost.substr(5) + "\n";
  if (!cs.warnings.empty()) {
    out += "\n";
    for (const auto& w : cs.warnings) out += "> **Warning:** " + Cell(w.message) + "\n";
  }
  for (const auto& c : cs.changes) {
    if (c.action == diff::Action::kNoop || c.fields.empty()) continue;
    out += "\n<details><summary><code>" + std::string(ActionSymbol(c.action)) + " " +
           Html(c.address.ToString()) + "</code></summary>\n\n```diff\n";
    for (const auto& f : c.fields) {
      // GitHub colours "-" and "+" lines: the live value goes, the desired one comes.
      if (c.action != diff::Action::kCreate && !f.before.is_null()) {
        out += "- " + f.path + ": " + FormatValue(f.before) + "\n";
      }
      if (!f.after.is_null()) {
        out += "+ " + f.path + ": " + FormatValue(f.after) +
               (f.forces_replace ? "  # forces replacement" : "") + "\n";
      }
    }
    out += "```\n\n</details>\n";
  }
  return out;
}

}  // namespace aivenctl::render
