// Typed requests <-> their changeset JSON (format 1): every request type round-trips through
// the exact JSON the runner's bodies and saved changesets use, and a saved request with an
// unknown, missing or ill-typed key is refused with its JSON path.

#include "diff/request_json.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace aivenctl::diff {
namespace {

using core::Kind;
using nlohmann::json;

struct Case {
  Kind kind;
  Action action;
  Request request;
  std::string json_text;  // as RequestToJson dumps it
};

std::vector<Case> Cases() {
  const model::Tags owned = {{"aivenctl-plan", "ci"}, {"managed-by", "aivenctl"}};
  return {
      {Kind::kProject, Action::kCreate,
       ProjectCreate{"ci", "aws-eu-west-1", "bg-1", "acc-1", owned},
       R"({"create":{"account_id":"acc-1","billing_group_id":"bg-1","cloud":"aws-eu-west-1",)"
       R"("project":"ci","tags":{"aivenctl-plan":"ci","managed-by":"aivenctl"}}})"},
      {Kind::kProject, Action::kUpdate, ProjectUpdate{{{"team", "x"}}}, R"({"tags":{"team":"x"}})"},
      {Kind::kProject, Action::kDelete, ProjectDelete{}, "{}"},
      {Kind::kVpc, Action::kCreate, VpcCreate{"10.20.0.0/24"},
       R"({"create":{"network_cidr":"10.20.0.0/24"}})"},
      {Kind::kVpc, Action::kUpdate, VpcWait{}, R"({"wait":true})"},
      {Kind::kVpc, Action::kDelete, VpcDelete{"v-1"}, R"({"id":"v-1"})"},
      {Kind::kService, Action::kCreate,
       ServiceCreate{.name = "db",
                     .type = "pg",
                     .plan = "startup-4",
                     .tags = owned,
                     .vpc_cloud = "aws-eu-west-1"},
       R"({"create":{"plan":"startup-4","project_vpc":"aws-eu-west-1","service_name":"db",)"
       R"("service_type":"pg","tags":{"aivenctl-plan":"ci","managed-by":"aivenctl"}}})"},
      {Kind::kService, Action::kUpdate,
       ServiceUpdate{ServiceChanges{.vpc_cloud = ""}, std::nullopt},
       R"({"update":{"project_vpc":""}})"},
      {Kind::kService, Action::kCreate,
       ServiceCreate{.name = "pg",
                     .type = "pg",
                     .plan = "startup-4",
                     .cloud = "aws-eu-west-1",
                     .user_config = json{{"pg", {{"max_connections", 100}}}},
                     .maintenance = model::Maintenance{"sunday", "03:00:00"},
                     .termination_protection = true,
                     .disk_space_mb = 81920,
                     .tags = owned},
       R"({"create":{"cloud":"aws-eu-west-1","disk_space_mb":81920,"maintenance":{"dow":"sunday",)"
       R"("time":"03:00:00"},"plan":"startup-4","service_name":"pg","service_type":"pg","tags":)"
       R"({"aivenctl-plan":"ci","managed-by":"aivenctl"},"termination_protection":true,)"
       R"("user_config":{"pg":{"max_connections":100}}}})"},
      {Kind::kService, Action::kUpdate,
       ServiceUpdate{ServiceChanges{.plan = "business-4", .powered = false}, owned},
       R"({"tags":{"aivenctl-plan":"ci","managed-by":"aivenctl"},"update":{"plan":"business-4",)"
       R"("powered":false}})"},
      {Kind::kService, Action::kUpdate, ServiceUpdate{ServiceChanges{}, std::nullopt},
       R"({"update":{}})"},
      {Kind::kService, Action::kUpdate, ServiceWait{}, R"({"wait":true})"},
      {Kind::kService, Action::kDelete, ServiceDelete{}, "{}"},
      {Kind::kService, Action::kDelete, ServiceDelete{.unprotect = true, .wait_only = true},
       R"({"unprotect":true,"wait_only":true})"},
      {Kind::kDatabase, Action::kCreate, DatabaseCreate{"app", "C", std::nullopt},
       R"({"create":{"database":"app","lc_collate":"C"}})"},
      {Kind::kDatabase, Action::kDelete, DatabaseDelete{}, "{}"},
      {Kind::kDatabase, Action::kCreate, ClickhouseDatabaseCreate{"events"},
       R"({"clickhouse":true,"create":{"database":"events"}})"},
      {Kind::kDatabase, Action::kDelete, ClickhouseDatabaseDelete{}, R"({"clickhouse":true})"},
      {Kind::kPool, Action::kCreate,
       PoolCreate{.name = "app-pool",
                  .database = "app",
                  .username = "app",
                  .size = 20,
                  .mode = "transaction"},
       R"({"create":{"database":"app","pool_mode":"transaction","pool_name":"app-pool",)"
       R"("pool_size":20,"username":"app"}})"},
      {Kind::kPool, Action::kCreate, PoolCreate{.name = "p", .database = "app"},
       R"({"create":{"database":"app","pool_name":"p"}})"},
      {Kind::kPool, Action::kUpdate, PoolUpdate{.size = 30, .mode = "session"},
       R"({"update":{"pool_mode":"session","pool_size":30}})"},
      {Kind::kPool, Action::kDelete, PoolDelete{}, "{}"},
      {Kind::kUser, Action::kCreate, UserCreate{"app", "caching_sha2_password", std::nullopt},
       R"({"create":{"authentication":"caching_sha2_password","username":"app"}})"},
      {Kind::kUser, Action::kUpdate, UserUpdate{json{{"pg_allow_replication", true}}},
       R"({"access_control":{"pg_allow_replication":true}})"},
      {Kind::kUser, Action::kDelete, UserDelete{}, "{}"},
      {Kind::kTopic, Action::kCreate,
       TopicCreate{"orders", 6, 3, std::nullopt, json{{"retention_ms", 1000}}, "Orders", owned},
       R"({"create":{"config":{"retention_ms":1000},"partitions":6,"replication":3,"tags":)"
       R"([{"key":"aivenctl-plan","value":"ci"},{"key":"managed-by","value":"aivenctl"}],)"
       R"("topic_description":"Orders","topic_name":"orders"}})"},
      {Kind::kTopic, Action::kUpdate,
       TopicUpdate{TopicChanges{.partitions = 12, .config = json{{"retention_ms", nullptr}}}},
       R"({"update":{"config":{"retention_ms":null},"partitions":12}})"},
      {Kind::kTopic, Action::kDelete, TopicDelete{}, "{}"},
      {Kind::kSchema, Action::kCreate, SchemaCreate{"AVRO", R"("string")", "FULL"},
       R"({"compatibility":"FULL","create":{"schema":"\"string\"","schemaType":"AVRO"}})"},
      {Kind::kSchema, Action::kCreate, SchemaCreate{"JSON", "{}", std::nullopt},
       R"({"create":{"schema":"{}","schemaType":"JSON"}})"},
      {Kind::kSchema, Action::kUpdate, SchemaUpdate{"PROTOBUF", "syntax = \"proto3\";", "NONE"},
       R"({"compatibility":"NONE","register":{"schema":"syntax = \"proto3\";",)"
       R"("schemaType":"PROTOBUF"}})"},
      {Kind::kSchema, Action::kUpdate, SchemaUpdate{std::nullopt, std::nullopt, "BACKWARD"},
       R"({"compatibility":"BACKWARD"})"},
      {Kind::kSchema, Action::kDelete, SchemaDelete{}, "{}"},
      {Kind::kIntegration, Action::kCreate,
       IntegrationCreate{"metrics", "ci", "pg", "ci", "grafana", std::nullopt},
       R"({"create":{"dest_project":"ci","dest_service":"grafana","integration_type":"metrics",)"
       R"("source_project":"ci","source_service":"pg"}})"},
      {Kind::kIntegration, Action::kUpdate, IntegrationUpdate{"i-1", json{{"x", 1}}},
       R"({"id":"i-1","update":{"user_config":{"x":1}}})"},
      {Kind::kIntegration, Action::kDelete, IntegrationDelete{"i-1"}, R"({"id":"i-1"})"},
      {Kind::kIntegration, Action::kCreate,
       IntegrationCreate{.type = "prometheus",
                         .source_project = "ci",
                         .source_service = "pg",
                         .dest_project = "ci",
                         .dest_endpoint = "prom"},
       R"({"create":{"dest_endpoint":"prom","dest_project":"ci","dest_service":"",)"
       R"("integration_type":"prometheus","source_project":"ci","source_service":"pg"}})"},
      {Kind::kEndpoint, Action::kCreate,
       EndpointCreate{"prom", "prometheus", json{{"basic_auth_username", "metrics"}}},
       R"({"create":{"endpoint_name":"prom","endpoint_type":"prometheus",)"
       R"("user_config":{"basic_auth_username":"metrics"}}})"},
      {Kind::kEndpoint, Action::kUpdate, EndpointUpdate{"e-1", json{{"x", 1}}},
       R"({"id":"e-1","update":{"user_config":{"x":1}}})"},
      {Kind::kEndpoint, Action::kDelete, EndpointDelete{"e-1"}, R"({"id":"e-1"})"},
      {Kind::kKafkaAcl, Action::kCreate, KafkaAclCreate{"app-*", "events-*", "read"},
       R"({"create":{"permission":"read","topic":"events-*","username":"app-*"}})"},
      {Kind::kKafkaAcl, Action::kDelete, KafkaAclDelete{"acl1"}, R"({"id":"acl1"})"},
      {Kind::kSchemaRegistryAcl, Action::kCreate,
       SchemaRegistryAclCreate{"app-*", "Subject:events-*", "schema_registry_read"},
       R"({"create":{"permission":"schema_registry_read","resource":"Subject:events-*",)"
       R"("username":"app-*"}})"},
      {Kind::kSchemaRegistryAcl, Action::kDelete, SchemaRegistryAclDelete{"acl2"},
       R"({"id":"acl2"})"},
      {Kind::kConnector, Action::kCreate,
       ConnectorCreate{"pg-sink", "io.aiven.connect.jdbc.JdbcSinkConnector", json{{"topics", "t"}}},
       R"({"create":{"config":{"topics":"t"},"connector.class":)"
       R"("io.aiven.connect.jdbc.JdbcSinkConnector","name":"pg-sink"}})"},
      {Kind::kConnector, Action::kUpdate,
       ConnectorUpdate{"io.x.Sink", json{{"topics", "u"}}, {"config.topics"}},
       R"({"changed":["config.topics"],"update":{"config":{"topics":"u"},)"
       R"("connector.class":"io.x.Sink"}})"},
      {Kind::kConnector, Action::kDelete, ConnectorDelete{}, "{}"},
  };
}

