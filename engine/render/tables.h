#pragma once
// Tables for people (aligned columns) and the matching JSON for tools: clouds, projects
// and per-endpoint request statistics. Rendering decides nothing.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/catalog.h"
#include "model/live.h"

namespace aivenctl::render {

/// A table: a header row and data rows of the same width.
struct Table {
  std::vector<std::string> headers;            ///< column titles (printed upper-case)
  std::vector<std::vector<std::string>> rows;  ///< cells; missing cells print empty
  std::vector<bool> right_aligned;             ///< per column (numbers); default left
};

/// Columns padded to their widest cell, two spaces apart, no trailing spaces; one line
/// per row, each ending in a newline. Widths count UTF-8 characters.
std::string FormatTable(const Table& table);

/// NAME, PROVIDER, REGION, DESCRIPTION, sorted as given.
Table CloudsTable(const std::vector<model::Cloud>& clouds);
/// {"clouds": [{"name", "provider", "geo_region", "description"}]}.
nlohmann::json CloudsJson(const std::vector<model::Cloud>& clouds);

/// NAME, ROLES (comma-separated), DEFAULT CLOUD, TAGS (k=v, comma-separated).
Table ProjectsTable(const std::vector<model::ProjectInfo>& projects);
/// {"projects": [{"name", "roles": [...], "default_cloud", "tags": {...}}]}.
nlohmann::json ProjectsJson(const std::vector<model::ProjectInfo>& projects);

/// Requests and time of one endpoint, for --stats.
struct EndpointTiming {
  std::string endpoint;  ///< "GET /v1/project/{project}/service"
  int64_t requests = 0;  ///< HTTP exchanges, retries included
  int64_t retries = 0;   ///< of which retries
  int64_t failures = 0;  ///< calls that did not succeed
  int64_t time_ms = 0;   ///< summed transfer time
};

/// "api: N requests, T ms transfer time" and a table of endpoints (requests, retries,
/// failures, time), for stderr at the end of a command.
std::string FormatStats(const std::vector<EndpointTiming>& endpoints);

}  // namespace aivenctl::render
