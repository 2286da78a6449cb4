// PgBouncer connection pools of a pg service: plan-time checks (database, user, size by
// plan), create, update in place (PUT), replace, prune.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/suggest.h"
#include "diff/fingerprint.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

const char* kPruned = "not in the plan, prune: true";

void CreatePool(const model::Pool& pool, Pending& p) {
  auto& f = p.change.fields;
  f.push_back({"database", json(), pool.database, false});
  if (pool.username) f.push_back({"user", json(), *pool.username, false});
  if (pool.size) f.push_back({"size", json(), *pool.size, false});
  if (pool.mode) f.push_back({"mode", json(), *pool.mode, false});
  p.create_request = PoolCreate{.name = pool.name,
                                .database = pool.database,
                                .username = pool.username,
                                .size = pool.size,
                                .mode = pool.mode};
}

// `name` among the plan's and the live service's names of one kind, else an error naming
// the pool's key with the nearest names.
void CheckNamed(Context& cx, const model::Pool& pool, const char* key, const char* what,
                const std::string& name, const std::vector<std::string>& known,
                const std::string& service) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  cx.Error(model::PosOf(pool.key_pos, key, pool.pos), pool.address,
           pool.address.ToString() + ": " + what + " " + Quote(name) +
               " is neither in the plan nor in " + service + core::DidYouMean(name, known) +
               "; declare it under the service's " + what + "s:");
}

}  // namespace

void CheckPools(Context& cx, const model::Service& s, const model::LiveService* ls,
                const std::string& cloud) {
  if (s.pools.empty()) return;
  std::vector<std::string> databases, users;
  for (const auto& d : s.databases) databases.push_back(d.name);
  for (const auto& u : s.users) users.push_back(u.name);
  if (ls != nullptr) {
    for (const auto& d : ls->databases) databases.push_back(d.name);
    for (const auto& u : ls->users) users.push_back(u.name);
  } else {
    databases.push_back("defaultdb");  // a new pg service comes with these
    users.push_back("avnadmin");
  }
  for (auto* names : {&databases, &users}) {
    std::sort(names->begin(), names->end());
    names->erase(std::unique(names->begin(), names->end()), names->end());
  }
  const bool databases_known = ls == nullptr || ls->databases_read;
  const std::optional<int> max = cx.catalog.MaxPoolSize(s.type, s.plan, cloud);
  for (const auto& pool : s.pools) {
    if (databases_known) {
      CheckNamed(cx, pool, "database", "database", pool.database, databases, s.address.ToString());
    }
    if (pool.username) {
      CheckNamed(cx, pool, "user", "user", *pool.username, users, s.address.ToString());
    }
    if (max && *max == 0) {
      cx.Error(pool.pos, pool.address,
               pool.address.ToString() + ": plan " + Quote(s.plan) +
                   " has no connection pooling; use a startup, business or premium plan");
    } else if (max && pool.size && *pool.size > *max) {
      cx.Error(model::PosOf(pool.key_pos, "size", pool.pos), pool.address,
               pool.address.ToString() + ": size " + std::to_string(*pool.size) + " is above the " +
                   std::to_string(*max) + " connections of plan " + Quote(s.plan) +
                   " (its max_connections); lower it or choose a larger plan");
    }
  }
}

void CreatePools(Context& cx, const model::Service& s, const std::string& reason) {
  for (const auto& pool : s.pools) {
    Pending& p = cx.Add(pool.address, Action::kCreate);
    p.change.reason = reason;
    CreatePool(pool, p);
  }
}

void DiffPools(Context& cx, const model::Service& s, const model::LiveService& ls) {
  std::set<std::string> names;
  for (const auto& pool : s.pools) {
    names.insert(pool.name);
    const model::LivePool* lp = ls.FindPool(pool.name);
    const std::size_t index = cx.pending.size();
    Pending& p = cx.Add(pool.address, Action::kCreate);
    if (lp == nullptr) {
      CreatePool(pool, p);
      p.fingerprint = kAbsent;
      continue;
    }
    p.fingerprint = FingerprintObject(*lp);
    std::vector<FieldChange> fields;
    PoolUpdate update;
    if (pool.database != lp->database) {
      fields.push_back({"database", lp->database, pool.database, false});
      update.database = pool.database;
    }
    // Unset: each client's own user. A PUT cannot take a pool's user away: replace.
    const std::string want_user = pool.username.value_or("");
    if (want_user != lp->username) {
      const bool clear = want_user.empty();
      fields.push_back({"user", lp->username.empty() ? json() : json(lp->username),
                        clear ? json() : json(want_user), clear});
      if (!clear) update.username = want_user;
    }
    if (pool.size && *pool.size != lp->size) {
      fields.push_back({"size", lp->size, *pool.size, false});
      update.size = pool.size;
    }
    if (pool.mode && *pool.mode != lp->mode) {
      fields.push_back({"mode", lp->mode, *pool.mode, false});
      update.mode = pool.mode;
    }
    const bool replace = std::any_of(fields.begin(), fields.end(),
                                     [](const FieldChange& f) { return f.forces_replace; });
    if (replace) {
      // A pool holds no data: replacing it needs no --allow-replace, only a moment without it.
      CreatePool(pool, cx.pending[index]);
      Pending& r = cx.pending[index];
      r.change.action = Action::kReplace;
      r.change.fields = std::move(fields);
      r.change.reason = "\"user\" cannot be unset in place";
      r.delete_request = PoolDelete{};
      continue;
    }
    p.change.action = fields.empty() ? Action::kNoop : Action::kUpdate;
    p.change.fields = std::move(fields);
    if (p.change.action == Action::kUpdate) p.update_request = std::move(update);
  }
  if (!s.prune) return;  // unlisted pools are "unmanaged, kept" (unmanaged.cc)
  for (const auto& lp : ls.pools) {
    if (names.contains(lp.name)) continue;
    Pending& p = cx.Add(core::Address::Child(core::Kind::kPool, ls.project, ls.name, lp.name),
                        Action::kDelete);
    p.change.reason = kPruned;
    p.fingerprint = FingerprintObject(lp);
    p.delete_request = PoolDelete{};
  }
}

}  // namespace aivenctl::diff::internal
