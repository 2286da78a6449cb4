// Strict mode over real HTTP (every suite runs the emulator with --strict): bodies that
// break Aiven's request schemas get a 400 in Aiven's error shape naming the field; what
// the allowlist documents and the exempt routes pass; without --strict the same bodies
// are served as before.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

using StrictHttp = HttpTest;

TEST_F(StrictHttp, UnknownTopLevelFieldIsRefusedByName) {
  const ApiResponse r = api().Post("/v1/project", {{"project", "p1"}, {"projcet_name", "x"}});
  ExpectError(r, 400,
              "Invalid input for projcet_name: unknown field (not in ProjectCreate's request "
              "schema)");
  EXPECT_EQ(r.body["errors"][0]["status"], 400);
  EXPECT_EQ(api().Get("/v1/project/p1").status, 404) << "nothing was created";
}

TEST_F(StrictHttp, WrongTypeIsRefused) {
  ExpectError(api().Post("/v1/project", {{"project", 42}}), 400,
              "Invalid input for project: expected string, got integer");
  CreateProject("p1");
  ExpectError(api().Put("/v1/project/p1/tags", {{"tags", json::array()}}), 400,
              "Invalid input for tags: expected object, got array");
}

TEST_F(StrictHttp, MissingRequiredFieldIsRefused) {
  CreateProject("p1");
  ExpectError(api().Post("/v1/project/p1/service", {{"service_name", "pg"}, {"plan", "hobbyist"}}),
              400, "Invalid input for service_type: missing required field");
  // No body is checked as {}.
  ExpectError(api().Post("/v1/project"), 400, "Invalid input for project: missing required field");
}

TEST_F(StrictHttp, ValueOutsideAnEnumIsRefused) {
  CreateProject("p1");
  RunningService("p1", "k", "kafka", "startup-2");
  ExpectError(api().Post(ServicePath("p1", "k") + "/topic",
                         {{"topic_name", "t"}, {"cleanup_policy", "forever"}}),
              400,
              "Invalid input for cleanup_policy: \"forever\" is not one of \"delete\", "
              "\"compact\", \"compact,delete\"");
  ExpectError(api().Post(ServicePath("p1", "k") + "/topic",
                         {{"topic_name", "t"}, {"tags", {{{"key", "a"}, {"value", 1}}}}}),
              400, "Invalid input for tags[0].value: expected string, got integer");
}

TEST_F(StrictHttp, NullIsRefusedUnlessAllowlisted) {
  ExpectError(api().Post("/v1/project", {{"project", "p1"}, {"tech_emails", nullptr}}), 400,
              "Invalid input for tech_emails: expected array, got null");
  // avn's own body: card_id and cloud null (strict_allowlist.cc).
  const ApiResponse r =
      api().Post("/v1/project", {{"card_id", nullptr}, {"cloud", nullptr}, {"project", "p1"}});
  EXPECT_EQ(r.status, 200) << r.Describe();
}

TEST_F(StrictHttp, AllowlistedExtraFieldPasses) {
  CreateProject("p1");
  RunningService("p1", "pg", "pg", "startup-4");
  const ApiResponse r =
      api().Put(ServicePath("p1", "pg"), {{"disaster_recovery_role", "active"}, {"powered", true}});
  EXPECT_EQ(r.status, 200) << r.Describe();
  ExpectError(api().Put(ServicePath("p1", "pg"), {{"dr_role", "active"}}), 400,
              "Invalid input for dr_role: unknown field (not in ServiceUpdate's request schema)");
}

TEST_F(StrictHttp, ExemptRoutesAreNotChecked) {
  CreateProject("p1");
  RunningService("p1", "k", "kafka", "startup-2");
  ASSERT_EQ(api().Post(ServicePath("p1", "k") + "/topic", {{"topic_name", "t"}}).status, 200);
  // The v2 batch read is in no description; /_emulator is the emulator's own.
  const ApiResponse v2 = api().Post("/v2/project/p1/service/k/topic",
                                    {{"topic_names", {"t"}}, {"not_in_any_schema", 1}});
  EXPECT_EQ(v2.status, 200) << v2.Describe();
  const ApiResponse clock = api().Post("/_emulator/clock", {{"advance_seconds", 1}});
  EXPECT_EQ(clock.status, 200) << clock.Describe();
}

TEST(StrictOff, TheSameBodiesAreServedWithoutStrict) {
  EmulatorProcess emulator({.args = {"--token", kToken}, .strict = false});
  const core::Status started = emulator.Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
  TestApi api(emulator.base_url(), kToken);
  const ApiResponse r = api.Post("/v1/project", {{"project", "p1"}, {"projcet_name", "x"}});
  EXPECT_EQ(r.status, 200) << r.Describe();
  const ApiResponse nulls = api.Post("/v1/project", {{"project", "p2"}, {"tech_emails", nullptr}});
  EXPECT_EQ(nulls.status, 200) << nulls.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
