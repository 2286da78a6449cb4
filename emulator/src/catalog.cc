#include "catalog.h"

#include <fstream>
#include <sstream>

#include "embedded_data.h"
#include "user_config_check.h"

namespace aivenctl::emulator {
namespace {

// Shape checks for Load: each returns "" or "<where>: <what is wrong>".
std::string NeedObject(const Json& j, const std::string& where) {
  return j.is_object() ? "" : where + ": must be an object";
}
std::string NeedArray(const Json& j, const std::string& where) {
  return j.is_array() ? "" : where + ": must be an array";
}
std::string NeedString(const Json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end()) return where + "." + key + ": missing";
  return it->is_string() ? "" : where + "." + key + ": must be a string";
}
std::string NeedInt(const Json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end()) return where + "." + key + ": missing";
  return it->is_number_integer() ? "" : where + "." + key + ": must be an integer";
}
std::string NeedStringList(const Json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_array()) return where + "." + key + ": must be an array";
  for (const Json& s : *it) {
    if (!s.is_string()) return where + "." + key + ": must hold strings only";
  }
  return "";
}

#define AIVEN_CHECK(expr)           \
  do {                              \
    std::string why_ = (expr);      \
    if (!why_.empty()) return why_; \
  } while (false)

std::string CheckPlan(const Json& plan, const std::string& type, const std::string& where) {
  AIVEN_CHECK(NeedObject(plan, where));
  AIVEN_CHECK(NeedString(plan, "service_plan", where));
  AIVEN_CHECK(NeedString(plan, "service_type", where));
  if (plan["service_type"] != type) return where + ".service_type: must be \"" + type + "\"";
  AIVEN_CHECK(NeedInt(plan, "node_count", where));
  if (plan["node_count"].get<int64_t>() < 1) return where + ".node_count: must be at least 1";
  AIVEN_CHECK(NeedInt(plan, "disk_space_mb", where));
  const std::string bc = where + ".backup_config";
  AIVEN_CHECK(NeedObject(plan.value("backup_config", Json()), bc));
  AIVEN_CHECK(NeedInt(plan["backup_config"], "interval", bc));
  AIVEN_CHECK(NeedInt(plan["backup_config"], "max_count", bc));
  AIVEN_CHECK(NeedString(plan["backup_config"], "recovery_mode", bc));
  const std::string rw = where + ".regions";
  AIVEN_CHECK(NeedObject(plan.value("regions", Json()), rw));
  for (auto it = plan["regions"].begin(); it != plan["regions"].end(); ++it) {
    const std::string r = rw + "." + it.key();
    AIVEN_CHECK(NeedObject(*it, r));
    AIVEN_CHECK(NeedString(*it, "price_usd", r));
    AIVEN_CHECK(NeedInt(*it, "node_memory_mb", r));
    AIVEN_CHECK(NeedInt(*it, "node_cpu_count", r));
  }
  return "";
}

std::string CheckShape(const Json& d) {
  AIVEN_CHECK(NeedObject(d, "top level"));
  AIVEN_CHECK(NeedArray(d.value("clouds", Json()), "clouds"));
  for (std::size_t i = 0; i < d["clouds"].size(); ++i) {
    const Json& c = d["clouds"][i];
    const std::string w = "clouds[" + std::to_string(i) + "]";
    AIVEN_CHECK(NeedObject(c, w));
    for (const char* key : {"cloud_name", "cloud_description", "geo_region", "provider"}) {
      AIVEN_CHECK(NeedString(c, key, w));
    }
  }
  AIVEN_CHECK(NeedObject(d.value("service_types", Json()), "service_types"));
  for (auto it = d["service_types"].begin(); it != d["service_types"].end(); ++it) {
    const std::string w = "service_types." + it.key();
    AIVEN_CHECK(NeedObject(*it, w));
    AIVEN_CHECK(NeedString(*it, "description", w));
    AIVEN_CHECK(NeedObject(it->value("user_config_schema", Json()), w + ".user_config_schema"));
    AIVEN_CHECK(NeedArray(it->value("service_plans", Json()), w + ".service_plans"));
    const Json& plans = (*it)["service_plans"];
    for (std::size_t i = 0; i < plans.size(); ++i) {
      AIVEN_CHECK(CheckPlan(plans[i], it.key(), w + ".service_plans[" + std::to_string(i) + "]"));
    }
  }
  AIVEN_CHECK(NeedArray(d.value("integration_types", Json()), "integration_types"));
  for (std::size_t i = 0; i < d["integration_types"].size(); ++i) {
    const Json& t = d["integration_types"][i];
    const std::string w = "integration_types[" + std::to_string(i) + "]";
    AIVEN_CHECK(NeedObject(t, w));
    AIVEN_CHECK(NeedString(t, "integration_type", w));
    AIVEN_CHECK(NeedStringList(t, "source_service_types", w));
    AIVEN_CHECK(NeedStringList(t, "dest_service_types", w));
    AIVEN_CHECK(NeedObject(t.value("user_config_schema", Json()), w + ".user_config_schema"));
  }
  AIVEN_CHECK(NeedArray(d.value("endpoint_types", Json()), "endpoint_types"));
  for (std::size_t i = 0; i < d["endpoint_types"].size(); ++i) {
    const Json& t = d["endpoint_types"][i];
    const std::string w = "endpoint_types[" + std::to_string(i) + "]";
    AIVEN_CHECK(NeedObject(t, w));
    AIVEN_CHECK(NeedString(t, "endpoint_type", w));
    AIVEN_CHECK(NeedString(t, "title", w));
    AIVEN_CHECK(NeedStringList(t, "service_types", w));
  }
  return "";
}

