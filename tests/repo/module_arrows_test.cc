// Module dependencies point one way, as README.md and docs/ARCHITECTURE.md draw them: a
// module's CMakeLists.txt links, and its sources include, only the modules its arrows
// reach. A new arrow is a design decision: change the table below and both pictures.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/process_run.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {
namespace {

namespace fs = std::filesystem;

using Arrows = std::map<std::string, std::set<std::string>>;

/// What each engine module may use (besides itself), the pictures' arrows.
Arrows AllowedArrows() {
  return {
      {"core", {}},
      {"model", {"core"}},
      {"loader", {"model", "core"}},
      {"api", {"model", "core"}},
      {"state", {"api", "model", "core"}},
      {"diff", {"model", "core"}},
      {"exec", {"diff", "api", "model", "core"}},
      {"render", {"exec", "diff", "model", "core"}},
      {"lock", {"api", "diff", "model", "core"}},
      {"cli", {"render", "exec", "diff", "state", "lock", "api", "loader", "model", "core"}},
  };
}

/// "engine/M/file:line: uses N" for each link or include in `root`/engine that the table
/// does not allow; an unknown module folder is reported too.
std::vector<std::string> ForbiddenUses(const std::string& root, const Arrows& allowed) {
  std::vector<std::string> found;
  const std::regex link(R"(\baivenctl_([a-z]+)\b)");
  const std::regex include(R"(^\s*#\s*include\s+"([a-z]+)/)");
  std::error_code ec;
  for (const auto& module : fs::directory_iterator(root + "/engine", ec)) {
    if (!module.is_directory()) continue;
    const std::string name = module.path().filename().string();
    const auto rule = allowed.find(name);
    if (rule == allowed.end()) {
      found.push_back("engine/" + name + ": a module the pictures do not know");
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(module.path(), ec)) {
      if (!entry.is_regular_file()) continue;
      const std::string file = entry.path().filename().string();
      const bool cmake = file == "CMakeLists.txt";
      const std::string ext = entry.path().extension().string();
      if (!cmake && ext != ".cc" && ext != ".h" && ext != ".in") continue;
      std::ifstream in(entry.path());
      std::string line;
      for (int number = 1; std::getline(in, line); ++number) {
        std::vector<std::string> used;
        std::smatch m;
        if (cmake) {
          for (auto it = std::sregex_iterator(line.begin(), line.end(), link);
               it != std::sregex_iterator(); ++it) {
            used.push_back((*it)[1]);
          }
        } else if (std::regex_search(line, m, include)) {
          used.push_back(m[1]);
        }
        for (const std::string& use : used) {
          if (use == name || !allowed.contains(use) || rule->second.contains(use)) continue;
          found.push_back(fs::relative(entry.path(), root).string() + ":" + std::to_string(number) +
                          ": " + name + " uses " + use);
        }
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST(ModuleArrows, TheCheckFindsAnArrowAgainstTheTable) {
  TempDir dir;
  dir.Write("engine/diff/CMakeLists.txt",
            "target_link_libraries(aivenctl_diff PUBLIC aivenctl_model aivenctl_warnings)\n"
            "target_link_libraries(aivenctl_diff PRIVATE aivenctl_state)\n");
  dir.Write("engine/diff/plan.cc",
            "#include \"diff/plan.h\"\n#include \"core/status.h\"\n#include \"loader/x.h\"\n");
  dir.Write("engine/core/status.h", "#include <string>\n");
  EXPECT_EQ(ForbiddenUses(dir.path(), AllowedArrows()),
            (std::vector<std::string>{"engine/diff/CMakeLists.txt:2: diff uses state",
                                      "engine/diff/plan.cc:3: diff uses loader"}));
}

TEST(ModuleArrows, EveryModuleUsesOnlyWhatItsArrowsReach) {
  const std::string root = SourceDir();
  ASSERT_TRUE(fs::is_directory(root + "/engine/diff")) << root;
  std::ostringstream list;
  for (const std::string& use : ForbiddenUses(root, AllowedArrows())) list << "\n  " << use;
  EXPECT_EQ(list.str(), "") << "these break the one-way module arrows of README.md";
}

}  // namespace
}  // namespace aivenctl::testing
