#include "diff/request_json.h"

#include <optional>
#include <tuple>
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

// --- API bodies: one table of keys per struct, read and written by the same entries --------

// One key of an API body and the struct member it maps to. An optional member is written
// only when set and read when present; the others are required. kAsList: a tag map
// written as [{key, value}] (topics) instead of an object.
template <typename S, typename T, bool kAsList = false>
struct Key {
  const char* name;
  T S::*member;
};
template <typename S, typename T>
constexpr Key<S, T> K(const char* name, T S::*member) {
  return {name, member};
}
template <typename S, typename T>
constexpr Key<S, T, true> L(const char* name, T S::*member) {
  return {name, member};
}

auto Keys(const ProjectCreate*) {
  using R = ProjectCreate;
  return std::tuple(K("project", &R::name), K("cloud", &R::cloud),
                    K("billing_group_id", &R::billing_group_id), K("account_id", &R::account_id),
                    K("tags", &R::tags));
}
auto Keys(const ServiceCreate*) {
  using R = ServiceCreate;
  return std::tuple(
      K("service_name", &R::name), K("service_type", &R::type), K("plan", &R::plan),
      K("cloud", &R::cloud), K("user_config", &R::user_config), K("maintenance", &R::maintenance),
      K("termination_protection", &R::termination_protection),
      K("disk_space_mb", &R::disk_space_mb), K("tags", &R::tags), K("project_vpc", &R::vpc_cloud));
}
auto Keys(const ServiceChanges*) {
  using R = ServiceChanges;
  return std::tuple(K("plan", &R::plan), K("cloud", &R::cloud), K("user_config", &R::user_config),
                    K("termination_protection", &R::termination_protection),
                    K("maintenance", &R::maintenance), K("disk_space_mb", &R::disk_space_mb),
                    K("powered", &R::powered), K("project_vpc", &R::vpc_cloud));
}
auto Keys(const VpcCreate*) {
  using R = VpcCreate;
  return std::tuple(K("network_cidr", &R::network_cidr));
}
auto Keys(const DatabaseCreate*) {
  using R = DatabaseCreate;
  return std::tuple(K("database", &R::name), K("lc_collate", &R::lc_collate),
                    K("lc_ctype", &R::lc_ctype));
}
auto Keys(const ClickhouseDatabaseCreate*) {
  using R = ClickhouseDatabaseCreate;
  return std::tuple(K("database", &R::name));
}
auto Keys(const PoolCreate*) {
  using R = PoolCreate;
  return std::tuple(K("pool_name", &R::name), K("database", &R::database),
                    K("username", &R::username), K("pool_size", &R::size),
                    K("pool_mode", &R::mode));
}
auto Keys(const PoolUpdate*) {
  using R = PoolUpdate;
  return std::tuple(K("database", &R::database), K("username", &R::username),
                    K("pool_size", &R::size), K("pool_mode", &R::mode));
}
auto Keys(const UserCreate*) {
  using R = UserCreate;
  return std::tuple(K("username", &R::name), K("authentication", &R::authentication),
                    K("access_control", &R::access_control));
}
auto Keys(const TopicCreate*) {
  using R = TopicCreate;
  return std::tuple(K("topic_name", &R::name), K("partitions", &R::partitions),
                    K("replication", &R::replication),
                    K("min_insync_replicas", &R::min_insync_replicas), K("config", &R::config),
                    K("topic_description", &R::description), L("tags", &R::tags));
}
auto Keys(const TopicChanges*) {
  using R = TopicChanges;
  return std::tuple(K("partitions", &R::partitions), K("replication", &R::replication),
                    K("min_insync_replicas", &R::min_insync_replicas), K("config", &R::config),
                    K("topic_description", &R::description), L("tags", &R::tags));
}
auto Keys(const KafkaAclCreate*) {
  using R = KafkaAclCreate;
  return std::tuple(K("username", &R::username), K("topic", &R::topic),
                    K("permission", &R::permission));
}
auto Keys(const SchemaRegistryAclCreate*) {
  using R = SchemaRegistryAclCreate;
  return std::tuple(K("username", &R::username), K("resource", &R::resource),
                    K("permission", &R::permission));
}
// The registration body; the compatibility level travels beside it (another call).
auto Keys(const SchemaCreate*) {
  using R = SchemaCreate;
  return std::tuple(K("schema", &R::schema), K("schemaType", &R::type));
}
auto Keys(const IntegrationCreate*) {
  using R = IntegrationCreate;
  return std::tuple(K("integration_type", &R::type), K("source_project", &R::source_project),
                    K("source_service", &R::source_service), K("dest_project", &R::dest_project),
                    K("dest_service", &R::dest_service), K("user_config", &R::user_config),
                    K("source_endpoint", &R::source_endpoint),
                    K("dest_endpoint", &R::dest_endpoint));
}
auto Keys(const EndpointCreate*) {
  using R = EndpointCreate;
  return std::tuple(K("endpoint_name", &R::name), K("endpoint_type", &R::type),
                    K("user_config", &R::user_config));
}

