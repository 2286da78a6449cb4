#include "diff/reap.h"

#include <algorithm>
#include <map>
#include <set>

#include "diff/ownership.h"

namespace aivenctl::diff {
namespace {

constexpr const char* kManagedBy = "managed-by";
constexpr const char* kPlanTag = "aivenctl-plan";

std::string TagOr(const model::Tags& tags, const std::string& key) {
  auto it = tags.find(key);
  return it == tags.end() ? std::string() : it->second;
}

bool InScope(const model::Tags& tags, const ReapOptions& options) {
  if (TagOr(tags, kManagedBy) != "aivenctl") return false;
  return !options.plan || TagOr(tags, kPlanTag) == *options.plan;
}

struct Verdict {
  bool expired = false;
  std::string reason;
};

std::string Ago(core::Seconds d) { return core::FormatDuration(d) + " ago"; }

/// Applies the tag rules in order: reap: never, protect-until, expires-at, --older-than.
Verdict Judge(const model::Tags& tags, const std::string& create_time, const ReapOptions& options) {
  if (TagOr(tags, "reap") == "never") return {false, "tagged reap: never"};
  if (auto protect = tags.find("protect-until"); protect != tags.end()) {
    auto until = core::ParseTime(protect->second);
    if (!until.ok()) {
      return {false, "protect-until \"" + protect->second +
                         "\" is not a time (write it like 20261128T160000Z)"};
    }
    if (*until > options.now) {
      return {false, "protect-until " + protect->second + " (in " +
                         core::FormatDuration(*until - options.now) + ")"};
    }
  }
  if (auto expires = tags.find("expires-at"); expires != tags.end()) {
    auto at = core::ParseTime(expires->second);
    if (!at.ok()) {
      return {false, "expires-at \"" + expires->second +
                         "\" is not a time (write it like 20261128T160000Z)"};
    }
    if (*at <= options.now) {
      return {true, "expires-at " + expires->second + " passed " + Ago(options.now - *at)};
    }
    return {false, "expires in " + core::FormatDuration(*at - options.now)};
  }
  if (options.older_than && !create_time.empty()) {
    auto created = core::ParseTime(create_time);
    if (created.ok() && options.now - *created >= *options.older_than) {
      return {true, "no expires-at; created " + Ago(options.now - *created) + " (--older-than " +
                        core::FormatDuration(*options.older_than) + ")"};
    }
  }
  return {false, "no expires-at tag"};
}

std::string EndpointLabel(const std::string& home, const std::string& project,
                          const std::string& service) {
  return project == home || project.empty() ? service : project + "/" + service;
}

core::Address IntegrationAddress(const model::LiveIntegration& i) {
  return core::Address::Integration(
      i.source_project, i.type, i.source_service,
      EndpointLabel(i.source_project, i.dest_project, i.dest_service));
}

class Builder {
 public:
  explicit Builder(ReapPlan& plan) : plan_(plan) { plan_.changeset.kind = "reap"; }

  int Add(const core::Address& address, Request request, Gate gate, std::vector<int> deps,
          const std::string& reason, std::optional<double> hourly) {
    Operation op;
    op.id = static_cast<int>(plan_.changeset.operations.size());
    op.address = address;
    op.action = Action::kDelete;
    op.request = std::move(request);
    op.gate = gate;
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    op.depends_on = std::move(deps);
    plan_.changeset.operations.push_back(std::move(op));
    Change change;
    change.address = address;
    change.action = Action::kDelete;
    change.reason = reason;
    change.hourly_before = hourly;
    plan_.changeset.changes.push_back(std::move(change));
    return plan_.changeset.operations.back().id;
  }

