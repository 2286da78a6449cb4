// Kafka Connect connectors (`.../service/{service_name}/connectors`, available-connectors,
// status): on kafka_connect services and kafka services with user_config kafka_connect.
//
// Record: /projects/<p>/services/<s>/connectors/<name> = {name, config (strings, with
// name and connector.class), create_time, ready_at}. Connector and tasks are UNASSIGNED
// until ready_at, then RUNNING; a config key `emulator.fail.task` makes task 0 FAILED
// with a trace naming that value (and, like a leaky JDBC driver, the connection.password)
// so tests can see a failure and its redaction.
#include <algorithm>

#include "api_routes.h"
#include "lifecycle.h"

namespace aivenctl::emulator {
namespace {

struct Plugin {
  const char* cls;
  const char* title;
  const char* type;
  const char* author;
};

const std::vector<Plugin>& Plugins() {
  static const std::vector<Plugin> plugins = {
      {"io.aiven.connect.jdbc.JdbcSinkConnector", "JDBC Sink", "sink", "Aiven"},
      {"io.aiven.connect.jdbc.JdbcSourceConnector", "JDBC Source", "source", "Aiven"},
      {"io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector", "Aiven S3 Sink", "sink",
       "Aiven"},
      {"io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "OpenSearch Sink", "sink",
       "Aiven"},
      {"io.debezium.connector.postgresql.PostgresConnector", "Debezium PostgreSQL", "source",
       "Debezium"},
      {"io.debezium.connector.mysql.MySqlConnector", "Debezium MySQL", "source", "Debezium"},
  };
  return plugins;
}

const Plugin* FindPlugin(const std::string& cls) {
  for (const auto& p : Plugins()) {
    if (cls == p.cls) return &p;
  }
  return nullptr;
}

Json PluginJson(const Plugin& p) {
  return {{"author", p.author},
          {"class", p.cls},
          {"docURL", "https://aiven.io/docs/products/kafka/kafka-connect"},
          {"title", p.title},
          {"type", p.type},
          {"version", "6.10.0"},
          {"plugin_name", p.title},
          {"preview", false},
          {"available_versions", Json::array({{{"version", "6.10.0"}, {"deprecated", false}}})}};
}

bool RunsConnect(const Json& rec) {
  const std::string type = rec.value("service_type", "");
  if (type == "kafka_connect") return true;
  const Json uc = rec.value("user_config", Json::object());
  return type == "kafka" && uc.is_object() && uc.value("kafka_connect", false) == true;
}

const Json& RequireConnect(const Json& doc, const Ctx& c) {
  const Json& rec = RequireService(doc, c.Param("project"), c.Param("service_name"));
  if (!RunsConnect(rec)) {
    throw ApiError{400, "Kafka Connect is not enabled for service " + c.Param("service_name"), ""};
  }
  return rec;
}

const Json& RequireConnector(const Json& rec, const std::string& name) {
  const auto all = rec.find("connectors");
  if (all == rec.end() || !all->is_object() || !all->contains(name)) {
    throw ApiError{404, "Connector " + name + " not found", ""};
  }
  return all->at(name);
}

std::string ConnectorPath(const Ctx& c, const std::string& name) {
  return Path(
      {"projects", c.Param("project"), "services", c.Param("service_name"), "connectors", name});
}

// The body as Kafka Connect takes it: every value a string, the class one we offer.
Json CheckConfig(const Json& body, const std::string& name) {
  Json config = Json::object();
  for (const auto& [key, value] : body.items()) {
    if (!value.is_string()) {
      throw ApiError{400, "Invalid value for config " + key + ": expected a string", ""};
    }
    config[key] = value;
  }
  const std::string cls = ReqString(body, "connector.class");
  if (FindPlugin(cls) == nullptr) {
    throw ApiError{
        400, "Failed to find any class that implements Connector and which name matches " + cls,
        ""};
  }
  config["name"] = name;
  return config;
}

Json ConnectorJson(const Json& k) {
  const std::string name = k.at("name");
  const Plugin* plugin = FindPlugin(k.at("config").value("connector.class", ""));
  Json out{{"name", name},
           {"config", k.at("config")},
           {"tasks", Json::array({{{"connector", name}, {"task", 0}}})}};
  if (plugin != nullptr) out["plugin"] = PluginJson(*plugin);
  return out;
}

Json StatusJson(const Json& k, double now) {
  const bool ready = now >= k.value("ready_at", 0.0);
  const Json& config = k.at("config");
  std::string task_state = ready ? "RUNNING" : "UNASSIGNED";
  std::string trace;
  if (ready && config.contains("emulator.fail.task")) {
    task_state = "FAILED";
    trace = "org.apache.kafka.connect.errors.ConnectException: " +
            config.value("emulator.fail.task", "") +
            "\n\tat io.aiven.connect.jdbc.sink.JdbcSinkTask.put(JdbcSinkTask.java:96)";
    if (config.contains("connection.password")) {
      trace += "\nCaused by: java.sql.SQLException: login failed with password '" +
               config.value("connection.password", "") + "'";
    }
  }
  return {{"state", ready ? "RUNNING" : "UNASSIGNED"},
          {"tasks", Json::array({{{"id", 0}, {"state", task_state}, {"trace", trace}}})}};
}

}  // namespace

void RegisterConnectorRoutes(Router& r, World& w) {
  const std::string service = "/v1/project/{project}/service/{service_name}";
  const std::string base = service + "/connectors";
  r.Add("GET", service + "/available-connectors", [&w](Ctx& c) {
    w.store.Read([&](const Json& d) {
      RequireConnect(d, c);
      return 0;
    });
    Json plugins = Json::array();
    for (const auto& p : Plugins()) plugins.push_back(PluginJson(p));
    c.Reply({{"plugins", plugins}});
  });
  r.Add("GET", base, [&w](Ctx& c) {
    const Json list = w.store.Read([&](const Json& d) {
      const Json& rec = RequireConnect(d, c);
      Json out = Json::array();
      const Json all = rec.value("connectors", Json::object());  // a copy: items() needs it alive
      for (const auto& [name, k] : all.items()) out.push_back(ConnectorJson(k));
      return out;
    });
    c.Reply({{"connectors", list}});
  });
  r.Add("POST", base, [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = ReqString(body, "name");
    if (name.empty() || name.find('/') != std::string::npos) {
      throw ApiError{400, "Invalid connector name '" + name + "'", ""};
    }
    const double now = w.clock.Now();
    const Json created = w.store.Write([&](Txn& t) {
      const Json& rec = RequireConnect(t.doc(), c);
      // Kafka Connect starts a little after its service reports RUNNING.
      if (!ServiceServing(rec, now) ||
          now < rec.value("ready_at", 0.0) + w.opts.connect_warmup_seconds) {
        throw ApiError{503, "Kafka Connect is not available yet, try again later", ""};
      }
      if (rec.value("connectors", Json::object()).contains(name)) {
        throw ApiError{409, "Connector " + name + " already exists", ""};
      }
      Json k{{"name", name},
             {"config", CheckConfig(body, name)},
             {"create_time", now},
             {"ready_at", now + w.opts.connector_seconds}};
      t.Set(ConnectorPath(c, name), k);
      return ConnectorJson(k);
    });
    c.Reply({{"connector", created}});
  });
  r.Add("PUT", base + "/{connector_name}", [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = c.Param("connector_name");
    const double now = w.clock.Now();
    const Json updated = w.store.Write([&](Txn& t) {
      Json k = RequireConnector(RequireConnect(t.doc(), c), name);
      k["config"] = CheckConfig(body, name);
      k["ready_at"] = now + w.opts.connector_seconds;  // tasks restart with the new config
      t.Set(ConnectorPath(c, name), k);
      return ConnectorJson(k);
    });
    c.Reply({{"connector", updated}});
  });
  r.Add("DELETE", base + "/{connector_name}", [&w](Ctx& c) {
    const std::string name = c.Param("connector_name");
    w.store.Write([&](Txn& t) {
      RequireConnector(RequireConnect(t.doc(), c), name);
      t.Erase(ConnectorPath(c, name));
    });
    c.Reply({{"message", "deleted"}});
  });
  r.Add("GET", base + "/{connector_name}/status", [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json status = w.store.Read([&](const Json& d) {
      return StatusJson(RequireConnector(RequireConnect(d, c), c.Param("connector_name")), now);
    });
    c.Reply({{"status", status}});
  });
}

}  // namespace aivenctl::emulator
