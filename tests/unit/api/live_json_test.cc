// JSON -> live model mapping from literal API answers: field names, the two topic shapes,
// tolerance of missing or mistyped fields, sorting, and that every secret is dropped.

#include "api/live_json.h"

#include <gtest/gtest.h>

namespace aivenctl::api {
namespace {

using nlohmann::json;

const json kPgService = json::parse(R"({
  "service_name": "pg", "service_type": "pg", "plan": "startup-4",
  "cloud_name": "google-europe-west1", "state": "RUNNING",
  "create_time": "2026-11-28T16:00:00Z", "termination_protection": true,
  "service_uri": "postgres://avnadmin:AVNS_uriSECRET@pg-p.aivencloud.com:12691/defaultdb",
  "service_uri_params": {"password": "AVNS_paramSECRET", "user": "avnadmin"},
  "connection_info": {"pg": ["postgres://avnadmin:AVNS_ciSECRET@h:1/defaultdb"]},
  "user_config": {"pg_version": "16", "admin_password": "AVNS_ucSECRET",
                  "pg": {"max_connections": 100, "some_secret": "x"},
                  "ip_filter": ["0.0.0.0/0"],
                  "sources": [{"host": "h", "password": "AVNS_arraySECRET"}]},
  "maintenance": {"dow": "sunday", "time": "02:00:00", "updates": [], "enabled": true},
  "disk_space_mb": 81920, "node_count": 1,
  "tags": {"owner": "ci", "bad": 3},
  "users": [
    {"username": "zed", "type": "regular", "password": "AVNS_zedSECRET",
     "access_control": {"pg_allow_replication": false}},
    {"username": "avnadmin", "type": "primary", "password": "AVNS_adminSECRET",
     "access_cert": "-----BEGIN CERTIFICATE-----CERTSECRET", "access_key": "KEYSECRET"}
  ],
  "databases": ["zeta", "defaultdb"],
  "service_integrations": [
    {"service_integration_id": "b-2", "integration_type": "metrics", "active": true,
     "enabled": true, "source_project": "p", "source_service": "pg", "dest_project": "p",
     "dest_service": "thanos", "user_config": {"password": "intSECRET", "x": 1}},
    {"service_integration_id": "a-1", "integration_type": "logs", "active": false,
     "enabled": true, "source_project": "p", "source_service": "pg", "dest_project": "q",
     "dest_service": null, "dest_endpoint_id": "e1"}
  ],
  "backups": [{"backup_name": "b", "backup_time": "t", "data_size": 1}]
})");

TEST(LiveJson, ServiceFields) {
  model::LiveService s = ServiceFromJson("p", kPgService);
  EXPECT_EQ(s.name, "pg");
  EXPECT_EQ(s.project, "p");
  EXPECT_EQ(s.type, "pg");
  EXPECT_EQ(s.plan, "startup-4");
  EXPECT_EQ(s.cloud, "google-europe-west1");
  EXPECT_EQ(s.state, "RUNNING");
  EXPECT_EQ(s.create_time, "2026-11-28T16:00:00Z");
  EXPECT_TRUE(s.termination_protection);
  ASSERT_TRUE(s.maintenance);
  EXPECT_EQ(s.maintenance->dow, "sunday");
  EXPECT_EQ(s.maintenance->time, "02:00:00");
  EXPECT_EQ(s.disk_space_mb, 81920);
  EXPECT_EQ(s.node_count, 1);
  EXPECT_EQ(s.tags, (model::Tags{{"owner", "ci"}}));
  EXPECT_TRUE(s.has_backup);
  EXPECT_FALSE(s.topics_read);
  EXPECT_EQ(s.address.ToString(), "service:p/pg");
}

TEST(LiveJson, ServiceChildrenAreSorted) {
  model::LiveService s = ServiceFromJson("p", kPgService);
  ASSERT_EQ(s.users.size(), 2u);
  EXPECT_EQ(s.users[0].name, "avnadmin");
  EXPECT_EQ(s.users[0].type, "primary");
  EXPECT_TRUE(s.users[0].access_control.is_null());
  EXPECT_EQ(s.users[1].access_control, json({{"pg_allow_replication", false}}));
  EXPECT_TRUE(s.databases_read);
  ASSERT_EQ(s.databases.size(), 2u);
  EXPECT_EQ(s.databases[0].name, "defaultdb");
  EXPECT_EQ(s.databases[1].name, "zeta");
  ASSERT_EQ(s.integrations.size(), 2u);
  EXPECT_EQ(s.integrations[0].id, "a-1");
  EXPECT_EQ(s.integrations[0].dest_project, "q");
  EXPECT_EQ(s.integrations[0].dest_service, "");
  EXPECT_FALSE(s.integrations[0].active);
  EXPECT_EQ(s.integrations[1].type, "metrics");
  EXPECT_TRUE(s.integrations[1].active);
}

TEST(LiveJson, EverySecretIsDropped) {
  model::LiveService s = ServiceFromJson("p", kPgService);
  EXPECT_EQ(s.user_config, json::parse(R"({"pg_version": "16", "pg": {"max_connections": 100},
                            "ip_filter": ["0.0.0.0/0"], "sources": [{"host": "h"}]})"));
  EXPECT_EQ(s.integrations[1].user_config, json({{"x", 1}}));
  // Nothing of the model, printed as a whole, carries any secret of the answer.
  std::string all = s.user_config.dump() + s.integrations[0].user_config.dump() +
                    s.integrations[1].user_config.dump();
  for (const auto& u : s.users) all += u.name + u.type + u.access_control.dump();
  for (const char* secret : {"SECRET", "AVNS_", "CERTIFICATE"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " in " << all;
  }
}

TEST(LiveJson, KafkaServiceCarriesBothAclListsSortedByContent) {
  const json kafka = json::parse(R"({"service_name": "k", "service_type": "kafka",
    "acl": [{"id": "acl2", "username": "b", "topic": "t", "permission": "read"},
            {"id": "default", "username": "avnadmin", "topic": "*", "permission": "admin"},
            {"id": "acl9", "topic": "x"}, "junk",
            {"id": "acl1", "username": "b", "topic": "t", "permission": "read"}],
    "schema_registry_acl": [{"id": "s1", "username": "u", "resource": "Subject:a:b",
                             "permission": "schema_registry_read"}]})");
  const model::LiveService s = ServiceFromJson("p", kafka);
  ASSERT_TRUE(s.acls_read);
  ASSERT_TRUE(s.schema_registry_acls_read);
  std::string listed;
  for (const auto& a : s.acls) listed += a.id + "=" + a.Key() + " ";
  EXPECT_EQ(listed, "default=avnadmin:*:admin acl1=b:t:read acl2=b:t:read ");
  ASSERT_EQ(s.schema_registry_acls.size(), 1u);
  EXPECT_EQ(s.schema_registry_acls[0].Key(), "u:Subject:a:b:schema_registry_read");
  const model::LiveService pg = ServiceFromJson("p", json{{"service_name", "pg"}});
  EXPECT_FALSE(pg.acls_read);
  EXPECT_FALSE(pg.schema_registry_acls_read);
}

TEST(LiveJson, ServiceWithoutDatabasesSaysSo) {
  json kafka = {{"service_name", "k"}, {"service_type", "kafka"}, {"users", json::array()}};
  model::LiveService s = ServiceFromJson("p", kafka);
  EXPECT_FALSE(s.databases_read);
  EXPECT_FALSE(s.maintenance);
  EXPECT_FALSE(s.disk_space_mb);
  EXPECT_FALSE(s.has_backup);
}

TEST(LiveJson, PoolsComeWithTheServiceWithoutTheirUri) {
  const json service = json::parse(R"({
    "service_name": "pg", "service_type": "pg",
    "connection_pools": [
      {"pool_name": "z-pool", "database": "app", "pool_size": 5, "pool_mode": "session",
       "connection_uri": "postgres://avnadmin:AVNS_poolSECRET@h:2/z-pool"},
      {"pool_name": "a-pool", "database": "app", "username": "app", "pool_size": 20,
       "pool_mode": "transaction", "connection_uri": "postgres://app:AVNS_poolSECRET@h:2/a"}]})");
  const model::LiveService s = ServiceFromJson("p", service);
  ASSERT_EQ(s.pools.size(), 2u);
  EXPECT_EQ(s.pools[0].name, "a-pool");
  EXPECT_EQ(s.pools[0].database, "app");
  EXPECT_EQ(s.pools[0].username, "app");
  EXPECT_EQ(s.pools[0].size, 20);
  EXPECT_EQ(s.pools[0].mode, "transaction");
  EXPECT_EQ(s.pools[1].username, "") << "no username: each client's own user";
  EXPECT_NE(s.FindPool("z-pool"), nullptr);
}

