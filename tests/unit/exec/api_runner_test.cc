// ApiRunner over a scripted transport: what a create reports when the resource appeared
// meanwhile (another run) versus when our own earlier attempt made it (answer lost).

#include "exec/api_runner.h"

#include "api/redact.h"

#include <gtest/gtest.h>

#include "../api/fake_transport.h"

namespace aivenctl::exec {
namespace {

using api::testing::AivenError;
using api::testing::Answer;
using api::testing::Failure;

struct Fixture {
  core::FakeClock clock;
  api::RateBudget budget{clock};
  api::testing::FakeTransport transport;
  api::Client client{transport, clock, budget, {.jitter_seed = 1}};
  api::Api api{client};
  ApiRunner runner{api};
};

diff::Operation CreateProject() {
  diff::Operation op;
  op.address = core::Address::Project("p");
  op.action = diff::Action::kCreate;
  op.request = diff::ProjectCreate{.name = "p"};
  return op;
}

TEST(ApiRunner, CreateThatSomeoneElseMadeMeanwhileSaysSoAndWhatToDo) {
  Fixture f;
  f.transport.Script({AivenError(409, "Project 'p' already exists")});
  core::Status s = f.runner.Call(CreateProject(), {});
  EXPECT_EQ(s.code(), core::Code::kAlreadyExists);
  EXPECT_EQ(s.message(),
            "POST /v1/project: 409 Project 'p' already exists [project:p]; it was created after "
            "this run read the live state (another run of this plan at the same time?): run "
            "`aivenctl plan` again to see it");
}

TEST(ApiRunner, CreateWhoseAnswerWasLostIsConfirmedNotReported) {
  Fixture f;
  f.transport.Script({Failure(api::TransportErrorKind::kConnectionLost),
                      AivenError(409, "Project 'p' already exists"),
                      Answer(200, R"({"project":{"project_name":"p"}})")});
  core::Status s = f.runner.Call(CreateProject(), {});
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(f.transport.requests().size(), 3u);
}

// One operation per request type, in changeset order, and what the runner sends for each:
// the typed requests must make exactly the calls their JSON form documents.
TEST(ApiRunner, SendsTheCallsOfEachRequestType) {
  Fixture f;
  // One answer that carries whatever object each endpoint reads back.
  f.transport.SetHandler([](const api::HttpRequest&) {
    return Answer(200, R"({"acl":[],"project":{"project_name":"p"},"service":{"service_name":"s"},)"
                       R"("user":{"username":"u"},"service_integration":)"
                       R"({"service_integration_id":"i-9"},)"
                       R"("project_vpc_id":"v-1","cloud_name":"aws-eu-west-1","state":"ACTIVE",)"
                       R"("vpcs":[{"project_vpc_id":"v-1","cloud_name":"aws-eu-west-1",)"
                       R"("network_cidr":"10.20.0.0/24","state":"ACTIVE"}],)"
                       R"("service_integration_endpoint":{"endpoint_id":"e-9"},)"
                       R"("service_integration_endpoints":[{"endpoint_id":"e-1",)"
                       R"("endpoint_name":"prom","endpoint_type":"prometheus"}],)"
                       R"("id":3,"is_compatible":true,"plugins":[{"class":"io.x.Sink"}]})");
  });
  const model::Tags tags = {{"team", "x"}};
  auto op = [](const char* address, diff::Action action, diff::Request request) {
    diff::Operation o;
    o.address = *core::Address::Parse(address);
    o.action = action;
    o.request = std::move(request);
    return o;
  };
  using diff::Action;
  const std::vector<diff::Operation> ops = {
      op("project:p", Action::kCreate, diff::ProjectCreate{.name = "p", .tags = tags}),
      op("project:p", Action::kUpdate, diff::ProjectUpdate{tags}),
      op("vpc:p/aws-eu-west-1", Action::kCreate, diff::VpcCreate{"10.20.0.0/24"}),
      op("vpc:p/aws-eu-west-1", Action::kUpdate, diff::VpcWait{}),
      op("service:p/s", Action::kCreate,
         diff::ServiceCreate{.name = "s", .type = "pg", .plan = "startup-4", .tags = tags}),
      op("service:p/s", Action::kCreate,
         diff::ServiceCreate{
             .name = "s", .type = "pg", .plan = "startup-4", .vpc_cloud = "aws-eu-west-1"}),
      op("service:p/s", Action::kUpdate,
         diff::ServiceUpdate{diff::ServiceChanges{.vpc_cloud = "aws-eu-west-1"}, std::nullopt}),
      op("service:p/s", Action::kUpdate,
         diff::ServiceUpdate{diff::ServiceChanges{.vpc_cloud = ""}, std::nullopt}),
      op("service:p/s", Action::kUpdate,
         diff::ServiceUpdate{diff::ServiceChanges{.plan = "business-4"}, tags}),
      op("service:p/s", Action::kUpdate, diff::ServiceWait{}),
      op("database:p/s/d", Action::kCreate, diff::DatabaseCreate{.name = "d"}),
      op("database:p/c/e", Action::kCreate, diff::ClickhouseDatabaseCreate{.name = "e"}),
      op("user:p/s/u", Action::kCreate, diff::UserCreate{.name = "u"}),
      op("pool:p/s/q", Action::kCreate,
         diff::PoolCreate{.name = "q", .database = "d", .username = "u", .size = 5}),
      op("pool:p/s/q", Action::kUpdate, diff::PoolUpdate{.mode = "session"}),
      op("pool:p/s/q", Action::kDelete, diff::PoolDelete{}),
      op("user:p/s/u", Action::kUpdate, diff::UserUpdate{{{"pg_allow_replication", true}}}),
      op("topic:p/k/t", Action::kCreate, diff::TopicCreate{.name = "t", .partitions = 3}),
      op("topic:p/k/t", Action::kUpdate, diff::TopicUpdate{diff::TopicChanges{.partitions = 6}}),
      op("schema:p/k/v", Action::kCreate, diff::SchemaCreate{"AVRO", R"("int")", "FULL"}),
      op("schema:p/k/v", Action::kUpdate, diff::SchemaUpdate{"JSON", "{}", "NONE"}),
      op("schema:p/k/v", Action::kUpdate, diff::SchemaUpdate{std::nullopt, std::nullopt, "FULL"}),
      op("integration:p/metrics:s->g", Action::kCreate,
         diff::IntegrationCreate{"metrics", "p", "s", "p", "g", std::nullopt}),
      op("integration:p/metrics:s->g", Action::kUpdate, diff::IntegrationUpdate{"i-1", {{"x", 1}}}),
      op("connector:p/c/k", Action::kCreate,
         diff::ConnectorCreate{"k", "io.x.Sink", {{"topics", "t"}}}),
      op("connector:p/c/k", Action::kUpdate,
         diff::ConnectorUpdate{"io.x.Sink", {{"topics", "u"}}, {"config.topics"}}),
      op("connector:p/c/k", Action::kDelete, diff::ConnectorDelete{}),
      op("integration:p/metrics:s->g", Action::kDelete, diff::IntegrationDelete{"i-1"}),
      op("endpoint:p/prom", Action::kCreate,
         diff::EndpointCreate{"prom", "prometheus", {{"basic_auth_username", "metrics"}}}),
      op("endpoint:p/prom", Action::kUpdate,
         diff::EndpointUpdate{"e-1", {{"basic_auth_username", "x"}}}),
      op("integration:p/prometheus:s->@prom", Action::kCreate,
         diff::IntegrationCreate{.type = "prometheus",
                                 .source_project = "p",
                                 .source_service = "s",
                                 .dest_project = "p",
                                 .dest_endpoint = "prom"}),
      op("endpoint:p/prom", Action::kDelete, diff::EndpointDelete{"e-1"}),
      op("kafka_acl:p/k/app-*:events-*:read", Action::kCreate,
         diff::KafkaAclCreate{"app-*", "events-*", "read"}),
      op("schema_registry_acl:p/k/app-*:Subject:e/x:schema_registry_read", Action::kCreate,
         diff::SchemaRegistryAclCreate{"app-*", "Subject:e/x", "schema_registry_read"}),
      op("kafka_acl:p/k/app-*:events-*:read", Action::kDelete, diff::KafkaAclDelete{"acl1"}),
      op("schema_registry_acl:p/k/app-*:Subject:e/x:schema_registry_read", Action::kDelete,
         diff::SchemaRegistryAclDelete{"default-sr 1"}),
      op("schema:p/k/v", Action::kDelete, diff::SchemaDelete{}),
      op("topic:p/k/t", Action::kDelete, diff::TopicDelete{}),
      op("user:p/s/u", Action::kDelete, diff::UserDelete{}),
      op("database:p/s/d", Action::kDelete, diff::DatabaseDelete{}),
      op("database:p/c/e", Action::kDelete, diff::ClickhouseDatabaseDelete{}),
      op("service:p/s", Action::kDelete, diff::ServiceDelete{.unprotect = true}),
      op("service:p/s", Action::kDelete, diff::ServiceDelete{.wait_only = true}),
      op("vpc:p/aws-eu-west-1", Action::kDelete, diff::VpcDelete{"v-1"}),
      op("project:p", Action::kDelete, diff::ProjectDelete{}),
  };
  for (const auto& o : ops) {
    core::Status s = f.runner.Call(o, {});
    EXPECT_TRUE(s.ok()) << o.address.ToString() << ": " << s.ToString();
  }
  std::string sent;
  for (const auto& r : f.transport.requests())
    sent += r.method + " " + r.path + " " + r.body + "\n";
  EXPECT_EQ(sent,
            "POST /v1/project {\"project\":\"p\",\"tags\":{\"team\":\"x\"}}\n"
            "PUT /v1/project/p/tags {\"tags\":{\"team\":\"x\"}}\n"
            "POST /v1/project/p/vpcs {\"cloud_name\":\"aws-eu-west-1\",\"network_cidr\":"
            "\"10.20.0.0/24\",\"peering_connections\":[]}\n"
            // Never in a VPC by default: an explicit null (Terraform provider PR 2005).
            "POST /v1/project/p/service {\"plan\":\"startup-4\",\"project_vpc_id\":null,"
            "\"service_name\":\"s\",\"service_type\":\"pg\",\"tags\":{\"team\":\"x\"}}\n"
            // In a VPC: its id, read at apply (it may have been created by the same run).
            "GET /v1/project/p/vpcs \n"
            "POST /v1/project/p/service {\"plan\":\"startup-4\",\"project_vpc_id\":\"v-1\","
            "\"service_name\":\"s\",\"service_type\":\"pg\",\"tags\":{}}\n"
            "GET /v1/project/p/vpcs \n"
            "PUT /v1/project/p/service/s {\"project_vpc_id\":\"v-1\"}\n"
            "PUT /v1/project/p/service/s {\"project_vpc_id\":null}\n"
            "PUT /v1/project/p/service/s {\"plan\":\"business-4\"}\n"
            "PUT /v1/project/p/service/s/tags {\"tags\":{\"team\":\"x\"}}\n"
            "POST /v1/project/p/service/s/db {\"database\":\"d\"}\n"
            "POST /v1/project/p/service/c/clickhouse/db {\"database\":\"e\"}\n"
            "POST /v1/project/p/service/s/user {\"username\":\"u\"}\n"
            "POST /v1/project/p/service/s/connection_pool {\"database\":\"d\",\"pool_name\":"
            "\"q\",\"pool_size\":5,\"username\":\"u\"}\n"
            "PUT /v1/project/p/service/s/connection_pool/q {\"pool_mode\":\"session\"}\n"
            "DELETE /v1/project/p/service/s/connection_pool/q \n"
            "PUT /v1/project/p/service/s/user/u {\"access_control\":{\"pg_allow_replication\":"
            "true},\"operation\":\"set-access-control\"}\n"
            "POST /v1/project/p/service/k/topic {\"partitions\":3,\"tags\":[],"
            "\"topic_name\":\"t\"}\n"
            "PUT /v1/project/p/service/k/topic/t {\"partitions\":6}\n"
            "POST /v1/project/p/service/k/kafka/schema/subjects/v/versions "
            "{\"schema\":\"\\\"int\\\"\",\"schemaType\":\"AVRO\"}\n"
            "PUT /v1/project/p/service/k/kafka/schema/config/v {\"compatibility\":\"FULL\"}\n"
            "PUT /v1/project/p/service/k/kafka/schema/config/v {\"compatibility\":\"NONE\"}\n"
            "POST /v1/project/p/service/k/kafka/schema/compatibility/subjects/v/versions/latest "
            "{\"schema\":\"{}\",\"schemaType\":\"JSON\"}\n"
            "POST /v1/project/p/service/k/kafka/schema/subjects/v/versions "
            "{\"schema\":\"{}\",\"schemaType\":\"JSON\"}\n"
            "PUT /v1/project/p/service/k/kafka/schema/config/v {\"compatibility\":\"FULL\"}\n"
            "POST /v1/project/p/integration {\"dest_project\":\"p\",\"dest_service\":\"g\","
            "\"integration_type\":\"metrics\",\"source_project\":\"p\","
            "\"source_service\":\"s\"}\n"
            "PUT /v1/project/p/integration/i-1 {\"user_config\":{\"x\":1}}\n"
            "GET /v1/project/p/service/c/available-connectors \n"
            "POST /v1/project/p/service/c/connectors {\"connector.class\":\"io.x.Sink\","
            "\"name\":\"k\",\"topics\":\"t\"}\n"
            "PUT /v1/project/p/service/c/connectors/k {\"connector.class\":\"io.x.Sink\","
            "\"name\":\"k\",\"topics\":\"u\"}\n"
            "DELETE /v1/project/p/service/c/connectors/k \n"
            "DELETE /v1/project/p/integration/i-1 \n"
            "POST /v1/project/p/integration_endpoint {\"endpoint_name\":\"prom\","
            "\"endpoint_type\":\"prometheus\",\"user_config\":{\"basic_auth_username\":"
            "\"metrics\"}}\n"
            "PUT /v1/project/p/integration_endpoint/e-1 {\"user_config\":{\"basic_auth_username\":"
            "\"x\"}}\n"
            "GET /v1/project/p/integration_endpoint \n"
            "POST /v1/project/p/integration {\"dest_endpoint_id\":\"e-1\",\"dest_project\":\"p\","
            "\"integration_type\":\"prometheus\",\"source_project\":\"p\","
            "\"source_service\":\"s\"}\n"
            "DELETE /v1/project/p/integration_endpoint/e-1 \n"
            "POST /v1/project/p/service/k/acl {\"permission\":\"read\",\"topic\":\"events-*\","
            "\"username\":\"app-*\"}\n"
            "POST /v1/project/p/service/k/kafka/schema-registry/acl {\"permission\":"
            "\"schema_registry_read\",\"resource\":\"Subject:e/x\",\"username\":\"app-*\"}\n"
            "DELETE /v1/project/p/service/k/acl/acl1 \n"
            "DELETE /v1/project/p/service/k/kafka/schema-registry/acl/default-sr%201 \n"
            "DELETE /v1/project/p/service/k/kafka/schema/subjects/v \n"
            "DELETE /v1/project/p/service/k/topic/t \n"
            "DELETE /v1/project/p/service/s/user/u \n"
            "DELETE /v1/project/p/service/s/db/d \n"
            "DELETE /v1/project/p/service/c/clickhouse/db/e \n"
            "PUT /v1/project/p/service/s {\"termination_protection\":false}\n"
            "DELETE /v1/project/p/service/s \n"
            "DELETE /v1/project/p/vpcs/v-1 \n"
            "DELETE /v1/project/p \n");
}

// A changed schema is checked first; an incompatible one fails with Aiven's reasons and is
// never registered.
TEST(ApiRunner, AnIncompatibleSchemaFailsWithAivensMessageAndRegistersNothing) {
  Fixture f;
  f.transport.Script({Answer(200, R"({"is_compatible":false,"messages":["reader (new schema): )"
                                  R"(field 'n' is missing in the writer's schema and has no )"
                                  R"(default"]})")});
  diff::Operation o;
  o.address = *core::Address::Parse("schema:p/k/events-value");
  o.action = diff::Action::kUpdate;
  o.request = diff::SchemaUpdate{"AVRO", R"({"type":"record"})", std::nullopt};
  core::Status s = f.runner.Call(o, {});
  EXPECT_EQ(s.code(), core::Code::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "the new schema is not compatible with the subject's latest version (reader (new "
            "schema): field 'n' is missing in the writer's schema and has "
            "no default); nothing was registered. Make the change compatible (e.g. give new "
            "fields a default), or set the subject's compatibility to NONE");
  ASSERT_EQ(f.transport.requests().size(), 1u);
  EXPECT_EQ(f.transport.requests()[0].method, "POST");
}
diff::Operation Connector(diff::Action action, diff::Request request, diff::Gate gate) {
  diff::Operation op;
  op.address = *core::Address::Parse("connector:p/c/pg-sink");
  op.action = action;
  op.request = std::move(request);
  op.gate = gate;
  return op;
}

TEST(ApiRunner, ConnectorCreateRefusesAClassTheServiceDoesNotOfferBeforeSending) {
  Fixture f;
  f.transport.Script(
      {Answer(200, R"({"plugins":[{"class":"io.aiven.connect.jdbc.JdbcSinkConnector"},)"
                   R"({"class":"io.debezium.connector.mysql.MySqlConnector"}]})")});
  core::Status s = f.runner.Call(
      Connector(diff::Action::kCreate,
                diff::ConnectorCreate{"pg-sink", "io.aiven.connect.jdbc.JdbcSinkConector", {}},
                diff::Gate::kConnectorRunning),
      {});
  EXPECT_EQ(s.code(), core::Code::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "connector:p/c/pg-sink: class \"io.aiven.connect.jdbc.JdbcSinkConector\" is not among "
            "the connectors service:p/c offers (did you mean "
            "\"io.aiven.connect.jdbc.JdbcSinkConnector\"?)");
  EXPECT_EQ(f.transport.requests().size(), 1u) << "nothing created";
}

TEST(ApiRunner, ConnectorCreateRetriesTheWarmUp503OfANewKafkaConnect) {
  Fixture f;
  f.transport.Script({Answer(200, R"({"plugins":[{"class":"io.x.Sink"}]})"),
                      AivenError(503, "Kafka Connect is not available yet, try again later"),
                      AivenError(503, "Kafka Connect is not available yet, try again later"),
                      Answer(200, R"({"connector":{"name":"pg-sink"}})")});
  core::Status s = f.runner.Call(
      Connector(diff::Action::kCreate, diff::ConnectorCreate{"pg-sink", "io.x.Sink", {}},
                diff::Gate::kConnectorRunning),
      {});
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(f.transport.requests().size(), 4u);
}

TEST(ApiRunner, ConnectorIsReadyWhenItAndEveryTaskRunAndAFailedTaskFailsWithItsTrace) {
  Fixture f;
  const diff::Operation op =
      Connector(diff::Action::kUpdate, diff::ConnectorUpdate{"io.x.Sink", {}, {}},
                diff::Gate::kConnectorRunning);
  api::Secrets().Add("hunter2-secret");
  f.transport.Script({
      Answer(200, R"({"status":{"state":"UNASSIGNED","tasks":[]}})"),
      Answer(200, R"({"status":{"state":"RUNNING","tasks":[{"id":0,"state":"RUNNING","trace":""},)"
                  R"({"id":1,"state":"UNASSIGNED","trace":""}]}})"),
      Answer(200,
             R"({"status":{"state":"RUNNING","tasks":[{"id":0,"state":"RUNNING","trace":""}]}})"),
      Answer(200,
             R"({"status":{"state":"RUNNING","tasks":[{"id":0,"state":"FAILED",)"
             R"("trace":"ConnectException: login failed for hunter2-secret\n\tat X.java:1"}]}})"),
      AivenError(404, "Connector pg-sink not found"),
  });
  std::string seen;
  for (int i = 0; i < 5; ++i) {
    ProbeResult r = f.runner.Probe(op, {});
    seen += std::string(r.ready ? "ready " : "waiting ") + r.live_state +
            (r.absent ? " absent" : "") + (r.error.ok() ? "" : " error: " + r.error.message()) +
            "\n";
  }
  EXPECT_EQ(seen,
            "waiting UNASSIGNED\n"
            "waiting RUNNING (task 1 UNASSIGNED)\n"
            "ready RUNNING\n"
            "waiting FAILED error: connector:p/c/pg-sink: task 0 FAILED:\n"
            "ConnectException: login failed for <redacted>\n\tat X.java:1\n"
            "waiting absent absent\n");
}

TEST(ApiRunner, RefusesARequestThatDoesNotFitItsOperation) {
  Fixture f;
  diff::Operation o;
  o.address = core::Address::Project("p");
  o.action = diff::Action::kDelete;
  o.request = diff::ServiceDelete{};
  core::Status s = f.runner.Call(o, {});
  EXPECT_EQ(s.code(), core::Code::kInternal);
  EXPECT_EQ(s.message(), "project:p: no API call for delete of a project");
  o.request = diff::NoRequest{};
  EXPECT_EQ(f.runner.Call(o, {}).message(), "project:p: no API call for delete of a project");
  EXPECT_EQ(f.transport.count(), 0);
}

}  // namespace
}  // namespace aivenctl::exec

