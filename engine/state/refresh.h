#pragma once
// Refresh: the live state of a plan's scope, read with as few requests as the API allows,
// in parallel with bounded concurrency, merged deterministically (sorted by name).
//
// Requests for a scope of N projects (S_db services whose objects lack `databases`,
// K Kafka services, both only while RUNNING or REBALANCING):
//   1 project list + N service lists + S_db database lists + K topic lists
//   + the catalog (clouds, service types, integration types: 3, once per Api)
//   + (Refresh of a plan only) ceil(T_s / 100) topic batch reads per Kafka service s, where
//     T_s counts the listed topics whose plan `config` sets a key the list item lacks
//     (the list carries cleanup_policy, min_insync_replicas, retention_bytes,
//     remote_storage_enable); usually T_s = 0.
//   + per Kafka service with user_config.schema_registry: true, 1 subject list and 3 reads
//     per subject (its versions, the latest version, its compatibility config)
//   + C connector lists (services running Kafka Connect: kafka_connect, or kafka with
//     user_config kafka_connect: true) + (Refresh of a plan only) one available-connectors
//     read per such service where the plan declares connectors.
// The service list carries users, integrations, tags and (usually) databases.

#include <stop_token>
#include <string>
#include <vector>

#include "api/api.h"
#include "core/status.h"
#include "model/catalog.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::state {

/// How to refresh.
struct RefreshOptions {
  int concurrency = 8;  ///< requests in flight at most
  /// Topic and database lists (and topic batch reads). `destroy` reads none: it deletes
  /// only services the plan owns, whose topics and databases go with them, and touches
  /// nothing of the services it leaves alone (databases still come with the service list).
  bool children = true;
  std::stop_token stop;  ///< drops reads not yet started (pass the same token to the Api
                         ///< to cancel the ones in flight)
};

/// What a refresh read.
struct RefreshResult {
  model::LiveState live;   ///< projects in scope that exist, and the absent ones
  model::Catalog catalog;  ///< clouds, service types, integration types
};

/// The projects a plan touches: its own plus those named by integration endpoints.
/// Sorted, unique.
std::vector<std::string> ScopeOf(const model::Plan& plan);

/// Reads the live state of ScopeOf(plan) and the catalog. Each listed topic whose plan
/// `config` has a key the list item lacks gets its full config from a batch read, so
/// the planner compares every key the plan sets (one that vanished meanwhile is left
/// out). A project that does not exist
/// is listed in `absent_projects`; a 403 is an error naming the project and the missing
/// permission; other failures are errors naming the address. Every failure is reported
/// (one Status, one line each, sorted).
core::Result<RefreshResult> Refresh(api::Api& api, const model::Plan& plan,
                                    const RefreshOptions& options = {});

/// Refresh of explicit projects (sorted, unique), with their children and the catalog;
/// topics carry the list's config keys only (no plan, so no batch reads).
core::Result<RefreshResult> RefreshScope(api::Api& api, const std::vector<std::string>& projects,
                                         const RefreshOptions& options = {});

/// For `reap`: the named projects (all the token sees when `projects` is empty) with
/// their services and tags only (no topic or database lists, no catalog): 1 + N requests.
core::Result<model::LiveState> RefreshProjects(api::Api& api,
                                               const std::vector<std::string>& projects,
                                               const RefreshOptions& options = {});

}  // namespace aivenctl::state
