#include "loader/cross_plan.h"

#include <map>
#include <string>

namespace aivenctl::loader {
namespace {

std::string Place(const core::SourcePos& pos) {
  return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

struct Claim {
  const model::Plan* plan;
  core::SourcePos pos;
};

}  // namespace

core::Diagnostics CrossPlanWarnings(const std::vector<const model::Plan*>& plans) {
  core::Diagnostics out;
  std::map<std::string, Claim> services;  // "project/service" -> first claim
  std::map<std::string, Claim> created;   // project -> first plan creating it
  auto check = [&](std::map<std::string, Claim>& seen, const std::string& key,
                   const model::Plan& plan, const core::SourcePos& pos,
                   const core::Address& address, const std::string& what, const std::string& hint) {
    auto [it, fresh] = seen.try_emplace(key, Claim{&plan, pos});
    if (fresh || it->second.plan->name == plan.name) return;
    out.push_back({core::Severity::kWarning, pos,
                   address.ToString() + " is " + what + " by plan \"" + plan.name +
                       "\" here and by plan \"" + it->second.plan->name + "\" at " +
                       Place(it->second.pos) + "; two plans would fight over it (" + hint + ")",
                   address.ToString()});
  };
  for (const model::Plan* plan : plans) {
    for (const auto& project : plan->projects) {
      if (project.create) {
        check(created, project.name, *plan, project.pos, project.address, "created",
              "let one plan create it and write \"create: false\" in the other");
      }
      for (const auto& s : project.services) {
        check(services, project.name + "/" + s.name, *plan, s.pos, s.address, "declared",
              "keep it in one plan");
      }
    }
  }
  return out;
}

}  // namespace aivenctl::loader
