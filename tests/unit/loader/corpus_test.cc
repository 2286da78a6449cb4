// Every case under tests/testdata/invalid/<case>/ is a plan.yaml that must be rejected with
// exactly the diagnostics in expected.txt (rendered as text, no colour, file "plan.yaml").
// AIVENCTL_UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/env.h"
#include "loader/loader.h"
#include "render/diagnostics.h"
#include "test_paths.h"

namespace aivenctl::loader {
namespace {

namespace fs = std::filesystem;
using testing::ReadBytes;
using testing::SourceDir;

std::string Render(const LoadResult& r) {
  render::SourceMap sources{{"plan.yaml", r.source}};
  return render::FormatDiagnostics(r.diagnostics, sources, {});
}

LoadResult LoadCase(const std::string& text) {
  core::MapEnvironment env(std::map<std::string, std::string>{{"HOME", "/home/ci"}});
  LoadOptions options;
  options.env = &env;
  return LoadPlanText("plan.yaml", text, options);
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(SourceDir() + "/tests/testdata/invalid")) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class InvalidCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidCorpus, GivesExactlyTheExpectedDiagnostics) {
  const std::string dir = SourceDir() + "/tests/testdata/invalid/" + GetParam();
  ASSERT_TRUE(fs::exists(dir + "/plan.yaml")) << dir;
  LoadResult result = LoadCase(ReadBytes(dir + "/plan.yaml"));
  EXPECT_FALSE(result.ok()) << "an invalid plan was accepted";
  std::string actual = Render(result);
  if (std::getenv("AIVENCTL_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(dir + "/expected.txt", std::ios::binary) << actual;
  }
  ASSERT_TRUE(fs::exists(dir + "/expected.txt")) << "missing golden file in " << dir;
  EXPECT_EQ(ReadBytes(dir + "/expected.txt"), actual);
}

INSTANTIATE_TEST_SUITE_P(Cases, InvalidCorpus, ::testing::ValuesIn(CaseNames()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(InvalidCorpusSize, HasAtLeastThirtyCases) { EXPECT_GE(CaseNames().size(), 30u); }

// A 10 MB file is generated here rather than committed.
TEST(LargeFile, TenMegabytesIsRefusedBeforeParsing) {
  std::string text = "version: 1\nname: big\nprojects:\n  - name: proj\n    tags:\n";
  for (int i = 0; text.size() < 10u * 1000 * 1000; ++i) {
    text += "      tag" + std::to_string(i) + ": value-value-value-value-value\n";
  }
  LoadResult result = LoadCase(text);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ("plan.yaml: error: file is too large (" + std::to_string(text.size()) +
                " bytes; the limit is 8388608 bytes)\n",
            Render(result));
}

TEST(LargeFile, TenMegabytesOnDiskIsRefusedWithoutReadingIt) {
  const std::string path = ::testing::TempDir() + "/aivenctl_ten_mb.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    std::string line(99, 'x');
    line += '\n';
    for (int i = 0; i < 100'000; ++i) out << line;
  }
  LoadResult result = LoadPlanFile(path, {});
  fs::remove(path);
  ASSERT_EQ(1u, result.diagnostics.size());
  EXPECT_EQ(path + ": error: file is too large (10000000 bytes; the limit is 8388608 bytes)\n",
            render::FormatDiagnostics(result.diagnostics, {}, {}));
}

// Inputs the fuzzer once crashed on (or seeds worth keeping) must load without crashing and
// end with either a plan or at least one error.
TEST(FuzzRegressions, EveryInputLoadsToAPlanOrAnError) {
  int count = 0;
  for (const auto& e :
       fs::directory_iterator(SourceDir() + "/tests/fuzz/regressions/fuzz_loader")) {
    ++count;
    LoadResult r = LoadCase(ReadBytes(e.path().string()));
    EXPECT_TRUE(r.ok() || core::HasErrors(r.diagnostics)) << e.path();
  }
  EXPECT_GE(count, 1);
}

}  // namespace
}  // namespace aivenctl::loader
