#pragma once
// Shared state of one planner run (internal to engine/diff).

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/changeset.h"
#include "diff/checks.h"
#include "model/catalog.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::diff::internal {

/// A request a change may need, boxed: most changes are no-ops, and a plan of 100,000
/// resources must not carry three full Requests for each (see bench/diff_bench.cc).
class RequestSlot {
 public:
  /// Holds `request` (any Request alternative).
  template <typename T>
  RequestSlot& operator=(T&& request) {
    value_ = std::make_unique<Request>(std::forward<T>(request));
    return *this;
  }
  /// Empties the slot.
  void reset() { value_.reset(); }
  /// The request, moved out (NoRequest when empty).
  Request Take() { return value_ ? std::move(*value_) : Request(); }

 private:
  std::unique_ptr<Request> value_;
};

/// One change plus what the operation graph needs to run it.
struct Pending {
  Change change;
  RequestSlot create_request;  ///< for create and the second half of a replace
  RequestSlot update_request;  ///< for update
  RequestSlot delete_request;  ///< for delete and the first half of a replace
  Gate create_gate = Gate::kNone;
  Gate update_gate = Gate::kNone;
  Gate delete_gate = Gate::kNone;
  std::string fingerprint;        ///< of the live object ("absent" when there is none)
  bool wait_for_running = false;  ///< a no-op service still building: dependents wait for it
  /// Creates/updates this one's create or update waits for (a service: its VPC).
  std::vector<core::Address> after;
  bool moves_vpc = false;  ///< a service update into or out of a VPC (VPC deletes wait for it)
};

/// The run: inputs, findings, and the changes built so far.
struct Context {
  Context(const model::Plan& p, const model::LiveState& l, const model::Catalog& c)
      : plan(p), live(l), catalog(c), checker(c) {}

  const model::Plan& plan;
  const model::LiveState& live;
  const model::Catalog& catalog;
  CatalogChecker checker;
  core::TimePoint now{};
  std::set<core::Address> allow_replace;
  bool force_unprotect = false;
  bool destroying = false;  ///< PlanDestroy: only deletions
  std::vector<Pending> pending;
  core::Diagnostics errors;
  core::Diagnostics warnings;
  std::set<core::Address> going;  ///< services/endpoints deleted or replaced (children go too)
  bool cost_complete = true;
  std::vector<SecretFromEnv> secrets;  ///< secrets of created services/endpoints read at apply
  std::vector<Unmanaged> unmanaged;    ///< "unmanaged, kept" (unmanaged.cc, integrations)

  void Error(const core::SourcePos& pos, const core::Address& address, std::string message);
  void Warn(const core::SourcePos& pos, const core::Address& address, std::string message);
  /// Appends a change for `address` with `action` and returns it.
  Pending& Add(const core::Address& address, Action action);
  /// USD/h of a service; nullopt (and the cost marked incomplete) when the catalog lacks it,
  /// with a warning unless a desired (`desired`) type, plan or cloud is unknown (that is
  /// an error already). Powered-off services cost nothing.
  std::optional<double> Price(const core::Address& address, const std::string& type,
                              const std::string& plan, const std::string& cloud, bool powered,
                              bool desired);
};

/// Services of one project and their children (services.cc).
void DiffService(Context& cx, const model::Project& project, const model::LiveProject* lp,
                 const model::Service& service);
/// A live service this plan owns that the plan no longer lists (services.cc).
void PruneService(Context& cx, const model::LiveService& ls, const core::SourcePos& pos,
                  const std::string& reason, bool destroying);
