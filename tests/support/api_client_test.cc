// TestApi against testdata/fake_emulator.cc: requests, headers, validation failures.

#include "support/api_client.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "support/emulator_process.h"
#include "support/openapi.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

EmulatorOptions Fake() {
  EmulatorOptions options;
  options.binary = FAKE_EMULATOR_PATH;
  return options;
}

TEST(CheckErrorBody, AcceptsTheAivenShape) {
  EXPECT_THAT(CheckErrorBody(404, {{"message", "x"},
                                   {"errors", json::array({{{"message", "x"}, {"status", 404}}})}}),
              IsEmpty());
}

TEST(CheckErrorBody, NamesEachProblem) {
  EXPECT_THAT(CheckErrorBody(400, json::array()), ElementsAre("error body is not a JSON object"));
  EXPECT_THAT(CheckErrorBody(400, {{"errors", json::array()}}),
              ElementsAre("error body lacks a string \"message\"",
                          "error body lacks a non-empty \"errors\" array"));
  EXPECT_THAT(
      CheckErrorBody(
          409, {{"message", "m"},
                {"errors",
                 json::array({{{"status", "409"}}, {{"message", "m"}, {"status", 400}}, "text"})}}),
      ElementsAre("errors[0] lacks a string \"message\"", "errors[0] lacks an integer \"status\"",
                  "errors[1].status is 400 but the HTTP status is 409",
                  "errors[2] is not an object"));
}

class TestApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    emulator_ = new EmulatorProcess(Fake());
    start_status_ = new core::Status(emulator_->Start());
  }
  static void TearDownTestSuite() {
    delete emulator_;
    delete start_status_;
  }
  void SetUp() override {
    ASSERT_TRUE(start_status_->ok()) << start_status_->message();
    api_ = std::make_unique<TestApi>(emulator_->base_url(), "tok");
  }
  // Fails (never skips) when the OpenAPI description cannot be loaded.
  void RequireSpec() {
    ASSERT_NE(api_->spec(), nullptr)
        << "OpenAPI description unavailable: " << OpenApiSpec::Shared().status().message();
  }
  static EmulatorProcess* emulator_;
  static core::Status* start_status_;
  std::unique_ptr<TestApi> api_;
};
EmulatorProcess* TestApiTest::emulator_ = nullptr;
core::Status* TestApiTest::start_status_ = nullptr;

TEST_F(TestApiTest, SendsTokenAndHeaders) {
  auto res = api_->Get("/_emulator/echo");
  ASSERT_EQ(res.status, 200) << res.Describe();
  EXPECT_EQ(res.body["authorization"], "aivenv1 tok");
  EXPECT_EQ(res.headers["content-type"], "application/json");
  res = api_->Get("/_emulator/echo",
                  {.headers = {{"Authorization", "Bearer other"}, {"X-Test", "1"}}});
  EXPECT_EQ(res.body["authorization"], "Bearer other");
  EXPECT_EQ(res.body["x_test"], "1");
  api_->set_token("");
  EXPECT_EQ(api_->Get("/_emulator/echo").body["authorization"], "");
}

TEST_F(TestApiTest, SendsJsonBodies) {
  auto res = api_->Post("/_emulator/echo", {{"a", 1}});
  EXPECT_EQ(res.body["body"], R"({"a":1})");
  EXPECT_EQ(res.body["content_type"], "application/json");
  res = api_->Post("/_emulator/echo");
  EXPECT_EQ(res.body["body"], "");
  res = api_->Send("POST", "/_emulator/echo", "{not json", "text/plain");
  EXPECT_EQ(res.body["body"], "{not json");
  EXPECT_EQ(res.body["content_type"], "text/plain");
}

TEST_F(TestApiTest, ValidResponsesAreCountedPerOperation) {
  RequireSpec();
  const int clouds_before = TestApi::ValidatedCount("ListClouds");
  const int projects_before = TestApi::ValidatedCount("ProjectCreate");
  EXPECT_TRUE(api_->Get("/v1/clouds").ok());
  EXPECT_TRUE(api_->Get("/v1/clouds?limit=999").ok());
  EXPECT_TRUE(api_->Post("/v1/project", {{"project", "p1"}}).ok());
  EXPECT_EQ(TestApi::ValidatedCount("ListClouds"), clouds_before + 2);
  EXPECT_EQ(TestApi::ValidatedCount("ProjectCreate"), projects_before + 1);
  EXPECT_EQ(TestApi::ValidatedCounts()["ListClouds"], clouds_before + 2);
  api_->Get("/_emulator/echo");
  EXPECT_EQ(TestApi::ValidatedCounts().count("/_emulator/echo"), 0u);
}

TEST_F(TestApiTest, ConformanceLogGetsOneLinePerValidation) {
  RequireSpec();
  TempDir dir;
  const std::string log = dir.File("conformance.log");
  ASSERT_EQ(setenv("AIVENCTL_CONFORMANCE_LOG", log.c_str(), 1), 0);
  api_->Get("/v1/clouds");
  api_->Get("/_emulator/echo");
  EXPECT_NONFATAL_FAILURE(api_->Get("/v1/project/broken"), "ProjectGet 200");
  unsetenv("AIVENCTL_CONFORMANCE_LOG");
  api_->Get("/v1/clouds");
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "ListClouds 200 ok\nProjectGet 200 mismatch\n");
}

TEST_F(TestApiTest, SchemaMismatchAddsFailure) {
  RequireSpec();
  EXPECT_NONFATAL_FAILURE(api_->Get("/v1/project/broken"),
                          "ProjectGet 200: /project/project_name: expected string, got integer");
  EXPECT_NONFATAL_FAILURE(api_->Get("/v1/project/broken"),
                          "OpenAPI conformance: ProjectGet "
                          "GET /v1/project/broken -> 200");
}

TEST_F(TestApiTest, UndeclaredSuccessStatusAddsFailure) {
  RequireSpec();
  EXPECT_NONFATAL_FAILURE(api_->Post("/v1/project/p1/service", {{"service_name", "pg"}}),
                          "ServiceCreate 201: status not declared");
}

TEST_F(TestApiTest, ValidationCanBeTurnedOffPerCall) {
  auto res = api_->Get("/v1/project/broken", {.validate = false});
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body["project"]["project_name"], 42);
  res = api_->Get("/v1/project/p1/service/badshape", {.validate = false});
  EXPECT_EQ(res.status, 404);
}

TEST_F(TestApiTest, ErrorBodiesMustHaveTheAivenShape) {
  auto res = api_->Get("/v1/project/p1/service/pg");
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body["message"], "Service pg does not exist");
  EXPECT_NONFATAL_FAILURE(api_->Get("/v1/project/p1/service/badshape"),
                          "error body lacks a string \"message\"");
  EXPECT_NONFATAL_FAILURE(api_->Get("/v1/project/p1/service/notjson"), "response is not JSON");
  res = api_->Send("POST", "/v1/project", "{oops");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body["errors"][0]["status"], 400);
}

TEST(TestApi, TransportErrorWhenNobodyAnswers) {
  EmulatorProcess emulator(Fake());
  ASSERT_TRUE(emulator.Start().ok());
  TestApi api(emulator.base_url(), "tok");
  ASSERT_EQ(api.Get("/v1/clouds").status, 200);
  emulator.Kill9();
  const ApiResponse res = api.Get("/v1/clouds");
  EXPECT_TRUE(res.transport_failed());
  EXPECT_EQ(res.status, 0);
  EXPECT_THAT(res.Describe(), ::testing::StartsWith("transport error: "));
}

}  // namespace
}  // namespace aivenctl::testing
