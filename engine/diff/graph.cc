// The operation graph: deletes first in reverse dependency order, then creates and updates in
// dependency order; --target filtering.

#include <algorithm>
#include <map>
#include <set>

#include "diff/fingerprint.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff::internal {
namespace {

bool IsChild(core::Kind k) {
  return k == core::Kind::kDatabase || k == core::Kind::kUser || k == core::Kind::kPool ||
         k == core::Kind::kTopic || k == core::Kind::kKafkaAcl ||
         k == core::Kind::kSchemaRegistryAcl || k == core::Kind::kSchema ||
         k == core::Kind::kConnector;
}

// The service addresses an address touches: itself, its service, or an integration's ends
// (services or endpoints).
std::vector<core::Address> Ends(const core::Address& a) {
  if (a.kind == core::Kind::kIntegration) {
    core::Address src, dst;
    if (IntegrationEnds(a, nullptr, &src, &dst)) return {src, dst};
    return {};
  }
  if (a.kind == core::Kind::kService || a.kind == core::Kind::kEndpoint) return {a};
  if (IsChild(a.kind)) return {a.Parent()};
  return {};
}

}  // namespace

std::vector<Pending> FilterTargets(std::vector<Pending> all,
                                   const std::vector<core::Address>& targets,
                                   core::Diagnostics& errors, core::Diagnostics& warnings) {
  if (targets.empty()) return all;
  std::set<core::Address> closure;
  core::Diagnostics unknown;
  for (const auto& t : targets) {
    bool found = std::any_of(all.begin(), all.end(),
                             [&](const Pending& p) { return p.change.address == t; });
    if (!found) {
      unknown.push_back(
          {core::Severity::kError,
           {},
           "--target " + t.ToString() + " names nothing in the plan or the live state",
           t.ToString()});
      continue;
    }
    closure.insert(t);
    for (const auto& end : Ends(t)) {
      closure.insert(end);
      closure.insert(end.Parent());
    }
    closure.insert(t.Parent());
  }
  auto in_closure = [&](const std::string& text) {
    if (text.empty()) return false;
    auto a = core::Address::Parse(text);
    return a.ok() && closure.contains(*a);
  };
  std::vector<Pending> kept;
  for (auto& p : all) {
    if (closure.contains(p.change.address) || in_closure(p.change.deleted_with)) {
      kept.push_back(std::move(p));
    }
  }
  for (auto* ds : {&errors, &warnings}) {
    std::erase_if(*ds, [&](const core::Diagnostic& d) {
      return !d.address.empty() && !in_closure(d.address);
    });
  }
  errors.insert(errors.end(), unknown.begin(), unknown.end());
  return kept;
}

