#include "diff/release.h"

#include <algorithm>

#include "diff/ownership.h"

namespace aivenctl::diff {
namespace {

// `address` is `target` or inside it (a project's services and topics, a service's topics).
bool Within(const core::Address& address, const core::Address& target) {
  if (address == target) return true;
  if (target.kind == core::Kind::kProject) return address.parts[0] == target.parts[0];
  return target.kind == core::Kind::kService && address.kind == core::Kind::kTopic &&
         address.parts[0] == target.parts[0] && address.parts[1] == target.parts[1];
}

model::Tags Released(const model::Tags& tags) {
  model::Tags out;
  for (const auto& [k, v] : tags) {
    if (!IsOwnershipTag(k)) out[k] = v;
  }
  return out;
}

}  // namespace

Changeset PlanRelease(const model::Plan& plan, const model::LiveState& live,
                      const std::vector<core::Address>& targets, core::Diagnostics& errors) {
  Changeset out;
  out.kind = "release";
  out.plan_name = plan.name;
  out.plan_file = plan.file;
  std::vector<bool> used(targets.size(), false);
  auto take = [&](const core::Address& address, const model::Tags& tags, Request request) {
    bool wanted = targets.empty();
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (Within(address, targets[i])) wanted = used[i] = true;
    }
    if (!wanted) return;
    Change change;
    change.address = address;
    change.action = Action::kUpdate;
    change.reason = "release";
    for (const auto& [k, v] : tags) {
      if (IsOwnershipTag(k)) change.fields.push_back({"tags." + k, v, nlohmann::json(), false});
    }
    out.changes.push_back(std::move(change));
    Operation op;
    op.address = address;
    op.action = Action::kUpdate;
    op.request = std::move(request);
    out.operations.push_back(std::move(op));
  };
  for (const auto& project : plan.projects) {
    const model::LiveProject* lp = live.FindProject(project.name);
    if (lp == nullptr) continue;
    if (OwnershipOf(lp->tags, plan.name) == Ownership::kThisPlan) {
      take(lp->address, lp->tags, ProjectUpdate{Released(lp->tags)});
    }
    for (const auto& ls : lp->services) {
      if (OwnershipOf(ls.tags, plan.name) == Ownership::kThisPlan) {
        take(ls.address, ls.tags, ServiceUpdate{.tags = Released(ls.tags)});
      }
      for (const auto& t : ls.topics) {
        if (OwnershipOf(t.tags, plan.name) != Ownership::kThisPlan) continue;
        take(core::Address::Child(core::Kind::kTopic, ls.project, ls.name, t.name), t.tags,
             TopicUpdate{TopicChanges{.tags = Released(t.tags)}});
      }
    }
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (used[i]) continue;
    errors.push_back({core::Severity::kError,
                      {plan.file, 0, 0},
                      "--target " + targets[i].ToString() + ": plan \"" + plan.name +
                          "\" owns nothing there that exists; nothing to release",
                      targets[i].ToString()});
  }
  std::sort(out.changes.begin(), out.changes.end(),
            [](const Change& a, const Change& b) { return a.address < b.address; });
  std::sort(out.operations.begin(), out.operations.end(),
            [](const Operation& a, const Operation& b) { return a.address < b.address; });
  for (std::size_t i = 0; i < out.operations.size(); ++i) {
    out.operations[i].id = static_cast<int>(i);
  }
  return out;
}

}  // namespace aivenctl::diff
