#pragma once
// Data files compiled into the emulator (see emulator/CMakeLists.txt), so an installed
// aiven-emulator needs no files beside it.

#include <string_view>

namespace aivenctl::emulator {

/// emulator/data/catalog.json as it was at build time.
std::string_view EmbeddedCatalog();
/// emulator/data/aiven-openapi-subset.json as it was at build time.
std::string_view EmbeddedOpenApiSubset();

}  // namespace aivenctl::emulator