TEST(LiveJson, ClickhouseDatabasesCarryTheirStateAndNotTheServiceList) {
  const json service = json::parse(R"({"service_name": "ch", "service_type": "clickhouse",
                                       "databases": ["default"]})");
  EXPECT_FALSE(ServiceFromJson("p", service).databases_read)
      << "ClickHouse databases are read from /clickhouse/db, with their states";
  const auto dbs = ClickhouseDatabasesFromJson(json::parse(R"({"databases": [
      {"name": "system", "engine": "Atomic", "required": true, "state": "ok"},
      {"name": "events", "engine": "Atomic", "required": false, "state": "pending_creation"},
      {"name": "old", "engine": "Atomic", "required": false}]})"));
  ASSERT_EQ(dbs.size(), 3u);
  EXPECT_EQ(dbs[0].name, "events");
  EXPECT_EQ(dbs[0].state, "pending_creation");
  EXPECT_EQ(dbs[1].state, "ok") << "an answer without a state is taken as ok";
  EXPECT_EQ(dbs[2].name, "system");
}

TEST(LiveJson, MissingAndMistypedFieldsAreEmptyNotErrors) {
  model::LiveService s =
      ServiceFromJson("p", json::parse(R"({"service_name": 5, "users": {"x": 1}, "tags": [],
                           "databases": "no", "node_count": "3", "user_config": null})"));
  EXPECT_EQ(s.name, "");
  EXPECT_TRUE(s.users.empty());
  EXPECT_TRUE(s.tags.empty());
  EXPECT_FALSE(s.databases_read);
  EXPECT_EQ(s.node_count, 0);
  EXPECT_EQ(s.user_config, json::object());
  EXPECT_EQ(ServiceFromJson("p", json()).name, "");
  EXPECT_TRUE(TopicsFromJson(json::array()).empty());
}

