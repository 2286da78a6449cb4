#include "diff/extend.h"

#include <algorithm>

#include "diff/ownership.h"

namespace aivenctl::diff {
namespace {

bool OwnedBy(const model::Tags& tags, const std::string& plan) {
  auto managed = tags.find("managed-by");
  auto owner = tags.find("aivenctl-plan");
  return managed != tags.end() && managed->second == "aivenctl" && owner != tags.end() &&
         owner->second == plan;
}

// A no-op change when `expires_at` is already stamped; else an update (with a warning when
// it moves the expiry earlier) and its operation.
void Stamp(Changeset& out, const core::Address& address, const model::Tags& tags,
           const std::string& expires_at, std::vector<int> deps) {
  model::Tags updated = tags;
  auto old = tags.find("expires-at");
  Change change;
  change.address = address;
  if (old != tags.end() && old->second == expires_at) {
    out.changes.push_back(std::move(change));  // kNoop: no "X -> X" update
    return;
  }
  if (old != tags.end()) {
    auto was = core::ParseTime(old->second);
    auto will = core::ParseTime(expires_at);
    if (was.ok() && will.ok() && *will < *was) {
      out.warnings.push_back({core::Severity::kWarning,
                              {},
                              address.ToString() + ": the new ttl shortens its life: expires-at " +
                                  old->second + " moves earlier, to " + expires_at,
                              address.ToString()});
    }
  }
  updated["expires-at"] = expires_at;
  change.action = Action::kUpdate;
  change.reason = "extend";
  change.fields.push_back({"tags.expires-at",
                           old == tags.end() ? nlohmann::json() : nlohmann::json(old->second),
                           expires_at, false});
  out.changes.push_back(std::move(change));
  Operation op;
  op.id = static_cast<int>(out.operations.size());
  op.address = address;
  op.action = Action::kUpdate;
  if (address.kind == core::Kind::kProject) {
    op.request = ProjectUpdate{std::move(updated)};
  } else {
    op.request = ServiceUpdate{.tags = std::move(updated)};
  }
  op.depends_on = std::move(deps);
  out.operations.push_back(std::move(op));
}

}  // namespace

Changeset PlanExtend(const model::Plan& plan, const model::LiveState& live, core::Seconds ttl,
                     core::TimePoint now) {
  Changeset out;
  out.kind = "extend";
  out.plan_name = plan.name;
  out.plan_file = plan.file;
  const std::string expires_at = core::FormatTimeBasic(now + ttl);
  for (const auto& project : plan.projects) {
    const model::LiveProject* live_project = live.FindProject(project.name);
    if (live_project == nullptr) continue;
    if (OwnedBy(live_project->tags, plan.name)) {
      Stamp(out, live_project->address, live_project->tags, expires_at, {});
    }
    for (const auto& service : project.services) {
      const model::LiveService* s = live_project->FindService(service.name);
      if (s == nullptr || !OwnedBy(s->tags, plan.name)) continue;
      if (IsAdopted(s->tags)) {
        out.warnings.push_back(
            {core::Severity::kWarning, service.pos,
             s->address.ToString() + ": kept (adopted): aivenctl adopted it, so it gets no expiry",
             s->address.ToString()});
        continue;
      }
      Stamp(out, s->address, s->tags, expires_at, {});
    }
  }
  std::sort(out.changes.begin(), out.changes.end(),
            [](const Change& a, const Change& b) { return a.address < b.address; });
  return out;
}

}  // namespace aivenctl::diff
