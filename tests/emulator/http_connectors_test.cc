// Kafka Connect connectors over real HTTP: create (503 while Kafka Connect warms up after
// its service turns RUNNING), list, status UNASSIGNED -> RUNNING on the emulator clock, a
// FAILED task, PUT of the whole config, delete, and Aiven's error shapes. Every answer is
// checked against the OpenAPI subset (TestApi).

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

constexpr const char* kJdbc = "io.aiven.connect.jdbc.JdbcSinkConnector";

class Connectors : public HttpTest {
 protected:
  std::vector<std::string> ExtraArgs() const override {
    return {"--connector-seconds", "5", "--connect-warmup-seconds", "10"};
  }
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    RunningService("p1", "connect", "kafka_connect", "startup-4");
  }
  std::string base() { return ServicePath("p1", "connect") + "/connectors"; }
  json Body(const std::string& name, json extra = json::object()) {
    json body = {{"name", name}, {"connector.class", kJdbc}, {"topics", "orders"}};
    body.update(extra);
    return body;
  }
  json Status(const std::string& name) {
    const ApiResponse r = api().Get(base() + "/" + name + "/status");
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.body.value("status", json::object());
  }
};

TEST_F(Connectors, WarmUpThenCreateListStatusUpdateDelete) {
  // Just RUNNING: Kafka Connect is not serving yet (Terraform provider issue 533).
  ExpectErrorContaining(api().Post(base(), Body("sink")), 503, "try again later");
  Advance(10);
  const ApiResponse created = api().Post(base(), Body("sink"));
  ASSERT_EQ(created.status, 200) << created.Describe();
  EXPECT_EQ(created.body["connector"]["config"]["connector.class"], kJdbc);
  EXPECT_EQ(created.body["connector"]["config"]["name"], "sink");
  ExpectErrorContaining(api().Post(base(), Body("sink")), 409, "already exists");

  const ApiResponse list = api().Get(base());
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.body["connectors"].size(), 1u);
  EXPECT_EQ(list.body["connectors"][0]["config"]["topics"], "orders");

  EXPECT_EQ(Status("sink")["state"], "UNASSIGNED");
  EXPECT_EQ(Status("sink")["tasks"][0]["state"], "UNASSIGNED");
  Advance(5);
  EXPECT_EQ(Status("sink")["state"], "RUNNING");
  EXPECT_EQ(Status("sink")["tasks"][0]["state"], "RUNNING");

  // PUT replaces the whole config; the tasks restart.
  const ApiResponse put = api().Put(
      base() + "/sink", {{"name", "sink"}, {"connector.class", kJdbc}, {"topics", "refunds"}});
  ASSERT_EQ(put.status, 200) << put.Describe();
  EXPECT_EQ(put.body["connector"]["config"]["topics"], "refunds");
  EXPECT_EQ(Status("sink")["tasks"][0]["state"], "UNASSIGNED");
  ExpectErrorContaining(api().Put(base() + "/nope", Body("nope")), 404, "Connector nope not found");

  ASSERT_EQ(api().Delete(base() + "/sink").status, 200);
  EXPECT_EQ(api().Get(base() + "/sink/status").status, 404);
  EXPECT_EQ(api().Delete(base() + "/sink").status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaConnectCreateConnector"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaConnectList"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaConnectGetConnectorStatus"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceKafkaConnectEditConnector"), 1);
}

TEST_F(Connectors, UnknownClassBadValuesAndWrongServices) {
  Advance(10);
  const ApiResponse available = api().Get(ServicePath("p1", "connect") + "/available-connectors");
  ASSERT_EQ(available.status, 200) << available.Describe();
  bool has_jdbc = false;
  for (const auto& p : available.body["plugins"]) has_jdbc |= p["class"] == kJdbc;
  EXPECT_TRUE(has_jdbc);
  ExpectErrorContaining(api().Post(base(), Body("x", {{"connector.class", "com.example.Nope"}})),
                        400,
                        "Failed to find any class that implements Connector and which name "
                        "matches com.example.Nope");
  ExpectErrorContaining(api().Post(base(), Body("x", {{"tasks.max", 2}})), 400,
                        "Invalid value for config tasks.max: expected a string");
  ExpectErrorContaining(api().Post(base(), json{{"connector.class", kJdbc}}), 400, "name");
  RunningService("p1", "pg", "pg", "startup-4");
  ExpectErrorContaining(api().Get(ServicePath("p1", "pg") + "/connectors"), 400,
                        "Kafka Connect is not enabled for service pg");
  EXPECT_EQ(api().Get(ServicePath("p1", "nope") + "/connectors").status, 404);
}

TEST_F(Connectors, KafkaWithKafkaConnectAndAFailedTask) {
  ASSERT_EQ(CreateService("p1", "events", "kafka", "business-4",
                          {{"user_config", {{"kafka_connect", true}}}})
                .status,
            200);
  ASSERT_GE(WaitRunning("p1", "events"), 0);
  Advance(10);
  const std::string path = ServicePath("p1", "events") + "/connectors";
  const ApiResponse created = api().Post(
      path, Body("broken", {{"emulator.fail.task", "boom"}, {"connection.password", "pw-1"}}));
  ASSERT_EQ(created.status, 200) << created.Describe();
  Advance(5);
  const ApiResponse status = api().Get(path + "/broken/status");
  ASSERT_EQ(status.status, 200) << status.Describe();
  const json& task = status.body["status"]["tasks"][0];
  EXPECT_EQ(task["state"], "FAILED");
  EXPECT_NE(task["trace"].get<std::string>().find("ConnectException: boom"), std::string::npos);
}

}  // namespace
}  // namespace aivenctl::testing
