#pragma once
// PgBouncer pools and ClickHouse databases: what the service view and the routes share.

#include "http.h"
#include "world.h"

namespace aivenctl::emulator {

/// The largest pool a pg service's plan allows: its max_connections, 25 per GiB of node
/// memory (at most 1000); 0 when the plan has no pooling (under 4 GiB: hobbyist).
int MaxPoolSize(const World& w, const Json& service_record);
/// The ClickHouse databases of a service record by name: Aiven's own `default` and `system`
/// (required) plus the stored ones.
Json ClickhouseDatabases(const Json& service_record);
/// `connection_pools` of a pg service object; `service` already has its service_uri_params.
/// The URI carries the password only with include_secrets.
Json PoolsView(const Json& service_record, const Json& service, bool include_secrets);

}  // namespace aivenctl::emulator
