#include "render/outputs.h"

#include <cctype>

#include "core/percent_encode.h"

namespace aivenctl::render {
namespace {

std::string Str(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return j.dump();
  return "";
}

std::string Field(const nlohmann::json& object, const char* key) {
  return object.is_object() ? Str(object.value(key, nlohmann::json())) : "";
}

std::string Prefix(const ServiceSecrets& s) {
  std::string name = EnvName(s.name), type = EnvName(s.type);
  return name.find(type) != std::string::npos ? name : name + "_" + type;
}

/// scheme://user:PASSWORD@host...: a URI a CI log must not show.
bool HoldsPassword(const std::string& uri) {
  const size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return false;
  const size_t end = uri.find_first_of("/?#", scheme + 3);
  const std::string authority = uri.substr(scheme + 3, end - (scheme + 3));
  const size_t at = authority.rfind('@');
  return at != std::string::npos && authority.find(':') < at &&
         authority.find(':') + 1 < at;  // "user:@host" holds no password
}

class Writer {
 public:
  explicit Writer(Outputs& out) : out_(out) {}
  void Plain(const std::string& key, const std::string& value) { Put(key, value, false); }
  void Secret(const std::string& key, const std::string& value) { Put(key, value, true); }
  void Uri(const std::string& key, const std::string& value) {
    Put(key, value, HoldsPassword(value));
  }

 private:
  void Put(const std::string& key, const std::string& value, bool secret) {
    if (!value.empty()) out_[key] = {value, secret};
  }
  Outputs& out_;
};

void AddUsers(Writer& w, const std::string& prefix, const ServiceSecrets& s,
              const std::string& service_uri) {
  const nlohmann::json users = s.service.value("users", nlohmann::json::array());
  const std::string database = s.plan_databases.empty() ? "" : s.plan_databases.front();
  for (const auto& wanted : s.plan_users) {
    for (const auto& user : users) {
      if (!user.is_object() || user.value("username", "") != wanted) continue;
      const std::string name = prefix + "_USER_" + EnvName(wanted);
      const std::string password = Field(user, "password");
      w.Secret(name + "_PASSWORD", password);
      if (!service_uri.empty()) {
        w.Uri(name + "_URI", UserUri(service_uri, wanted, password, database));
      }
      if (s.type == "kafka") {
        w.Secret(name + "_ACCESS_CERT", Field(user, "access_cert"));
        w.Secret(name + "_ACCESS_KEY", Field(user, "access_key"));
      }
    }
  }
}

// <PREFIX>_POOL_<NAME>_URI: the pool's connection_uri, always secret (a password inside).
void AddPools(Writer& w, const std::string& prefix, const ServiceSecrets& s) {
  const nlohmann::json pools = s.service.value("connection_pools", nlohmann::json::array());
  for (const auto& wanted : s.plan_pools) {
    for (const auto& pool : pools) {
      if (!pool.is_object() || pool.value("pool_name", "") != wanted) continue;
      w.Secret(prefix + "_POOL_" + EnvName(wanted) + "_URI", Field(pool, "connection_uri"));
    }
  }
}

void AddService(Outputs& out, const std::string& prefix, const ServiceSecrets& s) {
  Writer w(out);
  const nlohmann::json& svc = s.service;
  const nlohmann::json params = svc.value("service_uri_params", nlohmann::json::object());
  const nlohmann::json info = svc.value("connection_info", nlohmann::json::object());
  const std::string service_uri = Field(svc, "service_uri");
  w.Uri(prefix + "_URI", service_uri);
  w.Plain(prefix + "_HOST", Field(params, "host"));
  w.Plain(prefix + "_PORT", Field(params, "port"));
  w.Plain(prefix + "_USER", Field(params, "user"));
  w.Secret(prefix + "_PASSWORD", Field(params, "password"));
  w.Plain(prefix + "_DATABASE", Field(params, "dbname"));
  w.Plain(prefix + "_SSLMODE", Field(params, "sslmode"));
  w.Plain(prefix + "_CA_CERT", s.project_ca);
  if (s.type == "kafka") {
    w.Secret(prefix + "_ACCESS_CERT", Field(info, "kafka_access_cert"));
    w.Secret(prefix + "_ACCESS_KEY", Field(info, "kafka_access_key"));
    w.Uri(prefix + "_REST_URI", Field(info, "kafka_rest_uri"));
    w.Uri(prefix + "_SCHEMA_REGISTRY_URI", Field(info, "schema_registry_uri"));
  }
  AddUsers(w, prefix, s, service_uri);
  AddPools(w, prefix, s);
}

}  // namespace

std::string EnvName(const std::string& text) {
  std::string out;
  for (unsigned char c : text) out += std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  return out;
}

std::string UserUri(const std::string& service_uri, const std::string& user,
                    const std::string& password, const std::string& database) {
  const size_t scheme = service_uri.find("://");
  if (scheme == std::string::npos) return service_uri;
  const size_t start = scheme + 3;
  size_t end = service_uri.find_first_of("/?#", start);
  if (end == std::string::npos) end = service_uri.size();
  std::string host = service_uri.substr(start, end - start);
  if (size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  std::string rest = service_uri.substr(end);
  if (!database.empty()) {
    // Replace the path (up to the query or fragment) with the database.
    const size_t path_end = std::min(rest.find_first_of("?#"), rest.size());
    rest = "/" + core::PercentEncode(database) + rest.substr(path_end);
  }
  std::string userinfo = core::PercentEncode(user);
  if (!password.empty()) userinfo += ":" + core::PercentEncode(password);
  return service_uri.substr(0, start) + userinfo + "@" + host + rest;
}

Outputs OutputVariables(const std::vector<ServiceSecrets>& services) {
  std::map<std::string, int> seen;
  for (const auto& s : services) ++seen[Prefix(s)];
  Outputs out;
  for (const auto& s : services) {
    std::string prefix = Prefix(s);
    if (seen[prefix] > 1) prefix = EnvName(s.project) + "_" + prefix;
    AddService(out, prefix, s);
  }
  return out;
}

}  // namespace aivenctl::render
