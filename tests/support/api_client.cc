#include "support/api_client.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <utility>

#include <gtest/gtest.h>
#include <httplib.h>

#include "support/openapi.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

std::mutex counts_mutex;
std::map<std::string, int>& Counts() {
  static auto* counts = new std::map<std::string, int>();  // never freed: used at exit
  return *counts;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Truncate(const std::string& s, std::size_t max = 2000) {
  return s.size() <= max ? s : s.substr(0, max) + "... (" + std::to_string(s.size()) + " bytes)";
}

}  // namespace

std::string ApiResponse::Describe() const {
  if (transport_failed()) return "transport error: " + transport_error;
  return "HTTP " + std::to_string(status) + " " + Truncate(raw, 1000);
}

std::vector<std::string> CheckErrorBody(int http_status, const json& body) {
  std::vector<std::string> problems;
  if (!body.is_object()) {
    problems.push_back("error body is not a JSON object");
    return problems;
  }
  if (!body.contains("message") || !body["message"].is_string()) {
    problems.push_back("error body lacks a string \"message\"");
  }
  if (!body.contains("errors") || !body["errors"].is_array() || body["errors"].empty()) {
    problems.push_back("error body lacks a non-empty \"errors\" array");
    return problems;
  }
  for (std::size_t i = 0; i < body["errors"].size(); ++i) {
    const json& item = body["errors"][i];
    const std::string where = "errors[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      problems.push_back(where + " is not an object");
      continue;
    }
    if (!item.contains("message") || !item["message"].is_string()) {
      problems.push_back(where + " lacks a string \"message\"");
    }
    if (!item.contains("status") || !item["status"].is_number_integer()) {
      problems.push_back(where + " lacks an integer \"status\"");
    } else if (item["status"].get<int>() != http_status) {
      problems.push_back(where + ".status is " + item["status"].dump() +
                         " but the HTTP status is " + std::to_string(http_status));
    }
  }
  return problems;
}

TestApi::TestApi(std::string base_url, std::string token)
    : base_url_(std::move(base_url)),
      token_(std::move(token)),
      client_(std::make_unique<httplib::Client>(base_url_)) {
  client_->set_keep_alive(true);
  client_->set_connection_timeout(5, 0);
  client_->set_read_timeout(30, 0);
  client_->set_write_timeout(30, 0);
  if (auto shared = OpenApiSpec::Shared(); shared.ok()) {
    spec_ = shared.value();
  } else {
    ADD_FAILURE() << "OpenAPI description unavailable, answers cannot be schema-checked: "
                  << shared.status().message();
  }
}

TestApi::~TestApi() = default;

ApiResponse TestApi::Get(const std::string& path, const CallOptions& options) {
  return Send("GET", path, std::nullopt, "", options);
}

ApiResponse TestApi::Delete(const std::string& path, const json& body, const CallOptions& options) {
  return Send("DELETE", path,
              body.is_null() ? std::nullopt : std::optional<std::string>(body.dump()),
              "application/json", options);
}

ApiResponse TestApi::Post(const std::string& path, const json& body, const CallOptions& options) {
  return Send("POST", path, body.is_null() ? std::nullopt : std::optional<std::string>(body.dump()),
              "application/json", options);
}

ApiResponse TestApi::Put(const std::string& path, const json& body, const CallOptions& options) {
  return Send("PUT", path, body.is_null() ? std::nullopt : std::optional<std::string>(body.dump()),
              "application/json", options);
}

ApiResponse TestApi::Patch(const std::string& path, const json& body, const CallOptions& options) {
  return Send("PATCH", path,
              body.is_null() ? std::nullopt : std::optional<std::string>(body.dump()),
              "application/json", options);
}

ApiResponse TestApi::Send(std::string_view method, const std::string& path,
                          std::optional<std::string> raw_body, const std::string& content_type,
                          const CallOptions& options) {
  httplib::Request request;
  request.method = std::string(method);
  request.path = path;
  if (!token_.empty()) request.set_header("Authorization", "aivenv1 " + token_);
  for (const auto& [name, value] : options.headers) {
    request.headers.erase(name);
    request.set_header(name, value);
  }
  if (raw_body) {
    request.body = std::move(*raw_body);
    request.set_header("Content-Type", content_type);
  }
  ApiResponse response;
  httplib::Result result = client_->send(request);
  if (!result) {
    response.transport_error = httplib::to_string(result.error());
    return response;
  }
  response.status = result->status;
  response.raw = result->body;
  for (const auto& [name, value] : result->headers) response.headers[Lower(name)] = value;
  if (!response.raw.empty()) {
    response.body = json::parse(response.raw, nullptr, /*allow_exceptions=*/false);
    if (response.body.is_discarded()) response.body = nullptr;
  }
  if (options.validate) Check(method, path, response);
  return response;
}

void TestApi::Check(std::string_view method, const std::string& path, const ApiResponse& response) {
  const std::string call =
      std::string(method) + " " + path + " -> " + std::to_string(response.status);
  if (!response.raw.empty() && response.body.is_null() && response.raw != "null") {
    ADD_FAILURE() << "response is not JSON: " << call << "\n  body: " << Truncate(response.raw);
    return;
  }
  if (response.status >= 400) {
    auto problems = CheckErrorBody(response.status, response.body);
    if (!problems.empty()) {
      std::string text;
      for (const auto& p : problems) text += "\n  " + p;
      ADD_FAILURE() << "malformed error body: " << call << text
                    << "\n  body: " << Truncate(response.raw);
    }
  }
  if (spec_ == nullptr) return;
  ResponseCheck check = spec_->ValidateResponse(method, path, response.status, response.body);
  if (check.kind == CheckKind::kNoSchema && !check.status_declared && response.ok()) {
    ADD_FAILURE() << "OpenAPI conformance: " << call << ": " << check.note
                  << " (a success status the real API never sends for this operation)";
  }
  if (check.kind != CheckKind::kValidated) return;
  {
    std::lock_guard<std::mutex> lock(counts_mutex);
    ++Counts()[check.operation_id];
    if (const char* log = std::getenv("AIVENCTL_CONFORMANCE_LOG"); log != nullptr && *log) {
      std::ofstream(log, std::ios::app) << check.operation_id << " " << response.status << " "
                                        << (check.errors.empty() ? "ok" : "mismatch") << "\n";
    }
  }
  if (!check.errors.empty()) {
    std::string text;
    for (const auto& e : check.errors) text += "\n  " + e;
    ADD_FAILURE() << "OpenAPI conformance: " << check.operation_id << " " << call << text
                  << "\n  body: " << Truncate(response.raw);
  }
}

std::map<std::string, int> TestApi::ValidatedCounts() {
  std::lock_guard<std::mutex> lock(counts_mutex);
  return Counts();
}

int TestApi::ValidatedCount(const std::string& operation_id) {
  std::lock_guard<std::mutex> lock(counts_mutex);
  auto it = Counts().find(operation_id);
  return it == Counts().end() ? 0 : it->second;
}

}  // namespace aivenctl::testing
