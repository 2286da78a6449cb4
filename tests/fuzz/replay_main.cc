// Replays a fuzz target's seed corpus and kept regression inputs (every file under
// tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/) through the target's
// LLVMFuzzerTestOneInput as a normal test, so the inputs that once crashed are checked on
// every run, with any compiler. A target aborts on a broken invariant, which fails the test.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

int ReplayFolder(const fs::path& dir) {
  int count = 0;
  if (!fs::exists(dir)) return 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(e.path().string());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++count;
  }
  return count;
}

TEST(FuzzReplay, SeedCorpus) {
  EXPECT_GE(ReplayFolder(fs::path(AIVENCTL_FUZZ_DIR) / "corpus" / AIVENCTL_FUZZ_TARGET), 1);
}

TEST(FuzzReplay, Regressions) {
  ReplayFolder(fs::path(AIVENCTL_FUZZ_DIR) / "regressions" / AIVENCTL_FUZZ_TARGET);
}

}  // namespace