void BuildOperations(std::vector<Pending>& kept, Changeset& cs) {
  auto& ops = cs.operations;
  std::map<core::Address, int> delete_op, create_op, update_op;
  auto add = [&](Pending& p, Action action) -> Operation& {
    Operation& op = ops.emplace_back();
    op.id = static_cast<int>(ops.size()) - 1;
    op.address = p.change.address;
    op.action = action;
    if (action == Action::kDelete) {
      op.request = p.delete_request.Take();
      op.gate = p.delete_gate;
      delete_op[op.address] = op.id;
    } else if (action == Action::kCreate) {
      op.request = p.create_request.Take();
      op.gate = p.create_gate;
      create_op[op.address] = op.id;
    } else {
      op.request = p.update_request.Take();
      op.gate = p.update_gate;
      update_op[op.address] = op.id;
    }
    return op;
  };
  // Deletes, reverse creation order: connectors, integrations, endpoints, schemas, ACLs,
  // topics, users, databases, services, VPCs, projects. A service or endpoint waits for the
  // deletes of its integrations. A VPC is deleted after the services in its project are
  // deleted; where services of the project move between VPCs, after those updates too (so its
  // delete comes last).
  std::set<std::string> moving;  // projects with a service moving into or out of a VPC
  for (const auto& p : kept) {
    if (p.moves_vpc) moving.insert(p.change.address.parts[0]);
  }
  std::vector<Pending*> deletes, late_vpc_deletes;
  for (auto& p : kept) {
    const Change& c = p.change;
    if ((c.action == Action::kDelete && c.deleted_with.empty()) || c.action == Action::kReplace) {
      const bool late = c.address.kind == core::Kind::kVpc && moving.contains(c.address.parts[0]);
      (late ? late_vpc_deletes : deletes).push_back(&p);
    }
  }
  std::stable_sort(deletes.begin(), deletes.end(), [](Pending* a, Pending* b) {
    return a->change.address.kind > b->change.address.kind;
  });
  std::map<core::Address, std::vector<int>> integration_deletes;  // by end service
  std::map<std::string, std::vector<int>> project_deletes;        // by project name
  std::map<std::string, std::vector<int>> service_deletes;        // by project name
  std::map<core::Address, std::vector<int>> pool_deletes;         // by service
  for (Pending* p : deletes) {
    Operation& op = add(*p, Action::kDelete);
    const core::Address& a = op.address;
    if (a.kind == core::Kind::kService || a.kind == core::Kind::kEndpoint) {
      op.depends_on = integration_deletes[a];
    }
    if (a.kind == core::Kind::kService) service_deletes[a.parts[0]].push_back(op.id);
    if (a.kind == core::Kind::kVpc) op.depends_on = service_deletes[a.parts[0]];
    // A pool goes before the database and user it names (Aiven refuses to drop them first).
    if (a.kind == core::Kind::kPool) pool_deletes[a.Parent()].push_back(op.id);
    if (a.kind == core::Kind::kDatabase || a.kind == core::Kind::kUser) {
      op.depends_on = pool_deletes[a.Parent()];
    }
    if (a.kind == core::Kind::kProject) op.depends_on = project_deletes[a.parts[0]];
    std::set<std::string> projects = {a.parts[0]};
    for (const auto& end : Ends(a)) {
      projects.insert(end.parts[0]);
      if (a.kind == core::Kind::kIntegration) integration_deletes[end].push_back(op.id);
    }
    for (const auto& name : projects) project_deletes[name].push_back(op.id);
    std::sort(op.depends_on.begin(), op.depends_on.end());
  }
  // Creates and updates, in creation order (changes are sorted by address, kind first).
  auto after = [&](Operation& op, const core::Address& a, bool gated_updates) {
    if (auto it = create_op.find(a); it != create_op.end()) {
      op.depends_on.push_back(it->second);
    } else if (auto u = update_op.find(a);
               gated_updates && u != update_op.end() && ops[u->second].gate != Gate::kNone) {
      op.depends_on.push_back(u->second);
    }
  };
  for (auto& p : kept) {
    const Change& c = p.change;
    Action action = c.action == Action::kReplace ? Action::kCreate : c.action;
    if (p.wait_for_running) action = Action::kUpdate;
    if (action != Action::kCreate && action != Action::kUpdate) continue;
    Operation& op = add(p, action);
    const core::Address& a = op.address;
    if (auto it = delete_op.find(a); it != delete_op.end()) op.depends_on.push_back(it->second);
    if (a.kind == core::Kind::kService || a.kind == core::Kind::kVpc ||
        a.kind == core::Kind::kEndpoint) {
      after(op, core::Address::Project(a.parts[0]), false);
    }
    for (const auto& vpc : p.after) after(op, vpc, true);  // a service waits for its VPC
    if (IsChild(a.kind) || a.kind == core::Kind::kIntegration) {
      for (const auto& end : Ends(a)) after(op, end, true);
    }
    // A subject waits for any update of its service: that update may switch the Schema
    // Registry on (user_config.schema_registry), and the registry answers nothing before.
    if (a.kind == core::Kind::kSchema) {
      if (auto u = update_op.find(a.Parent()); u != update_op.end()) {
        op.depends_on.push_back(u->second);
      }
    }
    if (a.kind == core::Kind::kConnector) {
      // Kafka Connect reaches its Kafka through the kafka_connect integration into its
      // service: a connector created in the same run waits for it.
      for (const auto& [integration, id] : create_op) {
        core::Address source, destination;
        if (integration.kind == core::Kind::kIntegration &&
            IntegrationEnds(integration, nullptr, &source, &destination) &&
            destination == a.Parent()) {
          op.depends_on.push_back(id);
        }
      }
    }
    if (a.kind == core::Kind::kPool) {  // after the database and user it names
      std::optional<std::string> database, username;
      if (const auto* c = std::get_if<PoolCreate>(&op.request)) {
        database = c->database, username = c->username;
      } else if (const auto* u = std::get_if<PoolUpdate>(&op.request)) {
        database = u->database, username = u->username;
      }
      if (database)
        after(op, core::Address::Child(core::Kind::kDatabase, a.parts[0], a.parts[1], *database),
              false);
      if (username)
        after(op, core::Address::Child(core::Kind::kUser, a.parts[0], a.parts[1], *username),
              false);
    }
    std::sort(op.depends_on.begin(), op.depends_on.end());
    op.depends_on.erase(std::unique(op.depends_on.begin(), op.depends_on.end()),
                        op.depends_on.end());
    if (p.moves_vpc) service_deletes[a.parts[0]].push_back(op.id);
  }
  for (Pending* p : late_vpc_deletes) {
    Operation& op = add(*p, Action::kDelete);
    op.depends_on = service_deletes[op.address.parts[0]];
    std::sort(op.depends_on.begin(), op.depends_on.end());
  }
}

}  // namespace aivenctl::diff::internal