#undef AIVEN_CHECK

bool Contains(const Json& list, const std::string& s) {
  if (!list.is_array()) return false;
  for (const Json& item : list) {
    if (item == s) return true;
  }
  return false;
}

}  // namespace

std::optional<Catalog> Catalog::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open the catalog file";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path, error);
}

std::optional<Catalog> Catalog::LoadOrBuiltIn(const std::string& path, std::string* error) {
  if (path.empty()) return Parse(EmbeddedCatalog(), "built-in catalog", error);
  return Load(path, error);
}

std::optional<Catalog> Catalog::Parse(std::string_view text, const std::string& origin,
                                      std::string* error) {
  Catalog c;
  try {
    c.data_ = Json::parse(text);
  } catch (const Json::parse_error& e) {
    *error = origin + ": not valid JSON: " + e.what();
    return std::nullopt;
  }
  if (std::string why = CheckShape(c.data_); !why.empty()) {
    *error = origin + ": " + why;
    return std::nullopt;
  }
  const Json& clouds = c.data_["clouds"];
  for (std::size_t i = 0; i < clouds.size(); ++i)
    c.cloud_index_[clouds[i]["cloud_name"].get<std::string>()] = i;
  for (auto& [type, entry] : c.data_["service_types"].items()) {
    const Json& plans = entry["service_plans"];
    for (std::size_t i = 0; i < plans.size(); ++i) {
      c.plans_[{type, plans[i]["service_plan"].get<std::string>()}] = i;
    }
  }
  const Json& itypes = c.data_["integration_types"];
  for (std::size_t i = 0; i < itypes.size(); ++i) {
    c.integration_types_[itypes[i]["integration_type"].get<std::string>()] = i;
  }
  const Json& etypes = c.data_["endpoint_types"];
  for (std::size_t i = 0; i < etypes.size(); ++i)
    c.endpoint_types_[etypes[i]["endpoint_type"].get<std::string>()] = i;
  return c;
}

Json Catalog::CloudsBody() const { return Json{{"clouds", data_["clouds"]}}; }

bool Catalog::HasCloud(const std::string& cloud) const { return cloud_index_.count(cloud) > 0; }

const Json* Catalog::Cloud(const std::string& cloud) const {
  auto it = cloud_index_.find(cloud);
  return it == cloud_index_.end() ? nullptr : &data_["clouds"][it->second];
}

std::string Catalog::ExtraDiskPricePerGbUsd(const std::string& cloud) const {
  const Json* c = Cloud(cloud);
  if (!c) return "";
  const Json& prices = data_.value("extra_disk_price_per_gb_usd", Json::object());
  return prices.value((*c)["provider"].get<std::string>(), std::string("0.000137"));
}

Json Catalog::ServiceTypesBody() const { return Json{{"service_types", data_["service_types"]}}; }

bool Catalog::HasServiceType(const std::string& type) const {
  return data_["service_types"].contains(type);
}

const Json* Catalog::ServiceType(const std::string& type) const {
  const Json& types = data_["service_types"];
  auto it = types.find(type);
  return it == types.end() ? nullptr : &*it;
}

const Json* Catalog::Plan(const std::string& type, const std::string& plan) const {
  auto it = plans_.find({type, plan});
  if (it == plans_.end()) return nullptr;
  return &data_["service_types"][type]["service_plans"][it->second];
}