TEST(RequestJson, EveryRequestTypeRoundTripsThroughItsJson) {
  std::vector<bool> seen(std::variant_size_v<Request>, false);
  seen[0] = true;  // NoRequest is never read
  for (const auto& c : Cases()) {
    SCOPED_TRACE(c.json_text);
    EXPECT_TRUE(Fits(c.request, c.kind, c.action));
    EXPECT_EQ(RequestToJson(c.request).dump(), c.json_text);
    auto back = RequestFromJson(c.kind, c.action, json::parse(c.json_text), "op.request");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(*back == c.request);
    seen[c.request.index()] = true;
  }
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_TRUE(seen[i]) << "no case for #" << i;
}

TEST(RequestJson, RefusesWhatItDoesNotKnowWithThePath) {
  auto error = [](Kind kind, Action action, const char* text) {
    auto r = RequestFromJson(kind, action, json::parse(text), "changeset.operations[3].request");
    return r.ok() ? std::string("accepted") : r.status().message();
  };
  EXPECT_EQ(error(Kind::kService, Action::kUpdate, R"({"updaet":{}})"),
            "changeset.operations[3].request.updaet: unknown key (did you mean \"update\"?)");
  EXPECT_EQ(error(Kind::kService, Action::kUpdate, R"({"wait":true,"tags":{}})"),
            "changeset.operations[3].request.tags: unknown key");
  EXPECT_EQ(error(Kind::kService, Action::kUpdate, R"({"wait":false})"),
            "changeset.operations[3].request.wait: expected true");
  EXPECT_EQ(error(Kind::kService, Action::kCreate,
                  R"({"create":{"service_name":"pg","service_type":"pg","plan":"x","tags":{},)"
                  R"("termination_protecton":true}})"),
            "changeset.operations[3].request.create.termination_protecton: unknown key (did you "
            "mean \"termination_protection\"?)");
  EXPECT_EQ(error(Kind::kService, Action::kCreate, R"({"create":{"service_name":"pg"}})"),
            "changeset.operations[3].request.create.service_type: missing");
  EXPECT_EQ(error(Kind::kService, Action::kDelete, R"({"unprotect":"yes"})"),
            "changeset.operations[3].request.unprotect: expected a boolean");
  EXPECT_EQ(error(Kind::kSchema, Action::kUpdate, R"({})"),
            "changeset.operations[3].request: a schema update needs \"register\" or "
            "\"compatibility\"");
  EXPECT_EQ(error(Kind::kSchema, Action::kCreate, R"({"create":{"schema":"{}"}})"),
            "changeset.operations[3].request.create.schemaType: missing");
  EXPECT_EQ(error(Kind::kTopic, Action::kUpdate, R"({"update":{"partitions":1.5}})"),
            "changeset.operations[3].request.update.partitions: expected an integer");
  EXPECT_EQ(error(Kind::kTopic, Action::kUpdate, R"({"update":{"partitions":4294967297}})"),
            "changeset.operations[3].request.update.partitions: expected an integer");
  EXPECT_EQ(error(Kind::kTopic, Action::kCreate,
                  R"({"create":{"topic_name":"t","tags":[{"key":"a","value":1}]}})"),
            "changeset.operations[3].request.create.tags[0].value: expected a string");
  EXPECT_EQ(error(Kind::kTopic, Action::kCreate,
                  R"({"create":{"topic_name":"t","tags":[{"key":"a","value":"1"},)"
                  R"({"key":"a","value":"2"}]}})"),
            "changeset.operations[3].request.create.tags[1].key: \"a\" twice");
  EXPECT_EQ(error(Kind::kProject, Action::kUpdate, R"({"tags":{"team":7}})"),
            "changeset.operations[3].request.tags.team: expected a string");
  EXPECT_EQ(error(Kind::kIntegration, Action::kDelete, "{}"),
            "changeset.operations[3].request.id: missing");
  EXPECT_EQ(error(Kind::kDatabase, Action::kUpdate, "{}"),
            "changeset.operations[3].request: a database has no update operation");
  EXPECT_EQ(error(Kind::kDatabase, Action::kDelete, R"({"unprotect":true})"),
            "changeset.operations[3].request.unprotect: unknown key");
  EXPECT_EQ(error(Kind::kConnector, Action::kCreate,
                  R"({"create":{"name":"k","connector.class":"c","config":{"tasks.max":2}}})"),
            "changeset.operations[3].request.create.config.tasks.max: expected a string");
  EXPECT_EQ(error(Kind::kConnector, Action::kUpdate,
                  R"({"update":{"connector.class":"c","config":{}},"changed":"x"})"),
            "changeset.operations[3].request.changed: expected a list of strings");
  EXPECT_EQ(error(Kind::kUser, Action::kUpdate, "[]"),
            "changeset.operations[3].request: expected an object");
}

