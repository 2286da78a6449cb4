// Schema Registry (Karapace behind Aiven's API): subjects, versions, compatibility checks and
// levels under /v1/project/{project}/service/{service_name}/kafka/schema/... Errors carry
// Karapace's numeric codes as error_code (40401 subject not found, 40402 version not found,
// 40403 schema not found, 40408 no subject-level config, 42201 invalid schema, 42203 invalid
// compatibility level, 409 incompatible schema). The rules: schema_compat.h.
//
// Stored at /projects/<p>/services/<s>/schema_registry:
//   {"subjects": {subject: [{version, id, schema, schemaType}]}, "config": {subject: level},
//    "global": level?, "schemas": {"<id>": {schema, schemaType}}}
#include <algorithm>

#include "api_routes.h"
#include "lifecycle.h"
#include "schema_compat.h"

namespace aivenctl::emulator {
namespace {

constexpr const char* kDefaultLevel = "BACKWARD";

std::string RegistryPath(const Ctx& c) {
  return Path(
      {"projects", c.Param("project"), "services", c.Param("service_name"), "schema_registry"});
}

// The service's registry state; throws when the service is missing, not Kafka, has no
// Schema Registry or is not serving.
Json Registry(const World& w, const Json& doc, const Ctx& c) {
  const Json& rec = RequireService(doc, c.Param("project"), c.Param("service_name"));
  if (rec.value("service_type", "") != "kafka") {
    throw ApiError{400, "Service " + c.Param("service_name") + " is not a Kafka service", ""};
  }
  const Json uc = rec.value("user_config", Json::object());
  if (!uc.value("schema_registry", false)) {
    throw ApiError{409,
                   "Schema Registry is not enabled for service " + c.Param("service_name") +
                       " (user_config.schema_registry)",
                   ""};
  }
  if (!ServiceServing(rec, w.clock.Now())) {
    throw ApiError{503, "Schema Registry is not available, try again later", ""};
  }
  Json reg = rec.value("schema_registry", Json::object());
  for (const char* key : {"subjects", "config", "schemas"}) {
    if (!reg.contains(key)) reg[key] = Json::object();
  }
  return reg;
}

const Json& RequireSubject(const Json& reg, const std::string& subject) {
  const auto it = reg["subjects"].find(subject);
  if (it == reg["subjects"].end() || it->empty()) {
    throw ApiError{404, "Subject '" + subject + "' not found.", "40401"};
  }
  return *it;
}

// The version `id` ("latest", "-1" or a number) of `versions`.
const Json& RequireVersion(const Json& versions, const std::string& subject,
                           const std::string& id) {
  if (id == "latest" || id == "-1") return versions.back();
  int64_t n = 0;
  try {
    std::size_t used = 0;
    n = std::stoll(id, &used);
    if (used != id.size()) throw std::invalid_argument(id);
  } catch (const std::exception&) {
    throw ApiError{422,
                   "The specified version '" + id +
                       "' is not a valid version id. Allowed values are between [1, 2^31-1] and "
                       "the string \"latest\"",
                   "42202"};
  }
  for (const auto& v : versions) {
    if (v.value("version", int64_t{0}) == n) return v;
  }
  throw ApiError{404, "Version " + id + " not found.", "40402"};
  (void)subject;
}

std::string Level(const Json& reg, const std::string& subject) {
  if (reg["config"].contains(subject)) return reg["config"][subject];
  return reg.value("global", std::string(kDefaultLevel));
}

// The schema and schemaType of a request body, checked (422 42201 when invalid).
std::pair<std::string, std::string> SchemaOf(const Json& body) {
  const std::string text = ReqString(body, "schema");
  const std::string type = OptString(body, "schemaType", "AVRO");
  if (type != "AVRO" && type != "JSON" && type != "PROTOBUF") {
    throw ApiError{422, "Invalid schemaType " + type, "42201"};
  }
  if (auto why = InvalidSchema(type, text)) {
    throw ApiError{422, "Invalid " + type + " schema. Error: " + *why, "42201"};
  }
  return {type, text};
}

// Why `text` cannot follow the subject's versions under its level (empty: compatible).
std::vector<std::string> Check(const Json& reg, const std::string& subject, const Json& versions,
                               const std::string& type, const std::string& text) {
  const std::string level = Level(reg, subject);
  const bool transitive = level.find("_TRANSITIVE") != std::string::npos;
  std::vector<std::string> out;
  for (std::size_t i = transitive ? 0 : versions.size() - 1; i < versions.size(); ++i) {
    const Json& v = versions[i];
    if (v.value("schemaType", "AVRO") != type) {
      out.push_back("the schema type changed from " + v.value("schemaType", "AVRO") + " to " +
                    type);
      continue;
    }
    for (auto& why : Incompatibilities(type, level, v.value("schema", ""), text)) {
      out.push_back(std::move(why));
    }
  }
  return out;
}

Json VersionShape(const std::string& subject, const Json& v) {
  Json out{
      {"subject", subject}, {"version", v["version"]}, {"id", v["id"]}, {"schema", v["schema"]}};
  if (v.value("schemaType", "AVRO") != "AVRO") out["schemaType"] = v["schemaType"];
  return out;
}

}  // namespace

void RegisterSchemaRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/service/{service_name}/kafka/schema";
  r.Add("GET", base + "/subjects", [&w](Ctx& c) {
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    Json names = Json::array();
    for (const auto& [name, versions] : reg["subjects"].items()) {
      if (!versions.empty()) names.push_back(name);
    }
    c.Reply({{"subjects", names}});
  });
  r.Add("GET", base + "/subjects/{subject_name}/versions", [&w](Ctx& c) {
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    Json out = Json::array();
    for (const auto& v : RequireSubject(reg, c.Param("subject_name"))) out.push_back(v["version"]);
    c.Reply({{"versions", out}});
  });
  r.Add("GET", base + "/subjects/{subject_name}/versions/{version_id}", [&w](Ctx& c) {
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    const std::string& subject = c.Param("subject_name");
    const Json& v = RequireVersion(RequireSubject(reg, subject), subject, c.Param("version_id"));
    c.Reply({{"version", VersionShape(subject, v)}});
  });
  r.Add("GET", base + "/subjects/{subject_name}/versions/{version_id}/schema", [&w](Ctx& c) {
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    const std::string& subject = c.Param("subject_name");
    const Json& v = RequireVersion(RequireSubject(reg, subject), subject, c.Param("version_id"));
    Json doc = Json::parse(v.value("schema", ""), nullptr, false);
    c.Reply(doc.is_object() ? doc : Json{{"schema", v["schema"]}});
  });
  r.Add("POST", base + "/subjects/{subject_name}/versions", [&w](Ctx& c) {
    const auto parsed = SchemaOf(c.Object());  // not a binding: clang 14 cannot capture one
    const std::string& type = parsed.first;
    const std::string& text = parsed.second;
    const std::string subject = c.Param("subject_name");
    const int64_t id = w.store.Write([&](Txn& t) {
      Json reg = Registry(w, t.doc(), c);
      Json versions = reg["subjects"].value(subject, Json::array());
      const std::string canonical = CanonicalSchemaText(type, text);
      for (const auto& v : versions) {  // already registered: its id, no new version
        if (v.value("schemaType", "AVRO") == type &&
            CanonicalSchemaText(type, v.value("schema", "")) == canonical) {
          return v.value("id", int64_t{0});
        }
      }
      if (!versions.empty()) {
        auto why = Check(reg, subject, versions, type, text);
        if (!why.empty()) {
          std::string message = "Incompatible schema, compatibility_mode=" + Level(reg, subject);
          for (const auto& line : why) message += "; " + line;
          throw ApiError{409, message, "409"};
        }
      }
      int64_t schema_id = 0;
      for (const auto& [key, s] : reg["schemas"].items()) {
        if (s.value("schemaType", "AVRO") == type &&
            CanonicalSchemaText(type, s.value("schema", "")) == canonical) {
          schema_id = std::stoll(key);
        }
      }
      if (schema_id == 0) {
        schema_id = static_cast<int64_t>(reg["schemas"].size()) + 1;
        reg["schemas"][std::to_string(schema_id)] = {{"schema", text}, {"schemaType", type}};
      }
      const int64_t next = versions.empty() ? 1 : versions.back().value("version", int64_t{0}) + 1;
      versions.push_back(
          {{"version", next}, {"id", schema_id}, {"schema", text}, {"schemaType", type}});
      reg["subjects"][subject] = versions;
      t.Set(RegistryPath(c), reg);
      return schema_id;
    });
    c.Reply({{"id", id}});
  });
  r.Add("DELETE", base + "/subjects/{subject_name}", [&w](Ctx& c) {
    const std::string subject = c.Param("subject_name");
    w.store.Write([&](Txn& t) {
      Json reg = Registry(w, t.doc(), c);
      RequireSubject(reg, subject);
      reg["subjects"].erase(subject);
      reg["config"].erase(subject);
      t.Set(RegistryPath(c), reg);
    });
    c.Reply(Json::object());
  });
  r.Add("DELETE", base + "/subjects/{subject_name}/versions/{version_id}", [&w](Ctx& c) {
    const std::string subject = c.Param("subject_name");
    w.store.Write([&](Txn& t) {
      Json reg = Registry(w, t.doc(), c);
      Json versions = RequireSubject(reg, subject);
      const int64_t n = RequireVersion(versions, subject, c.Param("version_id"))["version"];
      Json kept = Json::array();
      for (const auto& v : versions) {
        if (v.value("version", int64_t{0}) != n) kept.push_back(v);
      }
      reg["subjects"][subject] = kept;
      t.Set(RegistryPath(c), reg);
    });
    c.Reply(Json::object());
  });
  r.Add("POST", base + "/compatibility/subjects/{subject_name}/versions/{version_id}",
        [&w](Ctx& c) {
          const auto parsed = SchemaOf(c.Object());  // not a binding: clang 14 cannot capture one
          const std::string& type = parsed.first;
          const std::string& text = parsed.second;
          const std::string subject = c.Param("subject_name");
          const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
          const Json& versions = RequireSubject(reg, subject);
          const Json& v = RequireVersion(versions, subject, c.Param("version_id"));
          const std::string level = Level(reg, subject);
          std::vector<std::string> why;
          if (v.value("schemaType", "AVRO") != type) {
            why.push_back("the schema type changed from " + v.value("schemaType", "AVRO") + " to " +
                          type);
          } else {
            why = Incompatibilities(type, level, v.value("schema", ""), text);
          }
          Json out{{"is_compatible", why.empty()}};
          if (!why.empty()) out["messages"] = why;
          c.Reply(out);
        });
  r.Add("GET", base + "/config", [&w](Ctx& c) {
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    c.Reply({{"compatibilityLevel", reg.value("global", std::string(kDefaultLevel))}});
  });
  auto put_level = [&w](Ctx& c, const std::string* subject) {
    const std::string level = ReqString(c.Object(), "compatibility");
    if (!IsCompatibilityLevel(level)) {
      throw ApiError{422,
                     "Invalid compatibility level. Valid values are none, backward, forward, "
                     "full, backward_transitive, forward_transitive, and full_transitive",
                     "42203"};
    }
    w.store.Write([&](Txn& t) {
      Json reg = Registry(w, t.doc(), c);
      if (subject != nullptr) {
        reg["config"][*subject] = level;
      } else {
        reg["global"] = level;
      }
      t.Set(RegistryPath(c), reg);
    });
    c.Reply({{"compatibility", level}});
  };
  r.Add("PUT", base + "/config", [put_level](Ctx& c) { put_level(c, nullptr); });
  r.Add("GET", base + "/config/{subject_name}", [&w](Ctx& c) {
    const std::string& subject = c.Param("subject_name");
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    if (!reg["config"].contains(subject)) {
      throw ApiError{
          404, "Subject '" + subject + "' does not have subject-level compatibility configured",
          "40408"};
    }
    c.Reply({{"compatibilityLevel", reg["config"][subject]}});
  });
  r.Add("PUT", base + "/config/{subject_name}",
        [put_level](Ctx& c) { put_level(c, &c.Param("subject_name")); });
  r.Add("GET", base + "/schemas/ids/{schema_id}", [&w](Ctx& c) {
    const Json reg = w.store.Read([&](const Json& d) { return Registry(w, d, c); });
    const auto it = reg["schemas"].find(c.Param("schema_id"));
    if (it == reg["schemas"].end()) throw ApiError{404, "Schema not found", "40403"};
    Json out{{"schema", (*it)["schema"]}};
    if (it->value("schemaType", "AVRO") != "AVRO") out["schemaType"] = (*it)["schemaType"];
    c.Reply(out);
  });
}

}  // namespace aivenctl::emulator
