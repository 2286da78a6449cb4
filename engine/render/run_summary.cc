#include "render/run_summary.h"

#include <algorithm>
#include <vector>

#include "exec/estimates.h"

namespace aivenctl::render {

namespace {

using exec::OpResult;
using exec::Outcome;

std::vector<const OpResult*> With(const exec::RunResult& r, std::initializer_list<Outcome> want) {
  std::vector<const OpResult*> out;
  for (const OpResult& op : r.ops) {
    if (std::find(want.begin(), want.end(), op.outcome) != want.end()) out.push_back(&op);
  }
  // By address text, as the scheduler orders ties and skipped lists.
  std::sort(out.begin(), out.end(), [](const OpResult* a, const OpResult* b) {
    const std::string x = a->address.ToString(), y = b->address.ToString();
    return x != y ? x < y : a->id < b->id;
  });
  return out;
}

std::string UndoneText(const OpResult& op) {
  return op.outcome == Outcome::kNotStarted ? "not started" : op.note;
}

}  // namespace

std::string FormatRunSummary(const exec::RunResult& r) {
  std::string out;
  const auto failed = With(r, {Outcome::kFailed});
  const auto skipped = With(r, {Outcome::kSkipped});
  // Operations never started are "left undone" only when a stop or an invalid graph left
  // them; a run that ends normally starts everything it does not skip.
  const auto undone = With(r, {Outcome::kInterrupted, Outcome::kNotStarted});
  if (!failed.empty()) {
    out += "Failed (" + std::to_string(failed.size()) + "):\n";
    for (const OpResult* op : failed) out += "  " + op->error.message() + "\n";
  }
  if (!skipped.empty()) {
    out += "Skipped because a dependency failed (" + std::to_string(skipped.size()) + "):\n";
    for (const OpResult* op : skipped) {
      out += "  " + op->address.ToString() + " (" + op->cause + " failed)\n";
    }
  }
  if (!undone.empty()) {
    const char* title = r.deadline  ? "Left undone at the deadline"
                        : r.stopped ? "Left undone by the interrupt"
                                    : "Not run";
    out += std::string(title) + " (" + std::to_string(undone.size()) + "):\n";
    for (const OpResult* op : undone) {
      out += "  " + op->address.ToString() + ": " + UndoneText(*op) + "\n";
    }
  }
  if (!r.status.ok() && r.status.code() == core::Code::kInvalidArgument && !r.stopped) {
    out += "error: " + r.status.message() + "\n";
  }
  const int total = r.counts.total;
  out += std::to_string(r.counts.done) + " of " + std::to_string(total) + " operations done";
  std::vector<std::string> parts;
  if (r.counts.failed) parts.push_back(std::to_string(r.counts.failed) + " failed");
  if (r.counts.skipped) parts.push_back(std::to_string(r.counts.skipped) + " skipped");
  if (!undone.empty()) parts.push_back(std::to_string(undone.size()) + " left undone");
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "; ") + parts[i];
  out += " (" + exec::FormatElapsed(r.elapsed) + ").\n";
  return out;
}

nlohmann::ordered_json RunSummaryToJson(const exec::RunResult& r) {
  nlohmann::ordered_json j;
  j["type"] = "summary";
  std::string status = "ok";
  if (r.counts.failed) {
    status = "failed";
  } else if (r.deadline) {
    status = "deadline";
  } else if (r.stopped) {
    status = "interrupted";
  } else if (!r.status.ok()) {
    status = "invalid";
  }
  j["status"] = status;
  j["elapsed_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(r.elapsed).count();
  j["done"] = r.counts.done;
  j["failed"] = r.counts.failed;
  j["skipped"] = r.counts.skipped;
  j["interrupted"] = r.counts.interrupted;
  j["not_started"] = r.not_started;
  j["total"] = r.counts.total;
  j["failures"] = nlohmann::ordered_json::array();
  for (const OpResult* op : With(r, {Outcome::kFailed})) {
    j["failures"].push_back({{"address", op->address.ToString()}, {"error", op->error.message()}});
  }
  j["skipped_ops"] = nlohmann::ordered_json::array();
  for (const OpResult* op : With(r, {Outcome::kSkipped})) {
    j["skipped_ops"].push_back({{"address", op->address.ToString()}, {"cause", op->cause}});
  }
  j["undone"] = nlohmann::ordered_json::array();
  for (const OpResult* op : With(r, {Outcome::kInterrupted, Outcome::kNotStarted})) {
    nlohmann::ordered_json u = {{"address", op->address.ToString()},
                                {"outcome", exec::OutcomeName(op->outcome)}};
    if (!op->note.empty()) u["note"] = op->note;
    j["undone"].push_back(u);
  }
  return j;
}

}  // namespace aivenctl::render
