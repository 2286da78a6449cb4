#pragma once
// What a run locks, as PostgreSQL advisory-lock keys. A plan command holds its plan's key
// in each of its projects, and the "every plan" key shared; a reap of everything (no
// --plan or no --project) holds the "every plan" key alone, so it waits for every
// locked run and they wait for it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aivenctl::lock {

/// What a run is about to change.
struct Scope {
  std::string plan;                   ///< the plan name; "" = every plan
  std::vector<std::string> projects;  ///< its projects; empty = every project
};

/// One advisory lock to take.
struct LockKey {
  int64_t key = 0;        ///< pg_advisory_lock's bigint
  bool exclusive = true;  ///< false: the shared form (pg_advisory_lock_shared)
  std::string what;       ///< "plan ci-42 in project demo", "every plan"
};

/// The first 64 bits of sha256("aivenctl-lock\n" + text), as a signed bigint.
int64_t KeyOf(std::string_view text);

/// The locks for `scope`, in the order to take them (the "every plan" key first, then by
/// key), so two runs never wait for each other in a circle.
std::vector<LockKey> KeysFor(const Scope& scope);

}  // namespace aivenctl::lock
