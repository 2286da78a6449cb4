#pragma once
// The end of an apply/destroy for people and for CI: each root-cause failure once with its
// error, then what was skipped because of it, then what an interrupt left undone, then one
// line of totals.

#include <string>

#include <nlohmann/json.hpp>

#include "exec/executor.h"

namespace aivenctl::render {

/// For example:
///   Failed (1):
///     service:p/pg: 503 after 6 attempts
///   Skipped because a dependency failed (2):
///     database:p/pg/app (service:p/pg failed)
///     user:p/pg/app (service:p/pg failed)
///   Left undone by the interrupt (2):
///     service:p/kafka: stopped waiting for RUNNING
///     topic:p/kafka/orders: not started
///   3 of 8 operations done; 1 failed, 2 skipped, 2 left undone (4m12s).
/// ("Left undone at the deadline" when ExecutorOptions::stop_at stopped the run.)
/// Sections without entries are left out; entries are sorted by address. A run where
/// everything is done is the last line alone: "8 of 8 operations done (4m12s)."
std::string FormatRunSummary(const exec::RunResult& result);

/// {"type":"summary","status":"ok"|"failed"|"interrupted"|"deadline"|"invalid","elapsed_ms",
///  "done","failed","skipped","interrupted","not_started","total",
///  "failures":[{"address","error"}],"skipped_ops":[{"address","cause"}],
///  "undone":[{"address","outcome","note"?}]} (lists sorted by address), the last JSON line.
nlohmann::ordered_json RunSummaryToJson(const exec::RunResult& result);

}  // namespace aivenctl::render