/// Children of a service that is created or recreated: all creates (children.cc).
void CreateChildren(Context& cx, const model::Service& s, const std::string& reason);
/// Schema Registry subjects of a created or recreated service: all creates (schemas.cc).
void CreateSchemas(Context& cx, const model::Service& s, const std::string& reason);
/// Schema Registry subjects of a service that stays: create, update, prune (schemas.cc).
void DiffSchemas(Context& cx, const model::Service& s, const model::LiveService& ls);
/// Children of a service that stays (children.cc).
void DiffChildren(Context& cx, const model::Service& s, const model::LiveService& ls);
/// Kafka and Schema Registry ACLs of a kafka service (acls.cc): add, keep, prune, by content.
void CreateAcls(Context& cx, const model::Service& s, const std::string& reason);
void DiffAcls(Context& cx, const model::Service& s, const model::LiveService& ls);
/// Connectors of a service that is created: creates, class checked at apply (connectors.cc).
void CreateConnectors(Context& cx, const model::Service& s, const std::string& reason);
/// Connectors of a service that stays: create, update in place, prune (connectors.cc).
void DiffConnectors(Context& cx, const model::Service& s, const model::LiveService& ls);
/// Changes "deleted with <service>" for the live children of a service that goes away; skips
/// those the plan recreates (children.cc).
void ChildrenGoWith(Context& cx, const model::LiveService& ls, const model::Service* recreated);
/// PgBouncer pools of a service that is created or recreated: all creates (pools.cc).
void CreatePools(Context& cx, const model::Service& s, const std::string& reason);
/// Pools of a service that stays: create, update in place, replace, prune (pools.cc).
void DiffPools(Context& cx, const model::Service& s, const model::LiveService& ls);
/// Plan-time checks of a service's pools against the plan and the live state: the database
/// and the user exist, the size fits the service plan (pools.cc).
void CheckPools(Context& cx, const model::Service& s, const model::LiveService* ls,
                const std::string& cloud);
/// Decides whether a replace is allowed; records the error when not (services.cc).
void CheckReplace(Context& cx, const core::SourcePos& pos, const core::Address& address,
                  const std::vector<FieldChange>& fields, bool protect,
                  const std::string& protect_owner);

/// The project's VPCs: creates, adoption, the readiness wait, prune (vpcs.cc).
void DiffVpcs(Context& cx, const model::Project& project, const model::LiveProject* lp);
/// Deletes for destroy: the VPCs a destroyed project holds or the plan declares (vpcs.cc).
void DestroyVpcs(Context& cx, const model::Project& project, const model::LiveProject& lp,
                 bool project_goes);
/// The cloud of the VPC service `s` of `project` is placed in ("" for none) (vpcs.cc).
std::string VpcCloudOf(const Context& cx, const std::string& project, const model::Service& s);
/// Declared integration endpoints of one project: create, update, replace (endpoints.cc).
void DiffEndpoints(Context& cx, const model::Project& project, const model::LiveProject* lp);
/// Destroy: deletes of the project's declared endpoints that exist (endpoints.cc).
void DestroyEndpoints(Context& cx, const model::Project& project, const model::LiveProject* lp);
/// Live endpoints the plan does not declare: deleted under prune_endpoints when no
/// integration that stays uses them, else "unmanaged, kept" (endpoints.cc). After the
/// integration diff.
void PruneEndpoints(Context& cx);

/// Lists what is live in the plan's projects and declared services but not declared
/// (unmanaged.cc); integrations are listed by the integration diff.
void CollectUnmanaged(Context& cx);

/// Fills cs.operations from the kept changes, moving their requests (graph.cc).
void BuildOperations(std::vector<Pending>& kept, Changeset& cs);
/// Keeps the changes (and diagnostics) in the closure of `targets` and what goes with them;
/// records an error for a target that names nothing (graph.cc).
std::vector<Pending> FilterTargets(std::vector<Pending> all,
                                   const std::vector<core::Address>& targets,
                                   core::Diagnostics& errors, core::Diagnostics& warnings);

/// FieldChanges for every differing key of two tag maps ("tags.<key>").
void DiffTags(const model::Tags& want, const model::Tags& have, std::vector<FieldChange>& out);

}  // namespace aivenctl::diff::internal
