#pragma once
// Connection details of a plan's services for the jobs that use them (`--outputs FILE`,
// `aivenctl outputs`): the variables, and the formats a pipeline consumes (dotenv for
// `set -a; . FILE`, env-file for `docker --env-file`, GitHub's $GITHUB_ENV commands, JSON).
// The only renderer that handles secrets; its text goes to 0600 files, to stdout when asked
// for, and nowhere else.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::render {

/// One service as read with include_secrets, plus what the plan says about it.
struct ServiceSecrets {
  std::string project;                      ///< project name
  std::string name;                         ///< service name
  std::string type;                         ///< service type
  nlohmann::json service;                   ///< the API's service object (with secrets)
  std::string project_ca;                   ///< the project CA certificate ("" if unknown)
  std::vector<std::string> plan_users;      ///< users the plan declares on the service
  std::vector<std::string> plan_databases;  ///< databases the plan declares, in plan order
  std::vector<std::string> plan_pools;      ///< PgBouncer pools the plan declares
};

/// One connection value; secrets are passwords, keys, client certificates and URIs that
/// hold a password (GitHub masks them).
struct OutputValue {
  std::string value;    ///< never empty
  bool secret = false;  ///< mask it in CI logs

  bool operator==(const OutputValue&) const = default;
};

/// Variable name -> value, in name order.
using Outputs = std::map<std::string, OutputValue>;

/// The variables of `services`. Per service: <PREFIX>_URI, _HOST, _PORT, _USER, _PASSWORD,
/// _DATABASE, _SSLMODE (the admin user on the default database), _CA_CERT, for Kafka
/// _ACCESS_CERT/_ACCESS_KEY/_REST_URI/_SCHEMA_REGISTRY_URI. Per user the plan declares:
/// <PREFIX>_USER_<NAME>_PASSWORD and _URI (that user on the service's first declared
/// database, else the default one), for Kafka _ACCESS_CERT and _ACCESS_KEY. PREFIX is the
/// service name upper-cased (non-alphanumerics as `_`), followed by the type unless the name
/// already contains it (events/kafka -> EVENTS_KAFKA, pg/pg -> PG), and preceded by the
/// project when two services would share it.
Outputs OutputVariables(const std::vector<ServiceSecrets>& services);

/// `service_uri` for `user` with `password` on `database` ("": keep the URI's database).
/// A URI without a scheme (Kafka's host:port) carries no user and is returned as it is.
std::string UserUri(const std::string& service_uri, const std::string& user,
                    const std::string& password, const std::string& database);

/// Upper-cased, non-alphanumerics as `_`: "orders-db" -> "ORDERS_DB".
std::string EnvName(const std::string& text);

/// How an outputs file is written (--outputs-format).
enum class OutputsFormat { kDotenv, kEnvFile, kGithub, kJson };

/// The --outputs-format values: "dotenv", "env-file", "github", "json".
const std::vector<std::string>& OutputsFormatNames();

/// The format named `name` (one of OutputsFormatNames), or nullopt.
std::optional<OutputsFormat> ParseOutputsFormat(const std::string& name);

/// NAME='value' lines that `set -a; . FILE` in bash and dash reads back exactly: single
/// quotes, a quote written as '\'', newlines kept as newlines.
std::string Dotenv(const Outputs& vars);

/// {"KEY": "value", ...} with a trailing newline.
std::string OutputsJson(const Outputs& vars);

/// An env-file (`docker --env-file`, GitLab dotenv reports): raw NAME=value lines, and a
/// file per multi-line value.
struct EnvFile {
  std::string text;                          ///< the NAME=value lines
  std::map<std::string, std::string> files;  ///< path -> content of each multi-line value
};

/// Single-line values as NAME=value (no quoting: the tools take the rest of the line); a
/// multi-line value NAME goes to the file `file_for(NAME)` and its line is NAME_FILE=<that
/// path>.
EnvFile RenderEnvFile(const Outputs& vars,
                      const std::function<std::string(const std::string&)>& file_for);

/// GitHub's $GITHUB_ENV commands: NAME=value, or for a multi-line value NAME<<DELIMITER,
/// its lines, DELIMITER. `delimiter()` is asked again while its answer occurs in the value.
std::string GithubEnv(const Outputs& vars, const std::function<std::string()>& delimiter);

/// `::add-mask::LINE` for each non-empty line of each secret value (GitHub's workflow
/// command escaping: % as %25, CR as %0D), printed on stdout before GithubEnv is appended.
std::string GithubMasks(const Outputs& vars);

}  // namespace aivenctl::render
