// RunControl's deadline: a run that ends at its deadline says so exactly once, before the
// continue command, whichever comes first: the deadline's own thread waking, or the run
// finishing (the executor stops at the same instant by itself, so under load the summary
// and Finish could come before the thread woke and the message was lost).

#include "cli/execute.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "core/env.h"

namespace aivenctl::cli {
namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(RunControl, ARunEndedAtTheDeadlineNamesItOnceBeforeTheContinueCommand) {
  const std::string message =
      "aivenctl: deadline reached (--deadline 1ms): no new work starts; calls in flight finish.\n";
  for (int round = 0; round < 20; ++round) {  // the thread wins some rounds, Finish others
    std::ostringstream out, err;
    core::MapEnvironment env;
    Io io{out, err, env};
    GlobalOptions options;
    options.args = {"apply", "plan.yaml"};
    RunControl control(io, options);
    control.SetDeadline(std::chrono::milliseconds(1), "--deadline 1ms");
    const auto at = *control.deadline();
    while (core::RealClock::Instance().Now() < at) std::this_thread::yield();
    EXPECT_EQ(control.Finish(kExitInvalid), kExitInvalid);
    const std::string text = err.str();
    EXPECT_EQ(Count(text, message), 1u) << text;
    EXPECT_LT(text.find(message), text.find("Run again to finish: aivenctl apply plan.yaml"))
        << text;
    EXPECT_TRUE(control.interrupted());
  }
}

TEST(RunControl, ARunEndedBeforeTheDeadlineDoesNotNameIt) {
  std::ostringstream out, err;
  core::MapEnvironment env;
  Io io{out, err, env};
  GlobalOptions options;
  options.args = {"apply", "plan.yaml"};
  RunControl control(io, options);
  control.SetDeadline(std::chrono::hours(1), "--deadline 1h");
  EXPECT_EQ(control.Finish(kExitInvalid), kExitInvalid);
  EXPECT_EQ(err.str().find("deadline reached"), std::string::npos) << err.str();
  EXPECT_FALSE(control.interrupted());
}

}  // namespace
}  // namespace aivenctl::cli
