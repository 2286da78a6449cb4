#pragma once
// Checks across plan files validated together: two plans (different names) that claim one
// service, or that both create one project. Sharing a `create: false` project is normal.

#include <vector>

#include "core/diagnostic.h"
#include "model/desired.h"

namespace aivenctl::loader {

/// Warnings for `plans` (in the order given), each at the later plan's place and naming the
/// earlier one's file:line:col. Plans with the same name are one plan split or copied and
/// are not compared.
core::Diagnostics CrossPlanWarnings(const std::vector<const model::Plan*>& plans);

}  // namespace aivenctl::loader