const Json* Catalog::UserConfigSchema(const std::string& type) const {
  const Json* t = ServiceType(type);
  return t ? &(*t)["user_config_schema"] : nullptr;
}

std::string Catalog::DefaultVersion(const std::string& type) const {
  const Json* t = ServiceType(type);
  return t ? t->value("default_version", std::string()) : std::string();
}

int Catalog::NodeCount(const std::string& type, const std::string& plan) const {
  const Json* p = Plan(type, plan);
  return p ? p->value("node_count", 1) : 1;
}

double Catalog::BuildMultiplier(const std::string& type, const std::string& plan) const {
  const Json& m = data_.value("build_multipliers", Json::object());
  double by_type = m.value("service_types", Json::object()).value(type, 1.0);
  std::string tier = plan.substr(0, plan.find('-'));
  double by_tier = m.value("plan_tiers", Json::object()).value(tier, 1.0);
  return by_type * by_tier;
}

std::optional<std::string> Catalog::CheckUserConfig(const std::string& type,
                                                    const Json& user_config) const {
  const Json* schema = UserConfigSchema(type);
  if (!schema) return "Invalid service_type '" + type + "'";
  if (user_config.is_null()) return std::nullopt;
  return CheckAgainstSchema(*schema, user_config, "user_config");
}

std::optional<std::string> Catalog::CheckIntegrationUserConfig(const std::string& integration_type,
                                                               const Json& user_config) const {
  auto it = integration_types_.find(integration_type);
  if (it == integration_types_.end()) return "Invalid integration_type '" + integration_type + "'";
  if (user_config.is_null()) return std::nullopt;
  const Json& schema = data_["integration_types"][it->second]["user_config_schema"];
  return CheckAgainstSchema(schema, user_config, "user_config");
}

std::optional<std::string> Catalog::CheckEndpointUserConfig(const std::string& endpoint_type,
                                                            const Json& user_config) const {
  auto it = endpoint_types_.find(endpoint_type);
  if (it == endpoint_types_.end()) return "Invalid endpoint_type '" + endpoint_type + "'";
  if (user_config.is_null()) return std::nullopt;
  const Json& schema = data_["endpoint_types"][it->second]["user_config_schema"];
  return CheckAgainstSchema(schema, user_config, "user_config");
}

Json Catalog::IntegrationTypesBody() const {
  Json list = Json::array();
  for (const Json& t : data_["integration_types"]) {
    Json item = t;
    item.erase("source_endpoint_types");  // the emulator's own keys, not Aiven's
    item.erase("dest_endpoint_types");
    const Json& dests = t["dest_service_types"];
    item["dest_service_type"] = dests.empty() ? "" : dests[0];  // deprecated, still required
    list.push_back(std::move(item));
  }
  return Json{{"integration_types", std::move(list)}};
}

Json Catalog::EndpointTypesBody() const {
  return Json{{"endpoint_types", data_["endpoint_types"]}};
}

bool Catalog::IntegrationAllowed(const std::string& integration_type,
                                 const std::string& source_type,
                                 const std::string& dest_type) const {
  auto it = integration_types_.find(integration_type);
  if (it == integration_types_.end()) return false;
  const Json& t = data_["integration_types"][it->second];
  auto end_ok = [&t](const std::string& type, const char* services, const char* endpoints) {
    if (type.empty()) return !t.value(endpoints, Json::array()).empty();
    return Contains(t[services], type);
  };
  if (!end_ok(source_type, "source_service_types", "source_endpoint_types")) return false;
  if (!end_ok(dest_type, "dest_service_types", "dest_endpoint_types")) return false;
  bool same_only = Contains(data_.value("same_type_integrations", Json::array()), integration_type);
  return !same_only || source_type.empty() || dest_type.empty() || source_type == dest_type;
}

bool Catalog::EndpointIntegrationAllowed(const std::string& integration_type,
                                         const std::string& endpoint_type,
                                         bool endpoint_is_source) const {
  auto it = integration_types_.find(integration_type);
  if (it == integration_types_.end() || !HasEndpointType(endpoint_type)) return false;
  const Json& t = data_["integration_types"][it->second];
  const char* key = endpoint_is_source ? "source_endpoint_types" : "dest_endpoint_types";
  return Contains(t.value(key, Json::array()), endpoint_type);
}

bool Catalog::HasEndpointType(const std::string& endpoint_type) const {
  return endpoint_types_.count(endpoint_type) > 0;
}

}  // namespace aivenctl::emulator
