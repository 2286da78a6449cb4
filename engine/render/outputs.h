#pragma once
// Connection details of a plan's services for the jobs that use them (`--outputs FILE`,
// `aivenctl outputs`): dotenv or JSON. The only renderer that handles secrets; its text goes
// to a 0600 file and nowhere else.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::render {

/// One service as read with include_secrets, plus what the plan says about it.
struct ServiceSecrets {
  std::string project;                  ///< project name
  std::string name;                     ///< service name
  std::string type;                     ///< service type
  nlohmann::json service;               ///< the API's service object (with secrets)
  std::string project_ca;               ///< the project CA certificate ("" if unknown)
  std::vector<std::string> plan_users;  ///< users the plan declares on the service
};

/// Variable name -> value, in name order. Names: <PREFIX>_URI, _HOST, _PORT, _USER,
/// _PASSWORD, _DATABASE, _SSLMODE, _CA_CERT, Kafka _ACCESS_CERT/_ACCESS_KEY/_REST_URI/
/// _SCHEMA_REGISTRY_URI, and <PREFIX>_USER_<NAME>_PASSWORD for the plan's users. PREFIX is
/// the service name upper-cased (non-alphanumerics as `_`), followed by the type unless the
/// name already contains it (events/kafka -> EVENTS_KAFKA, pg/pg -> PG), and preceded by the
/// project when two services would share it.
std::map<std::string, std::string> OutputVariables(const std::vector<ServiceSecrets>& services);

/// KEY="value" lines (dotenv; newlines, quotes, `$` and backslashes escaped).
std::string Dotenv(const std::map<std::string, std::string>& vars);

/// {"KEY": "value", ...} with a trailing newline.
std::string OutputsJson(const std::map<std::string, std::string>& vars);

/// Upper-cased, non-alphanumerics as `_`: "orders-db" -> "ORDERS_DB".
std::string EnvName(const std::string& text);

}  // namespace aivenctl::render
