#include "api/retry_policy.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace aivenctl::api {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

HttpResponse Resp(int status, std::string message = "",
                  std::map<std::string, std::string> headers = {}) {
  std::string body = message.empty() ? "{}" : R"({"message":")" + message + R"("})";
  return HttpResponse{status, body, std::move(headers), {}};
}

struct Row {
  std::string name;
  std::string method;
  std::string path;
  int status;  // 0 = transport error
  std::string message;
  TransportErrorKind error = TransportErrorKind::kOther;
  bool idempotent = true;
  bool earlier_ambiguous = false;
  bool retry;
  Outcome outcome;  // when !retry
};

TEST(RetryPolicy, Table) {
  using K = TransportErrorKind;
  const std::vector<Row> rows = {
      {"2xx", "GET", "/v1/project", 200, "", K::kOther, true, false, false, Outcome::kSuccess},
      {"connect GET", "GET", "/v1/project", 0, "", K::kConnect, true, false, true, {}},
      {"connect POST (not sent)",
       "POST",
       "/v1/project",
       0,
       "",
       K::kConnect,
       false,
       false,
       true,
       {}},
      {"drop GET", "GET", "/v1/project", 0, "", K::kConnectionLost, true, false, true, {}},
      {"drop POST", "POST", "/v1/project", 0, "", K::kConnectionLost, false, false, false,
       Outcome::kOutcomeUnknown},
      {"timeout POST", "POST", "/v1/project", 0, "", K::kTimeout, false, false, false,
       Outcome::kOutcomeUnknown},
      {"timeout PUT", "PUT", "/v1/project/p", 0, "", K::kTimeout, true, false, true, {}},
      {"tls", "GET", "/v1/project", 0, "", K::kTls, true, false, false, Outcome::kFailed},
      {"cancelled", "GET", "/v1/project", 0, "", K::kCancelled, true, false, false,
       Outcome::kFailed},
      {"408", "POST", "/v1/project", 408, "", K::kOther, false, false, true, {}},
      {"429 POST", "POST", "/v1/project", 429, "", K::kOther, false, false, true, {}},
      {"500 GET", "GET", "/v1/project", 500, "", K::kOther, true, false, true, {}},
      {"503 GET", "GET", "/v1/project", 503, "", K::kOther, true, false, true, {}},
      {"503 POST", "POST", "/v1/project/p/service", 503, "", K::kOther, false, false, false,
       Outcome::kOutcomeUnknown},
      {"503 repeatable POST",
       "POST",
       "/v1/project/p/service/k/topic",
       503,
       "",
       K::kOther,
       true,
       false,
       true,
       {}},
      {"503 DELETE", "DELETE", "/v1/project/p", 503, "", K::kOther, true, false, true, {}},
      {"501 topic",
       "POST",
       "/v1/project/p/service/k/topic",
       501,
       "",
       K::kOther,
       false,
       false,
       true,
       {}},
      {"501 connectors",
       "GET",
       "/v1/project/p/service/k/connectors",
       501,
       "",
       K::kOther,
       true,
       false,
       true,
       {}},
      {"501 elsewhere", "GET", "/v1/project/p/service", 501, "", K::kOther, true, false, false,
       Outcome::kFailed},
      {"417 DELETE",
       "DELETE",
       "/v1/project/p/service/s",
       417,
       "",
       K::kOther,
       true,
       false,
       true,
       {}},
      {"417 PUT", "PUT", "/v1/project/p/service/s", 417, "", K::kOther, true, false, false,
       Outcome::kFailed},
      {"lagging service 404 POST",
       "POST",
       "/v1/project/p/service/pg/user",
       404,
       "Service pg does not exist",
       K::kOther,
       false,
       false,
       true,
       {}},
      {"service 404 GET", "GET", "/v1/project/p/service/pg", 404, "Service pg does not exist",
       K::kOther, true, false, false, Outcome::kFailed},
      {"lagging avnadmin 404",
       "GET",
       "/v1/project/p/service/pg/user/avnadmin",
       404,
       "User avnadmin with component main not found",
       K::kOther,
       true,
       false,
       true,
       {}},
      {"other user 404", "GET", "/v1/project/p/service/pg/user/app", 404,
       "User app with component main not found", K::kOther, true, false, false, Outcome::kFailed},
      {"plain 404", "GET", "/v1/project/x", 404, "Project does not exist", K::kOther, true, false,
       false, Outcome::kFailed},
      {"400", "POST", "/v1/project", 400, "bad", K::kOther, false, false, false, Outcome::kFailed},
      {"409 exists, first try", "POST", "/v1/project", 409, "Project already exists", K::kOther,
       true, false, false, Outcome::kFailed},
      {"409 exists after our ambiguous try", "POST", "/v1/project", 409, "Project already exists",
       K::kOther, true, true, false, Outcome::kAlreadyExistsAfterRetry},
      {"409 other after ambiguous", "POST", "/v1/project", 409, "conflict", K::kOther, true, true,
       false, Outcome::kOutcomeUnknown},
      {"400 GET after ambiguous", "GET", "/v1/project", 400, "bad", K::kOther, true, true, false,
       Outcome::kFailed},
  };
  for (const Row& row : rows) {
    HttpResponse response = Resp(row.status, row.message);
    Attempt a;
    a.method = row.method;
    a.path = row.path;
    a.idempotent = row.idempotent;
    a.response = row.status == 0 ? nullptr : &response;
    a.transport_error = row.error;
    a.earlier_attempt_ambiguous = row.earlier_ambiguous;
    a.jitter = 0.5;
    RetryDecision d = Decide(a);
    EXPECT_EQ(d.retry, row.retry) << row.name << ": " << d.reason;
    if (!row.retry) {
      EXPECT_EQ(OutcomeName(d.outcome), std::string(OutcomeName(row.outcome))) << row.name;
    }
  }
}

