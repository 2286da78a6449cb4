#include "cli/clouds_command.h"

#include "cli/connection.h"
#include "render/tables.h"

namespace aivenctl::cli {

int RunClouds(const GlobalOptions& options, Io& io) {
  auto connection = Connection::Open(options, io, TokenNeed::kOptional);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return kExitInvalid;
  }
  auto clouds = (*connection)->api().ListClouds();
  if (!clouds.ok()) {
    io.err << "aivenctl: " << (*connection)->FailureMessage("", clouds.status()) << "\n";
    return kExitInvalid;
  }
  if (options.format == "json") {
    io.out << render::CloudsJson(*clouds).dump(2) << "\n";
  } else {
    io.out << render::FormatTable(render::CloudsTable(*clouds));
  }
  return kExitOk;
}

}  // namespace aivenctl::cli