// Writing one value.
void Put(json& body, const char* key, const std::string& v) { body[key] = v; }
void Put(json& body, const char* key, bool v) { body[key] = v; }
void Put(json& body, const char* key, int v) { body[key] = v; }
void Put(json& body, const char* key, long long v) { body[key] = v; }
void Put(json& body, const char* key, const json& v) { body[key] = v; }
void Put(json& body, const char* key, const model::Tags& v) { body[key] = TagsObject(v); }
void Put(json& body, const char* key, const model::Maintenance& v) {
  body[key] = {{"dow", v.dow}, {"time", v.time}};
}
template <typename T>
void Put(json& body, const char* key, const std::optional<T>& v) {
  if (v) Put(body, key, *v);
}
void PutList(json& body, const char* key, const model::Tags& v) { body[key] = TagsList(v); }
void PutList(json& body, const char* key, const std::optional<model::Tags>& v) {
  if (v) PutList(body, key, *v);
}

// Reading one value.
void Get(ObjectReader& in, const char* key, std::string& v) { v = in.Str(key); }
void Get(ObjectReader& in, const char* key, std::optional<std::string>& v) { v = in.OptStr(key); }
void Get(ObjectReader& in, const char* key, std::optional<bool>& v) { v = in.OptBool(key); }
void Get(ObjectReader& in, const char* key, std::optional<int>& v) { v = in.OptInt(key); }
void Get(ObjectReader& in, const char* key, std::optional<long long>& v) { v = in.OptInt64(key); }
void Get(ObjectReader& in, const char* key, std::optional<json>& v) { v = in.OptObject(key); }
void Get(ObjectReader& in, const char* key, json& v) { v = in.Object(key); }
void Get(ObjectReader& in, const char* key, model::Tags& v) { v = in.TagMap(key); }
void Get(ObjectReader& in, const char* key, std::optional<model::Maintenance>& v) {
  auto m = in.OptNested(key);
  if (!m) return;
  v = model::Maintenance{m->Str("dow"), m->Str("time")};
  m->Finish();
}
void GetList(ObjectReader& in, const char* key, model::Tags& v) { v = in.TagList(key); }
void GetList(ObjectReader& in, const char* key, std::optional<model::Tags>& v) {
  v = in.OptTagList(key);
}

template <typename S, typename T, bool kAsList>
void Write(json& body, const S& s, const Key<S, T, kAsList>& k) {
  if constexpr (kAsList) {
    PutList(body, k.name, s.*k.member);
  } else {
    Put(body, k.name, s.*k.member);
  }
}
template <typename S, typename T, bool kAsList>
void Read(ObjectReader& in, S& s, const Key<S, T, kAsList>& k) {
  if constexpr (kAsList) {
    GetList(in, k.name, s.*k.member);
  } else {
    Get(in, k.name, s.*k.member);
  }
}

