// The typed layer's plumbing: paths, sending, parsing bodies, write conventions.
#include "api/api.h"

#include <utility>

#include "core/percent_encode.h"

namespace aivenctl::api {
namespace {

const char* TypeName(nlohmann::json::value_t type) {
  switch (type) {
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::object:
      return "an object";
    default:
      return "a value";
  }
}

}  // namespace

std::string ProjectPath(const std::string& project, const std::vector<std::string>& rest) {
  std::string out = "/v1/project/" + core::PercentEncode(project);
  for (const auto& segment : rest) out += "/" + core::PercentEncode(segment);
  return out;
}

Api::Api(Client& client, ApiOptions options) : client_(client), options_(std::move(options)) {}

ApiResult Api::Send(const Call& call) {
  HttpRequest request;
  request.method = call.method;
  request.path = call.path;
  request.query = call.query;
  if (call.body != nullptr) request.body = call.body->dump();
  RequestContext context;
  context.address = call.address;
  context.idempotent = call.idempotent;
  context.confirms_create = call.confirms_create;
  context.stop = options_.stop;
  return client_.Send(request, context);
}

core::Result<nlohmann::json> Api::Body(const Call& call, const ApiResult& result) {
  if (!result.ok()) return result.status();
  const std::string& text = result.response ? result.response->body : std::string();
  if (text.empty()) return nlohmann::json::object();
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    std::string where = call.method + " " + call.path;
    if (!call.address.empty()) where += " [" + call.address + "]";
    return core::Internal(where + ": the answer is not a JSON object");
  }
  return doc;
}

core::Result<nlohmann::json> Api::Json(const Call& call) { return Body(call, Send(call)); }

core::Result<nlohmann::json> Api::Member(const Call& call, const nlohmann::json& body,
                                         const char* member, nlohmann::json::value_t type) {
  auto it = body.find(member);
  if (it == body.end() || it->type() != type) {
    std::string where = call.method + " " + call.path;
    if (!call.address.empty()) where += " [" + call.address + "]";
    return core::Internal(where + ": the answer lacks \"" + member + "\" (" + TypeName(type) + ")");
  }
  return *it;
}

core::Status Api::Write(const Call& call, bool absent_is_success) {
  ApiResult result = Send(call);
  if (result.ok()) return core::Status::Ok();
  if (absent_is_success && result.error && result.error->http_status == 404 &&
      !result.error->outcome_unknown) {
    return core::Status::Ok();
  }
  return result.status();
}

core::Result<std::optional<nlohmann::json>> Api::Create(const Call& call) {
  Call c = call;
  c.idempotent = true;  // a repeat answers 409 "already exists", which the client reports
  ApiResult result = Send(c);
  if (result.outcome == Outcome::kAlreadyExistsAfterRetry) {
    return std::optional<nlohmann::json>();
  }
  core::Result<nlohmann::json> body = Body(c, result);
  if (!body.ok()) return body.status();
  return std::optional<nlohmann::json>(std::move(body).value());
}

}  // namespace aivenctl::api
