// Every plan file shipped in plans/ and examples/ loads without any diagnostic, and every
// other YAML file in examples/ (CI and scheduler configuration) is well-formed YAML.

#include <filesystem>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "render/diagnostics.h"
#include "spec_helpers.h"
#include "test_paths.h"

namespace aivenctl::loader {
namespace {

namespace fs = std::filesystem;
using testing::ReadBytes;
using testing::SourceDir;

constexpr const char* kSchemaHeader = "# yaml-language-server: $schema=";

std::vector<fs::path> YamlFilesUnder(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsPlanFile(const std::string& text) { return text.rfind(kSchemaHeader, 0) == 0; }

void ExpectCleanPlan(const fs::path& path) {
  LoadOptions options;
  // Plans must validate without any CI variables set, only the secrets they read (a secret
  // has no default: plans/pr-platform.yaml's Prometheus password).
  core::MapEnvironment env;
  env.Set("PROMETHEUS_PASSWORD", "validate-only");
  options.env = &env;
  LoadResult r = LoadPlanFile(path.string(), options);
  render::SourceMap sources{{path.string(), r.source}};
  EXPECT_TRUE(r.ok() && r.diagnostics.empty())
      << render::FormatDiagnostics(r.diagnostics, sources, {});
}

TEST(ShippedPlans, EveryPlanInPlansValidatesCleanlyAndHasTheSchemaHeader) {
  auto files = YamlFilesUnder(SourceDir() + "/plans");
  EXPECT_GE(files.size(), 4u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    std::string text = ReadBytes(f.string());
    EXPECT_EQ(0u, text.rfind("# yaml-language-server: $schema=../schemas/plan.schema.json\n", 0));
    ExpectCleanPlan(f);
  }
}

TEST(ShippedPlans, ExamplePlansValidateAndCiFilesAreWellFormedYaml) {
  int plans = 0, others = 0;
  for (const auto& f : YamlFilesUnder(SourceDir() + "/examples")) {
    SCOPED_TRACE(f.string());
    std::string text = ReadBytes(f.string());
    if (IsPlanFile(text)) {
      ++plans;
      ExpectCleanPlan(f);
      continue;
    }
    ++others;
    try {
      auto docs = YAML::LoadAll(text);
      EXPECT_FALSE(docs.empty());
      for (const auto& d : docs) EXPECT_TRUE(d.IsMap());
    } catch (const YAML::Exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
  EXPECT_GE(plans, 3);
  EXPECT_GE(others, 3);
}

}  // namespace
}  // namespace aivenctl::loader
