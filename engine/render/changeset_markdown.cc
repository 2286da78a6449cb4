#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "diff/json_diff.h"
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

// True when a segment of the dotted path names a secret (the changeset holds none; this
// keeps it so if one ever slipped in).
bool IsSecretPath(const std::string& path) {
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    if (diff::IsSecretKey(path.substr(start, dot - start))) return true;
    if (dot == std::string::npos) return false;
    start = dot + 1;
  }
}

// A value in a table cell: JSON text, at most 40 characters, no backticks (they would end
// the code span).
std::string ShortValue(const nlohmann::json& v) {
  std::string text = FormatValue(v);
  std::replace(text.begin(), text.end(), '`', '\'');
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

// The ownership tags every created project, service and topic carries: noise in a preview.
bool IsOwnershipTag(const std::string& path) {
  return path == "tags.managed-by" || path == "tags.aivenctl-plan";
}

constexpr int kFieldsPerCell = 4;

// The details cell: the reason, then the changed fields with their values
// (`plan: "startup-2" -> "business-4"`; a create shows what it sets).
std::string Details(const diff::Change& c) {
  std::vector<std::string> parts;
  if (!c.reason.empty()) parts.push_back(c.reason);
  const bool create = c.action == diff::Action::kCreate;
  int shown = 0;
  int more = 0;
  for (const auto& f : c.fields) {
    if (create && IsOwnershipTag(f.path)) continue;
    if (shown == kFieldsPerCell) {
      ++more;
      continue;
    }
    std::string text = f.path + ": ";
    if (IsSecretPath(f.path)) {
      text += "(secret, not shown)";
    } else if (create) {
      text += ShortValue(f.after);
    } else {
      text += ShortValue(f.before) + " -> " + ShortValue(f.after);
    }
    parts.push_back("`" + text + "`" + (f.forces_replace ? " (forces replacement)" : ""));
    ++shown;
  }
  if (more > 0) parts.push_back("and " + std::to_string(more) + " more");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// "2h", "1h30m", "3d".
std::string Ttl(core::Seconds ttl) { return core::FormatDuration(ttl); }

// "$0.33 for 2h, $119.72/month if kept": the cost of the services over their ttl, when
// every priced service after the change has one; "" otherwise.
std::string TtlCost(const diff::Changeset& cs, const MarkdownOptions& options) {
  if (options.ttl.empty() || cs.kind != "apply") return "";
  double total = 0;
  std::optional<core::Seconds> shortest, longest;
  for (const auto& c : cs.changes) {
    if (c.address.kind != core::Kind::kService) continue;
    const double hourly = c.action == diff::Action::kDelete ? 0 : c.hourly_after.value_or(0);
    if (hourly <= 0) continue;
    auto ttl = options.ttl.find(c.address.ToString());
    if (ttl == options.ttl.end()) return "";  // kept until someone deletes it
    total += hourly * static_cast<double>(ttl->second.count()) / 3600.0;
    shortest = shortest ? std::min(*shortest, ttl->second) : ttl->second;
    longest = longest ? std::max(*longest, ttl->second) : ttl->second;
  }
  if (!shortest) return "";
  const std::string span =
      *shortest == *longest ? Ttl(*shortest) : Ttl(*shortest) + " to " + Ttl(*longest);
  return FormatUsd(total, 2) + " for " + span + ", " + FormatUsd(cs.cost.monthly_after(), 2) +
         "/month if kept";
}

// The cost paragraph ("" when the changeset changes no service).
std::string CostParagraph(const diff::Changeset& cs, const MarkdownOptions& options) {
  std::string line = CostLine(cs);  // "Cost: ..."
  if (line.empty()) return "";
  std::string ttl = TtlCost(cs, options);
  return "**Cost:** " + (ttl.empty() ? "" : ttl + "; ") + line.substr(6) + "\n";
}

std::string DetailsBlock(const diff::Change& c) {
  std::string out = "\n<details><summary><code>" + std::string(ActionSymbol(c.action)) + " " +
                    Html(c.address.ToString()) + "</code></summary>\n\n```diff\n";
  for (const auto& f : c.fields) {
    const bool secret = IsSecretPath(f.path);
    // GitHub colours "-" and "+" lines: the live value goes, the desired one comes.
    if (c.action != diff::Action::kCreate && !f.before.is_null()) {
      out += "- " + f.path + ": " + (secret ? "(secret)" : FormatValue(f.before)) + "\n";
    }
    if (!f.after.is_null()) {
      out += "+ " + f.path + ": " + (secret ? "(secret)" : FormatValue(f.after)) +
             (f.forces_replace ? "  # forces replacement" : "") + "\n";
    }
  }
  return out + "```\n\n</details>\n";
}

// What was left out, e.g. "2 changes and 5 diffs".
std::string LeftOut(int warnings, int rows, int blocks) {
  std::vector<std::string> parts;
  auto add = [&](int n, const std::string& noun) {
    if (n > 0) parts.push_back(std::to_string(n) + " " + noun + (n == 1 ? "" : "s"));
  };
  add(warnings, "warning");
  add(rows, "change");
  add(blocks, "diff");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return out;
}

std::string Note(const std::string& left_out, size_t limit) {
  return "\n_Left out to fit a pull-request comment (" + std::to_string(limit) +
         " characters): " + left_out + "; `aivenctl plan` shows everything._\n";
}

}  // namespace

std::string MarkdownMarker(const std::string& plan_name) {
  return "<!-- aivenctl-plan: " + plan_name + " -->";
}

std::string FormatChangesetMarkdown(const diff::Changeset& cs, const MarkdownOptions& options) {
  // The marker bots look for, the heading, the summary and the cost come first, always.
  std::string out = MarkdownMarker(cs.plan_name) + "\n### aivenctl " +
                    std::string(cs.kind == "destroy" ? "destroy" : "plan") + ": `" + cs.plan_name +
                    "`\n\n";
  const diff::Summary s = cs.Summarize();
  out += s.has_changes() ? "**" + SummaryLine(s) + "**\n"
                         : "**No changes:** the live state matches the plan.\n";
  const std::string cost = CostParagraph(cs, options);
  if (!cost.empty()) out += "\n" + cost;
  if (!cs.unmanaged.empty()) {
    // Not changes: one short paragraph, the first few named.
    constexpr size_t kNamed = 10;
    out += "\n**Unmanaged, kept** (live, not in the plan): ";
    for (size_t i = 0; i < cs.unmanaged.size() && i < kNamed; ++i) {
      out += (i == 0 ? "`" : ", `") + Cell(UnmanagedLine(cs.unmanaged[i])) + "`";
    }
    if (cs.unmanaged.size() > kNamed) {
      out += " and " + std::to_string(cs.unmanaged.size() - kNamed) + " more";
    }
    out += ".\n";
  }

  // Then warnings, table rows and <details> diffs, each while it fits with room left for
  // the note saying what did not.
  std::vector<std::string> warnings, rows, blocks;
  for (const auto& w : cs.warnings) warnings.push_back("> **Warning:** " + Cell(w.message) + "\n");
  if (!warnings.empty()) warnings.front() = "\n" + warnings.front();
  for (const auto& c : cs.changes) {
    if (c.action == diff::Action::kNoop) continue;
    rows.push_back("| `" + std::string(ActionSymbol(c.action)) + "` | `" +
                   Cell(c.address.ToString()) + "` | " + diff::ActionName(c.action) + " | " +
                   Cell(Details(c)) + " |\n");
    if (!c.fields.empty()) blocks.push_back(DetailsBlock(c));
  }
  if (!rows.empty()) {
    rows.front() =
        "\n| | resource | action | details |\n| --- | --- | --- | --- |\n" + rows.front();
  }
  const size_t total = warnings.size() + rows.size() + blocks.size();
  const size_t note_room =
      Note(LeftOut(static_cast<int>(warnings.size()), static_cast<int>(rows.size()),
                   static_cast<int>(blocks.size())),
           options.max_chars)
          .size();
  size_t added = 0;
  std::vector<int> left{0, 0, 0};
  int section = 0;
  for (const auto* items : {&warnings, &rows, &blocks}) {
    for (const auto& item : *items) {
      const bool last = added + 1 == total;
      if (left[0] + left[1] + left[2] == 0 &&
          out.size() + item.size() + (last ? 0 : note_room) <= options.max_chars) {
        out += item;
      } else {
        ++left[section];
      }
      ++added;
    }
    ++section;
  }
  if (left[0] + left[1] + left[2] > 0) {
    out += Note(LeftOut(left[0], left[1], left[2]), options.max_chars);
  }
  return out;
}

}  // namespace aivenctl::render