template <typename S>
json WriteBody(const S& s) {
  json body = json::object();
  std::apply([&](const auto&... k) { (Write(body, s, k), ...); }, Keys(&s));
  return body;
}

template <typename S>
S ReadBody(ObjectReader body) {
  S s;
  std::apply([&](const auto&... k) { (Read(body, s, k), ...); }, Keys(&s));
  body.Finish();
  return s;
}

// --- To JSON: one Encode per alternative (a missing one does not compile) ------------------

json Encode(const NoRequest&) { return json::object(); }
json Encode(const ProjectCreate& r) { return {{"create", Body(r)}}; }
json Encode(const ProjectUpdate& r) { return {{"tags", TagsObject(r.tags)}}; }
json Encode(const ProjectDelete&) { return json::object(); }
json Encode(const VpcCreate& r) { return {{"create", WriteBody(r)}}; }
json Encode(const VpcWait&) { return {{"wait", true}}; }
json Encode(const VpcDelete& r) { return {{"id", r.id}}; }
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
json Encode(const ClickhouseDatabaseCreate& r) {
  return {{"clickhouse", true}, {"create", Body(r)}};
}
json Encode(const ClickhouseDatabaseDelete&) { return {{"clickhouse", true}}; }
json Encode(const PoolCreate& r) { return {{"create", Body(r)}}; }
json Encode(const PoolUpdate& r) { return {{"update", Body(r)}}; }
json Encode(const PoolDelete&) { return json::object(); }
json Encode(const UserCreate& r) { return {{"create", Body(r)}}; }
json Encode(const UserUpdate& r) { return {{"access_control", r.access_control}}; }
json Encode(const UserDelete&) { return json::object(); }
json Encode(const TopicCreate& r) { return {{"create", Body(r)}}; }
json Encode(const TopicUpdate& r) { return {{"update", Body(r.changes)}}; }
json Encode(const TopicDelete&) { return json::object(); }
json Encode(const KafkaAclCreate& r) { return {{"create", WriteBody(r)}}; }
json Encode(const KafkaAclDelete& r) { return {{"id", r.id}}; }
json Encode(const SchemaRegistryAclCreate& r) { return {{"create", WriteBody(r)}}; }
json Encode(const SchemaRegistryAclDelete& r) { return {{"id", r.id}}; }
json Encode(const SchemaCreate& r) {
  json out = {{"create", WriteBody(r)}};
  if (r.compatibility) out["compatibility"] = *r.compatibility;
  return out;
}
json Encode(const SchemaUpdate& r) {
  json out = json::object();
  if (r.schema) out["register"] = {{"schema", *r.schema}, {"schemaType", r.type.value_or("AVRO")}};
  if (r.compatibility) out["compatibility"] = *r.compatibility;
  return out;
}
json Encode(const SchemaDelete&) { return json::object(); }
json Encode(const IntegrationCreate& r) { return {{"create", Body(r)}}; }
json Encode(const IntegrationUpdate& r) {
  return {{"id", r.id}, {"update", {{"user_config", r.user_config}}}};
}
json Encode(const IntegrationDelete& r) { return {{"id", r.id}}; }
json Encode(const EndpointCreate& r) { return {{"create", Body(r)}}; }
json Encode(const EndpointUpdate& r) {
  return {{"id", r.id}, {"update", {{"user_config", r.user_config}}}};
}
json Encode(const EndpointDelete& r) { return {{"id", r.id}}; }
json Encode(const ConnectorCreate& r) {
  return {{"create", {{"name", r.name}, {"connector.class", r.class_name}, {"config", r.config}}}};
}
json Encode(const ConnectorUpdate& r) {
  return {{"update", {{"connector.class", r.class_name}, {"config", r.config}}},
          {"changed", r.changed}};
}
json Encode(const ConnectorDelete&) { return json::object(); }

// --- From JSON: one Read per alternative --------------------------------------------------