TEST(LiveJson, TopicListItem) {
  model::LiveTopic t = TopicFromListItem(json::parse(R"({
    "topic_name": "orders", "partitions": 3, "replication": 2, "min_insync_replicas": 1,
    "retention_bytes": -1, "retention_hours": 168, "cleanup_policy": "compact",
    "state": "ACTIVE", "tags": [{"key": "team", "value": "shop"}],
    "topic_description": null, "owner_user_group_id": null, "remote_storage_enable": false})"));
  EXPECT_EQ(t.name, "orders");
  EXPECT_EQ(t.partitions, 3);
  EXPECT_EQ(t.replication, 2);
  EXPECT_EQ(t.min_insync_replicas, 1);
  EXPECT_EQ(t.state, "ACTIVE");
  EXPECT_EQ(t.description, "");
  EXPECT_EQ(t.tags, (model::Tags{{"team", "shop"}}));
  EXPECT_EQ(t.config, json::parse(R"({"cleanup_policy": "compact", "min_insync_replicas": 1,
                                      "retention_bytes": -1, "remote_storage_enable": false})"));
}

TEST(LiveJson, TopicGetShapeUnwrapsConfigAndCountsPartitions) {
  model::LiveTopic t = TopicFromGet(json::parse(R"({
    "topic_name": "orders", "replication": 3, "state": "CONFIGURING",
    "partitions": [{"partition": 0}, {"partition": 1}],
    "topic_description": "d",
    "config": {"retention_ms": {"value": 3600000, "source": "topic_config"},
               "min_insync_replicas": {"value": 2, "source": "topic_config"},
               "flush_ms": {"value": null, "source": "default_config"}}})"));
  EXPECT_EQ(t.partitions, 2);
  EXPECT_EQ(t.min_insync_replicas, 2);
  EXPECT_EQ(t.description, "d");
  EXPECT_EQ(t.config, json::parse(R"({"retention_ms": 3600000, "min_insync_replicas": 2})"));
}

TEST(LiveJson, TopicBatchReadShapeKeepsValueTypesAndCountsPartitions) {
  auto topics = TopicsFromBatch(json::parse(R"({"topics": [
    {"topic_name": "b", "partitions": [{"partition": 0}], "replication": 2,
     "cleanup_policy": "delete", "state": "ACTIVE", "tags": [],
     "config": {"retention_ms": {"value": 3600000, "source": "topic_config", "synonyms": []},
                "cleanup_policy": {"value": "compact", "source": "topic_config"},
                "preallocate": {"value": false, "source": "default_config"},
                "min_cleanable_dirty_ratio": {"value": 0.5, "source": "default_config"},
                "flush_ms": {"value": null, "source": "default_config"}}},
    {"topic_name": "a", "partitions": [{"partition": 0}, {"partition": 1}, {"partition": 2}],
     "replication": 3, "state": "CONFIGURING", "config": {}}]})"));
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0].name, "a");
  EXPECT_EQ(topics[0].partitions, 3);
  EXPECT_EQ(topics[0].replication, 3);
  EXPECT_EQ(topics[0].config, json::object());
  EXPECT_EQ(topics[1].name, "b");
  EXPECT_EQ(topics[1].partitions, 1);
  EXPECT_EQ(topics[1].state, "ACTIVE");
  // The wrapped value wins over the list key; types are kept; a null value is unset.
  EXPECT_EQ(topics[1].config.dump(),
            R"({"cleanup_policy":"compact","min_cleanable_dirty_ratio":0.5,)"
            R"("preallocate":false,"retention_ms":3600000})");
  EXPECT_TRUE(topics[1].config["retention_ms"].is_number_integer());
  EXPECT_TRUE(TopicsFromBatch(json::parse(R"({"topics": {}})")).empty());
  EXPECT_TRUE(TopicsFromBatch(json()).empty());
}

