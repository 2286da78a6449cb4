#include "service_view.h"

#include <random>

#include "api_pools.h"
#include "api_routes.h"
#include "connection_info.h"
#include "lifecycle.h"
#include "schema_marks.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kRedacted = "<redacted>";

std::string RandomChars(size_t n) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
  std::string out;
  for (size_t i = 0; i < n; ++i) out += kAlphabet[pick(rng)];
  return out;
}

}  // namespace

std::string NewPassword() { return "AVNS_" + RandomChars(21); }

std::string PrimaryUser(const std::string& type) {
  return type == "valkey" ? "default" : "avnadmin";
}

bool HasDatabases(const std::string& type) { return type == "pg" || type == "mysql"; }

Json NewUser(const std::string& username, const std::string& type, bool primary, double now) {
  Json u{{"username", username},
         {"type", primary ? "primary" : "regular"},
         {"password", NewPassword()},
         {"password_updated_time", IsoTime(now)}};
  if (type == "mysql") u["authentication"] = "caching_sha2_password";
  if (type == "kafka") {
    u["access_cert"] =
        "-----BEGIN CERTIFICATE-----\nMIIE" + RandomChars(60) + "\n-----END CERTIFICATE-----\n";
    u["access_key"] =
        "-----BEGIN PRIVATE KEY-----\nMIIE" + RandomChars(60) + "\n-----END PRIVATE KEY-----\n";
    u["access_cert_not_valid_after_time"] = IsoTime(now + 3 * 365 * 86400.0);
  }
  if (type == "valkey") {
    u["access_control"] = {{"valkey_acl_categories", Json::array({"+@all"})},
                           {"valkey_acl_commands", Json::array()},
                           {"valkey_acl_keys", Json::array({"*"})},
                           {"valkey_acl_channels", Json::array({"*"})}};
  }
  return u;
}

Json UserView(const Json& user, bool include_secrets) {
  Json u = user;
  if (!include_secrets) {
    if (u.contains("password") && !u["password"].is_null()) u["password"] = kRedacted;
    if (u.contains("access_key")) u["access_key"] = kRedacted;
  }
  return u;
}

namespace {

// The stored user_config with the schema's `_secure` members redacted unless asked for.
Json UserConfigView(const World& w, const std::string& type, const Json& r, bool include_secrets) {
  Json uc = r.value("user_config", Json::object());
  const Json* schema = w.catalog.UserConfigSchema(type);
  return include_secrets || schema == nullptr ? uc : RedactSecure(*schema, uc);
}

}  // namespace

Json ServiceView(const World& w, const Json& doc, const std::string& project, const Json& r,
                 double now, bool include_secrets) {
  const std::string type = r.at("service_type");
  const std::string plan = r.at("plan");
  const std::string cloud = r.at("cloud_name");
  const Json maint = r.value("maintenance", Json::object());
  Json s{{"service_name", r.at("service_name")},
         {"service_type", type},
         {"plan", plan},
         {"cloud_name", cloud},
         {"state", ServiceState(r, now)},
         {"create_time", IsoTime(r.at("create_time"))},
         {"update_time", IsoTime(r.at("update_time"))},
         {"project_vpc_id", r.value("project_vpc_id", Json())},
         {"termination_protection", r.value("termination_protection", false)},
         {"user_config", UserConfigView(w, type, r, include_secrets)},
         {"group_list", Json::array({"default"})},
         {"tags", r.value("tags", Json::object())},
         {"tech_emails", r.value("tech_emails", Json::array())},
         {"node_count", r.value("node_count", 1)},
         {"disk_space_mb", r.value("disk_space_mb", 0)},
         {"features", Json::object()},
         {"metadata", Json::object()},
         {"node_states", NodeStates(r, now)},
         {"backups", Backups(r, now)},
         {"maintenance",
          {{"dow", maint.value("dow", "sunday")},
           {"time", maint.value("time", "02:00:00")},
           {"updates", Json::array()},
           {"enabled", true}}}};
  if (const Json* p = w.catalog.Plan(type, plan)) {
    const Json region = p->value("regions", Json::object()).value(cloud, Json::object());
    s["node_cpu_count"] = region.value("node_cpu_count", 1);
    s["node_memory_mb"] = region.value("node_memory_mb", 1024.0);
  }
  Json users = Json::array();
  // Named copies: a range-for over .items() of a temporary would dangle.
  const Json user_records = r.value("users", Json::object());
  const Json db_records = r.value("databases", Json::object());
  for (const auto& [name, u] : user_records.items()) {
    users.push_back(UserView(u, include_secrets));
  }
  s["users"] = users;
  Json dbs = Json::array();
  for (const auto& [name, db] : db_records.items()) dbs.push_back(name);
  if (HasDatabases(type)) s["databases"] = dbs;
  if (type == "kafka") {
    s["acl"] = AclList(r, "acl");
    s["schema_registry_acl"] = AclList(r, "schema_registry_acl");
  }

  s["service_integrations"] = IntegrationsForService(doc, project, r.at("service_name"), now);

  const std::string admin = PrimaryUser(type);
  const Json admin_user = user_records.value(admin, Json::object());
  ServiceEndpointInput in{project,
                          r.at("service_name"),
                          type,
                          cloud,
                          admin,
                          include_secrets ? admin_user.value("password", "") : kRedacted,
                          HasDatabases(type) ? "defaultdb" : "",
                          r.value("node_count", 1),
                          r.value("user_config", Json::object())};
  AddConnectionDetails(in, s);
  if (type == "pg") s["connection_pools"] = PoolsView(r, s, include_secrets);
  return s;
}

}  // namespace aivenctl::emulator
