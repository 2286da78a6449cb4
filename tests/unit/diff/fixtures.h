#pragma once
// Test fixtures for planner specs: a small catalog (tests/testdata/diff/catalog.json), live
// state from compact JSON, plans from inline YAML, and one rendered string per result.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/planner.h"
#include "model/catalog.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::difftest {

/// The repository root (AIVENCTL_SOURCE_DIR, else compiled in).
std::string SourceDir();
/// The whole file ("" when missing).
std::string ReadFile(const std::string& path);

/// The test catalog: 4 clouds, pg/kafka/kafka_connect/grafana/mysql, 4 integration types.
const model::Catalog& TestCatalog();
/// TestCatalog with Aiven's published user_config schemas (schemas/aiven), as the API and the
/// emulator serve them: `_secure` marks, Python-style patterns and all.
const model::Catalog& AivenSchemaCatalog();

/// Catalog from the emulator-style JSON (service_types map with service_plans, price strings).
model::Catalog CatalogFromJson(const nlohmann::json& j);

/// Live state from compact JSON: {"projects":[{"name","default_cloud"?,"tags"?,"owned"?,
/// "vpcs":[{"id","cloud","network_cidr","state"?}],
/// "services":[{"name","type","plan","cloud"?,"state"?,"owned"?,"tags"?,"user_config"?,...,
/// "project_vpc_id"?,
/// "users":["app" | {...}],"databases":[...],"topics":[{...}],"schemas":[{"subject",
/// "schema","type"?,"version"?,"id"?,"compatibility"?}]}],"integrations":[{"id","type",
/// "source","dest","user_config"?}]}],"absent_projects":[...]}. "owned": true stamps this
/// plan's ownership tags ("test"), a string another plan's. Defaults: state RUNNING, cloud
/// the project's default_cloud (google-europe-west1), avnadmin/defaultdb added.
model::LiveState LiveFromJson(const nlohmann::json& j);

/// Loads inline YAML as "plan.yaml" (fails the test on load errors).
model::Plan LoadPlan(const std::string& yaml);

/// Errors (one "plan.yaml:L:C: error: ..." line each), then the text rendering; with `ops`
/// also one line per operation: "#id action address gate [deps]".
std::string Render(const diff::PlanResult& r, bool ops);

/// One line per operation: "#0 create project:p [] {request}".
std::string RenderOperations(const diff::Changeset& cs, bool requests);

}  // namespace aivenctl::difftest

namespace aivenctl::difftest {

/// One planner spec: plan YAML + live JSON (+ options) -> exact rendered text.
struct Case {
  std::string name;
  std::string yaml;
  std::string live;  ///< LiveFromJson input ("{}": nothing exists)
  std::string expected;
  std::vector<std::string> allow_replace = {};
  std::vector<std::string> targets = {};
  bool destroy = false;
  bool force_unprotect = false;
  bool ops = false;                   ///< also render the operations with their requests
  bool no_integration_types = false;  ///< the catalog's integration types were not read
};

/// The instant every spec plans at: 2026-11-28T12:00:00Z.
core::TimePoint Now();

/// Plans (or destroys) one case and renders it with Render().
std::string RunCase(const Case& c);

}  // namespace aivenctl::difftest
