// Typed operations: Schema Registry subjects (Aiven's `.../kafka/schema/...` endpoints).
#include <utility>

#include "api/api.h"
#include "api/live_json.h"
#include "api/schema_json.h"

namespace aivenctl::api {

using core::Address;
using nlohmann::json;
using value_t = nlohmann::json::value_t;

namespace {

std::string SchemaAddress(const std::string& project, const std::string& service,
                          const std::string& subject) {
  return Address::Child(core::Kind::kSchema, project, service, subject).ToString();
}

std::vector<std::string> SchemaPath(const std::string& service, std::vector<std::string> rest) {
  std::vector<std::string> out = {"service", service, "kafka", "schema"};
  for (auto& r : rest) out.push_back(std::move(r));
  return out;
}

}  // namespace

core::Result<std::vector<model::LiveSchema>> Api::ListSchemas(const std::string& project,
                                                              const std::string& service) {
  Call list{.path = ProjectPath(project, SchemaPath(service, {"subjects"})),
            .address = Address::Service(project, service).ToString()};
  auto body = Json(list);
  if (!body.ok()) return body.status();
  if (auto m = Member(list, *body, "subjects", value_t::array); !m.ok()) return m.status();
  std::vector<model::LiveSchema> out;
  for (const auto& subject : SubjectsFromJson(*body)) {
    const std::string address = SchemaAddress(project, service, subject);
    Call versions{
        .path = ProjectPath(project, SchemaPath(service, {"subjects", subject, "versions"})),
        .address = address};
    auto listed = Json(versions);
    if (!listed.ok() && listed.status().IsNotFound()) continue;  // deleted meanwhile
    if (!listed.ok()) return listed.status();
    std::optional<int> latest = LatestVersionFromJson(*listed);
    if (!latest) continue;  // every version soft-deleted
    Call get{.path = ProjectPath(project, SchemaPath(service, {"subjects", subject, "versions",
                                                               std::to_string(*latest)})),
             .address = address};
    auto version = Json(get);
    if (!version.ok() && version.status().IsNotFound()) continue;
    if (!version.ok()) return version.status();
    if (auto m = Member(get, *version, "version", value_t::object); !m.ok()) return m.status();
    model::LiveSchema schema = SchemaVersionFromJson(*version);
    schema.name = subject;
    Call config{.path = ProjectPath(project, SchemaPath(service, {"config", subject})),
                .address = address};
    auto level = Json(config);
    if (level.ok()) {
      schema.compatibility = CompatibilityFromJson(*level);
    } else if (!level.status().IsNotFound()) {  // 404 40408: no level of its own
      return level.status();
    }
    out.push_back(std::move(schema));
  }
  return out;
}

core::Result<int> Api::RegisterSchema(const std::string& project, const std::string& service,
                                      const std::string& subject, const json& body) {
  // Registering the same schema again answers its existing id: idempotent, safe to retry.
  Call call{.method = "POST",
            .path = ProjectPath(project, SchemaPath(service, {"subjects", subject, "versions"})),
            .body = &body,
            .address = SchemaAddress(project, service, subject),
            .idempotent = true};
  auto answer = Json(call);
  if (!answer.ok()) return answer.status();
  auto id = answer->find("id");
  if (id == answer->end() || !id->is_number_integer()) {
    return core::Internal(call.method + " " + call.path + " [" + call.address +
                          "]: the answer lacks \"id\" (a number)");
  }
  return static_cast<int>(id->get<long long>());
}

core::Result<Api::Compatibility> Api::CheckSchemaCompatibility(const std::string& project,
                                                               const std::string& service,
                                                               const std::string& subject,
                                                               const json& body) {
  Call call{.method = "POST",
            .path = ProjectPath(project, SchemaPath(service, {"compatibility", "subjects", subject,
                                                              "versions", "latest"})),
            .body = &body,
            .address = SchemaAddress(project, service, subject),
            .idempotent = true};  // a read
  auto answer = Json(call);
  if (!answer.ok()) return answer.status();
  auto ok = answer->find("is_compatible");
  if (ok == answer->end() || !ok->is_boolean()) {
    return core::Internal(call.method + " " + call.path + " [" + call.address +
                          "]: the answer lacks \"is_compatible\" (a boolean)");
  }
  Compatibility out{.compatible = ok->get<bool>()};
  if (!out.compatible) {
    out.message = StringOr(*answer, "message");
    if (auto m = answer->find("messages"); m != answer->end() && m->is_array()) {
      for (const auto& line : *m) {
        if (!line.is_string()) continue;
        if (!out.message.empty()) out.message += "; ";
        out.message += line.get<std::string>();
      }
    }
  }
  return out;
}

core::Status Api::PutSchemaCompatibility(const std::string& project, const std::string& service,
                                         const std::string& subject, const std::string& level) {
  const json body = {{"compatibility", level}};
  return Write({.method = "PUT",
                .path = ProjectPath(project, SchemaPath(service, {"config", subject})),
                .body = &body,
                .address = SchemaAddress(project, service, subject)},
               /*absent_is_success=*/false);
}

core::Status Api::DeleteSchemaSubject(const std::string& project, const std::string& service,
                                      const std::string& subject) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, SchemaPath(service, {"subjects", subject})),
                .address = SchemaAddress(project, service, subject)},
               /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