TEST(RetryPolicy, ReadConfirmingOurCreateRetriesTheLaggingService404) {
  // After our create's answer was lost and its retry said 409 "already exists", the read
  // that confirms it may meet Aiven's lag: 404 "Service pg does not exist" for a few seconds.
  HttpResponse lagging = Resp(404, "Service pg does not exist");
  Attempt a{.method = "GET", .path = "/v1/project/p/service/pg", .response = &lagging};
  a.jitter = 0.5;
  EXPECT_FALSE(Decide(a).retry) << "an ordinary read: absent is an answer";
  a.confirms_create = true;
  RetryDecision d = Decide(a);
  EXPECT_TRUE(d.retry);
  EXPECT_EQ(d.reason, "lagging 404 after create (service)");
  HttpResponse other = Resp(404, "Project does not exist");
  a.response = &other;
  EXPECT_FALSE(Decide(a).retry) << "only the lagging service message";
}

TEST(RetryPolicy, BackoffIsFullJitterWithinDoublingCeilings) {
  RetryOptions o;  // 1 s doubling to 15 s, floor 100 ms
  EXPECT_EQ(Backoff(1, 1.0, o), seconds(1));
  EXPECT_EQ(Backoff(2, 1.0, o), seconds(2));
  EXPECT_EQ(Backoff(4, 1.0, o), seconds(8));
  EXPECT_EQ(Backoff(5, 1.0, o), seconds(15));
  EXPECT_EQ(Backoff(30, 1.0, o), seconds(15));  // no overflow
  EXPECT_EQ(Backoff(3, 0.5, o), seconds(2));
  EXPECT_EQ(Backoff(1, 0.0, o), milliseconds(100));
  std::mt19937_64 rng(42);
  for (int retry = 1; retry <= 6; ++retry) {
    for (int i = 0; i < 200; ++i) {
      double j = std::uniform_real_distribution<double>(0, 1)(rng);
      core::Duration d = Backoff(retry, j, o);
      EXPECT_GE(d, milliseconds(100));
      EXPECT_LE(d, std::min<core::Duration>(seconds(1) * (1 << (retry - 1)), seconds(15)));
    }
  }
}

TEST(RetryPolicy, Parses429TryAgainText) {
  EXPECT_EQ(ParseTryAgainIn("The user has sent too many requests in a given amount of time: "
                            "Rate limit 120 exceeded - try again in 28s"),
            seconds(28));
  EXPECT_EQ(ParseTryAgainIn("try again in 3 s"), seconds(3));
  EXPECT_FALSE(ParseTryAgainIn("try again later").has_value());
}

