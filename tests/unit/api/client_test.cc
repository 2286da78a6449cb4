#include "api/client.h"

#include <gtest/gtest.h>

#include "api/api.h"
#include "api/redact.h"
#include "fake_transport.h"
#include "log_capture.h"

namespace aivenctl::api {
namespace {

using std::chrono::seconds;
using testing::AivenError;
using testing::Answer;
using testing::Failure;
using testing::FakeTransport;
using testing::LogCapture;

struct Fixture {
  core::FakeClock clock;
  RateBudget budget{clock};
  FakeTransport transport;
  Client client{transport, clock, budget, {.jitter_seed = 1}};
};

TEST(Client, RetriesA503ThenSucceedsAndCountsBoth) {
  Fixture f;
  f.transport.Script({AivenError(503, "An error occurred. Please try again later."),
                      Answer(200, R"({"services":[]})")});
  ApiResult r = f.client.Send({.path = "/v1/project/p1/service"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(r.response->body, R"({"services":[]})");
  EXPECT_GE(f.clock.total_slept(), std::chrono::milliseconds(100));
  Stats stats = f.client.GetStats();
  ASSERT_EQ(stats.endpoints.size(), 1u);
  EXPECT_EQ(stats.endpoints[0].endpoint, "GET /v1/project/{project}/service");
  EXPECT_EQ(stats.endpoints[0].requests, 2);
  EXPECT_EQ(stats.endpoints[0].retries, 1);
  EXPECT_EQ(stats.requests, 2);
}

TEST(Client, NonIdempotentPostAfter503IsOutcomeUnknown) {
  Fixture f;
  f.transport.Script({AivenError(503, "busy")});
  ApiResult r = f.client.Send({.method = "POST", .path = "/v1/project", .body = "{}"},
                              {.address = "project:p1"});
  EXPECT_EQ(r.outcome, Outcome::kOutcomeUnknown);
  EXPECT_EQ(r.attempts, 1);
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.error->outcome_unknown);
  EXPECT_EQ(r.error->ToString(),
            "POST /v1/project: 503 busy [project:p1]; the change may have been applied");
  EXPECT_EQ(r.status().code(), core::Code::kUnavailable);
}

TEST(Client, RepeatableCreateThatAlreadyExistsAfterRetryIsToBeConfirmed) {
  Fixture f;
  f.transport.Script({Failure(TransportErrorKind::kConnectionLost),
                      AivenError(409, "Topic orders already exists")});
  ApiResult r =
      f.client.Send({.method = "POST", .path = "/v1/project/p/service/k/topic", .body = "{}"},
                    {.address = "topic:p/k/orders", .idempotent = true});
  EXPECT_EQ(r.outcome, Outcome::kAlreadyExistsAfterRetry);
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(r.status().code(), core::Code::kAlreadyExists);
}

TEST(Client, LaggingServiceNotFoundOnPostIsRetried) {
  Fixture f;
  f.transport.Script({AivenError(404, "Service pg does not exist"), Answer(200)});
  ApiResult r = f.client.Send({.method = "POST", .path = "/v1/project/p/service/pg/user"});
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.attempts, 2);
}

TEST(Client, CreateWhoseAnswerWasLostIsConfirmedThroughTheLaggingService404) {
  // The create is made but its answer lost; the retry hears 409 "already exists"; the
  // confirming read first meets the API's lag. The create succeeds, made once.
  Fixture f;
  Api api(f.client);
  f.transport.Script({Failure(TransportErrorKind::kConnectionLost),
                      AivenError(409, "Service 'pg' already exists"),
                      AivenError(404, "Service pg does not exist"),
                      Answer(200, R"({"service":{"service_name":"pg","service_type":"pg",)"
                                  R"("state":"REBUILDING","plan":"startup-4"}})")});
  auto created = api.CreateService(
      "p", {{"service_name", "pg"}, {"service_type", "pg"}, {"plan", "startup-4"}});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->name, "pg");
  auto requests = f.transport.requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[1].method, "POST");
  EXPECT_EQ(requests[2].method, "GET");
  EXPECT_EQ(requests[3].method, "GET");
}

TEST(Client, NotFoundIsAValueWithCodeMessageAndAddress) {
  Fixture f;
  f.transport.Script({Answer(404, R"({"message":"Project does not exist","errors":[{"message":"x",)"
                                  R"("status":404,"error_code":"project_not_found"}]})")});
  ApiResult r = f.client.Send({.path = "/v1/project/nope"}, {.address = "project:nope"});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsNotFound());
  EXPECT_EQ(r.error->error_code, "project_not_found");
  EXPECT_EQ(r.error->ToString(),
            "GET /v1/project/nope: 404 Project does not exist (project_not_found) "
            "[project:nope]");
}