void Read(ObjectReader& in, ProjectCreate& r) { r = ReadBody<ProjectCreate>(in.Nested("create")); }
void Read(ObjectReader& in, ProjectUpdate& r) { r.tags = in.TagMap("tags"); }
void Read(ObjectReader&, ProjectDelete&) {}
void Read(ObjectReader& in, VpcCreate& r) { r = ReadBody<VpcCreate>(in.Nested("create")); }
void Read(ObjectReader& in, VpcWait&) {
  if (in.OptBool("wait") != true) throw JsonReadError(in.path() + ".wait: expected true");
}
void Read(ObjectReader& in, VpcDelete& r) { r.id = in.Str("id"); }
void Read(ObjectReader& in, ServiceCreate& r) { r = ReadBody<ServiceCreate>(in.Nested("create")); }
void Read(ObjectReader& in, ServiceUpdate& r) {
  if (auto body = in.OptNested("update")) r.changes = ReadBody<ServiceChanges>(*body);
  r.tags = in.OptTagMap("tags");
}
void Read(ObjectReader& in, ServiceWait&) {
  if (in.OptBool("wait") != true) throw JsonReadError(in.path() + ".wait: expected true");
}
void Read(ObjectReader& in, ServiceDelete& r) {
  r.unprotect = in.OptBool("unprotect").value_or(false);
  r.wait_only = in.OptBool("wait_only").value_or(false);
}
void Read(ObjectReader& in, DatabaseCreate& r) {
  r = ReadBody<DatabaseCreate>(in.Nested("create"));
}
void Read(ObjectReader&, DatabaseDelete&) {}
void Read(ObjectReader& in, ClickhouseDatabaseCreate& r) {
  if (in.OptBool("clickhouse") != true)
    throw JsonReadError(in.path() + ".clickhouse: expected true");
  r = ReadBody<ClickhouseDatabaseCreate>(in.Nested("create"));
}
void Read(ObjectReader& in, ClickhouseDatabaseDelete&) {
  if (in.OptBool("clickhouse") != true)
    throw JsonReadError(in.path() + ".clickhouse: expected true");
}
void Read(ObjectReader& in, PoolCreate& r) { r = ReadBody<PoolCreate>(in.Nested("create")); }
void Read(ObjectReader& in, PoolUpdate& r) { r = ReadBody<PoolUpdate>(in.Nested("update")); }
void Read(ObjectReader&, PoolDelete&) {}
void Read(ObjectReader& in, UserCreate& r) { r = ReadBody<UserCreate>(in.Nested("create")); }
void Read(ObjectReader& in, UserUpdate& r) { r.access_control = in.Object("access_control"); }
void Read(ObjectReader&, UserDelete&) {}
void Read(ObjectReader& in, TopicCreate& r) { r = ReadBody<TopicCreate>(in.Nested("create")); }
void Read(ObjectReader& in, TopicUpdate& r) {
  r.changes = ReadBody<TopicChanges>(in.Nested("update"));
}
void Read(ObjectReader&, TopicDelete&) {}
void Read(ObjectReader& in, KafkaAclCreate& r) {
  r = ReadBody<KafkaAclCreate>(in.Nested("create"));
}
void Read(ObjectReader& in, KafkaAclDelete& r) { r.id = in.Str("id"); }
void Read(ObjectReader& in, SchemaRegistryAclCreate& r) {
  r = ReadBody<SchemaRegistryAclCreate>(in.Nested("create"));
}
void Read(ObjectReader& in, SchemaRegistryAclDelete& r) { r.id = in.Str("id"); }
void Read(ObjectReader& in, SchemaCreate& r) {
  r = ReadBody<SchemaCreate>(in.Nested("create"));
  r.compatibility = in.OptStr("compatibility");
}
void Read(ObjectReader& in, SchemaUpdate& r) {
  if (auto body = in.OptNested("register")) {
    r.schema = body->Str("schema");
    r.type = body->Str("schemaType");
    body->Finish();
  }
  r.compatibility = in.OptStr("compatibility");
  if (!r.schema && !r.compatibility) {
    throw JsonReadError(in.path() + ": a schema update needs \"register\" or \"compatibility\"");
  }
}
void Read(ObjectReader&, SchemaDelete&) {}
void Read(ObjectReader& in, IntegrationCreate& r) {
  r = ReadBody<IntegrationCreate>(in.Nested("create"));
}
void Read(ObjectReader& in, IntegrationUpdate& r) {
  r.id = in.Str("id");
  ObjectReader body = in.Nested("update");
  r.user_config = body.Object("user_config");
  body.Finish();
}
void Read(ObjectReader& in, IntegrationDelete& r) { r.id = in.Str("id"); }
void Read(ObjectReader& in, EndpointCreate& r) {
  r = ReadBody<EndpointCreate>(in.Nested("create"));
}
void Read(ObjectReader& in, EndpointUpdate& r) {
  r.id = in.Str("id");
  ObjectReader body = in.Nested("update");
  r.user_config = body.Object("user_config");
  body.Finish();
}
void Read(ObjectReader& in, EndpointDelete& r) { r.id = in.Str("id"); }
json ConfigOf(ObjectReader& in) {  // an object of strings (Kafka Connect configs)
  json out = json::object();
  for (auto& [k, v] : in.TagMap("config")) out[k] = std::move(v);
  return out;
}
void Read(ObjectReader& in, ConnectorCreate& r) {
  ObjectReader body = in.Nested("create");
  r.name = body.Str("name");
  r.class_name = body.Str("connector.class");
  r.config = ConfigOf(body);
  body.Finish();
}
void Read(ObjectReader& in, ConnectorUpdate& r) {
  ObjectReader body = in.Nested("update");
  r.class_name = body.Str("connector.class");
  r.config = ConfigOf(body);
  body.Finish();
  r.changed = in.StrList("changed");
}
void Read(ObjectReader&, ConnectorDelete&) {}

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
// A ClickHouse database's requests say "clickhouse" (its calls differ from pg's).
template <>
bool Claims<DatabaseCreate>(const ObjectReader& in) {
  return !in.Has("clickhouse");
}
template <>
bool Claims<DatabaseDelete>(const ObjectReader& in) {
  return !in.Has("clickhouse");
}
template <>
bool Claims<ClickhouseDatabaseCreate>(const ObjectReader& in) {
  return in.Has("clickhouse");
}
template <>
bool Claims<ClickhouseDatabaseDelete>(const ObjectReader& in) {
  return in.Has("clickhouse");
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

json Body(const ProjectCreate& r) { return WriteBody(r); }
json Body(const ServiceCreate& r) { return WriteBody(r); }
json Body(const ServiceChanges& r) { return WriteBody(r); }
json Body(const DatabaseCreate& r) { return WriteBody(r); }
json Body(const ClickhouseDatabaseCreate& r) { return WriteBody(r); }
json Body(const PoolCreate& r) { return WriteBody(r); }
json Body(const PoolUpdate& r) { return WriteBody(r); }
json Body(const UserCreate& r) { return WriteBody(r); }
json Body(const TopicCreate& r) { return WriteBody(r); }
json Body(const TopicChanges& r) { return WriteBody(r); }
json Body(const SchemaCreate& r) { return WriteBody(r); }
json Body(const IntegrationCreate& r) { return WriteBody(r); }
json Body(const EndpointCreate& r) { return WriteBody(r); }
json Body(const ConnectorCreate& r) {
  json body = r.config.is_object() ? r.config : json::object();
  body["name"] = r.name;
  body["connector.class"] = r.class_name;
  return body;
}
json Body(const ConnectorUpdate& r, const std::string& name) {
  json body = r.config.is_object() ? r.config : json::object();
  body["name"] = name;
  body["connector.class"] = r.class_name;
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
