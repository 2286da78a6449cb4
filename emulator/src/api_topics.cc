// Kafka topics: v1 list/get/create/update/delete and the v2 batch read (REFERENCE §5.7).
#include <algorithm>

#include "api_routes.h"
#include "lifecycle.h"
#include "names.h"

namespace aivenctl::emulator {
namespace {

/// Topic config keys (underscored, as the API takes them) with their JSON type and
/// the broker default reported as source "default_config".
struct ConfigKey {
  const char* name;
  const char* type;  // integer | number | boolean | string
  Json fallback;
};

const std::vector<ConfigKey>& ConfigKeys() {
  static const std::vector<ConfigKey> keys = {
      {"cleanup_policy", "string", "delete"},
      {"compression_type", "string", "producer"},
      {"delete_retention_ms", "integer", 86400000},
      {"file_delete_delay_ms", "integer", 60000},
      {"flush_messages", "integer", 9223372036854775807LL},
      {"flush_ms", "integer", 9223372036854775807LL},
      {"index_interval_bytes", "integer", 4096},
      {"local_retention_bytes", "integer", -2},
      {"local_retention_ms", "integer", -2},
      {"max_compaction_lag_ms", "integer", 9223372036854775807LL},
      {"max_message_bytes", "integer", 1048588},
      {"message_downconversion_enable", "boolean", true},
      {"message_format_version", "string", "3.0-IV1"},
      {"message_timestamp_difference_max_ms", "integer", 9223372036854775807LL},
      {"message_timestamp_type", "string", "CreateTime"},
      {"min_cleanable_dirty_ratio", "number", 0.5},
      {"min_compaction_lag_ms", "integer", 0},
      {"min_insync_replicas", "integer", 1},
      {"preallocate", "boolean", false},
      {"remote_storage_enable", "boolean", false},
      {"retention_bytes", "integer", -1},
      {"retention_ms", "integer", 604800000},
      {"segment_bytes", "integer", 209715200},
      {"segment_index_bytes", "integer", 10485760},
      {"segment_jitter_ms", "integer", 0},
      {"segment_ms", "integer", 604800000},
      {"unclean_leader_election_enable", "boolean", false},
  };
  return keys;
}

bool TypeFits(const std::string& type, const Json& v) {
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  return v.is_string();
}

const ConfigKey& Key(const std::string& name) {
  const auto& keys = ConfigKeys();
  return *std::find_if(keys.begin(), keys.end(),
                       [&](const ConfigKey& k) { return name == k.name; });
}

const char* kInvalid = "kafka_topic_invalid_config";

/// Validates `config` and returns it without nulls.
Json CheckConfig(const Json& config) {
  Json out = Json::object();
  for (const auto& [key, value] : config.items()) {
    if (value.is_null()) continue;
    const auto& keys = ConfigKeys();
    const std::string& name = key;  // clang 14 cannot capture a structured binding
    const auto it =
        std::find_if(keys.begin(), keys.end(), [&](const ConfigKey& k) { return name == k.name; });
    if (it == keys.end()) throw ApiError{400, "Unknown topic config key '" + key + "'", kInvalid};
    if (!TypeFits(it->type, value)) {
      throw ApiError{400, "Invalid value for config." + key + ": expected " + it->type, kInvalid};
    }
    if (key == "cleanup_policy") {
      const std::string p = value;
      if (p != "delete" && p != "compact" && p != "compact,delete" && p != "delete,compact") {
        throw ApiError{400, "Invalid value for config.cleanup_policy: '" + p + "'", kInvalid};
      }
    }
    out[key] = value;
  }
  return out;
}

Json CheckTopicTags(const Json* tags) {
  if (!tags) return Json::array();
  if (tags->size() > 25) throw ApiError{400, "A topic can have at most 25 tags", kInvalid};
  for (const auto& t : *tags) {
    if (!t.is_object() || !t.contains("key") || !t["key"].is_string() ||
        t["key"].get<std::string>().empty() || t["key"].get<std::string>().size() > 64 ||
        !t.contains("value") || !t["value"].is_string() ||
        t["value"].get<std::string>().size() > 256) {
      throw ApiError{
          400, "Invalid input for tags: expected [{\"key\": 1-64 chars, \"value\": 0-256 chars}]",
          kInvalid};
    }
  }
  return *tags;
}

std::string TopicPath(const Ctx& c, const std::string& topic) {
  return Path(
      {"projects", c.Param("project"), "services", c.Param("service_name"), "topics", topic});
}

const Json& RequireKafka(const Json& doc, const Ctx& c) {
  const Json& rec = RequireService(doc, c.Param("project"), c.Param("service_name"));
  if (rec.value("service_type", "") != "kafka") {
    throw ApiError{400, "Service " + c.Param("service_name") + " is not a Kafka service", ""};
  }
  return rec;
}

const Json& RequireTopic(const Json& rec, const std::string& topic) {
  const auto& topics = rec.at("topics");
  const auto it = topics.find(topic);
  if (it == topics.end())
    throw ApiError{404, "Topic '" + topic + "' does not exist", "kafka_topic_not_found"};
  return *it;
}

/// Applies the body fields shared by create and update to `topic`.
void ApplyFields(Json& topic, const Json& body, int nodes, bool creating) {
  const int64_t partitions = OptInt(body, "partitions", topic.value("partitions", int64_t{1}));
  if (partitions < 1 || partitions > 1000000)
    throw ApiError{400, "partitions must be 1-1000000", kInvalid};
  if (!creating && partitions < topic.value("partitions", int64_t{1})) {
    throw ApiError{400, "The number of partitions cannot be decreased", kInvalid};
  }
  topic["partitions"] = partitions;
  const int64_t replication =
      OptInt(body, "replication", topic.value("replication", int64_t{std::min(nodes, 3)}));
  if (replication > nodes) {
    throw ApiError{409,
                   "Cluster only has " + std::to_string(nodes) +
                       " broker(s), cannot set replication factor to " +
                       std::to_string(replication),
                   ""};
  }
  if (replication < 2 && nodes > 1)
    throw ApiError{400, "Replication factor must be set to at least two", kInvalid};
  topic["replication"] = replication;
  Json config = topic.value("config", Json::object());
  if (const Json* cfg = OptObject(body, "config")) config.update(CheckConfig(*cfg));
  for (const char* key : {"min_insync_replicas", "retention_bytes"}) {
    if (body.contains(key) && !body[key].is_null()) config[key] = OptInt(body, key, 0);
  }
  if (body.contains("retention_hours") && !body["retention_hours"].is_null()) {
    config["retention_ms"] = OptInt(body, "retention_hours", 0) * 3600000;
  }
  if (creating) {
    const std::string policy = OptString(body, "cleanup_policy");
    if (!policy.empty()) config.update(CheckConfig(Json{{"cleanup_policy", policy}}));
  } else if (body.contains("cleanup_policy") && !body["cleanup_policy"].is_null()) {
    throw ApiError{400, "cleanup_policy cannot be updated here: use config.cleanup_policy",
                   kInvalid};
  }
  if (config.value("min_insync_replicas", int64_t{1}) > replication) {
    throw ApiError{400, "min_insync_replicas cannot exceed the replication factor", kInvalid};
  }
  topic["config"] = config;
  if (body.contains("tags") && !body["tags"].is_null())
    topic["tags"] = CheckTopicTags(OptArray(body, "tags"));
  for (const char* key : {"topic_description", "owner_user_group_id"}) {
    if (body.contains(key) && !body[key].is_null()) topic[key] = OptString(body, key);
  }
}

Json ConfigValue(const Json& topic, const ConfigKey& k) {
  const Json& cfg = topic.at("config");
  return cfg.contains(k.name) ? cfg.at(k.name) : k.fallback;
}

Json OptionalText(const Json& t, const char* key) {
  const auto it = t.find(key);
  if (it == t.end() || !it->is_string() || it->get<std::string>().empty()) return nullptr;
  return *it;
}

Json ListItem(const Json& t, double now) {
  const Json retention_ms = ConfigValue(t, Key("retention_ms"));
  return {{"topic_name", t.at("topic_name")},
          {"partitions", t.at("partitions")},
          {"replication", t.at("replication")},
          {"min_insync_replicas", ConfigValue(t, Key("min_insync_replicas"))},
          {"retention_bytes", ConfigValue(t, Key("retention_bytes"))},
          {"retention_hours",
           retention_ms.get<int64_t>() < 0 ? -1 : retention_ms.get<int64_t>() / 3600000},
          {"cleanup_policy", ConfigValue(t, Key("cleanup_policy"))},
          {"state", TopicState(t, now)},
          {"tags", t.value("tags", Json::array())},
          // Unset: null (inferred). The spec requires both with minLength 1, so "" is
          // invalid; they are optional per-topic fields (TF PR #1843) and the spec marks
          // nothing nullable (REFERENCE §1).
          {"topic_description", OptionalText(t, "topic_description")},
          {"owner_user_group_id", OptionalText(t, "owner_user_group_id")},
          {"remote_storage_enable", ConfigValue(t, Key("remote_storage_enable"))}};
}

Json GetShape(const Json& t, double now) {
  Json out = ListItem(t, now);
  Json partitions = Json::array();
  for (int64_t i = 0; i < t.value("partitions", int64_t{1}); ++i) {
    partitions.push_back({{"partition", i},
                          {"isr", t.at("replication")},
                          {"size", 0},
                          {"earliest_offset", 0},
                          {"latest_offset", 0},
                          {"consumer_groups", Json::array()},
                          {"remote_size", 0}});
  }
  out["partitions"] = partitions;
  Json config = Json::object();
  for (const auto& k : ConfigKeys()) {
    const bool set = t.at("config").contains(k.name);
    config[k.name] = {{"value", ConfigValue(t, k)},
                      {"source", set ? "topic_config" : "default_config"},
                      {"synonyms", Json::array()}};
  }
  out["config"] = config;
  return out;
}

}  // namespace

void RegisterTopicRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/service/{service_name}/topic";
  r.Add("GET", base, [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json list = w.store.Read([&](const Json& d) {
      Json out = Json::array();
      for (const auto& [name, t] : RequireKafka(d, c).at("topics").items())
        out.push_back(ListItem(t, now));
      return out;
    });
    c.Reply({{"topics", list}});
  });
  r.Add("POST", base, [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string name = ReqString(body, "topic_name");
    CheckTopicName(name);
    const double now = w.clock.Now();
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireKafka(t.doc(), c);
      if (!ServiceServing(rec, now)) {
        throw ApiError{503, "Kafka service is not available, try again later",
                       "kafka_service_unavailable"};
      }
      if (rec.at("topics").contains(name)) {
        throw ApiError{409, "Topic '" + name + "' already exists", "kafka_topic_already_exists"};
      }
      Json topic{{"topic_name", name},
                 {"config", Json::object()},
                 {"tags", Json::array()},
                 {"create_time", now},
                 {"ready_at", now + w.opts.topic_seconds}};
      ApplyFields(topic, body, rec.value("node_count", 1), /*creating=*/true);
      t.Set(TopicPath(c, name), topic);
    });
    c.Reply({{"message", "created"}});
  });
  r.Add("GET", base + "/{topic_name}", [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json topic = w.store.Read([&](const Json& d) {
      return GetShape(RequireTopic(RequireKafka(d, c), c.Param("topic_name")), now);
    });
    c.Reply({{"topic", topic}});
  });
  r.Add("PUT", base + "/{topic_name}", [&w](Ctx& c) {
    const Json& body = c.Object();
    w.store.Write([&](Txn& t) {
      const Json& rec = RequireKafka(t.doc(), c);
      Json topic = RequireTopic(rec, c.Param("topic_name"));
      ApplyFields(topic, body, rec.value("node_count", 1), /*creating=*/false);
      t.Set(TopicPath(c, c.Param("topic_name")), topic);
    });
    c.Reply({{"message", "updated"}});
  });
  r.Add("DELETE", base + "/{topic_name}", [&w](Ctx& c) {
    const std::string name = c.Param("topic_name");
    if (name.rfind("__", 0) == 0)
      throw ApiError{409, "Topic '" + name + "' is reserved", "kafka_topic_reserved"};
    w.store.Write([&](Txn& t) {
      RequireTopic(RequireKafka(t.doc(), c), name);
      t.Erase(TopicPath(c, name));
    });
    c.Reply({{"message", "deleted"}});
  });
  r.Add("POST", "/v2/project/{project}/service/{service_name}/topic", [&w](Ctx& c) {
    const Json* names = OptArray(c.Object(), "topic_names");
    if (!names) throw ApiError{400, "Missing required field: topic_names", ""};
    const double now = w.clock.Now();
    const Json list = w.store.Read([&](const Json& d) {
      const Json& rec = RequireKafka(d, c);
      Json out = Json::array();
      for (const auto& n : *names) {
        if (!n.is_string()) throw ApiError{400, "topic_names must be strings", ""};
        out.push_back(GetShape(RequireTopic(rec, n), now));  // one missing: the whole call 404s
      }
      return out;
    });
    c.Reply({{"topics", list}});
  });
}

}  // namespace aivenctl::emulator
