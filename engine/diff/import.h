#pragma once
// `aivenctl import`: the plan that reproduces a live project. Pure: the caller refreshes the
// project (with its children and the catalog) and writes the plan (render/plan_yaml.h).

#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/desired.h"
#include "model/live.h"

namespace aivenctl::diff {

/// What to import.
struct ImportOptions {
  std::string name;                   ///< the plan's name
  std::vector<std::string> services;  ///< only these (empty: all)
};

/// The plan and what was left out, for people.
struct ImportResult {
  model::Plan plan;
  std::vector<std::string> notes;  ///< "service:p/x is owned by plan \"y\": left out", ...
};

/// The environment variable an imported connector secret is read from:
/// SecretEnvName("pg-sink", "connection.password") == "PG_SINK_CONNECTION_PASSWORD".
std::string SecretEnvName(const std::string& connector, const std::string& key);

/// A plan with `lp`'s services (type, plan, cloud, termination protection, maintenance,
/// disk when not the plan's default, powered off, the user_config keys UndeclaredUserConfig
/// keeps, tags other than aivenctl's), their databases and users (names), topics (partitions,
/// replication, the config the topic list reports, tags), connectors (class, config; each
/// secret as `${env:NAME}`, see SecretEnvName) and integrations (`external` when
/// an end is not imported); `adopt: true` on what aivenctl does not own yet. The project is
/// `create: true` only when plan `options.name` owns it already. Services owned by another
/// plan are left out with a note. Never a secret: the live model holds none.
ImportResult ImportProject(const model::LiveProject& lp, const model::Catalog& catalog,
                           const ImportOptions& options);

}  // namespace aivenctl::diff
