#pragma once
// The rate window every runner of one API token shares, kept in the lock database: one
// row per token (identified by a salted hash, never the token) holding the adaptive rate,
// the next free slot and the pause the server named. Each request reserves the next slot
// (the server's clock, so the runners' clocks need not agree); a 429 halves the rate once
// per episode and pauses everyone; a 429-free window adds to it. The same AIMD as
// api::RateBudget alone, for the token's runners together.

#include <memory>
#include <string>

#include "api/rate_budget.h"
#include "lock/postgres.h"

namespace aivenctl::lock {

/// Tuning (the defaults match api::RateBudgetOptions).
struct RateWindowOptions {
  double min_rps = 0.2;
  double increase_rps = 0.5;
  core::Duration increase_window = std::chrono::seconds(5);
  double decrease_factor = 0.5;
  core::Duration measure_window = std::chrono::seconds(10);
  /// Slots are taken at most this far ahead (bounds the slots queued at an old rate).
  core::Duration horizon = std::chrono::seconds(1);
};

/// sha256 of `salt` and `token`: the row's name.
std::string TokenHash(const std::string& salt, const std::string& token);

class RateWindow final : public api::SharedRateWindow {
 public:
  /// Finds or creates the row of `token` (PrepareSchema must have run). `db` must outlive
  /// the window.
  static core::Result<std::unique_ptr<RateWindow>> Open(Database& db, const std::string& token,
                                                        RateWindowOptions options = {});

  core::Result<Slot> Reserve() override;
  core::Status OnSuccess() override;
  core::Status OnRateLimited(core::Duration sent_ago, core::Duration pause) override;

 private:
  RateWindow(Database& db, std::string hash, RateWindowOptions options)
      : db_(db), hash_(std::move(hash)), options_(options) {}

  Database& db_;
  const std::string hash_;
  const RateWindowOptions options_;
};

}  // namespace aivenctl::lock
