#include "diff/extend.h"

#include <algorithm>

namespace aivenctl::diff {
namespace {

bool OwnedBy(const model::Tags& tags, const std::string& plan) {
  auto managed = tags.find("managed-by");
  auto owner = tags.find("aivenctl-plan");
  return managed != tags.end() && managed->second == "aivenctl" && owner != tags.end() &&
         owner->second == plan;
}

void Stamp(Changeset& out, const core::Address& address, const model::Tags& tags,
           const std::string& expires_at, std::vector<int> deps) {
  model::Tags updated = tags;
  auto old = tags.find("expires-at");
  updated["expires-at"] = expires_at;
  Change change;
  change.address = address;
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
      Stamp(out, s->address, s->tags, expires_at, {});
    }
  }
  std::sort(out.changes.begin(), out.changes.end(),
            [](const Change& a, const Change& b) { return a.address < b.address; });
  return out;
}

}  // namespace aivenctl::diff
