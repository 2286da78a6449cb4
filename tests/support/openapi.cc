#include "support/openapi.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <utility>

#include "support/null_allowlist.h"
#include "support/process_run.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

constexpr std::string_view kApiPrefix = "/v1";

std::vector<std::string> SplitSegments(std::string_view path) {
  std::vector<std::string> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool IsParameter(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Follows "#/..." $refs (components/responses); nullptr when unresolvable.
const json* Deref(const json& document, const json& node) {
  const json* current = &node;
  for (int hops = 0; hops < 16 && current->is_object() && current->contains("$ref"); ++hops) {
    const auto& ref = (*current)["$ref"];
    if (!ref.is_string() || !ref.get_ref<const std::string&>().starts_with("#")) return nullptr;
    json::json_pointer pointer(ref.get<std::string>().substr(1));
    if (!document.contains(pointer)) return nullptr;
    current = &document.at(pointer);
  }
  return current;
}

}  // namespace

OpenApiSpec::OpenApiSpec(json document)
    : document_(std::move(document)), validator_(document_, IsKnownNullField) {
  for (const auto& [path, item] : document_["paths"].items()) {
    templates_.push_back(Template{path, SplitSegments(path)});
  }
}

core::Result<std::unique_ptr<OpenApiSpec>> OpenApiSpec::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return core::NotFound("OpenAPI description not found at " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::NotFound("cannot open " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json document = json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return core::InvalidArgument(path + " is not valid JSON");
  if (!document.is_object() || !document.contains("openapi") || !document.contains("paths") ||
      !document["paths"].is_object()) {
    return core::InvalidArgument(path + " is not an OpenAPI document (no openapi/paths)");
  }
  return std::unique_ptr<OpenApiSpec>(new OpenApiSpec(std::move(document)));
}

std::string OpenApiSpec::DefaultPath() {
  return SourceDir() + "/emulator/data/aiven-openapi-subset.json";
}

core::Result<const OpenApiSpec*> OpenApiSpec::Shared() {
  static std::once_flag once;
  static core::Result<std::unique_ptr<OpenApiSpec>>* loaded = nullptr;  // never freed
  std::call_once(
      once, [] { loaded = new core::Result<std::unique_ptr<OpenApiSpec>>(Load(DefaultPath())); });
  if (!loaded->ok()) return loaded->status();
  return static_cast<const OpenApiSpec*>(loaded->value().get());
}

std::vector<const OpenApiSpec::Template*> OpenApiSpec::MatchTemplates(
    std::string_view concrete_path) const {
  std::vector<const Template*> found;
  concrete_path = concrete_path.substr(0, concrete_path.find_first_of("?#"));
  if (!concrete_path.starts_with(kApiPrefix)) return found;
  concrete_path.remove_prefix(kApiPrefix.size());
  if (!concrete_path.starts_with('/')) return found;
  const std::vector<std::string> segments = SplitSegments(concrete_path);
  for (const auto& t : templates_) {
    if (t.segments.size() != segments.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      match = IsParameter(t.segments[i]) ? !segments[i].empty() : t.segments[i] == segments[i];
    }
    if (match) found.push_back(&t);
  }
  // Most specific first: at the first position where they differ, a literal beats a
  // parameter.
  std::sort(found.begin(), found.end(), [](const Template* a, const Template* b) {
    for (std::size_t i = 0; i < a->segments.size(); ++i) {
      const bool a_literal = !IsParameter(a->segments[i]);
      const bool b_literal = !IsParameter(b->segments[i]);
      if (a_literal != b_literal) return a_literal;
    }
    return a->path < b->path;
  });
  return found;
}

std::optional<OperationMatch> OpenApiSpec::FindOperation(std::string_view method,
                                                         std::string_view concrete_path) const {
  const std::string key = Lower(method);
  for (const Template* t : MatchTemplates(concrete_path)) {
    const json& item = document_["paths"][t->path];
    auto op = item.find(key);
    if (op == item.end() || !op->is_object()) continue;
    OperationMatch match;
    match.operation_id = op->value("operationId", Upper(method) + " " + t->path);
    match.method = Upper(method);
    match.path_template = t->path;
    return match;
  }
  return std::nullopt;
}

ResponseCheck OpenApiSpec::ValidateResponse(std::string_view method, std::string_view concrete_path,
                                            int status, const json& body) const {
  ResponseCheck result;
  const auto match = FindOperation(method, concrete_path);
  if (!match) {
    result.kind = CheckKind::kNoOperation;
    result.note =
        "no operation in the spec for " + Upper(method) + " " + std::string(concrete_path);
    return result;
  }
  result.operation_id = match->operation_id;
  const std::string prefix = match->operation_id + " " + std::to_string(status);
  const json& op = document_["paths"][match->path_template][Lower(method)];
  const json* responses = op.contains("responses") ? &op["responses"] : nullptr;
  const json* response = nullptr;
  if (responses != nullptr && responses->is_object()) {
    const std::string exact = std::to_string(status);
    const std::string range = exact.substr(0, 1) + "XX";
    for (const std::string& key : {exact, range, std::string("default")}) {
      if (auto it = responses->find(key); it != responses->end()) {
        response = Deref(document_, *it);
        break;
      }
    }
  }
  result.kind = CheckKind::kNoSchema;
  if (response == nullptr) {
    result.note = prefix + ": status not declared (and no default response)";
    return result;
  }
  result.status_declared = true;
  const json* schema = nullptr;
  if (auto content = response->find("content"); content != response->end()) {
    for (const auto& [type, media] : content->items()) {
      if (type.find("json") != std::string::npos && media.contains("schema")) {
        schema = &media["schema"];
        break;
      }
    }
  }
  if (schema == nullptr) {
    result.note = prefix + ": the response declares no JSON schema";
    return result;
  }
  std::string schema_name = prefix;
  if (schema->is_object() && schema->contains("$ref")) {
    const std::string ref = (*schema)["$ref"].get<std::string>();
    schema_name = ref.substr(ref.rfind('/') + 1);
  }
  result.kind = CheckKind::kValidated;
  for (auto& error : validator_.Validate(*schema, body, schema_name)) {
    result.errors.push_back(prefix + ": " + error);
  }
  return result;
}

}  // namespace aivenctl::testing