 private:
  ReapPlan& plan_;
};

}  // namespace

ReapPlan PlanReap(const model::LiveState& live, const model::Catalog& catalog,
                  const ReapOptions& options) {
  ReapPlan out;
  Builder builder(out);
  std::map<std::string, std::vector<int>> service_ops_by_project;
  std::set<std::string> reaped_projects;

  // Services first: their verdicts decide whether a project ends up empty.
  struct Reaped {
    const model::LiveService* service;
    std::string reason;
    std::optional<double> hourly;
  };
  std::vector<Reaped> reaped;
  std::map<std::string, int> remaining;  // project -> services that stay
  for (const auto& project : live.projects) {
    remaining[project.name] = 0;
    for (const auto& service : project.services) {
      if (service.state == "DELETED") continue;
      if (!InScope(service.tags, options)) {
        ++remaining[project.name];
        continue;
      }
      ReapItem item;
      item.address = service.address;
      item.plan = TagOr(service.tags, kPlanTag);
      item.expires_at = TagOr(service.tags, kTagExpiresAt);
      Verdict verdict = Judge(service.tags, service.create_time, options);
      if (IsAdopted(service.tags)) {
        item.adopted = true;
        verdict = {false,
                   "adopted, not created by aivenctl: reap never deletes it (aivenctl release "
                   "hands it back)"};
      }
      item.reason = verdict.reason;
      if (verdict.expired && service.termination_protection && !options.force_unprotect) {
        verdict.expired = false;
        item.reason = verdict.reason +
                      ", but termination protection is on (lift it with --force-unprotect, "
                      "or turn off termination_protection on " +
                      service.address.ToString() + ")";
      }
      item.reap = verdict.expired;
      std::optional<double> hourly = catalog.HourlyPrice(service.type, service.plan, service.cloud);
      if (hourly) item.monthly_usd = *hourly * 730;
      if (item.reap) {
        item.already_deleting = service.state == "DELETING";
        if (item.monthly_usd) out.monthly_savings += *item.monthly_usd;
        reaped.push_back({&service, verdict.reason, hourly});
      } else {
        ++remaining[project.name];
      }
      out.items.push_back(std::move(item));
    }
  }

  // Integrations touching a reaped service go first (deduplicated by id).
  std::map<std::string, int> integration_ops;  // id -> op
  std::map<const model::LiveService*, std::vector<int>> deps_of;
  for (const auto& r : reaped) {
    if (r.service->state == "DELETING") continue;  // its integrations go with it
    for (const auto& integration : r.service->integrations) {
      auto [it, fresh] = integration_ops.try_emplace(integration.id, -1);
      if (fresh) {
        it->second = builder.Add(
            IntegrationAddress(integration), IntegrationDelete{integration.id}, Gate::kNone, {},
            "an end is reaped: " + r.service->address.ToString(), std::nullopt);
      }
      deps_of[r.service].push_back(it->second);
    }
  }

  // Projects: owned, expired and left empty.
  std::map<std::string, const model::LiveProject*> project_to_reap;
  for (const auto& project : live.projects) {
    if (!InScope(project.tags, options)) continue;
    ReapItem item;
    item.address = project.address;
    item.plan = TagOr(project.tags, kPlanTag);
    item.expires_at = TagOr(project.tags, kTagExpiresAt);
    Verdict verdict = Judge(project.tags, "", options);
    item.reason = verdict.reason;
    if (verdict.expired && remaining[project.name] > 0) {
      verdict.expired = false;
      item.reason = verdict.reason + ", but " + std::to_string(remaining[project.name]) +
                    " service(s) remain in it";
    }
    item.reap = verdict.expired;
    if (item.reap) project_to_reap[project.name] = &project;
    out.items.push_back(std::move(item));
  }

  for (const auto& r : reaped) {
    ServiceDelete request{.unprotect = r.service->termination_protection};
    bool project_goes = project_to_reap.count(r.service->project) > 0;
    if (r.service->state == "DELETING") {
      // Another run deletes it: nothing to send; wait for it only when its project follows.
      if (!project_goes) continue;
      request.wait_only = true;
    }
    int id = builder.Add(r.service->address, request, project_goes ? Gate::kGone : Gate::kNone,
                         deps_of[r.service], r.reason, r.hourly);
    service_ops_by_project[r.service->project].push_back(id);
  }
  for (const auto& [name, project] : project_to_reap) {
    // Its VPCs go after its services (Aiven holds a VPC a while after its last service is
    // deleted: the gone gate asks again) and before the project.
    std::vector<int> deps = service_ops_by_project[name];
    for (const auto& vpc : project->vpcs) {
      if (vpc.state == "DELETING" || vpc.state == "DELETED") continue;
      const core::Address address = core::Address::Vpc(name, vpc.cloud);
      deps.push_back(builder.Add(address, VpcDelete{vpc.id}, Gate::kGone,
                                 service_ops_by_project[name],
                                 "in project " + name + ", which is reaped", std::nullopt));
      out.items.push_back({.address = address,
                           .reap = true,
                           .reason = "in project " + name + ", which is reaped",
                           .plan = TagOr(project->tags, kPlanTag)});
    }
    Verdict verdict = Judge(project->tags, "", options);
    builder.Add(project->address, ProjectDelete{}, Gate::kNone, deps, verdict.reason, std::nullopt);
  }

  std::sort(out.items.begin(), out.items.end(),
            [](const ReapItem& a, const ReapItem& b) { return a.address < b.address; });
  if (options.expiring_within) {
    // A warning job's list: what reap deletes by then; nothing is deleted now.
    const core::TimePoint by = options.now + *options.expiring_within;
    std::erase_if(out.items, [&](const ReapItem& item) {
      if (item.adopted || item.expires_at.empty()) return true;
      auto at = core::ParseTime(item.expires_at);
      return !at.ok() || *at > by;
    });
    for (auto& item : out.items) item.reap = false;
    out.changeset = Changeset{};
    out.changeset.kind = "reap";
    out.monthly_savings = 0;
    return out;
  }
  std::sort(out.changeset.changes.begin(), out.changeset.changes.end(),
            [](const Change& a, const Change& b) { return a.address < b.address; });
  for (const auto& change : out.changeset.changes) {
    if (change.hourly_before) out.changeset.cost.hourly_before += *change.hourly_before;
  }
  return out;
}

}  // namespace aivenctl::diff
