// Planner specs: Kafka Connect connectors (create with secrets from the environment, the
// class checked against the service's available connectors, update in place, unmanaged and
// prune, deleted with their service).

#include <gtest/gtest.h>

#include "core/env.h"
#include "diff/import.h"
#include "fixtures.h"
#include "loader/loader.h"
#include "render/plan_yaml.h"

namespace aivenctl::difftest {
namespace {

class ConnectorCase : public ::testing::TestWithParam<Case> {};

TEST_P(ConnectorCase, RendersExactly) {
  const std::string out = RunCase(GetParam());
  EXPECT_EQ(out, GetParam().expected);
  EXPECT_EQ(out.find("fixture-secret"), std::string::npos) << "a secret value was rendered";
}

constexpr const char* kPlan = R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: connect
        type: kafka_connect
        plan: startup-4
        connectors:
          - name: pg-sink
            class: io.aiven.connect.jdbc.JdbcSinkConnector
            config:
              topics: orders
              connection.password: ${env:PG_PASSWORD}
)";

const Case kCases[] = {
    {"new_service_creates_connectors_and_checks_the_class_at_apply",
     kPlan,
     "{}",
     R"EXP(+ project:ci
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/connect
    type: "kafka_connect"
    plan: "startup-4"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ connector:ci/connect/pg-sink
    class: "io.aiven.connect.jdbc.JdbcSinkConnector"
    config.connection.password: "(secret from $PG_PASSWORD at apply)"
    config.topics: "orders"

warning: service:ci/connect: its cloud is not known before it is created (set cloud on the service, its project or in defaults); the cost leaves it out
warning: connector:ci/connect/pg-sink: class "io.aiven.connect.jdbc.JdbcSinkConnector" is checked at apply, once service:ci/connect runs Kafka Connect and lists its available connectors

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 3 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/connect wait:service-running [0] {"create":{"plan":"startup-4","service_name":"connect","service_type":"kafka_connect","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create connector:ci/connect/pg-sink wait:connector-running [1] {"create":{"config":{"topics":"orders"},"connector.class":"io.aiven.connect.jdbc.JdbcSinkConnector","name":"pg-sink"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"unknown_class_on_a_running_service_is_an_error_with_did_you_mean",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: connect
        type: kafka_connect
        plan: startup-4
        connectors:
          - {name: pg-sink, class: io.aiven.connect.jdbc.JdbcSinkConector}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true,
           "connectors": [],
           "connector_classes": ["io.aiven.connect.jdbc.JdbcSinkConnector",
                                 "io.debezium.connector.postgresql.PostgresConnector"]}]}]})",
     R"EXP(plan.yaml:11:36: error: connector:ci/connect/pg-sink: class "io.aiven.connect.jdbc.JdbcSinkConector" is not among the connectors service:ci/connect offers (did you mean "io.aiven.connect.jdbc.JdbcSinkConnector"?)
--
+ connector:ci/connect/pg-sink
    class: "io.aiven.connect.jdbc.JdbcSinkConector"

Plan: 1 to create, 0 to update, 0 to replace, 0 to destroy.
)EXP"},

    {"config_change_updates_in_place_and_secrets_compare_by_presence",
     kPlan,
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true,
           "connectors": [{"name": "pg-sink", "class": "io.aiven.connect.jdbc.JdbcSinkConnector",
                           "config": {"topics": "refunds", "tasks.max": "2"},
                           "secret_keys": []}],
           "connector_classes": ["io.aiven.connect.jdbc.JdbcSinkConnector"]}]}]})",
     R"EXP(~ connector:ci/connect/pg-sink
    config.connection.password: (unset) -> "(secret from $PG_PASSWORD at apply)"
    config.tasks.max: "2" -> (unset)
    config.topics: "refunds" -> "orders"

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update connector:ci/connect/pg-sink wait:connector-running [] {"changed":["config.connection.password","config.tasks.max","config.topics"],"update":{"config":{"topics":"orders"},"connector.class":"io.aiven.connect.jdbc.JdbcSinkConnector"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"same_config_and_a_set_secret_is_a_noop", kPlan,
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true,
           "connectors": [{"name": "pg-sink", "class": "io.aiven.connect.jdbc.JdbcSinkConnector",
                           "config": {"topics": "orders"},
                           "secret_keys": ["connection.password"]}],
           "connector_classes": ["io.aiven.connect.jdbc.JdbcSinkConnector"]}]}]})",
     R"EXP(No changes: the live state matches the plan.
)EXP"},

    {"undeclared_connector_is_unmanaged_kept", kPlan,
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true,
           "connectors": [{"name": "pg-sink", "class": "io.aiven.connect.jdbc.JdbcSinkConnector",
                           "config": {"topics": "orders"},
                           "secret_keys": ["connection.password"]},
                          {"name": "theirs", "class": "io.debezium.connector.postgresql.PostgresConnector"}],
           "connector_classes": ["io.aiven.connect.jdbc.JdbcSinkConnector"]}]}]})",
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    connector:ci/connect/theirs