TEST(Client, A429PausesTheSharedBudgetForTheNamedTime) {
  Fixture f;
  f.transport.Script({AivenError(429, "Rate limit 120 exceeded - try again in 28s")});
  core::SteadyTime t0 = f.clock.Now();
  ASSERT_TRUE(f.client.Send({.path = "/v1/project"}).ok());
  EXPECT_GE(f.clock.Now() - t0, seconds(28));
  EXPECT_LT(f.clock.Now() - t0, seconds(29));  // the two waits overlap
  EXPECT_EQ(f.budget.snapshot().rate_limited, 1);
}

TEST(Client, CancelledWhileWaitingIsAnError) {
  Fixture f;
  f.budget.OnRateLimited(f.clock.Now(), seconds(60));
  std::stop_source stop;
  stop.request_stop();
  ApiResult r = f.client.Send({.path = "/v1/project"}, {.stop = stop.get_token()});
  EXPECT_EQ(r.status().code(), core::Code::kCancelled);
  EXPECT_EQ(f.transport.count(), 0);
}

TEST(Client, TraceLineAndNoSecretInAnyLogOrError) {
  const std::string token = "tok-SECRET-unit-0123456789";
  Secrets().Add(token);
  Fixture f;
  LogCapture logs;
  f.transport.Script({Failure(TransportErrorKind::kConnect, "refused with aivenv1 " + token),
                      Answer(200), AivenError(400, "bad token " + token)});
  ApiResult ok = f.client.Send(
      {.path = "/v1/project/x/service", .headers = {{"Authorization", "aivenv1 " + token}}});
  ApiResult bad = f.client.Send({.method = "PUT", .path = "/v1/project/x", .body = token});
  EXPECT_TRUE(ok.ok());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error->ToString().find(token), std::string::npos) << bad.error->ToString();
  EXPECT_NE(bad.error->ToString().find("bad token <redacted>"), std::string::npos);
  std::string text = logs.text();
  EXPECT_NE(text.find("GET /v1/project/x/service -> connect (0 ms)"), std::string::npos) << text;
  EXPECT_NE(text.find("GET /v1/project/x/service -> 200 (0 ms)"), std::string::npos) << text;
  EXPECT_EQ(text.find(token), std::string::npos) << text;
}

TEST(Client, UntilTheFirstAnswerARefusedConnectionIsTriedTwiceAndRemembered) {
  Fixture f;
  f.transport.SetHandler(
      [](const HttpRequest&) { return Failure(TransportErrorKind::kConnect, "connect: refused"); });
  EXPECT_FALSE(f.client.unreachable());
  ApiResult r = f.client.Send({.path = "/v1/clouds"});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(f.clock.total_slept(), std::chrono::milliseconds(2500));
  ASSERT_TRUE(f.client.unreachable());
  EXPECT_EQ(f.client.unreachable()->ToString(),
            "GET /v1/clouds: connect: refused after 2 attempts");
  // The rest of the run does not wait for the same refusal again.
  ApiResult again = f.client.Send({.path = "/v1/project"});
  EXPECT_EQ(again.attempts, 1);
  EXPECT_EQ(f.clock.total_slept(), std::chrono::milliseconds(2500));
  EXPECT_EQ(f.client.unreachable()->path, "/v1/clouds") << "the first one is kept";
  EXPECT_FALSE(f.client.answered());
}

TEST(Client, AfterAnAnswerARefusedConnectionGetsTheUsualRetries) {
  Fixture f;
  f.transport.Script({Answer(200)});
  ASSERT_TRUE(f.client.Send({.path = "/v1/clouds"}).ok());
  EXPECT_TRUE(f.client.answered());
  f.transport.SetHandler(
      [](const HttpRequest&) { return Failure(TransportErrorKind::kConnect, "connect: refused"); });
  ApiResult r = f.client.Send({.path = "/v1/project"});
  EXPECT_EQ(r.attempts, 7) << "a server restarting mid-run is waited for";
  EXPECT_FALSE(f.client.unreachable());
}

TEST(EndpointTemplate, ReplacesNamesAfterCollections) {
  EXPECT_EQ(EndpointTemplate("/v1/project"), "/v1/project");
  EXPECT_EQ(EndpointTemplate("/v1/clouds"), "/v1/clouds");
  EXPECT_EQ(EndpointTemplate("/v1/project/p1/service"), "/v1/project/{project}/service");
  EXPECT_EQ(EndpointTemplate("/v1/project/p1/service/pg/topic/orders"),
            "/v1/project/{project}/service/{service}/topic/{topic}");
  EXPECT_EQ(EndpointTemplate("/v1/project/p/service/pg/user/app/credentials/reset"),
            "/v1/project/{project}/service/{service}/user/{user}/credentials/reset");
  EXPECT_EQ(EndpointTemplate("/v1/project/p/service/pg/db"),
            "/v1/project/{project}/service/{service}/db");
  EXPECT_EQ(EndpointTemplate("/v1/project/p/tags"), "/v1/project/{project}/tags");
}

}  // namespace
}  // namespace aivenctl::api
