#include "diff/resume.h"

#include <set>

#include "diff/fingerprint.h"

namespace aivenctl::diff {

std::vector<std::string> StaleObjects(const Changeset& cs, const model::LiveState& live,
                                      bool resuming) {
  std::set<std::string> changed_by_cs;
  if (resuming) {
    for (const auto& c : cs.changes) {
      if (c.action != Action::kNoop) changed_by_cs.insert(c.address.ToString());
    }
  }
  std::vector<std::string> out;
  for (const auto& [text_address, fingerprint] : cs.fingerprints) {
    if (changed_by_cs.contains(text_address)) continue;
    auto address = core::Address::Parse(text_address);
    if (!address.ok()) {
      out.push_back(text_address + ": not an address");
      continue;
    }
    const std::string now = FingerprintOf(live, *address);
    if (now == fingerprint) continue;
    out.push_back(text_address + ": " +
                  (fingerprint == kAbsent ? "now exists"
                   : now == kAbsent       ? "no longer exists"
                                          : "changed"));
  }
  return out;
}

Changeset Remaining(const Changeset& cs, const model::LiveState& live) {
  Changeset out = cs;
  out.operations.clear();
  std::vector<int> new_id(cs.operations.size(), -1);
  for (const auto& op : cs.operations) {
    const bool exists = FingerprintOf(live, op.address) != kAbsent;
    Operation kept = op;
    if (op.action == Action::kCreate && exists) {
      if (op.address.kind != core::Kind::kService) continue;
      const model::LiveService* ls = live.FindService(op.address.parts[0], op.address.parts[1]);
      if (ls != nullptr && ls->state == "RUNNING") continue;
      kept.action = Action::kUpdate;  // still building: wait for it before its dependents
      kept.request = ServiceWait{};
    } else if (op.action == Action::kDelete && !exists) {
      continue;
    }
    kept.id = static_cast<int>(out.operations.size());
    kept.depends_on.clear();
    for (int d : op.depends_on) {
      if (new_id[d] >= 0) kept.depends_on.push_back(new_id[d]);
    }
    new_id[op.id] = kept.id;
    out.operations.push_back(std::move(kept));
  }
  return out;
}

}  // namespace aivenctl::diff
