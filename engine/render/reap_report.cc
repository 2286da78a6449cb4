#include "render/reap_report.h"

#include <cmath>
#include <cstdio>

namespace aivenctl::render {
namespace {

std::string StatusOf(const diff::ReapItem& item, const ReapRun& run) {
  if (!run.expiring_by.empty()) return "expiring";
  if (!item.reap) return item.adopted ? "kept (adopted)" : "kept";
  const std::string address = item.address.ToString();
  if (run.failures.count(address)) return "failed";
  if (run.skipped.count(address)) return "skipped";
  if (run.dry_run) return "would delete";
  return item.already_deleting ? "already deleting" : "deleted";
}

}  // namespace

std::string Usd(double amount) {
  long long cents = std::llround(amount * 100);
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  char frac[4];
  std::snprintf(frac, sizeof frac, "%02lld", cents % 100);
  return "$" + whole + "." + frac;
}

std::string ReapText(const diff::ReapPlan& plan, const ReapRun& run) {
  if (!run.expiring_by.empty()) {
    std::string out = "Expiring by " + run.expiring_by + " (a list: nothing is deleted)\n\n";
    size_t width = 0;
    for (const auto& item : plan.items) width = std::max(width, item.address.ToString().size());
    for (const auto& item : plan.items) {
      std::string address = item.address.ToString();
      out += "    " + address + std::string(width - address.size() + 2, ' ') + item.reason + "\n";
    }
    if (plan.items.empty()) out += "  nothing owned by aivenctl expires by then\n";
    return out + "\n" + std::to_string(plan.items.size()) + " expiring.\n";
  }
  std::string out = "Reap at " + run.now +
                    (run.dry_run ? " (dry run: nothing is deleted without --yes)\n\n" : "\n\n");
  size_t width = 0;
  for (const auto& item : plan.items) width = std::max(width, item.address.ToString().size());
  int deleting = 0, kept = 0, failed = 0;
  for (const auto& item : plan.items) {
    std::string address = item.address.ToString();
    std::string status = StatusOf(item, run);
    out += (item.reap ? "  - " : "    ") + address + std::string(width - address.size() + 2, ' ') +
           status + ": " + item.reason;
    if (item.reap && item.monthly_usd) out += " (saves " + Usd(*item.monthly_usd) + "/month)";
    out += "\n";
    if (auto f = run.failures.find(address); f != run.failures.end()) {
      out += "      error: " + f->second + "\n";
    }
    if (auto s = run.skipped.find(address); s != run.skipped.end()) {
      out += "      skipped: " + s->second + "\n";
    }
    item.reap ? ++deleting : ++kept;
    failed += status == "failed";
  }
  if (plan.items.empty()) out += "  nothing owned by aivenctl in scope\n";
  out += "\n" + std::to_string(deleting) + (run.dry_run ? " to delete, " : " deleted, ") +
         std::to_string(kept) + " kept";
  if (failed > 0) out += ", " + std::to_string(failed) + " failed";
  out += "; deleting saves " + Usd(plan.monthly_savings) + " per month.\n";
  return out;
}

nlohmann::json ReapJson(const diff::ReapPlan& plan, const ReapRun& run) {
  nlohmann::json items = nlohmann::json::array();
  int deleting = 0, kept = 0, failed = 0;
  for (const auto& item : plan.items) {
    const std::string address = item.address.ToString();
    nlohmann::json j = {{"address", address},
                        {"action", item.reap ? "delete" : "keep"},
                        {"reason", item.reason},
                        {"plan", item.plan},
                        {"already_deleting", item.already_deleting},
                        {"status", StatusOf(item, run)}};
    if (item.monthly_usd) j["monthly_usd"] = *item.monthly_usd;
    if (auto f = run.failures.find(address); f != run.failures.end()) j["error"] = f->second;
    if (auto s = run.skipped.find(address); s != run.skipped.end()) j["skipped"] = s->second;
    item.reap ? ++deleting : ++kept;
    failed += run.failures.count(address) > 0;
    items.push_back(std::move(j));
  }
  nlohmann::json out = {{"now", run.now},
                        {"dry_run", run.dry_run},
                        {"items", std::move(items)},
                        {"delete_count", deleting},
                        {"keep_count", kept},
                        {"failed", failed},
                        {"monthly_savings_usd", plan.monthly_savings}};
  if (!run.expiring_by.empty()) out["expiring_by"] = run.expiring_by;
  return out;
}

}  // namespace aivenctl::render
