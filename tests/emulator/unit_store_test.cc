// Store: transactions (undo on exception), WAL replay, torn WAL tails, compaction.

#include "store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace aivenctl::emulator {
namespace {

using testing::TempDir;

std::unique_ptr<Store> OpenOrDie(const std::string& dir, size_t compact_after = 0) {
  std::string error;
  auto store = compact_after ? Store::Open(dir, &error, compact_after) : Store::Open(dir, &error);
  EXPECT_NE(store, nullptr) << error;
  return store;
}

Json Doc(const Store& store) {
  return store.Read([](const Json& d) { return d; });
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(StorePath, EscapesPointerCharacters) {
  EXPECT_EQ(Path({"projects", "a/b", "x~y"}), "/projects/a~1b/x~0y");
}

TEST(StoreTxn, UndoOnExceptionRestoresTheDocumentExactly) {
  auto store = OpenOrDie("");
  store->Write([](Txn& t) {
    t.Set("/projects/p1", Json{{"project", {{"project_name", "p1"}}}, {"tags", {{"a", "1"}}}});
  });
  const Json before = Doc(*store);
  EXPECT_THROW(store->Write([](Txn& t) {
    t.Set("/projects/p1/tags/a", "2");               // overwrite
    t.Set("/projects/p1/tags/b", "new");             // add to an existing object
    t.Set("/projects/p2/services/s1/topics/t1", 1);  // creates several parents
    t.Set("/projects/p2/services/s1/topics/t1", 2);  // the same path twice
    t.Erase("/projects/p1/project");                 // remove
    t.Erase("/projects/nope");                       // no-op
    t.NextId();
    t.NextId();
    throw std::runtime_error("handler failed");
  }),
               std::runtime_error);
  EXPECT_EQ(Doc(*store), before) << Doc(*store).dump(1);
}

TEST(StoreTxn, ApiErrorPropagatesAndUndoes) {
  auto store = OpenOrDie("");
  const Json before = Doc(*store);
  try {
    store->Write([](Txn& t) {
      t.Set("/organizations/org1", Json{{"organization_id", "org1"}});
      throw ApiError{409, "exists", ""};
    });
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status, 409);
  }
  EXPECT_EQ(Doc(*store), before);
}

TEST(StoreTxn, WriteReturnsTheHandlersValueAndNextIdCounts) {
  auto store = OpenOrDie("");
  const int64_t a = store->Write([](Txn& t) { return t.NextId(); });
  const int64_t b = store->Write([](Txn& t) { return t.NextId(); });
  EXPECT_EQ(b, a + 1);
}

TEST(StoreDurability, WritesSurviveReopen) {
  TempDir dir("store-test-");
  Json expected;
  {
    auto store = OpenOrDie(dir.path());
    store->Write([](Txn& t) {
      t.Set("/projects/p1", Json{{"tags", Json::object()}, {"services", Json::object()}});
    });
    store->Write([](Txn& t) { t.Set("/projects/p1/tags/k", "v"); });
    store->Write([](Txn& t) {
      t.Set("/projects/p2", Json::object());
      t.Erase("/projects/p2");
    });
    store->Write([](Txn& t) { t.Set("/clock_offset", 3600.5); });
    expected = Doc(*store);
  }
  auto reopened = OpenOrDie(dir.path());
  EXPECT_EQ(Doc(*reopened), expected);
}

TEST(StoreDurability, MemoryOnlyWritesNoFiles) {
  TempDir dir("store-test-");
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  {
    auto store = OpenOrDie("");
    store->Write([](Txn& t) { t.Set("/projects/p1", Json::object()); });
  }
  std::filesystem::current_path(cwd);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(StoreDurability, FailedTransactionIsNotLogged) {
  TempDir dir("store-test-");
  {
    auto store = OpenOrDie(dir.path());
    store->Write([](Txn& t) { t.Set("/projects/kept", Json::object()); });
    EXPECT_THROW(store->Write([](Txn& t) {
      t.Set("/projects/lost", Json::object());
      throw std::runtime_error("no");
    }),
                 std::runtime_error);
  }
  auto reopened = OpenOrDie(dir.path());
  const Json doc = Doc(*reopened);
  EXPECT_TRUE(doc["projects"].contains("kept"));
  EXPECT_FALSE(doc["projects"].contains("lost"));
}

TEST(StoreDurability, TornLastWalLineIsIgnored) {
  TempDir dir("store-test-");
  Json expected;
  {
    auto store = OpenOrDie(dir.path());
    for (int i = 0; i < 5; ++i) {
      store->Write([i](Txn& t) { t.Set(Path({"projects", "p" + std::to_string(i)}), i); });
    }
    expected = Doc(*store);
  }
  {
    std::ofstream wal(dir.File("wal.jsonl"), std::ios::app);
    wal << R"([{"op":"set","path":"/projects/torn","val)";  // no newline, cut mid-record
  }
  {
    auto reopened = OpenOrDie(dir.path());
    EXPECT_EQ(Doc(*reopened), expected);
    // Writing after the torn tail must not glue onto it.
    reopened->Write([](Txn& t) { t.Set("/projects/after", true); });
    expected = Doc(*reopened);
  }
  auto again = OpenOrDie(dir.path());
  EXPECT_EQ(Doc(*again), expected);
}

TEST(StoreDurability, ReplayingTheWalOverItsSnapshotIsIdempotent) {
  // A crash between the snapshot rename and the WAL truncation replays the old WAL
  // over the new snapshot: the ops are absolute, so the result is the same.
  TempDir dir("store-test-");
  Json expected;
  std::string wal;
  {
    auto store = OpenOrDie(dir.path());
    store->Write([](Txn& t) { t.Set("/projects/p1", Json{{"tags", {{"a", "1"}}}}); });
    store->Write([](Txn& t) { t.Set("/projects/p1/tags/b", "2"); });
    store->Write([](Txn& t) { t.Erase("/projects/p1/tags/a"); });
    store->Write([](Txn& t) {
      t.Set("/projects/p2/services/s", Json::object());
      t.NextId();
    });
    store->Write([](Txn& t) { t.Erase("/projects/p2"); });
    expected = Doc(*store);
    wal = ReadFile(dir.File("wal.jsonl"));
  }
  ASSERT_FALSE(wal.empty());
  // Snapshot with the final state (what Compact writes), then the old WAL again.
  std::ofstream(dir.File("snapshot.json")) << expected.dump();
  std::ofstream(dir.File("wal.jsonl")) << wal;
  auto reopened = OpenOrDie(dir.path());
  EXPECT_EQ(Doc(*reopened), expected);
}

TEST(StoreDurability, CompactionKeepsEverythingAndTruncatesTheWal) {
  TempDir dir("store-test-");
  constexpr size_t kCompactAfter = 50;
  Json expected;
  {
    auto store = OpenOrDie(dir.path(), kCompactAfter);
    for (int i = 0; i < 237; ++i) {
      store->Write([i](Txn& t) {
        t.Set(Path({"projects", "p" + std::to_string(i % 40), "n"}), i);
        if (i % 7 == 0) t.Erase(Path({"projects", "p" + std::to_string((i + 3) % 40)}));
        t.NextId();
      });
    }
    expected = Doc(*store);
    // 237 records with a compaction every 50: the WAL holds only the last 37.
    const std::string wal = ReadFile(dir.File("wal.jsonl"));
    EXPECT_EQ(std::count(wal.begin(), wal.end(), '\n'), 237 % kCompactAfter);
    EXPECT_TRUE(std::filesystem::exists(dir.File("snapshot.json")));
    EXPECT_FALSE(std::filesystem::exists(dir.File("snapshot.json.tmp")));
  }
  auto reopened = OpenOrDie(dir.path());
  EXPECT_EQ(Doc(*reopened), expected);
  EXPECT_EQ(Doc(*reopened)["next_id"], 238);
}

TEST(StoreDurability, ResetKeepsTheClockOffsetAndIsDurable) {
  TempDir dir("store-test-");
  {
    auto store = OpenOrDie(dir.path());
    store->Write([](Txn& t) {
      t.Set("/clock_offset", 120.0);
      t.Set("/projects/p1", Json::object());
      t.NextId();
    });
    store->Reset();
  }
  auto reopened = OpenOrDie(dir.path());
  const Json doc = Doc(*reopened);
  EXPECT_EQ(doc["clock_offset"], 120.0);
  EXPECT_EQ(doc["projects"], Json::object());
  EXPECT_EQ(doc["next_id"], 1);
}

TEST(StoreDurability, UnusableDirectoryIsAnError) {
  TempDir dir("store-test-");
  std::ofstream(dir.File("file")) << "x";
  std::string error;
  EXPECT_EQ(Store::Open(dir.File("file"), &error), nullptr);
  EXPECT_NE(error.find("not a usable directory"), std::string::npos) << error;
}

TEST(StoreDurability, CorruptSnapshotIsAnError) {
  TempDir dir("store-test-");
  std::ofstream(dir.File("snapshot.json")) << "{not json";
  std::string error;
  EXPECT_EQ(Store::Open(dir.path(), &error), nullptr);
  EXPECT_NE(error.find("corrupt snapshot"), std::string::npos) << error;
}

}  // namespace
}  // namespace aivenctl::emulator
