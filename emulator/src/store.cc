#include "store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace aivenctl::emulator {
namespace {

Json EmptyDoc() {
  return Json{{"clock_offset", 0.0},
              {"next_id", 1},
              {"projects", Json::object()},
              {"organizations", Json::object()}};
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void SetAt(Json& doc, const std::string& path, Json value) {
  doc[Json::json_pointer(path)] = std::move(value);
}

void EraseAt(Json& doc, const std::string& path) {
  const Json::json_pointer ptr(path);
  if (ptr.empty() || !doc.contains(ptr)) return;
  doc[ptr.parent_pointer()].erase(ptr.back());
}

void Apply(Json& doc, const Json& op) {
  if (op.at("op") == "set") {
    SetAt(doc, op.at("path").get<std::string>(), op.at("value"));
  } else {
    EraseAt(doc, op.at("path").get<std::string>());
  }
}

/// Unescaped segments of a JSON pointer string.
std::vector<std::string> SplitPointer(const std::string& path) {
  std::vector<std::string> out;
  Json::json_pointer ptr(path);
  while (!ptr.empty()) {
    out.insert(out.begin(), ptr.back());
    ptr.pop_back();
  }
  return out;
}

bool FsyncPath(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

void Die(const std::string& what) {
  // A write we acknowledged must be durable; if the disk refuses, stop serving
  // rather than answer 2xx for a change that may be lost.
  std::fprintf(stderr, "aiven-emulator: fatal: %s: %s\n", what.c_str(), std::strerror(errno));
  std::abort();
}

}  // namespace

std::string Path(std::initializer_list<std::string> segments) {
  std::string out;
  for (const auto& s : segments) out += "/" + Escape(s);
  return out;
}

const Json* Txn::Find(const std::string& path) const {
  const Json::json_pointer ptr(path);
  return doc_.contains(ptr) ? &doc_.at(ptr) : nullptr;
}

void Txn::Set(const std::string& path, Json value) {
  // Setting creates missing parents: undo must remove the topmost one it creates,
  // not only `path`, or an aborted create leaves an empty parent behind.
  const Json::json_pointer ptr(path);
  Json::json_pointer prefix;
  std::string undo_path;
  for (const auto& segment : SplitPointer(path)) {
    prefix /= segment;
    if (!doc_.contains(prefix)) {
      undo_path = prefix.to_string();
      break;
    }
  }
  if (!undo_path.empty()) {
    undo_.emplace_back(undo_path, std::nullopt);
  } else {
    undo_.emplace_back(path, doc_.at(ptr));
  }
  ops_.push_back({{"op", "set"}, {"path", path}, {"value", value}});
  SetAt(doc_, path, std::move(value));
}

void Txn::Erase(const std::string& path) {
  const Json* old = Find(path);
  if (!old) return;
  undo_.emplace_back(path, *old);
  ops_.push_back({{"op", "erase"}, {"path", path}});
  EraseAt(doc_, path);
}

int64_t Txn::NextId() {
  const int64_t id = doc_.value("next_id", int64_t{1});
  Set("/next_id", id + 1);
  return id;
}

void Txn::Undo() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
    if (it->second) {
      SetAt(doc_, it->first, *it->second);
    } else {
      EraseAt(doc_, it->first);
    }
  }
  undo_.clear();
  ops_ = Json::array();
}

std::unique_ptr<Store> Store::Open(const std::string& data_dir, std::string* error,
                                   size_t compact_after_records) {
  std::unique_ptr<Store> store(new Store());
  store->compact_after_records_ = std::max<size_t>(1, compact_after_records);
  store->doc_ = EmptyDoc();
  if (data_dir.empty()) return store;
  store->dir_ = data_dir;
  ::mkdir(data_dir.c_str(), 0700);
  struct stat st {};
  if (::stat(data_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *error = "--data-dir " + data_dir + " is not a usable directory";
    return nullptr;
  }
  const std::string snapshot = data_dir + "/snapshot.json";
  if (std::ifstream in(snapshot); in) {
    try {
      in >> store->doc_;
    } catch (const std::exception& e) {
      *error = snapshot + ": corrupt snapshot: " + e.what();
      return nullptr;
    }
  }
  const std::string wal = data_dir + "/wal.jsonl";
  if (std::ifstream in(wal); in) {
    std::string line;
    while (std::getline(in, line)) {
      // A torn last line was never acknowledged (fsync precedes the answer): stop there.
      const Json ops = Json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (ops.is_discarded() || !ops.is_array()) break;
      for (const auto& op : ops) Apply(store->doc_, op);
      ++store->wal_records_;
    }
  }
  // Rewrite state compactly so a torn tail never lingers in the log.
  store->Compact();
  return store;
}

Store::~Store() {
  if (wal_) std::fclose(wal_);
}

void Store::Commit(Txn& txn) {
  if (txn.ops_.empty() || dir_.empty()) return;
  const std::string line = txn.ops_.dump() + "\n";
  if (std::fwrite(line.data(), 1, line.size(), wal_) != line.size() || std::fflush(wal_) != 0 ||
      ::fsync(::fileno(wal_)) != 0) {
    Die("writing the write-ahead log");
  }
  if (++wal_records_ >= compact_after_records_) Compact();
}

void Store::Compact() {
  if (dir_.empty()) return;
  const std::string tmp = dir_ + "/snapshot.json.tmp";
  const std::string snapshot = dir_ + "/snapshot.json";
  {
    std::FILE* f = std::fopen(tmp.c_str(), "w");
    if (!f) Die("creating " + tmp);
    const std::string text = doc_.dump();
    if (std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fflush(f) != 0 ||
        ::fsync(::fileno(f)) != 0) {
      Die("writing " + tmp);
    }
    std::fclose(f);
  }
  if (::rename(tmp.c_str(), snapshot.c_str()) != 0) Die("renaming the snapshot");
  FsyncPath(dir_);
  // Ops are absolute sets and erases, so replaying an old WAL over the new snapshot
  // (a crash right here) gives the same state.
  if (wal_) std::fclose(wal_);
  wal_ = std::fopen((dir_ + "/wal.jsonl").c_str(), "w");
  if (!wal_) Die("opening the write-ahead log");
  FsyncPath(dir_);
  wal_records_ = 0;
}

void Store::Reset() {
  Write([](Txn& txn) {
    const double offset = txn.doc().value("clock_offset", 0.0);
    for (const char* key : {"projects", "organizations"})
      txn.Set(std::string("/") + key, Json::object());
    txn.Set("/next_id", 1);
    txn.Set("/clock_offset", offset);
  });
}

}  // namespace aivenctl::emulator