TEST(ActionNames, AreTheChangesetWordsAndReadBack) {
  std::string names;
  for (Action a :
       {Action::kNoop, Action::kCreate, Action::kUpdate, Action::kReplace, Action::kDelete}) {
    names += std::string(ActionName(a)) + " ";
    EXPECT_EQ(ParseAction(ActionName(a)), a);
  }
  for (Gate g : {Gate::kNone, Gate::kServiceRunning, Gate::kServiceBackup, Gate::kTopicActive,
                 Gate::kIntegrationActive, Gate::kConnectorRunning, Gate::kGone}) {
    names += std::string(GateName(g)) + " ";
    EXPECT_EQ(ParseGate(GateName(g)), g);
  }
  EXPECT_EQ(names,
            "no-op create update replace delete none service-running service-backup "
            "topic-active integration-active connector-running gone ");
  EXPECT_EQ(ParseAction("rename"), std::nullopt);
  EXPECT_EQ(ParseGate("eventually"), std::nullopt);
}

TEST(RequestJson, FitsNamesTheKindAndActionOfEachRequest) {
  EXPECT_FALSE(Fits(NoRequest{}, Kind::kProject, Action::kDelete));
  EXPECT_FALSE(Fits(ServiceDelete{}, Kind::kProject, Action::kDelete));
  EXPECT_FALSE(Fits(ServiceDelete{}, Kind::kService, Action::kCreate));
  EXPECT_TRUE(Fits(ServiceWait{}, Kind::kService, Action::kUpdate));
}

