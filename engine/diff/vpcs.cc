// Project VPCs. Aiven gives a VPC no name and no tags and allows one per cloud in a
// project, so a VPC is the project's VPC in a cloud (vpc:project/cloud): declared means
// managed; one that already exists in that cloud is adopted (a no-op, never a failing
// create); one live and undeclared is "unmanaged, kept" unless the project says
// `prune: true`. A VPC is deleted only after the services in it are gone or moved out.

#include <string>
#include <vector>

#include "diff/fingerprint.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

// Live services of `lp` placed in `vpc`.
std::vector<const model::LiveService*> ServicesIn(const model::LiveProject& lp,
                                                  const model::LiveVpc& vpc) {
  std::vector<const model::LiveService*> out;
  for (const auto& ls : lp.services) {
    if (!vpc.id.empty() && ls.project_vpc_id == vpc.id) out.push_back(&ls);
  }
  return out;
}

// Services in `vpc` that stay in it after this plan: neither deleted nor moved elsewhere.
std::string Staying(const Context& cx, const model::LiveProject& lp, const model::LiveVpc& vpc) {
  std::string names;
  for (const model::LiveService* ls : ServicesIn(lp, vpc)) {
    if (cx.going.contains(ls->address)) continue;
    const model::Service* s = cx.plan.FindService(lp.name, ls->name);
    if (!cx.destroying && s != nullptr && VpcCloudOf(cx, lp.name, *s) != vpc.cloud) continue;
    names += (names.empty() ? "" : ", ") + ls->name;
  }
  return names;
}

void Delete(Context& cx, const model::LiveVpc& vpc, const std::string& project,
            const std::string& reason) {
  Pending& p = cx.Add(core::Address::Vpc(project, vpc.cloud), Action::kDelete);
  p.change.reason = reason;
  p.change.fields.push_back({"network_cidr", vpc.network_cidr, json(), false});
  p.fingerprint = FingerprintObject(vpc);
  p.delete_request = VpcDelete{vpc.id};
  p.delete_gate = Gate::kGone;
}

}  // namespace

std::string VpcCloudOf(const Context& cx, const std::string& project, const model::Service& s) {
  if (!s.vpc) return "";
  const model::Vpc* v = cx.plan.FindVpc(project, *s.vpc);
  return v == nullptr ? "" : v->cloud;
}

void DiffVpcs(Context& cx, const model::Project& project, const model::LiveProject* lp) {
  for (const auto& v : project.vpcs) {
    if (v.cloud.empty()) continue;  // the loader reported it
    if (auto m = cx.checker.CheckCloud(v.cloud)) {
      cx.Error(model::PosOf(v.key_pos, "cloud", v.pos), v.address,
               v.address.ToString() + ": " + *m);
    }
    const model::LiveVpc* lv = lp == nullptr ? nullptr : lp->FindVpc(v.cloud);
    if (lv == nullptr) {
      Pending& p = cx.Add(v.address, Action::kCreate);
      p.change.fields.push_back({"name", json(), v.name, false});
      p.change.fields.push_back({"network_cidr", json(), v.network_cidr, false});
      p.create_request = VpcCreate{v.network_cidr};
      p.create_gate = Gate::kVpcActive;
      p.fingerprint = kAbsent;
      continue;
    }
    Pending& p = cx.Add(v.address, Action::kNoop);
    p.fingerprint = FingerprintObject(*lv);
    if (lv->network_cidr != v.network_cidr) {
      cx.Error(model::PosOf(v.key_pos, "network_cidr", v.pos), v.address,
               v.address.ToString() + ": network_cidr cannot change in place (\"" +
                   lv->network_cidr + "\" -> \"" + v.network_cidr +
                   "\"); Aiven keeps one VPC per cloud, so write the live block, or move the "
                   "services out, delete the VPC (remove it with prune: true) and add it again");
      continue;
    }
    if (lv->state == "APPROVED") {  // still being built: the services placed in it wait
      p.update_request = VpcWait{};
      p.update_gate = Gate::kVpcActive;
      p.wait_for_running = true;
    }
  }
  if (lp == nullptr) return;
  for (const auto& lv : lp->vpcs) {
    if (lv.state == "DELETING") continue;
    bool declared = false;
    for (const auto& v : project.vpcs) declared = declared || v.cloud == lv.cloud;
    if (declared) continue;
    const core::Address addr = core::Address::Vpc(lp->name, lv.cloud);
    if (!project.prune_vpcs) {
      cx.unmanaged.push_back({addr, "", json(), ""});
      continue;
    }
    const std::string staying = Staying(cx, *lp, lv);
    if (!staying.empty()) {
      cx.Error(project.pos, addr,
               addr.ToString() + " is not in the plan and the project has \"prune: true\", but " +
                   "services stay in it (" + staying +
                   "); move them out (drop their vpc:) or declare the VPC");
      continue;
    }
    Delete(cx, lv, lp->name, "not in the plan, prune: true");
  }
}

void DestroyVpcs(Context& cx, const model::Project& project, const model::LiveProject& lp,
                 bool project_goes) {
  for (const auto& lv : lp.vpcs) {
    if (lv.state == "DELETING") continue;
    bool declared = false;
    for (const auto& v : project.vpcs) declared = declared || v.cloud == lv.cloud;
    if (!declared && !project_goes) continue;
    const core::Address addr = core::Address::Vpc(lp.name, lv.cloud);
    const std::string staying = Staying(cx, lp, lv);
    if (!staying.empty()) {
      cx.Warn(project.pos, addr,
              addr.ToString() + " stays: it holds services this plan does not delete (" + staying +
                  ")");
      continue;
    }
    Delete(cx, lv, lp.name, declared ? "" : "in project " + lp.name + ", which is deleted");
  }
}

}  // namespace aivenctl::diff::internal
