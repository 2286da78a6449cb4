#include "lock/rate_window.h"

#include <cmath>
#include <cstdio>

#include "diff/sha256.h"

namespace aivenctl::lock {
namespace {

std::string Seconds(core::Duration d) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6f", std::chrono::duration<double>(d).count());
  return text;
}

std::string Number(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6f", v);
  return text;
}

// The slot: the later of the next free one, now and the pause; with no rate yet (0, before
// the first 429) only the pause holds. A slot due within the horizon ($3 s) is taken;
// a later one is not (the rate may change meanwhile): the runner asks again then.
// Returns the wait in seconds and whether the slot was taken.
constexpr const char* kReserve =
    "WITH c AS (SELECT clock_timestamp() AS now),"
    " s AS (SELECT w.token_hash, c.now, w.rate,"
    "   CASE WHEN w.rate > 0 THEN GREATEST(w.next_at, c.now, w.paused_until)"
    "   ELSE GREATEST(w.paused_until, c.now) END AS slot"
    "   FROM aivenctl_rate_window w, c WHERE w.token_hash = $1 FOR UPDATE OF w),"
    " t AS (SELECT s.*, (s.rate <= 0 OR s.slot - s.now <= make_interval(secs => $3::float8))"
    "   AS taken FROM s)"
    " UPDATE aivenctl_rate_window w SET"
    "  window_start = CASE WHEN t.taken AND t.now - w.window_start >"
    "                 make_interval(secs => $2::float8) THEN t.now ELSE w.window_start END,"
    "  window_count = CASE WHEN NOT t.taken THEN w.window_count"
    "                 WHEN t.now - w.window_start > make_interval(secs => $2::float8) THEN 1"
    "                 ELSE w.window_count + 1 END,"
    "  next_at = CASE WHEN t.taken AND t.rate > 0"
    "            THEN t.slot + make_interval(secs => 1 / t.rate) ELSE w.next_at END"
    " FROM t WHERE w.token_hash = t.token_hash"
    " RETURNING extract(epoch FROM t.slot - t.now), t.taken";

// Everyone pauses until now + the named pause; the rate drops once per episode (a 429 for
// a request sent before the last decrease, or within the horizon after it, when its slot
// may have been taken before it, only extends the pause): from the shared rate, or before
// the first one from the rate measured over the window.
constexpr const char* kRateLimited =
    "WITH c AS (SELECT clock_timestamp() AS now)"
    " UPDATE aivenctl_rate_window w SET"
    "  paused_until = GREATEST(w.paused_until, c.now + make_interval(secs => $3::float8)),"
    "  rate = CASE WHEN c.now - make_interval(secs => $2::float8) > w.last_decrease + "
    "make_interval(secs => $6::float8)"
    "         THEN GREATEST($4::float8, $5::float8 * CASE WHEN w.rate > 0 THEN w.rate"
    "              ELSE w.window_count::float8"
    "                   / GREATEST(1, extract(epoch FROM c.now - w.window_start)::float8)"
    "              END)"
    "         ELSE w.rate END,"
    "  last_decrease = CASE WHEN c.now - make_interval(secs => $2::float8) > w.last_decrease + "
    "make_interval(secs => $6::float8)"
    "                  THEN c.now ELSE w.last_decrease END,"
    "  last_change = GREATEST(w.paused_until, c.now + make_interval(secs => $3::float8))"
    " FROM c WHERE w.token_hash = $1";

// One additive step per 429-free window, once there is a rate.
constexpr const char* kSuccess =
    "UPDATE aivenctl_rate_window SET rate = rate + $2::float8, last_change = clock_timestamp()"
    " WHERE token_hash = $1 AND rate > 0 AND clock_timestamp() >= paused_until"
    " AND clock_timestamp() - last_change >= make_interval(secs => $3::float8)";

}  // namespace

std::string TokenHash(const std::string& salt, const std::string& token) {
  return diff::Sha256Hex("aivenctl-rate\n" + salt + "\n" + token);
}

core::Result<std::unique_ptr<RateWindow>> RateWindow::Open(Database& db, const std::string& token,
                                                           RateWindowOptions options) {
  auto salt = db.Query("SELECT value FROM aivenctl_meta WHERE name = 'salt'");
  if (!salt.ok()) return salt.status();
  if (salt->empty()) return core::FailedPrecondition("the lock database has no salt row");
  std::string hash = TokenHash(salt->at(0).at(0), token);
  auto row = db.Query(
      "INSERT INTO aivenctl_rate_window (token_hash) VALUES ($1) ON CONFLICT DO NOTHING", {hash});
  if (!row.ok()) return row.status();
  return std::unique_ptr<RateWindow>(new RateWindow(db, std::move(hash), options));
}

core::Result<api::SharedRateWindow::Slot> RateWindow::Reserve() {
  auto rows =
      db_.Query(kReserve, {hash_, Seconds(options_.measure_window), Seconds(options_.horizon)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Slot{};  // the row was deleted: no shared limit
  double wait = std::strtod(rows->at(0).at(0).c_str(), nullptr);
  if (!std::isfinite(wait) || wait < 0) wait = 0;
  const bool taken = rows->at(0).at(1) == "t";
  // Not taken: ask again when the slot comes within the horizon.
  if (!taken) wait -= std::chrono::duration<double>(options_.horizon).count();
  return Slot{std::chrono::duration_cast<core::Duration>(
                  std::chrono::duration<double>(std::max(wait, 0.0))),
              taken};
}

core::Status RateWindow::OnSuccess() {
  auto rows = db_.Query(kSuccess,
                        {hash_, Number(options_.increase_rps), Seconds(options_.increase_window)});
  return rows.ok() ? core::Status::Ok() : rows.status();
}

core::Status RateWindow::OnRateLimited(core::Duration sent_ago, core::Duration pause) {
  auto rows = db_.Query(kRateLimited,
                        {hash_, Seconds(std::max(sent_ago, core::Duration::zero())),
                         Seconds(std::max(pause, core::Duration::zero())), Number(options_.min_rps),
                         Number(options_.decrease_factor), Seconds(options_.horizon)});
  return rows.ok() ? core::Status::Ok() : rows.status();
}

}  // namespace aivenctl::lock
