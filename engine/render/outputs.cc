#include "render/outputs.h"

#include <cctype>
#include <set>

namespace aivenctl::render {
namespace {

std::string Str(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return j.dump();
  return "";
}

std::string Prefix(const ServiceSecrets& s) {
  std::string name = EnvName(s.name), type = EnvName(s.type);
  return name.find(type) != std::string::npos ? name : name + "_" + type;
}

void Put(std::map<std::string, std::string>& out, const std::string& key,
         const std::string& value) {
  if (!value.empty()) out[key] = value;
}

void AddService(std::map<std::string, std::string>& out, const std::string& prefix,
                const ServiceSecrets& s) {
  const nlohmann::json& svc = s.service;
  const nlohmann::json params = svc.value("service_uri_params", nlohmann::json::object());
  const nlohmann::json info = svc.value("connection_info", nlohmann::json::object());
  Put(out, prefix + "_URI", Str(svc.value("service_uri", nlohmann::json())));
  Put(out, prefix + "_HOST", Str(params.value("host", nlohmann::json())));
  Put(out, prefix + "_PORT", Str(params.value("port", nlohmann::json())));
  Put(out, prefix + "_USER", Str(params.value("user", nlohmann::json())));
  Put(out, prefix + "_PASSWORD", Str(params.value("password", nlohmann::json())));
  Put(out, prefix + "_DATABASE", Str(params.value("dbname", nlohmann::json())));
  Put(out, prefix + "_SSLMODE", Str(params.value("sslmode", nlohmann::json())));
  Put(out, prefix + "_CA_CERT", s.project_ca);
  if (s.type == "kafka") {
    Put(out, prefix + "_ACCESS_CERT", Str(info.value("kafka_access_cert", nlohmann::json())));
    Put(out, prefix + "_ACCESS_KEY", Str(info.value("kafka_access_key", nlohmann::json())));
    Put(out, prefix + "_REST_URI", Str(info.value("kafka_rest_uri", nlohmann::json())));
    Put(out, prefix + "_SCHEMA_REGISTRY_URI",
        Str(info.value("schema_registry_uri", nlohmann::json())));
  }
  const nlohmann::json users = svc.value("users", nlohmann::json::array());
  for (const auto& wanted : s.plan_users) {
    for (const auto& user : users) {
      if (user.value("username", "") != wanted) continue;
      Put(out, prefix + "_USER_" + EnvName(wanted) + "_PASSWORD",
          Str(user.value("password", nlohmann::json())));
    }
  }
}

}  // namespace

std::string EnvName(const std::string& text) {
  std::string out;
  for (unsigned char c : text) out += std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  return out;
}

std::map<std::string, std::string> OutputVariables(const std::vector<ServiceSecrets>& services) {
  std::map<std::string, int> seen;
  for (const auto& s : services) ++seen[Prefix(s)];
  std::map<std::string, std::string> out;
  for (const auto& s : services) {
    std::string prefix = Prefix(s);
    if (seen[prefix] > 1) prefix = EnvName(s.project) + "_" + prefix;
    AddService(out, prefix, s);
  }
  return out;
}

std::string Dotenv(const std::map<std::string, std::string>& vars) {
  std::string out;
  for (const auto& [key, value] : vars) {
    out += key + "=\"";
    for (char c : value) {
      if (c == '\n') {
        out += "\\n";
      } else {
        if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
        out += c;
      }
    }
    out += "\"\n";
  }
  return out;
}

std::string OutputsJson(const std::map<std::string, std::string>& vars) {
  return nlohmann::json(vars).dump(2) + "\n";
}

}  // namespace aivenctl::render
