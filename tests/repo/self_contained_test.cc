// The repository stands alone: no tracked file outside the two generators
// (scripts/gen-openapi-subset, scripts/gen-aiven-schemas) names the development tree's
// shared folder, so nothing in the build, the tests, the scripts or CI can come to depend
// on it (CI clones with that folder beside the repository, where a leftover read would
// stay green).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/process_run.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {
namespace {

namespace fs = std::filesystem;

/// The generators that read Aiven's full description and go-api-schemas: they take the
/// source as an argument and name no folder beside the repository either.
constexpr const char* kGenerator = "scripts/gen-openapi-subset";
constexpr const char* kSchemaGenerator = "scripts/gen-aiven-schemas";

/// The spellings searched for, assembled so that this file does not contain them.
std::vector<std::string> Needles() {
  const std::string folder = std::string("sha") + "red";
  return {"../" + folder, folder + "/aiven-api"};
}

/// Tracked files (relative paths) from `git ls-files`; sets `*ok` false (and returns
/// nothing) when git is absent or `root` is not a work tree.
std::vector<std::string> GitFiles(const std::string& root, bool* ok) {
  std::vector<std::string> files;
  *ok = false;
  const std::string command = "git -C '" + root + "' ls-files -z 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return files;
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status != 0 || out.empty()) return files;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\0', start)) != std::string::npos; start = end + 1) {
    files.push_back(out.substr(start, end - start));
  }
  *ok = true;
  return files;
}

/// Every regular file under `root`, skipping hidden folders and build trees (build*).
std::vector<std::string> TreeFiles(const std::string& root) {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::end(it); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name.starts_with(".") || name.starts_with("build"))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(fs::relative(it->path(), root).string());
  }
  return files;
}

/// "path:line: text" for every line of `files` (relative to `root`) that names the shared
/// folder.
std::vector<std::string> SharedReferences(const std::string& root,
                                          const std::vector<std::string>& files) {
  std::vector<std::string> found;
  const std::vector<std::string> needles = Needles();
  for (const std::string& file : files) {
    std::ifstream in(root + "/" + file, std::ios::binary);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      for (const std::string& needle : needles) {
        if (line.find(needle) != std::string::npos) {
          found.push_back(file + ":" + std::to_string(number) + ": " + line.substr(0, 160));
          break;
        }
      }
    }
  }
  return found;
}

TEST(SelfContained, ScannerFindsAReferenceEvenInTheGenerators) {
  TempDir dir;
  const std::string folder = std::string("sha") + "red";
  dir.Write("tests/a_test.cc", "ok\nconst char* p = \"../" + folder + "/x.json\";\n");
  dir.Write("docs/b.md", "see " + folder + "/aiven-api/REFERENCE.md\n");
  dir.Write(kGenerator, "DEFAULT = '../" + folder + "/aiven-api/openapi.json'\n");
  dir.Write(kSchemaGenerator, "DEFAULT = '../" + folder + "/aiven-api/go-api-schemas'\n");
  dir.Write("build/CMakeCache.txt", "X=../" + folder + "\n");
  dir.Write("README.md", "nothing here: " + folder + "_ptr, " + folder + "/pg\n");
  std::vector<std::string> files = TreeFiles(dir.path());
  EXPECT_THAT(files, ::testing::Not(::testing::Contains("build/CMakeCache.txt")));
  EXPECT_THAT(
      SharedReferences(dir.path(), files),
      ::testing::UnorderedElementsAre(
          "tests/a_test.cc:2: const char* p = \"../" + folder + "/x.json\";",
          "docs/b.md:1: see " + folder + "/aiven-api/REFERENCE.md",
          std::string(kGenerator) + ":1: DEFAULT = '../" + folder + "/aiven-api/openapi.json'",
          std::string(kSchemaGenerator) + ":1: DEFAULT = '../" + folder +
              "/aiven-api/go-api-schemas'"));
}

TEST(SelfContained, NoTrackedFileNamesTheSharedFolder) {
  const std::string root = SourceDir();
  for (const char* generator : {kGenerator, kSchemaGenerator}) {
    ASSERT_TRUE(fs::is_regular_file(root + "/" + generator)) << generator << " is missing";
  }
  bool from_git = false;
  std::vector<std::string> files = GitFiles(root, &from_git);
  if (!from_git) files = TreeFiles(root);
  // A source tree this small would mean the listing went wrong, not that it is clean.
  ASSERT_GT(files.size(), 100u) << (from_git ? "git ls-files" : "the tree walk") << " of " << root;
  std::ostringstream list;
  for (const std::string& ref : SharedReferences(root, files)) list << "\n  " << ref;
  EXPECT_EQ(list.str(), "")
      << "these files name the development tree's shared folder; the repository must "
         "stand alone: use emulator/data/aiven-openapi-subset.json (made by "
      << kGenerator << ") or a file under docs/ instead";
}

}  // namespace
}  // namespace aivenctl::testing