No changes: the live state matches the plan.
)EXP"},

    {"prune_true_deletes_undeclared_connectors",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: connect, type: kafka_connect, plan: startup-4, prune: true}
)",
     R"({"projects": [{"name": "ci", "owned": true, "services": [
          {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true,
           "connectors": [{"name": "theirs", "class": "io.debezium.connector.postgresql.PostgresConnector"}]}]}]})",
     R"EXP(- connector:ci/connect/theirs (not in the plan, prune: true)

Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
--
#0 delete connector:ci/connect/theirs [] {}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"connectors_wait_for_their_service_and_its_kafka_connect_integration",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - {name: events, type: kafka, plan: business-4}
      - name: connect
        type: kafka_connect
        plan: startup-4
        connectors:
          - {name: s3, class: io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector}
    integrations:
      - {type: kafka_connect, source: events, destination: connect}
)",
     "{}",
     R"EXP(+ project:ci
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/connect
    type: "kafka_connect"
    plan: "startup-4"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ service:ci/events
    type: "kafka"
    plan: "business-4"
    tags.aivenctl-plan: "test"
    tags.managed-by: "aivenctl"
+ integration:ci/kafka_connect:events->connect
+ connector:ci/connect/s3
    class: "io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector"

warning: service:ci/connect: its cloud is not known before it is created (set cloud on the service, its project or in defaults); the cost leaves it out
warning: service:ci/events: its cloud is not known before it is created (set cloud on the service, its project or in defaults); the cost leaves it out
warning: connector:ci/connect/s3: class "io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector" is checked at apply, once service:ci/connect runs Kafka Connect and lists its available connectors

Cost: $0.000/h -> $0.000/h (+$0.000/h), $0.00 -> $0.00 per month (+$0.00), incomplete: some prices are missing from the catalog
Plan: 5 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create project:ci [] {"create":{"project":"ci","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#1 create service:ci/connect wait:service-running [0] {"create":{"plan":"startup-4","service_name":"connect","service_type":"kafka_connect","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#2 create service:ci/events wait:service-running [0] {"create":{"plan":"business-4","service_name":"events","service_type":"kafka","tags":{"aivenctl-plan":"test","managed-by":"aivenctl"}}}
#3 create integration:ci/kafka_connect:events->connect wait:integration-active [1,2] {"create":{"dest_project":"ci","dest_service":"connect","integration_type":"kafka_connect","source_project":"ci","source_service":"events"}}
#4 create connector:ci/connect/s3 wait:connector-running [1,3] {"create":{"config":{},"connector.class":"io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector","name":"s3"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

};

INSTANTIATE_TEST_SUITE_P(Connectors, ConnectorCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

// import writes a connector back as the plan that reproduces it (secrets as ${env:...}), and
// planning that plan against the same live state changes nothing.
TEST(ConnectorImport, RoundTripsToNoChanges) {
  const model::LiveState live = LiveFromJson(nlohmann::json::parse(R"({"projects": [
      {"name": "ci", "owned": true, "services": [
        {"name": "connect", "type": "kafka_connect", "plan": "startup-4", "owned": true,
         "connectors": [{"name": "pg-sink", "class": "io.aiven.connect.jdbc.JdbcSinkConnector",
                         "config": {"topics": "orders", "tasks.max": "2"},
                         "secret_keys": ["connection.password"]}],
         "connector_classes": ["io.aiven.connect.jdbc.JdbcSinkConnector"]}]}]})"));
  diff::ImportResult imported =
      diff::ImportProject(live.projects[0], TestCatalog(), {.name = "test"});
  const std::string yaml = render::PlanYaml(imported.plan, {});
  EXPECT_NE(yaml.find(R"({"class":"io.aiven.connect.jdbc.JdbcSinkConnector","config":)"
                      R"({"connection.password":"${env:PG_SINK_CONNECTION_PASSWORD}",)"
                      R"("tasks.max":"2","topics":"orders"},"name":"pg-sink"})"),
            std::string::npos)
      << yaml;
  ASSERT_EQ(imported.notes.size(), 1u);
  EXPECT_EQ(imported.notes[0],
            "connector:ci/connect/pg-sink: config.connection.password is a secret aivenctl "
            "cannot read back: set PG_SINK_CONNECTION_PASSWORD before applying");

  core::MapEnvironment env(
      std::map<std::string, std::string>{{"PG_SINK_CONNECTION_PASSWORD", "from-env"}});
  loader::LoadOptions options;
  options.env = &env;
  loader::LoadResult loaded = loader::LoadPlanText("imported.yaml", yaml, options);
  ASSERT_TRUE(loaded.ok()) << yaml;
  diff::PlanOptions o;
  o.now = Now();
  diff::PlanResult r = diff::Plan(*loaded.plan, live, TestCatalog(), o);
  const diff::Change* change =
      r.changeset.FindChange(*core::Address::Parse("connector:ci/connect/pg-sink"));
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->action, diff::Action::kNoop) << Render(r, false);
}

}  // namespace
}  // namespace aivenctl::difftest
