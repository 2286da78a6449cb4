#include "model/aiven_schemas.h"

namespace aivenctl::model {

extern const char kAivenSchemasJson[];

namespace {

using nlohmann::json;

const json& Table() {
  static const json* table = new json(json::parse(kAivenSchemasJson));
  return *table;
}

const json* Find(const char* section, const std::string& name) {
  const json& s = Table().at(section);
  auto it = s.find(name);
  return it == s.end() ? nullptr : &*it;
}

}  // namespace

const std::string& AivenSchemasDate() {
  static const std::string date = Table().at("_source").at("date").get<std::string>();
  return date;
}

bool IsCurrentServiceType(const std::string& type) {
  return Find("service_types", type) != nullptr;
}

std::vector<std::string> CurrentServiceTypes() {
  std::vector<std::string> out;
  for (const auto& [name, schema] : Table().at("service_types").items()) out.push_back(name);
  return out;
}

std::optional<std::string> EndOfLifeSuccessor(const std::string& type) {
  const json* s = Find("end_of_life_service_types", type);
  if (s == nullptr) return std::nullopt;
  return s->get<std::string>();
}

const json* OfflineServiceSchema(const std::string& type) { return Find("service_types", type); }

const json* OfflineIntegrationSchema(const std::string& type) {
  return Find("integration_types", type);
}

const json* OfflineEndpointSchema(const std::string& type) { return Find("endpoint_types", type); }

std::vector<std::string> EndpointTypes() {
  std::vector<std::string> out;
  for (const auto& [name, schema] : Table().at("endpoint_types").items()) out.push_back(name);
  return out;
}

const json& TopicConfigSchema() { return Table().at("topic_config"); }

namespace {

// Appends the marked paths below `value` (at `path`, described by `schema`): objects by
// their properties, arrays element by element through `items`.
void Marked(const json& schema, const json& value, const std::string& path, const char* mark,
            std::vector<std::string>& out) {
  if (!schema.is_object()) return;
  if (value.is_array()) {
    auto items = schema.find("items");
    if (items == schema.end()) return;
    for (std::size_t i = 0; i < value.size(); ++i) {
      Marked(*items, value[i], path + "[" + std::to_string(i) + "]", mark, out);
    }
    return;
  }
  if (!value.is_object()) return;
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return;
  for (auto it = value.begin(); it != value.end(); ++it) {
    auto p = props->find(it.key());
    if (p == props->end()) continue;
    const std::string below = path + "." + it.key();
    if (p->value(mark, false)) {
      out.push_back(below);
    } else {
      Marked(*p, *it, below, mark, out);
    }
  }
}

}  // namespace

std::vector<std::string> MarkedPaths(const json& schema, const json& value, const std::string& root,
                                     const char* mark) {
  std::vector<std::string> out;
  if (value.is_object()) Marked(schema, value, root, mark, out);
  return out;
}

}  // namespace aivenctl::model
