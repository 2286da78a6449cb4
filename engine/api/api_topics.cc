// Typed operations: Kafka topics and service integrations.
#include <algorithm>
#include <utility>

#include "api/api.h"
#include "api/live_json.h"

namespace aivenctl::api {

using core::Address;
using nlohmann::json;
using value_t = nlohmann::json::value_t;

namespace {

std::string TopicAddress(const std::string& project, const std::string& service,
                         const std::string& topic) {
  return Address::Child(core::Kind::kTopic, project, service, topic).ToString();
}

// "service" when the end is in `project`, else "project/service" (as the planner names it).
std::string EndLabel(const json& body, const char* end, const std::string& project) {
  const std::string service = StringOr(body, (std::string(end) + "_service").c_str());
  const std::string name =
      service.empty() ? StringOr(body, (std::string(end) + "_endpoint_id").c_str()) : service;
  const std::string end_project = StringOr(body, (std::string(end) + "_project").c_str(), project);
  return end_project == project ? name : end_project + "/" + name;
}

std::string IntegrationAddress(const std::string& project, const std::string& id,
                               const std::string& address) {
  if (!address.empty()) return address;
  return "integration:" + project + "/" + id;
}

// True when `live` is the integration `body` asks for in `project`.
bool SameIntegration(const model::LiveIntegration& live, const json& body,
                     const std::string& project) {
  return live.type == StringOr(body, "integration_type") &&
         live.source_project == StringOr(body, "source_project", project) &&
         live.dest_project == StringOr(body, "dest_project", project) &&
         live.source_service == StringOr(body, "source_service") &&
         live.dest_service == StringOr(body, "dest_service") &&
         live.source_endpoint_id == StringOr(body, "source_endpoint_id") &&
         live.dest_endpoint_id == StringOr(body, "dest_endpoint_id");
}

}  // namespace

core::Result<std::vector<model::LiveTopic>> Api::ListTopics(const std::string& project,
                                                            const std::string& service) {
  Call call{.path = ProjectPath(project, {"service", service, "topic"}),
            .address = Address::Service(project, service).ToString()};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  if (auto m = Member(call, *body, "topics", value_t::array); !m.ok()) return m.status();
  return TopicsFromJson(*body);
}

core::Result<model::LiveTopic> Api::GetTopic(const std::string& project, const std::string& service,
                                             const std::string& topic) {
  return ReadTopic(project, service, topic, /*confirms_create=*/false);
}

core::Result<model::LiveTopic> Api::ReadTopic(const std::string& project,
                                              const std::string& service, const std::string& topic,
                                              bool confirms_create) {
  Call call{.path = ProjectPath(project, {"service", service, "topic", topic}),
            .address = TopicAddress(project, service, topic),
            .confirms_create = confirms_create};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto t = Member(call, *body, "topic", value_t::object);
  if (!t.ok()) return t.status();
  return TopicFromGet(*t);
}

core::Result<std::vector<model::LiveTopic>> Api::BatchReadTopics(const std::string& project,
                                                                 const std::string& service,
                                                                 std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  // "/v1/project/p/service/s/topic" -> "/v2/project/p/service/s/topic" (not in either spec).
  const std::string path = "/v2" + ProjectPath(project, {"service", service, "topic"}).substr(3);
  std::vector<model::LiveTopic> out;
  for (size_t first = 0; first < names.size(); first += kTopicBatch) {
    const size_t last = std::min(names.size(), first + kTopicBatch);
    const std::vector<std::string> batch(names.begin() + static_cast<std::ptrdiff_t>(first),
                                         names.begin() + static_cast<std::ptrdiff_t>(last));
    const json body = {{"topic_names", batch}};
    Call call{.method = "POST",
              .path = path,
              .body = &body,
              .address = Address::Service(project, service).ToString(),
              .idempotent = true};  // a read
    ApiResult result = Send(call);
    if (!result.ok() && result.error && result.error->http_status == 404) {
      // One topic of the batch vanished since it was listed: read them one by one.
      for (const auto& name : batch) {
        auto topic = GetTopic(project, service, name);
        if (topic.ok()) {
          out.push_back(std::move(topic).value());
        } else if (!topic.status().IsNotFound()) {
          return topic.status();
        }
      }
      continue;
    }
    auto answer = Body(call, result);
    if (!answer.ok()) return answer.status();
    if (auto m = Member(call, *answer, "topics", value_t::array); !m.ok()) return m.status();
    for (auto& topic : TopicsFromBatch(*answer)) out.push_back(std::move(topic));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

core::Status Api::CreateTopic(const std::string& project, const std::string& service,
                              const json& body) {
  const std::string name = StringOr(body, "topic_name");
  Call call{.method = "POST",
            .path = ProjectPath(project, {"service", service, "topic"}),
            .body = &body,
            .address = TopicAddress(project, service, name)};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) return core::Status::Ok();
  return ReadTopic(project, service, name, true).status();  // confirm our earlier attempt
}

core::Status Api::UpdateTopic(const std::string& project, const std::string& service,
                              const std::string& topic, const json& body) {
  return Write({.method = "PUT",
                .path = ProjectPath(project, {"service", service, "topic", topic}),
                .body = &body,
                .address = TopicAddress(project, service, topic)},
               /*absent_is_success=*/false);
}

core::Status Api::DeleteTopic(const std::string& project, const std::string& service,
                              const std::string& topic) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"service", service, "topic", topic}),
                .address = TopicAddress(project, service, topic)},
               /*absent_is_success=*/true);
}

