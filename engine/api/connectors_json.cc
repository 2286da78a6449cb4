// JSON -> live model for Kafka Connect connectors (see live_json.h). Secret config values
// never reach the model: a key model::IsSecretConnectorKey names keeps only its name.

#include <algorithm>

#include "api/live_json.h"

namespace aivenctl::api {

using nlohmann::json;

namespace {

// Kafka Connect configs are strings; a number or boolean an API sent is kept as its text.
std::optional<std::string> ConfigText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  return std::nullopt;
}

}  // namespace

model::LiveConnector ConnectorFromJson(const json& connector) {
  model::LiveConnector out;
  out.name = StringOr(connector, "name");
  const auto config = connector.is_object() ? connector.find("config") : connector.end();
  if (!connector.is_object() || config == connector.end() || !config->is_object()) return out;
  out.class_name = StringOr(*config, "connector.class");
  for (const auto& [key, value] : config->items()) {
    if (key == "name" || key == "connector.class") continue;
    if (model::IsSecretConnectorKey(key)) {
      out.secret_keys.push_back(key);
      continue;
    }
    if (auto text = ConfigText(value)) out.config[key] = *text;
  }
  std::sort(out.secret_keys.begin(), out.secret_keys.end());
  return out;
}

std::vector<model::LiveConnector> ConnectorsFromJson(const json& body) {
  std::vector<model::LiveConnector> out;
  const auto list = body.is_object() ? body.find("connectors") : body.end();
  if (!body.is_object() || list == body.end() || !list->is_array()) return out;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    out.push_back(ConnectorFromJson(item));
    if (out.back().name.empty()) out.pop_back();
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> ConnectorClassesFromJson(const json& body) {
  std::vector<std::string> out;
  const auto list = body.is_object() ? body.find("plugins") : body.end();
  if (!body.is_object() || list == body.end() || !list->is_array()) return out;
  for (const auto& plugin : *list) {
    std::string cls = StringOr(plugin, "class");
    if (!cls.empty()) out.push_back(std::move(cls));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

model::ConnectorStatus ConnectorStatusFromJson(const json& body) {
  model::ConnectorStatus out;
  const auto status = body.is_object() ? body.find("status") : body.end();
  if (!body.is_object() || status == body.end() || !status->is_object()) return out;
  out.state = StringOr(*status, "state");
  const auto tasks = status->find("tasks");
  if (tasks == status->end() || !tasks->is_array()) return out;
  for (const auto& t : *tasks) {
    if (!t.is_object()) continue;
    model::ConnectorTask task;
    const auto id = t.find("id");
    if (id != t.end() && id->is_number_integer()) {
      const auto v = id->get<long long>();
      task.id = v < 0 || v > 1'000'000 ? -1 : static_cast<int>(v);
    }
    task.state = StringOr(t, "state");
    task.trace = StringOr(t, "trace");
    out.tasks.push_back(std::move(task));
  }
  std::sort(out.tasks.begin(), out.tasks.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace aivenctl::api
