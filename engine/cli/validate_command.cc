#include "cli/validate_command.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "loader/cross_plan.h"
#include "loader/loader.h"
#include "render/diagnostics.h"

namespace aivenctl::cli {
namespace {

std::string Summary(const model::Plan& plan) {
  model::PlanCounts c = model::Count(plan);
  std::string out =
      render::Plural(c.projects, "project") + ", " + render::Plural(c.services, "service");
  if (c.databases > 0) out += ", " + render::Plural(c.databases, "database");
  if (c.users > 0) out += ", " + render::Plural(c.users, "user");
  if (c.topics > 0) out += ", " + render::Plural(c.topics, "topic");
  if (c.acls > 0)
    out += ", " + std::to_string(c.acls) + (c.acls == 1 ? " ACL entry" : " ACL entries");
  if (c.schemas > 0) out += ", " + render::Plural(c.schemas, "schema subject");
  if (c.connectors > 0) out += ", " + render::Plural(c.connectors, "connector");
  if (c.pools > 0) out += ", " + render::Plural(c.pools, "pool");
  if (c.integrations > 0) out += ", " + render::Plural(c.integrations, "integration");
  return out;
}

}  // namespace

bool ExpandPlanPaths(const std::vector<std::string>& paths, std::vector<std::string>& files,
                     std::string& problem) {
  namespace fs = std::filesystem;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      if ((ext == ".yaml" || ext == ".yml") && !entry.is_directory()) {
        found.push_back(entry.path().string());
      }
    }
    if (ec) {
      problem = "cannot read directory " + path + ": " + ec.message();
      return false;
    }
    if (found.empty()) {
      problem = "no plan files (*.yaml, *.yml) in " + path;
      return false;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return true;
}

int RunValidate(const std::vector<std::string>& files, const GlobalOptions& options, Io& io) {
  loader::LoadOptions load;
  load.vars = options.vars;
  load.env = &io.env;
  bool all_valid = true;
  nlohmann::json report = {{"valid", true},
                           {"files", nlohmann::json::array()},
                           {"diagnostics", nlohmann::json::array()}};
  render::TextStyle style{options.color};
  std::vector<model::Plan> loaded;  // for the checks across files
  render::SourceMap all_sources;
  loaded.reserve(files.size());
  for (const auto& file : files) {
    loader::LoadResult result = loader::LoadPlanFile(file, load);
    if (result.ok()) loaded.push_back(*result.plan);
    if (files.size() > 1) all_sources[file] = result.source;
    int errors = 0, warnings = 0;
    for (const auto& d : result.diagnostics) {
      (d.severity == core::Severity::kError ? errors : warnings)++;
    }
    all_valid = all_valid && result.ok();
    if (options.format == "json") {
      for (const auto& d : result.diagnostics) {
        report["diagnostics"].push_back(render::DiagnosticToJson(d));
      }
      report["files"].push_back(
          {{"file", file}, {"valid", result.ok()}, {"errors", errors}, {"warnings", warnings}});
      continue;
    }
    render::SourceMap sources;
    sources[file] = std::move(result.source);
    io.out << render::FormatDiagnostics(result.diagnostics, sources, style);
    if (result.ok()) {
      io.out << file << ": valid (" << Summary(*result.plan);
      if (warnings > 0) io.out << "; " << render::Plural(warnings, "warning");
      io.out << ")\n";
    } else {
      io.out << file << ": invalid (" << render::Plural(errors, "error") << ", "
             << render::Plural(warnings, "warning") << ")\n";
    }
  }
  std::vector<const model::Plan*> plans;
  for (const auto& p : loaded) plans.push_back(&p);
  const core::Diagnostics across = loader::CrossPlanWarnings(plans);
  if (options.format == "json") {
    for (const auto& d : across) report["diagnostics"].push_back(render::DiagnosticToJson(d));
  } else if (!across.empty()) {
    io.out << "\n" << render::FormatDiagnostics(across, all_sources, style);
  }
  if (options.format == "json") {
    report["valid"] = all_valid;
    io.out << report.dump(2) << "\n";
  }
  return all_valid ? kExitOk : kExitInvalid;
}

}  // namespace aivenctl::cli