TEST(RequestJson, SecretsGoIntoTheConfigOfTheRequestsThatSendAWholeConfig) {
  // Every request of the cases: only these five carry secrets read at apply.
  std::set<std::size_t> carrying;
  for (auto c : Cases()) {
    EXPECT_EQ(CarriesSecrets(c.request), SecretConfig(c.request) != nullptr) << c.json_text;
    if (CarriesSecrets(c.request)) carrying.insert(c.request.index());
  }
  Request service = ServiceCreate{.name = "pg"};
  Request endpoint = EndpointUpdate{};
  Request connector = ConnectorUpdate{};
  EXPECT_EQ(carrying, (std::set<std::size_t>{service.index(), Request(EndpointCreate{}).index(),
                                             endpoint.index(), Request(ConnectorCreate{}).index(),
                                             connector.index()}));
  // A service create without user_config gets one to hold the secret.
  json* config = SecretConfig(service);
  ASSERT_NE(config, nullptr);
  (*config)["admin_password"] = "x";
  EXPECT_EQ(std::get<ServiceCreate>(service).user_config, json({{"admin_password", "x"}}));
  (*SecretConfig(connector))["connection.password"] = "y";
  EXPECT_EQ(std::get<ConnectorUpdate>(connector).config, json({{"connection.password", "y"}}));
  Request update = ServiceUpdate{};
  EXPECT_EQ(SecretConfig(update), nullptr);
  EXPECT_FALSE(CarriesSecrets(NoRequest{}));
}

TEST(RequestJson, ForkOrRestoreIsReadFromUserConfig) {
  ServiceCreate create;
  EXPECT_FALSE(create.ForksOrRestores());
  create.user_config = json{{"project_to_fork_from", "p"}};
  EXPECT_TRUE(create.ForksOrRestores());
  create.user_config = json{{"service_to_fork_from", nullptr}};
  EXPECT_FALSE(create.ForksOrRestores());
}

}  // namespace
}  // namespace aivenctl::diff
