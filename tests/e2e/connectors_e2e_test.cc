// Kafka Connect connectors end to end: the binary applies a kafka -> kafka_connect pair with
// a connector whose password comes from the environment (created through the emulator's
// 503 warm-up window), re-plans clean, changes the config in place, fails on a FAILED task
// with its trace and no secret, and destroys to nothing.

#include <fstream>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "pg-secret-7f3a91";

std::string PlanText(const std::string& topics, const std::string& extra = "") {
  return R"(version: 1
name: connect-e2e
projects:
  - name: conn-e2e
    services:
      - {name: events, type: kafka, plan: business-4}
      - name: connect
        type: kafka_connect
        plan: startup-4
        connectors:
          - name: pg-sink
            class: io.aiven.connect.jdbc.JdbcSinkConnector
            config:
              topics: )" +
         topics + R"(
              connection.url: jdbc:postgresql://pg.example:5432/app
              connection.password: ${env:PG_PASSWORD}
)" + extra +
         R"(    integrations:
      - {type: kafka_connect, source: events, destination: connect}
)";
}

class ConnectorsTest : public E2eTest {
 protected:
  std::string Write(const std::string& text) {
    const std::string path = dir_.path() + "/connect.yaml";
    std::ofstream(path) << text;
    return path;
  }
  ProcessOutcome Run(std::vector<std::string> args) {
    ProcessSpec spec;
    spec.env["PG_PASSWORD"] = kPassword;
    ProcessOutcome o = Aivenctl(std::move(args), spec);
    EXPECT_EQ(o.out.find(kPassword), std::string::npos) << o.out;
    EXPECT_EQ(o.err.find(kPassword), std::string::npos) << o.err;
    return o;
  }
  json Connector(const std::string& name) {
    const json list = Get("/v1/project/conn-e2e/service/connect/connectors");  // a local: the
    for (const auto& c : list.value("connectors", json::array())) {  // loop must not dangle
      if (c["name"] == name) return c;
    }
    return json();
  }
};

TEST_F(ConnectorsTest, ApplyReplanChangeInPlaceFailedTaskAndDestroy) {
  std::string plan = Write(PlanText("orders"));
  ProcessOutcome applied = Run(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  json created = Connector("pg-sink");
  ASSERT_TRUE(created.is_object()) << "the connector exists";
  EXPECT_EQ(created["config"]["connection.password"], kPassword) << "sent from the environment";
  EXPECT_EQ(created["config"]["topics"], "orders");

  ProcessOutcome replan = Run({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << "not converged:\n" << replan.Describe();

  // A config change is an update in place (PUT of the whole config, secret included).
  plan = Write(PlanText("orders,refunds"));
  ProcessOutcome changed = Run({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(changed.code, 2) << changed.Describe();
  EXPECT_NE(changed.out.find("~ connector:conn-e2e/connect/pg-sink"), std::string::npos)
      << changed.out;
  EXPECT_NE(changed.out.find(R"(config.topics: "orders" -> "orders,refunds")"), std::string::npos)
      << changed.out;
  ProcessOutcome updated = Run(Fast({"apply", plan, "--log-level", "debug"}));
  ASSERT_EQ(updated.code, 0) << updated.Describe();
  EXPECT_NE(updated.err.find("changed: config.topics"), std::string::npos) << updated.err;
  json after = Connector("pg-sink");
  EXPECT_EQ(after["config"]["topics"], "orders,refunds");
  EXPECT_EQ(after["config"]["connection.password"], kPassword) << "kept by the PUT";
  EXPECT_EQ(Run({"plan", plan, "--detailed-exitcode"}).code, 0);

  // A connector whose task fails: the apply fails with the trace, the password redacted.
  plan = Write(PlanText("orders,refunds", R"(          - name: broken
            class: io.aiven.connect.jdbc.JdbcSinkConnector
            config:
              topics: orders
              connection.password: ${env:PG_PASSWORD}
              emulator.fail.task: connection refused
)"));
  ProcessOutcome failed = Run(Fast({"apply", plan}));
  EXPECT_NE(failed.code, 0) << failed.Describe();
  const std::string all = failed.out + failed.err;
  EXPECT_NE(all.find("connector:conn-e2e/connect/broken: task 0 FAILED"), std::string::npos)
      << failed.Describe();
  EXPECT_NE(all.find("ConnectException: connection refused"), std::string::npos) << all;
  EXPECT_NE(all.find("login failed with password"), std::string::npos) << "the trace is shown";

  ProcessOutcome destroyed = Run(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_TRUE(Inventory().empty());
}

TEST_F(ConnectorsTest, UnknownClassIsRefusedAtPlanOnceTheServiceRuns) {
  std::string plan = Write(PlanText("orders"));
  ASSERT_EQ(Run(Fast({"apply", plan})).code, 0);
  std::string text = PlanText("orders");
  text.replace(text.find("JdbcSinkConnector"), 17, "JdbcSinkConector");
  plan = Write(text);
  ProcessOutcome refused = Run({"plan", plan});
  EXPECT_EQ(refused.code, 1) << refused.Describe();
  EXPECT_NE(refused.err.find(
                R"(class "io.aiven.connect.jdbc.JdbcSinkConector" is not among the connectors)"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find(R"(did you mean "io.aiven.connect.jdbc.JdbcSinkConnector"?)"),
            std::string::npos)
      << refused.err;
}

TEST_F(ConnectorsTest, UndeclaredConnectorIsKeptUntilPrune) {
  std::string plan = Write(PlanText("orders"));
  ASSERT_EQ(Run(Fast({"apply", plan})).code, 0);
  ASSERT_TRUE(
      api_->Post("/v1/project/conn-e2e/service/connect/connectors",
                 {{"name", "theirs"},
                  {"connector.class", "io.debezium.connector.postgresql.PostgresConnector"}})
          .ok());
  ProcessOutcome kept = Run({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(kept.code, 0) << kept.Describe();
  EXPECT_NE(kept.out.find("connector:conn-e2e/connect/theirs"), std::string::npos) << kept.out;
  std::string text = PlanText("orders");
  text.replace(text.find("plan: startup-4"), 15, "plan: startup-4\n        prune: true");
  plan = Write(text);
  ProcessOutcome pruned = Run(Fast({"apply", plan}));
  ASSERT_EQ(pruned.code, 0) << pruned.Describe();
  EXPECT_TRUE(Connector("theirs").is_null());
  EXPECT_TRUE(Connector("pg-sink").is_object());
}

}  // namespace
}  // namespace aivenctl::testing
