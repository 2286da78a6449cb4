#include "diff/request_json.h"

#include <type_traits>
#include <utility>

#include "diff/json_read.h"

namespace aivenctl::diff {
namespace {

using internal::JsonReadError;
using internal::ObjectReader;
using nlohmann::json;

json TagsObject(const model::Tags& tags) {
  json out = json::object();
  for (const auto& [k, v] : tags) out[k] = v;
  return out;
}

json TagsList(const model::Tags& tags) {
  json out = json::array();
  for (const auto& [k, v] : tags) out.push_back({{"key", k}, {"value", v}});
  return out;
}

json MaintenanceJson(const model::Maintenance& m) { return {{"dow", m.dow}, {"time", m.time}}; }

std::optional<model::Maintenance> ReadMaintenance(ObjectReader& in) {
  auto m = in.OptNested("maintenance");
  if (!m) return std::nullopt;
  model::Maintenance out{m->Str("dow"), m->Str("time")};
  m->Finish();
  return out;
}

template <typename T>
void Put(json& body, const char* key, const std::optional<T>& value) {
  if (value) body[key] = *value;
}

// --- To JSON: one Encode per alternative (a missing one does not compile) ------------------

json Encode(const NoRequest&) { return json::object(); }
json Encode(const ProjectCreate& r) { return {{"create", Body(r)}}; }
json Encode(const ProjectUpdate& r) { return {{"tags", TagsObject(r.tags)}}; }
json Encode(const ProjectDelete&) { return json::object(); }
json Encode(const ServiceCreate& r) { return {{"create", Body(r)}}; }
json Encode(const ServiceUpdate& r) {
  json out = json::object();
  if (r.changes) out["update"] = Body(*r.changes);
  if (r.tags) out["tags"] = TagsObject(*r.tags);
  return out;
}
json Encode(const ServiceWait&) { return {{"wait", true}}; }
json Encode(const ServiceDelete& r) {
  json out = json::object();
  if (r.unprotect) out["unprotect"] = true;
  if (r.wait_only) out["wait_only"] = true;
  return out;
}
json Encode(const DatabaseCreate& r) { return {{"create", Body(r)}}; }
json Encode(const DatabaseDelete&) { return json::object(); }
json Encode(const UserCreate& r) { return {{"create", Body(r)}}; }
json Encode(const UserUpdate& r) { return {{"access_control", r.access_control}}; }
json Encode(const UserDelete&) { return json::object(); }
json Encode(const TopicCreate& r) { return {{"create", Body(r)}}; }
json Encode(const TopicUpdate& r) { return {{"update", Body(r.changes)}}; }
json Encode(const TopicDelete&) { return json::object(); }
json Encode(const IntegrationCreate& r) { return {{"create", Body(r)}}; }
json Encode(const IntegrationUpdate& r) {
  return {{"id", r.id}, {"update", {{"user_config", r.user_config}}}};
}
json Encode(const IntegrationDelete& r) { return {{"id", r.id}}; }

// --- From JSON: one Read per alternative -----------------------------------------------------

void Read(ObjectReader& in, ProjectCreate& r) {
  ObjectReader body = in.Nested("create");
  r.name = body.Str("project");
  r.cloud = body.OptStr("cloud");
  r.billing_group_id = body.OptStr("billing_group_id");
  r.account_id = body.OptStr("account_id");
  r.tags = body.TagMap("tags");
  body.Finish();
}
void Read(ObjectReader& in, ProjectUpdate& r) { r.tags = in.TagMap("tags"); }
void Read(ObjectReader&, ProjectDelete&) {}
void Read(ObjectReader& in, ServiceCreate& r) {
  ObjectReader body = in.Nested("create");
  r.name = body.Str("service_name");
  r.type = body.Str("service_type");
  r.plan = body.Str("plan");
  r.cloud = body.OptStr("cloud");
  r.user_config = body.OptObject("user_config");
  r.maintenance = ReadMaintenance(body);
  r.termination_protection = body.OptBool("termination_protection");
  r.disk_space_mb = body.OptInt64("disk_space_mb");
  r.tags = body.TagMap("tags");
  body.Finish();
}
void Read(ObjectReader& in, ServiceUpdate& r) {
  if (auto body = in.OptNested("update")) {
    ServiceChanges& c = r.changes.emplace();
    c.plan = body->OptStr("plan");
    c.cloud = body->OptStr("cloud");
    c.user_config = body->OptObject("user_config");
    c.termination_protection = body->OptBool("termination_protection");
    c.maintenance = ReadMaintenance(*body);
    c.disk_space_mb = body->OptInt64("disk_space_mb");
    c.powered = body->OptBool("powered");
    body->Finish();
  }
  r.tags = in.OptTagMap("tags");
}
void Read(ObjectReader& in, ServiceWait&) {
  if (in.OptBool("wait") != true) throw JsonReadError(in.path() + ".wait: expected true");
  in.Finish();  // "wait" stands alone
}
void Read(ObjectReader& in, ServiceDelete& r) {
  r.unprotect = in.OptBool("unprotect").value_or(false);
  r.wait_only = in.OptBool("wait_only").value_or(false);
}
void Read(ObjectReader& in, DatabaseCreate& r) {
  ObjectReader body = in.Nested("create");
  r.name = body.Str("database");
  r.lc_collate = body.OptStr("lc_collate");
  r.lc_ctype = body.OptStr("lc_ctype");
  body.Finish();
}
void Read(ObjectReader&, DatabaseDelete&) {}
void Read(ObjectReader& in, UserCreate& r) {
  ObjectReader body = in.Nested("create");
  r.name = body.Str("username");
  r.authentication = body.OptStr("authentication");
  r.access_control = body.OptObject("access_control");
  body.Finish();
}
void Read(ObjectReader& in, UserUpdate& r) { r.access_control = in.Object("access_control"); }
void Read(ObjectReader&, UserDelete&) {}
void Read(ObjectReader& in, TopicCreate& r) {
  ObjectReader body = in.Nested("create");
  r.name = body.Str("topic_name");
  r.partitions = body.OptInt("partitions");
  r.replication = body.OptInt("replication");
  r.min_insync_replicas = body.OptInt("min_insync_replicas");
  r.config = body.OptObject("config");
  r.description = body.OptStr("topic_description");
  r.tags = body.TagList("tags");
  body.Finish();
}
void Read(ObjectReader& in, TopicUpdate& r) {
  ObjectReader body = in.Nested("update");
  TopicChanges& c = r.changes;
  c.partitions = body.OptInt("partitions");
  c.replication = body.OptInt("replication");
  c.min_insync_replicas = body.OptInt("min_insync_replicas");
  c.config = body.OptObject("config");
  c.description = body.OptStr("topic_description");
  c.tags = body.OptTagList("tags");
  body.Finish();
}
void Read(ObjectReader&, TopicDelete&) {}
void Read(ObjectReader& in, IntegrationCreate& r) {
  ObjectReader body = in.Nested("create");
  r.type = body.Str("integration_type");
  r.source_project = body.Str("source_project");
  r.source_service = body.Str("source_service");
  r.dest_project = body.Str("dest_project");
  r.dest_service = body.Str("dest_service");
  r.user_config = body.OptObject("user_config");
  body.Finish();
}
void Read(ObjectReader& in, IntegrationUpdate& r) {
  r.id = in.Str("id");
  ObjectReader body = in.Nested("update");
  r.user_config = body.Object("user_config");
  body.Finish();
}
void Read(ObjectReader& in, IntegrationDelete& r) { r.id = in.Str("id"); }

// Which alternative a JSON request is when several share a kind and action: a service
// update that says "wait" is a ServiceWait.
template <typename T>
bool Claims(const ObjectReader&) {
  return true;
}
template <>
bool Claims<ServiceUpdate>(const ObjectReader& in) {
  return !in.Has("wait");
}
template <>
bool Claims<ServiceWait>(const ObjectReader& in) {
  return in.Has("wait");
}

// The first alternative (from index I on) for `kind` and `action` that claims the JSON.
template <std::size_t I = 1>
Request Decode(core::Kind kind, Action action, ObjectReader& in) {
  if constexpr (I == std::variant_size_v<Request>) {
    throw JsonReadError(in.path() + ": a " + core::KindName(kind) + " has no " +
                        ActionName(action) + " operation");
  } else {
    using T = std::variant_alternative_t<I, Request>;
    if (T::kKind != kind || T::kAction != action || !Claims<T>(in)) {
      return Decode<I + 1>(kind, action, in);
    }
    T request;
    Read(in, request);
    in.Finish();
    return request;
  }
}

}  // namespace

json Body(const ProjectCreate& r) {
  json body = {{"project", r.name}};
  Put(body, "cloud", r.cloud);
  Put(body, "billing_group_id", r.billing_group_id);
  Put(body, "account_id", r.account_id);
  body["tags"] = TagsObject(r.tags);
  return body;
}

json Body(const ServiceCreate& r) {
  json body = {{"service_name", r.name}, {"service_type", r.type}, {"plan", r.plan}};
  Put(body, "cloud", r.cloud);
  Put(body, "user_config", r.user_config);
  if (r.maintenance) body["maintenance"] = MaintenanceJson(*r.maintenance);
  Put(body, "termination_protection", r.termination_protection);
  Put(body, "disk_space_mb", r.disk_space_mb);
  body["tags"] = TagsObject(r.tags);
  return body;
}

json Body(const ServiceChanges& r) {
  json body = json::object();
  Put(body, "plan", r.plan);
  Put(body, "cloud", r.cloud);
  Put(body, "user_config", r.user_config);
  Put(body, "termination_protection", r.termination_protection);
  if (r.maintenance) body["maintenance"] = MaintenanceJson(*r.maintenance);
  Put(body, "disk_space_mb", r.disk_space_mb);
  Put(body, "powered", r.powered);
  return body;
}

json Body(const DatabaseCreate& r) {
  json body = {{"database", r.name}};
  Put(body, "lc_collate", r.lc_collate);
  Put(body, "lc_ctype", r.lc_ctype);
  return body;
}

json Body(const UserCreate& r) {
  json body = {{"username", r.name}};
  Put(body, "authentication", r.authentication);
  Put(body, "access_control", r.access_control);
  return body;
}

json Body(const TopicCreate& r) {
  json body = {{"topic_name", r.name}};
  Put(body, "partitions", r.partitions);
  Put(body, "replication", r.replication);
  Put(body, "min_insync_replicas", r.min_insync_replicas);
  Put(body, "config", r.config);
  Put(body, "topic_description", r.description);
  body["tags"] = TagsList(r.tags);
  return body;
}

json Body(const TopicChanges& r) {
  json body = json::object();
  Put(body, "partitions", r.partitions);
  Put(body, "replication", r.replication);
  Put(body, "min_insync_replicas", r.min_insync_replicas);
  Put(body, "config", r.config);
  Put(body, "topic_description", r.description);
  if (r.tags) body["tags"] = TagsList(*r.tags);
  return body;
}

json Body(const IntegrationCreate& r) {
  json body = {{"integration_type", r.type},
               {"source_project", r.source_project},
               {"source_service", r.source_service},
               {"dest_project", r.dest_project},
               {"dest_service", r.dest_service}};
  Put(body, "user_config", r.user_config);
  return body;
}

json RequestToJson(const Request& request) {
  return std::visit([](const auto& r) { return Encode(r); }, request);
}

core::Result<Request> RequestFromJson(core::Kind kind, Action action, const json& j,
                                      const std::string& path) {
  try {
    ObjectReader in(j, path);
    return Decode(kind, action, in);
  } catch (const JsonReadError& e) {
    return core::InvalidArgument(e.what());
  }
}

}  // namespace aivenctl::diff
