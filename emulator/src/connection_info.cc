#include "connection_info.h"

#include <cstdint>

namespace aivenctl::emulator {
namespace {

constexpr const char* kHostSuffix = ".a.aivencloud.com";
constexpr const char* kRedacted = "<redacted>";

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

/// A PEM block with stable base64-looking content derived from `seed`.
std::string FakePem(const std::string& label, const std::string& seed) {
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string body;
  uint64_t h = Fnv1a(seed);
  for (int line = 0; line < 12; ++line) {
    for (int i = 0; i < 64; ++i) {
      h ^= h >> 29;
      h *= 0xbf58476d1ce4e5b9ULL;
      body += kB64[h % 64];
    }
    body += '\n';
  }
  return "-----BEGIN " + label + "-----\n" + body + "-----END " + label + "-----\n";
}

bool Flag(const Json& user_config, const char* group, const std::string& key) {
  if (!user_config.is_object()) return false;
  auto g = user_config.find(group);
  if (g == user_config.end() || !g->is_object()) return false;
  auto v = g->find(key);
  return v != g->end() && v->is_boolean() && v->get<bool>();
}

bool TopFlag(const Json& user_config, const char* key) {
  if (!user_config.is_object()) return false;
  auto v = user_config.find(key);
  return v != user_config.end() && v->is_boolean() && v->get<bool>();
}

/// Builds `components`: one dynamic entry per component, plus public/private ones when
/// the user_config opens them, plus replica entries on multi-node plans.
class Components {
 public:
  Components(const ServiceEndpointInput& in, std::string host)
      : in_(in), host_(std::move(host)), list_(Json::array()) {}

  void Add(const std::string& name, int port, Json extra = Json::object(), bool replica = false) {
    Push(name, host_, port, "dynamic", "primary", extra);
    if (replica && in_.node_count > 1)
      Push(name, "replica-" + host_, port, "dynamic", "replica", extra);
    if (Flag(in_.user_config, "public_access", name)) {
      Push(name, "public-" + host_, port, "public", "primary", extra);
    }
    if (Flag(in_.user_config, "private_access", name)) {
      Push(name, "private-" + host_, port, "private", "primary", extra);
    }
  }
  Json Take() { return std::move(list_); }

 private:
  void Push(const std::string& name, const std::string& host, int port, const char* route,
            const char* usage, const Json& extra) {
    Json c = {{"component", name}, {"host", host},   {"port", port},
              {"route", route},    {"usage", usage}, {"ssl", true}};
    c.update(extra);
    list_.push_back(std::move(c));
  }

