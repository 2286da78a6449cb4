#pragma once
// A saved changeset checked against the live state before `apply CHANGESET.json`: which
// objects it read have changed since, and, when a run of it was interrupted
// (`apply CHANGESET.json --resume`), the operations still left to do. Pure.

#include <string>
#include <vector>

#include "diff/changeset.h"
#include "model/live.h"

namespace aivenctl::diff {

/// One line per object whose fingerprint in `cs` no longer matches `live`, sorted by
/// address: "ADDRESS: changed" / "now exists" / "no longer exists". With `resuming`, the
/// objects the changeset itself changes (every change that is not a no-op) are left out:
/// the interrupted run changed them.
std::vector<std::string> StaleObjects(const Changeset& cs, const model::LiveState& live,
                                      bool resuming);

/// `cs` without the operations an interrupted run of it already did, judged by `live`: a
/// create whose object exists (a service's that is not RUNNING yet becomes a wait for it, so
/// what depends on it still waits) and a delete whose object is gone. Updates stay (sending them
/// again is harmless). Ids are renumbered; dependencies on dropped operations are dropped.
Changeset Remaining(const Changeset& cs, const model::LiveState& live);

}  // namespace aivenctl::diff