namespace aivenctl::exec {
namespace {

// Provider issue 152: right after its services are deleted Aiven refuses a VPC's delete
// (409). The delete call succeeds anyway, and the gone gate asks again at each probe until
// Aiven takes it, then waits for DELETING to end.
TEST(ApiRunner, VpcDeleteRefusedWhileHeldIsAskedAgainByTheGoneGate) {
  Fixture f;
  const char* active = R"({"vpcs":[{"project_vpc_id":"v-1","cloud_name":"aws-eu-west-1",)"
                       R"("network_cidr":"10.20.0.0/24","state":"ACTIVE"}]})";
  const char* deleting = R"({"vpcs":[{"project_vpc_id":"v-1","cloud_name":"aws-eu-west-1",)"
                         R"("network_cidr":"10.20.0.0/24","state":"DELETING"}]})";
  const char* held = "Project VPC cannot be deleted while service deletion is in progress";
  f.transport.Script({AivenError(409, held), Answer(200, active), AivenError(409, held),
                      Answer(200, active), Answer(200, R"({"state":"DELETING"})"),
                      Answer(200, deleting), Answer(200, R"({"vpcs":[]})")});
  diff::Operation op;
  op.address = core::Address::Vpc("p", "aws-eu-west-1");
  op.action = diff::Action::kDelete;
  op.request = diff::VpcDelete{"v-1"};
  op.gate = diff::Gate::kGone;
  EXPECT_TRUE(f.runner.Call(op, {}).ok());
  ProbeResult r = f.runner.Probe(op, {});
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.live_state, "ACTIVE (held by services)");
  r = f.runner.Probe(op, {});
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.live_state, "DELETING");
  r = f.runner.Probe(op, {});
  EXPECT_FALSE(r.ready);
  r = f.runner.Probe(op, {});
  EXPECT_TRUE(r.ready) << r.live_state;
  std::string sent;
  for (const auto& q : f.transport.requests()) sent += q.method + " " + q.path + "\n";
  EXPECT_EQ(sent,
            "DELETE /v1/project/p/vpcs/v-1\nGET /v1/project/p/vpcs\n"
            "DELETE /v1/project/p/vpcs/v-1\nGET /v1/project/p/vpcs\n"
            "DELETE /v1/project/p/vpcs/v-1\nGET /v1/project/p/vpcs\nGET /v1/project/p/vpcs\n");
}

TEST(ApiRunner, VpcActiveGateWaitsForTheCloudsVpc) {
  Fixture f;
  f.transport.Script(
      {Answer(200, R"({"vpcs":[{"project_vpc_id":"v-1","cloud_name":"aws-eu-west-1",)"
                   R"("network_cidr":"10.20.0.0/24","state":"APPROVED"}]})"),
       Answer(200, R"({"vpcs":[{"project_vpc_id":"v-1","cloud_name":"aws-eu-west-1",)"
                   R"("network_cidr":"10.20.0.0/24","state":"ACTIVE"}]})")});
  diff::Operation op;
  op.address = core::Address::Vpc("p", "aws-eu-west-1");
  op.action = diff::Action::kCreate;
  op.request = diff::VpcCreate{"10.20.0.0/24"};
  op.gate = diff::Gate::kVpcActive;
  ProbeResult r = f.runner.Probe(op, {});
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.live_state, "APPROVED");
  r = f.runner.Probe(op, {});
  EXPECT_TRUE(r.ready);
}

}  // namespace
}  // namespace aivenctl::exec
