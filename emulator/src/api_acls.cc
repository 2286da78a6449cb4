// Aiven ACLs of a Kafka service and of its Schema Registry (Karapace):
//   GET/POST /v1/project/{project}/service/{service_name}/acl, DELETE .../acl/{kafka_acl_id}
//   GET/POST .../kafka/schema-registry/acl, DELETE .../kafka/schema-registry/acl/{id}
// Entries live in the service record keyed by id ("acl" / "schema_registry_acl"); answers
// carry the whole list, as Aiven's do. Aiven adds a default entry to every Kafka service
// (avnadmin, topic *, admin) and two to its registry (avnadmin, Config: and Subject:*).
#include <cstdio>

#include "api_routes.h"
#include "lifecycle.h"
#include "service_view.h"

namespace aivenctl::emulator {
namespace {

constexpr std::size_t kMaxAcls = 5000;

struct AclKind {
  const char* field;                     // record and answer field
  const char* resource;                  // "topic" | "resource"
  std::vector<std::string> permissions;  // the enum of the add body
};

const AclKind& KafkaKind() {
  static const AclKind k{"acl", "topic", {"admin", "read", "readwrite", "write"}};
  return k;
}

const AclKind& RegistryKind() {
  static const AclKind k{
      "schema_registry_acl", "resource", {"schema_registry_read", "schema_registry_write"}};
  return k;
}

const Json& RequireKafkaService(const Json& doc, const Ctx& c) {
  const Json& rec = RequireService(doc, c.Param("project"), c.Param("service_name"));
  if (rec.value("service_type", "") != "kafka") {
    throw ApiError{400, "Service " + c.Param("service_name") + " is not a Kafka service", ""};
  }
  return rec;
}

std::string Field(const Json& body, const char* name, std::size_t max) {
  const std::string v = ReqString(body, name);
  if (v.empty() || v.size() > max) {
    throw ApiError{400,
                   std::string("Invalid input for ") + name + ": expected 1-" +
                       std::to_string(max) + " characters",
                   ""};
  }
  return v;
}

std::string Permission(const Json& body, const AclKind& kind) {
  const std::string p = ReqString(body, "permission");
  std::string allowed;
  for (const auto& x : kind.permissions) {
    if (x == p) return p;
    allowed += (allowed.empty() ? "\"" : ", \"") + x + "\"";
  }
  throw ApiError{400, "Invalid input for permission: \"" + p + "\" is not one of " + allowed, ""};
}

std::string AclId(int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "acl%011llx", static_cast<unsigned long long>(n));
  return buf;
}

void Register(Router& r, World& w, const std::string& base, const AclKind& kind) {
  r.Add("GET", base, [&w, &kind](Ctx& c) {
    const Json list =
        w.store.Read([&](const Json& d) { return AclList(RequireKafkaService(d, c), kind.field); });
    c.Reply({{"acl", list}});
  });
  r.Add("POST", base, [&w, &kind](Ctx& c) {
    const Json& body = c.Object();
    Json entry{{"username", Field(body, "username", 64)},
               {kind.resource, Field(body, kind.resource, 249)},
               {"permission", Permission(body, kind)}};
    const Json list = w.store.Write([&](Txn& t) {
      const Json& rec = RequireKafkaService(t.doc(), c);
      if (rec.value(kind.field, Json::object()).size() >= kMaxAcls) {
        throw ApiError{400, "Too many ACL entries", "service_acl_too_many"};
      }
      const std::string id = AclId(t.NextId());
      entry["id"] = id;
      t.Set(Path({"projects", c.Param("project"), "services", c.Param("service_name"), kind.field,
                  id}),
            entry);
      return AclList(RequireKafkaService(t.doc(), c), kind.field);
    });
    c.Reply({{"acl", list}, {"message", "added"}});
  });
  r.Add("DELETE", base + "/{acl_id}", [&w, &kind](Ctx& c) {
    const std::string id = c.Param("acl_id");
    const Json list = w.store.Write([&](Txn& t) {
      const Json& rec = RequireKafkaService(t.doc(), c);
      if (!rec.value(kind.field, Json::object()).contains(id)) {
        throw ApiError{404, "ACL entry '" + id + "' not found", "service_acl_not_found"};
      }
      t.Erase(Path(
          {"projects", c.Param("project"), "services", c.Param("service_name"), kind.field, id}));
      return AclList(RequireKafkaService(t.doc(), c), kind.field);
    });
    c.Reply({{"acl", list}, {"message", "deleted"}});
  });
}

}  // namespace

Json DefaultAcls() {
  return {{"default",
           {{"id", "default"}, {"username", "avnadmin"}, {"topic", "*"}, {"permission", "admin"}}}};
}

Json DefaultSchemaRegistryAcls() {
  const auto entry = [](const char* id, const char* resource) {
    return Json{{"id", id},
                {"username", "avnadmin"},
                {"resource", resource},
                {"permission", "schema_registry_write"}};
  };
  return {{"default-sr-admin-config", entry("default-sr-admin-config", "Config:")},
          {"default-sr-admin-subject", entry("default-sr-admin-subject", "Subject:*")}};
}

Json AclList(const Json& record, const char* field) {
  Json out = Json::array();
  const Json entries = record.value(field, Json::object());
  for (const auto& [id, entry] : entries.items()) out.push_back(entry);
  return out;
}

void RegisterAclRoutes(Router& r, World& w) {
  const std::string service = "/v1/project/{project}/service/{service_name}";
  Register(r, w, service + "/acl", KafkaKind());
  Register(r, w, service + "/kafka/schema-registry/acl", RegistryKind());
}

}  // namespace aivenctl::emulator
