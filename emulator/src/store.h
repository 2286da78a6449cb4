#pragma once
// The emulator's whole state as one JSON document, changed only through
// transactions that are logged (write-ahead, fsync) before they are acknowledged.
//
// Document layout (names are validated, so they never contain '/'):
//   /clock_offset                  seconds added to the real clock (see clock.h)
//   /next_id                       counter for generated ids
//   /organizations/<org id>        {organization_id, organization_name, account_id, ...}
//   /projects/<project>/project    API fields of the project (project_name, default_cloud, ...)
//   /projects/<project>/tags       {key: value}
//   /projects/<project>/services/<service>                 service record (api_services.cc)
//   /projects/<project>/services/<service>/users/<name>    {username, type, password, ...}
//   /projects/<project>/services/<service>/databases/<db>  {database_name, lc_collate, lc_ctype}
//   /projects/<project>/services/<service>/topics/<topic>  topic record (api_topics.cc)
//   /projects/<project>/services/<service>/acl/<id>        {id, username, topic, permission}
//   /projects/<project>/services/<service>/schema_registry_acl/<id>  {id, username, resource,
//                                                          permission} (api_acls.cc)
//   /projects/<project>/services/<service>/schema_registry Schema Registry (api_schemas.cc)
//   /projects/<project>/services/<service>/connectors/<name>  connector (api_connectors.cc)
//   /projects/<project>/integrations/<id>                  integration record
//   /projects/<project>/endpoints/<id>                     integration endpoint record
//   /projects/<project>/vpcs/<id>                          VPC record
// Times inside records are seconds since the epoch on the emulator clock (doubles).

#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "http.h"

namespace aivenctl::emulator {

/// Builds a JSON pointer string from unescaped segments: Path({"projects", p}).
std::string Path(std::initializer_list<std::string> segments);

/// A write transaction: changes apply to the document at once and are undone if
/// the handler throws; on success they are logged as one WAL record.
class Txn {
 public:
  /// The document (read freely; write only through Set/Erase).
  const Json& doc() const { return doc_; }
  /// Value at `path` or nullptr.
  const Json* Find(const std::string& path) const;
  /// Sets the value at `path` (parents are created as objects).
  void Set(const std::string& path, Json value);
  /// Removes the value at `path` (no-op when absent).
  void Erase(const std::string& path);
  /// A fresh id unique within this store ("<prefix><n>").
  int64_t NextId();

 private:
  friend class Store;
  explicit Txn(Json& doc) : doc_(doc) {}
  void Undo();
  Json& doc_;
  Json ops_ = Json::array();
  std::vector<std::pair<std::string, std::optional<Json>>> undo_;
};

/// Thread-safe: reads share a lock, writes are exclusive and durable.
class Store {
 public:
  /// Memory only when `data_dir` is empty; otherwise loads snapshot + WAL from it.
  /// Returns nullptr and sets *error when the directory cannot be used.
  /// The WAL is folded into the snapshot every `compact_after_records` records.
  static std::unique_ptr<Store> Open(const std::string& data_dir, std::string* error,
                                     size_t compact_after_records = kCompactAfterRecords);
  static constexpr size_t kCompactAfterRecords = 20000;
  ~Store();

  /// Runs `f(const Json& doc)` under a shared lock and returns its result.
  template <typename F>
  auto Read(F&& f) const {
    std::shared_lock lock(mu_);
    return f(static_cast<const Json&>(doc_));
  }

  /// Runs `f(Txn&)` under the exclusive lock. If f throws, every change is undone
  /// and the exception propagates; otherwise the changes are on disk (fsync) before
  /// Write returns.
  template <typename F>
  auto Write(F&& f) {
    std::unique_lock lock(mu_);
    Txn txn(doc_);
    try {
      if constexpr (std::is_void_v<decltype(f(txn))>) {
        f(txn);
        Commit(txn);
      } else {
        auto result = f(txn);
        Commit(txn);
        return result;
      }
    } catch (...) {
      txn.Undo();
      throw;
    }
  }

  /// Replaces the whole state with an empty one (durably).
  void Reset();

 private:
  Store() = default;
  void Commit(Txn& txn);  // appends txn's ops to the WAL (fsync); compacts when large
  void Compact();         // snapshot + atomic rename + WAL truncation

  mutable std::shared_mutex mu_;
  Json doc_;
  std::string dir_;
  std::FILE* wal_ = nullptr;
  size_t wal_records_ = 0;
  size_t compact_after_records_ = kCompactAfterRecords;
};

}  // namespace aivenctl::emulator
