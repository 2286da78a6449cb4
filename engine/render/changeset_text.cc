#include "render/changeset_text.h"

#include <cmath>
#include <cstdio>

namespace aivenctl::render {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kMagenta = "\033[35m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

const char* ActionColor(diff::Action a) {
  switch (a) {
    case diff::Action::kCreate:
      return kGreen;
    case diff::Action::kUpdate:
      return kYellow;
    case diff::Action::kReplace:
      return kMagenta;
    case diff::Action::kDelete:
      return kRed;
    case diff::Action::kNoop:
      return kDim;
  }
  return kReset;
}

std::string SignedUsd(double usd, int decimals) {
  // Round first so a tiny negative never prints as "-$0.000".
  double scale = std::pow(10.0, decimals);
  double r = std::round(usd * scale) / scale;
  return (r < 0 ? "-" : "+") + FormatUsd(std::fabs(r), decimals);
}

std::string Side(const std::optional<double>& v, int decimals, double factor) {
  return v ? FormatUsd(*v * factor, decimals) : FormatUsd(0, decimals);
}

}  // namespace

const char* ActionSymbol(diff::Action action) {
  switch (action) {
    case diff::Action::kCreate:
      return "+";
    case diff::Action::kUpdate:
      return "~";
    case diff::Action::kReplace:
      return "-/+";
    case diff::Action::kDelete:
      return "-";
    case diff::Action::kNoop:
      return " ";
  }
  return " ";
}

std::string FormatValue(const nlohmann::json& v) { return v.is_null() ? "(unset)" : v.dump(); }

std::string FormatUsd(double usd, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "$%.*f", decimals, usd);
  return buf;
}

std::string SummaryLine(const diff::Summary& s) {
  return "Plan: " + std::to_string(s.create) + " to create, " + std::to_string(s.update) +
         " to update, " + std::to_string(s.replace) + " to replace, " + std::to_string(s.destroy) +
         " to destroy.";
}

std::string CostLine(const diff::Changeset& cs) {
  bool any = false;
  for (const auto& c : cs.changes) {
    any = any || (c.address.kind == core::Kind::kService && c.action != diff::Action::kNoop);
  }
  if (!any) return "";
  const auto& k = cs.cost;
  std::string line = "Cost: " + FormatUsd(k.hourly_before, 3) + "/h -> " +
                     FormatUsd(k.hourly_after, 3) + "/h (" +
                     SignedUsd(k.hourly_after - k.hourly_before, 3) + "/h), " +
                     FormatUsd(k.monthly_before(), 2) + " -> " + FormatUsd(k.monthly_after(), 2) +
                     " per month (" + SignedUsd(k.monthly_after() - k.monthly_before(), 2) + ")";
  if (!k.complete) line += ", incomplete: some prices are missing from the catalog";
  return line;
}

std::string UnmanagedLine(const diff::Unmanaged& u) {
  std::string line = u.address.ToString();
  if (!u.path.empty()) line += " " + u.path + " = " + FormatValue(u.value);
  if (!u.note.empty()) line += " (" + u.note + ")";
  return line;
}

std::string FormatChangesetText(const diff::Changeset& cs, const TextStyle& style) {
  auto paint = [&](const char* code, const std::string& s) {
    return style.color ? std::string(code) + s + kReset : s;
  };
  std::string out;
  for (const auto& c : cs.changes) {
    if (c.action == diff::Action::kNoop) continue;
    out += paint(ActionColor(c.action), ActionSymbol(c.action)) + " " +
           paint(kBold, c.address.ToString());
    if (!c.reason.empty()) out += " (" + c.reason + ")";
    out += "\n";
    for (const auto& f : c.fields) {
      out += "    " + f.path + ": ";
      if (c.action == diff::Action::kCreate) {
        out += FormatValue(f.after);
      } else {
        out += FormatValue(f.before) + " -> " + FormatValue(f.after);
      }
      if (f.forces_replace) out += paint(kMagenta, " (forces replacement)");
      out += "\n";
    }
    bool priced = c.hourly_before.has_value() || c.hourly_after.has_value();
    if (c.address.kind == core::Kind::kService && priced &&
        c.hourly_before.value_or(0) != c.hourly_after.value_or(0)) {
      out += "    cost: " + Side(c.hourly_before, 3, 1) + "/h -> " + Side(c.hourly_after, 3, 1) +
             "/h, " + Side(c.hourly_before, 2, 730) + " -> " + Side(c.hourly_after, 2, 730) +
             " per month\n";
    }
  }
  if (!out.empty()) out += "\n";
  if (!cs.unmanaged.empty()) {
    out += paint(kBold, "Unmanaged, kept") + " (live but not in the plan; not changes):\n";
    for (const auto& u : cs.unmanaged) out += "    " + UnmanagedLine(u) + "\n";
    out += "\n";
  }
  for (const auto& w : cs.warnings) out += paint(kMagenta, "warning:") + " " + w.message + "\n";
  if (!cs.warnings.empty()) out += "\n";
  std::string cost = CostLine(cs);
  if (!cost.empty()) out += cost + "\n";
  diff::Summary s = cs.Summarize();
  if (!s.has_changes()) {
    out += "No changes: the live state matches the plan.\n";
  } else {
    out += paint(kBold, SummaryLine(s)) + "\n";
  }
  return out;
}

}  // namespace aivenctl::render
