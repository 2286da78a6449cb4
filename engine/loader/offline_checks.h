#pragma once
// Offline checks against Aiven's schemas compiled into aivenctl: service types (retired or
// unknown: warnings, plan decides with the live catalog) and topic config keys and values
// (errors at the key's line and column).

#include "core/diagnostic.h"
#include "model/desired.h"

namespace aivenctl::loader {

/// Appends the offline problems of `plan` to `diags`.
void CheckOffline(const model::Plan& plan, core::Diagnostics& diags);

}  // namespace aivenctl::loader
