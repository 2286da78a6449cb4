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

const json& TopicConfigSchema() { return Table().at("topic_config"); }

std::vector<std::string> MarkedPaths(const json& schema, const json& value, const std::string& root,
                                     const char* mark) {
  std::vector<std::string> out;
  if (!schema.is_object() || !value.is_object()) return out;
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return out;
  for (auto it = value.begin(); it != value.end(); ++it) {
    auto p = props->find(it.key());
    if (p == props->end()) continue;
    const std::string path = root + "." + it.key();
    if (p->value(mark, false)) {
      out.push_back(path);
    } else if (it->is_object()) {
      for (auto& sub : MarkedPaths(*p, *it, path, mark)) out.push_back(std::move(sub));
    }
  }
  return out;
}

}  // namespace aivenctl::model
