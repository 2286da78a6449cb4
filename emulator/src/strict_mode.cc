#include "strict_mode.h"

#include <cctype>

#include "embedded_data.h"

namespace aivenctl::emulator {
namespace {

constexpr std::string_view kApiPrefix = "/v1";

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  while (!path.empty()) {
    if (path.front() == '/') path.remove_prefix(1);
    const std::size_t slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash);
  }
  return out;
}

bool IsParam(const std::string& s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

// Same length, same literals, parameters where the other has parameters.
bool SameShape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (IsParam(a[i]) != IsParam(b[i])) return false;
    if (!IsParam(a[i]) && a[i] != b[i]) return false;
  }
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const Json* JsonRequestSchema(const Json& document, const Json& operation) {
  const auto body = operation.find("requestBody");
  if (body == operation.end() || !body->is_object()) return nullptr;
  const Json* resolved = &*body;
  if (resolved->contains("$ref")) {
    const Json::json_pointer pointer((*resolved)["$ref"].get<std::string>().substr(1));
    if (!document.contains(pointer)) return nullptr;
    resolved = &document.at(pointer);
  }
  const auto content = resolved->find("content");
  if (content == resolved->end() || !content->is_object()) return nullptr;
  const auto media = content->find("application/json");
  if (media == content->end() || !media->contains("schema")) return nullptr;
  return &(*media)["schema"];
}

bool Allowed(const std::string& operation_id, const std::string& field, Allowance::Kind kind) {
  for (const Allowance& a : StrictAllowances()) {
    if (a.kind != kind || operation_id != a.operation_id) continue;
    if (kind == Allowance::kOpen || field == a.field) return true;
  }
  return false;
}

}  // namespace

const Json& EmbeddedOpenApiSubsetDocument() {
  static const Json* document = new Json(Json::parse(EmbeddedOpenApiSubset()));  // never freed
  return *document;
}

bool StrictMode::Exempt(const std::string& method, const std::string& pattern) {
  for (const ExemptRoute& e : StrictExemptRoutes()) {
    const std::string_view p = e.pattern;
    const bool method_ok = std::string_view(e.method) == "*" || method == e.method;
    const bool path_ok =
        p.ends_with("/**") ? pattern.starts_with(p.substr(0, p.size() - 2)) : pattern == p;
    if (method_ok && path_ok) return true;
  }
  return false;
}

StrictMode::StrictMode(const Json& document, const std::vector<Router::RouteInfo>& routes)
    : document_(document), checker_(document) {
  const Json& paths = document_.at("paths");
  for (const Router::RouteInfo& route : routes) {
    const std::string key = route.method + " " + route.pattern;
    if (Exempt(route.method, route.pattern)) continue;
    bool mapped = false;
    if (std::string_view(route.pattern).starts_with(kApiPrefix)) {
      const auto segments = Segments(std::string_view(route.pattern).substr(kApiPrefix.size()));
      for (const auto& [path, item] : paths.items()) {
        const auto op = item.find(Lower(route.method));
        if (op == item.end() || !SameShape(Segments(path), segments)) continue;
        by_route_[key] = {op->value("operationId", key), JsonRequestSchema(document_, *op)};
        mapped = true;
        break;
      }
    }
    if (!mapped) unmapped_.push_back(key);
  }
}

std::string StrictMode::OperationId(const std::string& method, const std::string& pattern) const {
  const auto it = by_route_.find(method + " " + pattern);
  return it == by_route_.end() ? "" : it->second.id;
}

std::optional<ApiError> StrictMode::Check(const std::string& method, const std::string& pattern,
                                          const Json& body, bool present) const {
  const auto it = by_route_.find(method + " " + pattern);
  if (it == by_route_.end() || it->second.request_schema == nullptr) return std::nullopt;
  const std::string& op = it->second.id;
  BodyAllowances allow;
  allow.null_ok = [&op](const std::string& field) { return Allowed(op, field, Allowance::kNull); };
  allow.extra_ok = [&op](const std::string& field) {
    return Allowed(op, field, Allowance::kExtra) || Allowed(op, field, Allowance::kOpen);
  };
  const std::vector<BodyProblem> problems =
      checker_.Check(*it->second.request_schema, present ? body : Json::object(), allow);
  if (problems.empty()) return std::nullopt;
  const BodyProblem& first = problems.front();
  std::string message = first.field.empty()
                            ? "Invalid input: " + first.problem
                            : "Invalid input for " + first.field + ": " + first.problem;
  if (first.problem == "unknown field") message += " (not in " + op + "'s request schema)";
  return ApiError{400, message, ""};
}

}  // namespace aivenctl::emulator