TEST(LiveJson, TopicsAndDatabasesAreSorted) {
  auto topics = TopicsFromJson(json::parse(R"({"topics": [{"topic_name": "b"},
                                                          {"topic_name": "a"}]})"));
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0].name, "a");
  auto dbs = DatabasesFromJson(json::parse(R"({"databases": [
      {"database_name": "z"}, {"database_name": "a", "lc_collate": "C", "lc_ctype": "C"}]})"));
  ASSERT_EQ(dbs.size(), 2u);
  EXPECT_EQ(dbs[0].name, "a");
  EXPECT_EQ(dbs[0].lc_collate, "C");
  EXPECT_FALSE(dbs[1].lc_collate);
}

TEST(LiveJson, ProjectsWithRoles) {
  auto projects = ProjectsFromJson(json::parse(R"({
    "projects": [
      {"project_name": "zz", "default_cloud": "aws-eu-west-1", "tags": {"a": "1"}},
      {"project_name": "aa", "default_cloud": "google-europe-west1"}],
    "project_membership": {"zz": "admin", "aa": "developer"},
    "project_memberships": {"zz": ["read_only", "admin"]}})"));
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].name, "aa");
  EXPECT_EQ(projects[0].roles, (std::vector<std::string>{"developer"}));
  EXPECT_EQ(projects[1].roles, (std::vector<std::string>{"admin", "read_only"}));
  EXPECT_EQ(projects[1].tags, (model::Tags{{"a", "1"}}));
  model::LiveProject p = ProjectFromJson(
      json::parse(R"({"project_name": "aa", "default_cloud": "c", "billing_group_id": "bg"})"));
  EXPECT_EQ(p.name, "aa");
  EXPECT_EQ(p.billing_group_id, "bg");
  EXPECT_EQ(p.address.ToString(), "project:aa");
}

TEST(LiveJson, Catalog) {
  auto clouds = CloudsFromJson(json::parse(R"({"clouds": [
    {"cloud_name": "b", "cloud_description": "B", "provider": "aws", "geo_region": "europe"},
    {"cloud_name": "a", "geo_region": "asia"}]})"));
  ASSERT_EQ(clouds.size(), 2u);
  EXPECT_EQ(clouds[0].name, "a");
  EXPECT_EQ(clouds[0].provider, "");
  EXPECT_EQ(clouds[1].description, "B");
  auto types = ServiceTypesFromJson(json::parse(R"({"service_types": {"pg": {
    "description": "PostgreSQL", "default_version": "16",
    "user_config_schema": {"type": "object"},
    "service_plans": [{"service_plan": "startup-4", "node_count": 1,
      "regions": {"aws-eu-west-1": {"price_usd": "0.123", "disk_space_mb": 81920}}}]}}})"));
  ASSERT_EQ(types.count("pg"), 1u);
  const model::ServiceType& pg = types["pg"];
  EXPECT_EQ(pg.default_version, "16");
  ASSERT_EQ(pg.plans.size(), 1u);
  EXPECT_DOUBLE_EQ(pg.plans[0].regions.at("aws-eu-west-1").price_usd_per_hour, 0.123);
  EXPECT_EQ(pg.plans[0].regions.at("aws-eu-west-1").disk_space_mb, 81920);
  auto integration_types = IntegrationTypesFromJson(json::parse(R"({"integration_types": [
    {"integration_type": "metrics", "source_service_types": ["pg"],
     "dest_service_types": ["thanos"]},
    {"integration_type": "dashboard", "source_service_types": ["grafana"]}]})"));
  ASSERT_EQ(integration_types.size(), 2u);
  EXPECT_EQ(integration_types[0].name, "dashboard");
  EXPECT_TRUE(integration_types[0].dest_service_types.empty());
}

TEST(LiveJson, SecretKeyNames) {
  for (const char* key : {"admin_password", "password", "client_secret", "ssl_key", "private_key",
                          "access_key", "sasl_api_key"}) {
    EXPECT_TRUE(IsSecretKey(key)) << key;
  }
  for (const char* key : {"pg_version", "ip_filter", "max_connections", "kafka_rest"}) {
    EXPECT_FALSE(IsSecretKey(key)) << key;
  }
}

}  // namespace
}  // namespace aivenctl::api
