#pragma once
// Lifecycle states derived from stored timestamps and the emulator clock, so they
// survive restarts and move when the clock is advanced.
//
// Service record timestamps (seconds on the emulator clock):
//   build_start, ready_at      REBUILDING in [build_start, ready_at), then RUNNING
//   rebalance_start, rebalance_until   REBALANCING in that window (plan/disk change)
//   powered (bool)             false: POWEROFF, whatever the times say

#include <string>

#include "http.h"

namespace aivenctl::emulator {

/// "POWEROFF" | "REBUILDING" | "REBALANCING" | "RUNNING".
std::string ServiceState(const Json& record, double now);
/// True when the service is RUNNING or REBALANCING (serving requests).
bool ServiceServing(const Json& record, double now);
/// node_states for the service object: names, states progressing with time, zones.
Json NodeStates(const Json& record, double now);
/// pg/mysql backups: one per day since ready (at most the plan's max_count, here 14).
Json Backups(const Json& record, double now);
/// Topic state: "CONFIGURING" until ready_at, then "ACTIVE".
std::string TopicState(const Json& topic, double now);

}  // namespace aivenctl::emulator
