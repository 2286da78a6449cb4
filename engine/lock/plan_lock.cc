#include "lock/plan_lock.h"

#include <algorithm>

#include "core/duration.h"

namespace aivenctl::lock {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

/// The schema, statement by statement (one transaction, under a lock of its own so that
/// runners starting together do not race on CREATE TABLE).
constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS aivenctl_lock_holders ("
    " lock_key bigint NOT NULL, backend_pid integer NOT NULL, host text NOT NULL,"
    " pid integer NOT NULL, command text NOT NULL,"
    " since timestamptz NOT NULL DEFAULT clock_timestamp(),"
    " PRIMARY KEY (lock_key, backend_pid))",
    "CREATE TABLE IF NOT EXISTS aivenctl_meta (name text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS aivenctl_rate_window ("
    " token_hash text PRIMARY KEY, rate double precision NOT NULL DEFAULT 0,"
    " next_at timestamptz NOT NULL DEFAULT 'epoch',"
    " paused_until timestamptz NOT NULL DEFAULT 'epoch',"
    " last_decrease timestamptz NOT NULL DEFAULT 'epoch',"
    " last_change timestamptz NOT NULL DEFAULT 'epoch',"
    " window_start timestamptz NOT NULL DEFAULT clock_timestamp(),"
    " window_count bigint NOT NULL DEFAULT 0)",
    "INSERT INTO aivenctl_meta (name, value)"
    " VALUES ('salt', md5(random()::text || clock_timestamp()::text))"
    " ON CONFLICT (name) DO NOTHING",
};

/// One attempt at every key at once: one boolean per key.
std::string TrySql(const std::vector<LockKey>& keys) {
  std::string sql = "SELECT ";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += keys[i].exclusive ? "pg_try_advisory_lock(" : "pg_try_advisory_lock_shared(";
    sql += "$" + std::to_string(i + 1) + "::bigint)";
  }
  return sql;
}

/// "plan x in project y, held by `aivenctl apply x.yaml` (host h, pid 1) since T".
core::Result<std::string> Describe(Database& db, const LockKey& key) {
  auto rows = db.Query(
      "SELECT host, pid::text, command,"
      " to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
      " FROM aivenctl_lock_holders WHERE lock_key = $1::bigint"
      " AND backend_pid <> pg_backend_pid()"
      " AND backend_pid IN (SELECT pid FROM pg_stat_activity) ORDER BY since LIMIT 4",
      {std::to_string(key.key)});
  if (!rows.ok()) return rows.status();
  std::string text = key.what + ", held by ";
  if (rows->empty()) return text + "another session";
  const size_t shown = std::min<size_t>(rows->size(), 3);
  for (size_t i = 0; i < shown; ++i) {
    const Row& r = (*rows)[i];
    if (i > 0) text += i + 1 == shown && rows->size() <= 3 ? " and " : ", ";
    text += "`" + r[2] + "` (host " + r[0] + ", pid " + r[1] + ") since " + r[3];
  }
  if (rows->size() > 3) text += " and more";
  return text;
}

}  // namespace

core::Status PrepareSchema(Database& db) {
  auto begin = db.Query("BEGIN");
  if (!begin.ok()) return begin.status();
  auto run = [&]() -> core::Status {
    auto locked =
        db.Query("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(KeyOf("schema"))});
    if (!locked.ok()) return locked.status();
    for (const char* statement : kSchema) {
      if (auto done = db.Query(statement); !done.ok()) return done.status();
    }
    auto commit = db.Query("COMMIT");
    return commit.ok() ? core::Status::Ok() : commit.status();
  };
  core::Status status = run();
  if (!status.ok()) (void)db.Query("ROLLBACK");
  return status;
}

core::Result<std::unique_ptr<PlanLock>> PlanLock::Acquire(std::unique_ptr<Database> db,
                                                          const LockOptions& options) {
  if (core::Status prepared = PrepareSchema(*db); !prepared.ok()) {
    return core::Unavailable("preparing the lock tables failed: " + prepared.message());
  }
  const std::vector<LockKey> keys = KeysFor(options.scope);
  std::vector<std::string> params;
  for (const LockKey& k : keys) params.push_back(std::to_string(k.key));
  const std::string try_sql = TrySql(keys);
  core::Clock& clock = *options.clock;
  const core::SteadyTime start = clock.Now();
  const std::string limit = core::FormatFlagDuration(duration_cast<milliseconds>(options.timeout));
  std::string told;
  while (true) {
    auto tried = db->Query(try_sql, params);
    if (!tried.ok()) return tried.status();
    const Row& got = tried->at(0);
    const auto refused = std::find(got.begin(), got.end(), "f");
    if (refused == got.end()) break;
    if (auto released = db->Query("SELECT pg_advisory_unlock_all()"); !released.ok()) {
      return released.status();
    }
    auto held = Describe(*db, keys[static_cast<size_t>(refused - got.begin())]);
    if (!held.ok()) return held.status();
    const core::Duration waited = clock.Now() - start;
    if (waited >= options.timeout) {
      return core::Status(core::Code::kDeadlineExceeded, "gave up after --lock-timeout " + limit +
                                                             " waiting for the lock of " + *held +
                                                             "; nothing was read or changed");
    }
    if (*held != told && options.note) {
      options.note("waiting for the lock of " + *held + " (at most " + limit + ")");
    }
    told = *held;
    if (!clock.SleepFor(std::min(options.poll, options.timeout - waited), options.stop)) {
      return core::Status(core::Code::kCancelled, "interrupted while waiting for the lock");
    }
  }
  const core::Duration waited = clock.Now() - start;
  // Rows of sessions that ended without cleaning up (kill -9) go first.
  auto pruned = db->Query(
      "DELETE FROM aivenctl_lock_holders"
      " WHERE backend_pid NOT IN (SELECT pid FROM pg_stat_activity)");
  if (!pruned.ok()) return pruned.status();
  for (const LockKey& k : keys) {
    auto added = db->Query(
        "INSERT INTO aivenctl_lock_holders (lock_key, backend_pid, host, pid, command)"
        " VALUES ($1::bigint, pg_backend_pid(), $2, $3::integer, $4)"
        " ON CONFLICT (lock_key, backend_pid) DO UPDATE SET host = EXCLUDED.host,"
        " pid = EXCLUDED.pid, command = EXCLUDED.command, since = clock_timestamp()",
        {std::to_string(k.key), options.host, std::to_string(options.pid), options.command});
    if (!added.ok()) return added.status();
  }
  return std::unique_ptr<PlanLock>(new PlanLock(std::move(db), waited));
}

PlanLock::~PlanLock() {
  watch_ = std::jthread();  // stops and joins the watch before the session goes
  (void)db_->Query("DELETE FROM aivenctl_lock_holders WHERE backend_pid = pg_backend_pid()");
  (void)db_->Query("SELECT pg_advisory_unlock_all()");
}

void PlanLock::Watch(core::Duration every, std::function<void(const core::Status&)> on_lost) {
  watch_ = std::jthread([this, every, on_lost = std::move(on_lost)](std::stop_token stop) {
    std::mutex mu;
    std::condition_variable_any cv;
    std::unique_lock lock(mu);
    while (!cv.wait_for(lock, stop, every, [] { return false; }) && !stop.stop_requested()) {
      auto alive = db_->Query("SELECT 1");
      if (!alive.ok()) {
        on_lost(alive.status());
        return;
      }
    }
  });
}

}  // namespace aivenctl::lock