TEST(RetryPolicy, ParsesRetryAfterSecondsAndHttpDate) {
  core::WallTime now = std::chrono::system_clock::from_time_t(784111777);  // 06 Nov 1994 08:49:37
  EXPECT_EQ(ParseRetryAfter(" 120 ", now), seconds(120));
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:50:07 GMT", now), seconds(30));
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:00 GMT", now), seconds(0));  // past
  EXPECT_FALSE(ParseRetryAfter("soon", now).has_value());
  EXPECT_FALSE(ParseRetryAfter("", now).has_value());
}

TEST(RetryPolicy, ServerNamedDelayWinsOverBackoff) {
  HttpResponse r = Resp(429, "Rate limit 120 exceeded - try again in 28s");
  Attempt a{.method = "GET", .path = "/v1/project", .response = &r, .jitter = 0.1};
  RetryDecision d = Decide(a);
  EXPECT_TRUE(d.retry);
  EXPECT_TRUE(d.server_named_delay);
  EXPECT_EQ(d.delay, seconds(28));
  HttpResponse h = Resp(503, "", {{"retry-after", "7"}});
  a.response = &h;
  EXPECT_EQ(Decide(a).delay, seconds(7));
  HttpResponse both = Resp(429, "try again in 28s", {{"retry-after", "5"}});
  a.response = &both;
  EXPECT_EQ(Decide(a).delay, seconds(5));  // the header is the more specific signal
}

TEST(RetryPolicy, CapsAttemptsAndElapsedTime) {
  HttpResponse r = Resp(503);
  RetryOptions o;
  o.max_attempts = 3;
  o.max_elapsed = seconds(30);
  Attempt a{.method = "GET", .path = "/v1/project", .response = &r, .jitter = 1.0};
  a.number = 2;
  EXPECT_TRUE(Decide(a, o).retry);
  a.number = 3;
  RetryDecision last = Decide(a, o);
  EXPECT_FALSE(last.retry);
  EXPECT_EQ(last.reason, "gave up after 3 attempts: 503 from server");
  a.number = 1;
  a.elapsed = seconds(29) + milliseconds(500);  // a 1 s backoff would pass 30 s
  RetryDecision late = Decide(a, o);
  EXPECT_FALSE(late.retry);
  EXPECT_EQ(late.reason, "gave up: waiting would pass the time limit: 503 from server");
  HttpResponse slow = Resp(429, "try again in 60s");
  a.response = &slow;
  a.elapsed = seconds(0);
  EXPECT_FALSE(Decide(a, o).retry);  // the server's 60 s exceed the 30 s budget
}

// Until the first answer of a run a refused connection is tried twice, 2.5 s apart (a wrong
// URL fails in seconds); once another call gave up, not again; after any answer the usual
// backoff applies.
TEST(RetryPolicy, ConnectFailuresBeforeTheFirstAnswerGiveUpAfterTwoAttempts) {
  Attempt a{.method = "GET",
            .path = "/v1/project",
            .transport_error = TransportErrorKind::kConnect,
            .before_first_answer = true,
            .jitter = 0.5};
  RetryDecision first = Decide(a);
  EXPECT_TRUE(first.retry);
  EXPECT_EQ(first.delay, milliseconds(2500));
  EXPECT_EQ(first.reason, "connection failed before sending (nothing has answered yet)");
  a.number = 2;
  RetryDecision second = Decide(a);
  EXPECT_FALSE(second.retry);
  EXPECT_EQ(second.outcome, Outcome::kFailed);
  EXPECT_EQ(second.reason,
            "gave up after 2 attempts: cannot connect, and nothing has answered yet");

  a.number = 1;
  a.known_unreachable = true;
  EXPECT_FALSE(Decide(a).retry) << "another call already found the server unreachable";

  a.known_unreachable = false;
  RetryOptions once;
  once.max_attempts = 1;
  EXPECT_FALSE(Decide(a, once).retry) << "--max-attempts 1 still wins";

  a.before_first_answer = false;
  a.number = 2;
  RetryDecision later = Decide(a);
  EXPECT_TRUE(later.retry) << "after an answer a refused connection is retried as before";
  EXPECT_EQ(later.reason, "connection failed before sending");
  EXPECT_EQ(later.delay, Backoff(2, 0.5, RetryOptions{}));
}

}  // namespace
}  // namespace aivenctl::api