core::Result<model::LiveIntegration> Api::GetIntegration(const std::string& project,
                                                         const std::string& id) {
  Call call{.path = ProjectPath(project, {"integration", id}),
            .address = IntegrationAddress(project, id, "")};
  auto body = Json(call);
  if (!body.ok()) return body.status();
  auto i = Member(call, *body, "service_integration", value_t::object);
  if (!i.ok()) return i.status();
  return IntegrationFromJson(*i);
}

core::Result<model::LiveIntegration> Api::CreateIntegration(const std::string& project,
                                                            const json& body,
                                                            const std::string& address) {
  const std::string addr =
      !address.empty()
          ? address
          : Address::Integration(project, StringOr(body, "integration_type"),
                                 EndLabel(body, "source", project), EndLabel(body, "dest", project))
                .ToString();
  Call call{.method = "POST",
            .path = ProjectPath(project, {"integration"}),
            .body = &body,
            .address = addr};
  auto created = Create(call);
  if (!created.ok()) return created.status();
  if (created->has_value()) {
    auto i = Member(call, **created, "service_integration", value_t::object);
    if (!i.ok()) return i.status();
    return IntegrationFromJson(*i);
  }
  // Confirm our earlier attempt: the service at one end lists its integrations.
  const bool by_source = !StringOr(body, "source_service").empty();
  const std::string end_project =
      StringOr(body, by_source ? "source_project" : "dest_project", project);
  const std::string end_service = StringOr(body, by_source ? "source_service" : "dest_service");
  auto service = ReadService(end_project, end_service, /*confirms_create=*/true);
  if (!service.ok()) return service.status();
  for (const auto& live : service->integrations) {
    if (SameIntegration(live, body, project)) return live;
  }
  return core::Internal(addr + ": 409 already exists, but no matching integration was found");
}

core::Result<model::LiveIntegration> Api::UpdateIntegration(const std::string& project,
                                                            const std::string& id,
                                                            const json& user_config,
                                                            const std::string& address) {
  json body = {{"user_config", user_config}};
  Call call{.method = "PUT",
            .path = ProjectPath(project, {"integration", id}),
            .body = &body,
            .address = IntegrationAddress(project, id, address)};
  auto answer = Json(call);
  if (!answer.ok()) return answer.status();
  auto i = Member(call, *answer, "service_integration", value_t::object);
  if (!i.ok()) return i.status();
  return IntegrationFromJson(*i);
}

core::Status Api::DeleteIntegration(const std::string& project, const std::string& id,
                                    const std::string& address) {
  return Write({.method = "DELETE",
                .path = ProjectPath(project, {"integration", id}),
                .address = IntegrationAddress(project, id, address)},
               /*absent_is_success=*/true);
}

}  // namespace aivenctl::api