  const ServiceEndpointInput& in_;
  std::string host_;
  Json list_;
};

std::string UserInfo(const std::string& user, const std::string& password) {
  return user + ":" + password + "@";
}

}  // namespace

std::string ServiceHost(const ServiceEndpointInput& in) {
  return in.service + "-" + in.project + kHostSuffix;
}

int ServiceBasePort(const ServiceEndpointInput& in) {
  return 10000 + static_cast<int>(Fnv1a(in.project + "/" + in.service) % 19990);
}

void AddConnectionDetails(const ServiceEndpointInput& in, Json& service) {
  const std::string host = ServiceHost(in);
  const int port = ServiceBasePort(in);
  const std::string ps = std::to_string(port);
  const std::string user = in.admin_user.empty() ? "avnadmin" : in.admin_user;
  const std::string& pw = in.admin_password;
  const std::string db = in.default_db.empty() ? "defaultdb" : in.default_db;
  const std::string https = "https://" + UserInfo(user, pw) + host + ":";
  Components comps(in, host);
  Json uri = nullptr;
  Json params = Json::object();
  Json info = Json::object();

  if (in.type == "pg") {
    uri = "postgres://" + UserInfo(user, pw) + host + ":" + ps + "/" + db + "?sslmode=require";
    params = {{"dbname", db}, {"host", host},         {"password", pw},
              {"port", ps},   {"sslmode", "require"}, {"user", user}};
    info["pg"] = Json::array({uri});
    info["pg_params"] = Json::array({params});
    info["pg_standby"] = Json::array();
    info["pg_syncing"] = Json::array();
    if (in.node_count > 1) {
      info["pg_replica_uri"] = "postgres://" + UserInfo(user, pw) + "replica-" + host + ":" + ps +
                               "/" + db + "?sslmode=require";
    }
    info["pgbouncer"] = "";
    comps.Add("pg", port, Json::object(), true);
    comps.Add("pgbouncer", port + 1);
  } else if (in.type == "mysql") {
    uri = "mysql://" + UserInfo(user, pw) + host + ":" + ps + "/" + db + "?ssl-mode=REQUIRED";
    params = {{"dbname", db}, {"host", host},           {"password", pw},
              {"port", ps},   {"ssl-mode", "REQUIRED"}, {"user", user}};
    info["mysql"] = Json::array({uri});
    info["mysql_params"] = Json::array({params});
    info["mysql_standby"] = Json::array();
    comps.Add("mysql", port, Json::object(), true);
    comps.Add("mysqlx", port + 1);
  } else if (in.type == "kafka") {
    uri = host + ":" + ps;
    params = {{"host", host}, {"port", ps}};
    bool redact = pw == kRedacted;
    std::string seed = in.project + "/" + in.service;
    info["kafka"] = Json::array({uri});
    info["kafka_access_cert"] = FakePem("CERTIFICATE", seed + "/cert");
    info["kafka_access_key"] = redact ? kRedacted : FakePem("PRIVATE KEY", seed + "/key");
    info["kafka_rest_uri"] = https + std::to_string(port + 2);
    info["schema_registry_uri"] = https + std::to_string(port + 3);
    Json cert = {{"kafka_authentication_method", "certificate"}, {"kafka_ssl_ca", "project_ca"}};
    Json sasl = {{"kafka_authentication_method", "sasl"}, {"kafka_ssl_ca", "project_ca"}};
    comps.Add("kafka", port, cert);
    comps.Add("kafka", port + 5, sasl);
    if (TopFlag(in.user_config, "kafka_rest")) comps.Add("kafka_rest", port + 2);
    if (TopFlag(in.user_config, "schema_registry")) comps.Add("schema_registry", port + 3);
    if (TopFlag(in.user_config, "kafka_connect")) comps.Add("kafka_connect", port + 4);
  } else if (in.type == "valkey") {
    const std::string vuser = in.admin_user.empty() ? "default" : in.admin_user;
    uri = "rediss://" + UserInfo(vuser, pw) + host + ":" + ps;
    params = {{"host", host}, {"password", pw}, {"port", ps}, {"user", vuser}};
    info["valkey"] = Json::array({uri});
    info["valkey_password"] = pw;
    info["valkey_slave_uris"] = Json::array();
    comps.Add("valkey", port, Json::object(), true);
  } else if (in.type == "opensearch") {
    // The REST API listens on the service port; Dashboards on 443.
    uri = https + ps;
    params = {{"host", host}, {"password", pw}, {"port", ps}, {"user", user}};
    info["opensearch"] = Json::array({uri});
    info["opensearch_dashboards_uri"] = https + "443";
    info["opensearch_username"] = user;
    info["opensearch_password"] = pw;
    comps.Add("opensearch", port);
    comps.Add("opensearch_dashboards", 443);
  } else if (in.type == "grafana") {
    uri = https + "443";
    params = {{"host", host}, {"password", pw}, {"port", "443"}, {"user", user}};
    info["grafana"] = Json::array({uri});
    comps.Add("grafana", 443);
  } else if (in.type == "clickhouse") {
    uri = https + std::to_string(port + 1);
    params = {{"host", host}, {"password", pw}, {"port", std::to_string(port + 1)}, {"user", user}};
    info["clickhouse"] = Json::array({uri});
    comps.Add("clickhouse", port);
    comps.Add("clickhouse_https", port + 1);
    comps.Add("clickhouse_mysql", port + 2);
  } else if (in.type == "kafka_connect" || in.type == "flink" || in.type == "thanos") {
    int p = in.type == "kafka_connect" ? port : 443;
    std::string component = in.type == "thanos" ? "query_frontend" : in.type;
    uri = https + std::to_string(p);
    params = {{"host", host}, {"password", pw}, {"port", std::to_string(p)}, {"user", user}};
    info[in.type] = Json::array({uri});
    comps.Add(component, p);
  } else if (in.type == "kafka_mirrormaker") {
    // MirrorMaker has no client endpoint: service_uri stays null (the spec allows it).
  } else {
    uri = https + ps;
    params = {{"host", host}, {"port", ps}};
    comps.Add(in.type, port);
  }
  service["service_uri"] = uri;
  service["service_uri_params"] = params;
  service["connection_info"] = info;
  service["components"] = comps.Take();
}

}  // namespace aivenctl::emulator
