#pragma once
// What route handlers share: state, catalog, clock and settings.

#include <string>

#include "catalog.h"
#include "clock.h"
#include "options.h"
#include "store.h"

namespace aivenctl::emulator {

/// Borrowed references, all outliving the server. Store and Clock are thread-safe;
/// Catalog and Options are read-only.
struct World {
  Store& store;
  const Catalog& catalog;
  Clock& clock;
  const Options& opts;
};

/// Throws the real 404 when the project does not exist (or is not visible).
void RequireProject(const Json& doc, const std::string& project);
/// The service record or the real 404.
const Json& RequireService(const Json& doc, const std::string& project, const std::string& service);

}  // namespace aivenctl::emulator
