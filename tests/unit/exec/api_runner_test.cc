// ApiRunner over a scripted transport: what a create reports when the resource appeared
// meanwhile (another run) versus when our own earlier attempt made it (answer lost).

#include "exec/api_runner.h"

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
  op.request = {{"create", {{"project", "p"}}}};
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

}  // namespace
}  // namespace aivenctl::exec
