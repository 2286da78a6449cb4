// --lock against a real PostgreSQL server (tests/support/postgres_server.h) and the real
// binaries: two applies of one plan (the second waits, then has nothing to do; a third
// with a short --lock-timeout gives up), kill -9 of the holder, the database going away
// mid-run, bad URLs, read-only commands, and what the database holds (no token).

#include <gmock/gmock.h>

#include <regex>
#include <thread>

#include "e2e_fixture.h"
#include "support/postgres_server.h"
#include "support/rate_runners.h"

namespace aivenctl::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string PgPlan(const std::string& name, const std::string& project) {
  return "version: 1\nname: " + name +
         "\ndefaults:\n  cloud: google-europe-north1\nprojects:\n  - name: " + project +
         "\n    services:\n      - name: pg\n        type: pg\n        plan: startup-4\n"
         "        databases: [app]\n";
}

class LockE2e : public E2eTest {
 protected:
  static void SetUpTestSuite() {
    pg_ = new PostgresServer();
    start_ = pg_->Start();
  }
  static void TearDownTestSuite() {
    delete pg_;
    pg_ = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(start_.ok()) << start_.message();
    // Services build in 3 s: long enough for a second run to meet the first one's lock.
    StartEmulator({"--token", kE2eToken, "--build-seconds", "3", "--rebalance-seconds", "1",
                   "--topic-seconds", "1", "--integration-seconds", "1"});
  }

  /// POST /v1/project/{project}/service requests the emulator served.
  int ServiceCreates() {
    return Get("/_emulator/requests")["by_route"].value("POST /v1/project/{project}/service", 0);
  }

  static PostgresServer* pg_;
  static core::Status start_;
};

PostgresServer* LockE2e::pg_ = nullptr;
core::Status LockE2e::start_;

/// Seconds in "got the lock after 1.5s"; -1 when the run did not wait.
double WaitedSeconds(const std::string& err) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex(R"(got the lock after ([0-9.]+)s)"))) return -1;
  return std::stod(m[1]);
}

TEST_F(LockE2e, TheSecondApplyWaitsThenFindsNothingToDoAndAThirdGivesUp) {
  const std::string plan = dir_.Write("two.yaml", PgPlan("lock-two", "lock-two-p"));
  ProcessOutcome first, second, third;
  std::thread a([&] { first = Aivenctl(Fast({"apply", plan, "--lock", pg_->url()})); });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  std::thread b([&] { second = Aivenctl(Fast({"apply", plan, "--lock", pg_->url()})); });
  std::thread c([&] {
    third = Aivenctl(Fast({"apply", plan, "--lock", pg_->url(), "--lock-timeout", "500ms"}));
  });
  a.join();
  b.join();
  c.join();

  ASSERT_EQ(first.code, 0) << first.Describe();
  EXPECT_THAT(first.err, Not(HasSubstr("waiting for the lock")));
  EXPECT_THAT(first.out, HasSubstr("operations done"));

  ASSERT_EQ(second.code, 0) << second.Describe();
  EXPECT_THAT(second.err, HasSubstr("aivenctl: waiting for the lock of plan lock-two in project "
                                    "lock-two-p, held by `aivenctl --api-url "));
  EXPECT_THAT(second.err, HasSubstr(" apply " + plan + " --lock " + pg_->url() + " --yes"));
  EXPECT_THAT(second.err, HasSubstr("(host "));
  EXPECT_THAT(second.err, HasSubstr("(at most 10m)"));
  EXPECT_GT(WaitedSeconds(second.err), 1.0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("No changes: the live state matches the plan."));

  EXPECT_EQ(third.code, 1) << third.Describe();
  EXPECT_THAT(third.err, HasSubstr("aivenctl: gave up after --lock-timeout 500ms waiting for the "
                                   "lock of plan lock-two in project lock-two-p, held by `"));
  EXPECT_THAT(third.err, HasSubstr("; nothing was read or changed\n"));
  EXPECT_EQ(third.out, "");

  EXPECT_EQ(ServiceCreates(), 1);
  // Released at the end: no holder left; the token appears only as a salted hash.
  auto holders = pg_->Sql("SELECT count(*) FROM aivenctl_lock_holders");
  ASSERT_TRUE(holders.ok()) << holders.status().message();
  EXPECT_EQ(*holders, "0");
  auto rows = pg_->Sql("SELECT token_hash FROM aivenctl_rate_window");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_THAT(*rows, ::testing::MatchesRegex("[0-9a-f]{64}"));
  auto everything = pg_->Sql(
      "SELECT concat((SELECT string_agg(r::text, ' ') FROM aivenctl_rate_window r),"
      " (SELECT string_agg(m::text, ' ') FROM aivenctl_meta m))");
  ASSERT_TRUE(everything.ok());
  EXPECT_THAT(*everything, Not(HasSubstr(kE2eToken)));
}

TEST_F(LockE2e, AfterKillNineOfTheHolderTheNextRunStartsAtOnceAndConverges) {
  const std::string plan = dir_.Write("kill.yaml", PgPlan("lock-kill", "lock-kill-p"));
  ProcessSpec kill;
  kill.signal_after = std::chrono::milliseconds(1500);  // while it waits for the service
  kill.signal_number = 9;
  ProcessOutcome killed = Aivenctl(Fast({"apply", plan, "--lock", pg_->url()}), kill);
  ASSERT_EQ(killed.signal, 9) << killed.Describe();

  ProcessOutcome next =
      Aivenctl(Fast({"apply", plan, "--lock", pg_->url(), "--lock-timeout", "5s"}));
  ASSERT_EQ(next.code, 0) << next.Describe();
  // PostgreSQL ended the killed runner's session, and its lock with it.
  EXPECT_LT(WaitedSeconds(next.err), 1.0) << next.err;
  ProcessOutcome replan = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << replan.Describe();
  auto holders = pg_->Sql("SELECT count(*) FROM aivenctl_lock_holders");
  ASSERT_TRUE(holders.ok()) << holders.status().message();
  EXPECT_EQ(*holders, "0") << "the killed runner's row is pruned by the next one";
}

TEST_F(LockE2e, TheDatabaseGoingAwayStopsTheRunAndKeepsWhatIsDone) {
  PostgresServer own;
  ASSERT_TRUE(own.Start().ok());
  const std::string password = "lockpw-7d1e93";
  const std::string plan = dir_.Write("gone.yaml", PgPlan("lock-gone", "lock-gone-p"));
  ProcessOutcome run;
  std::thread a([&] {
    run = Aivenctl(Fast({"apply", plan, "--lock", own.url_with_password(password)}));
  });
  // Once the service exists, the database goes away.
  for (int i = 0; i < 200 && ServiceCreates() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  own.Stop();
  a.join();
  ASSERT_EQ(run.code, 1) << run.Describe();
  EXPECT_THAT(run.err, HasSubstr("aivenctl: lost the lock database ("));
  EXPECT_THAT(run.err, HasSubstr("): no new work starts; calls in flight finish, and what is "
                                 "done stays done\n"));
  EXPECT_THAT(run.err, HasSubstr("Run again to finish: aivenctl "));
  EXPECT_THAT(run.err, HasSubstr("--lock postgres://postgres:<redacted>@127.0.0.1:"));
  EXPECT_THAT(run.err + run.out, Not(HasSubstr(password)));
  // The service it created stays.
  EXPECT_EQ(Inventory()["lock-gone-p"], std::vector<std::string>{"pg"});
}

TEST_F(LockE2e, BadLockUrlsAreRefusedBeforeAnythingAndNeverShowThePassword) {
  const std::string plan = dir_.Write("bad.yaml", PgPlan("lock-bad", "lock-bad-p"));
  ProcessOutcome scheme = Aivenctl(Fast({"apply", plan, "--lock", "mysql://u:pw-9911@h/x"}));
  EXPECT_EQ(scheme.code, 1);
  EXPECT_EQ(scheme.err,
            "aivenctl: --lock mysql://u:<redacted>@h/x: not a PostgreSQL URL; write it like "
            "postgres://USER@HOST:5432/DB?sslmode=require (the password is best kept in "
            "PGPASSWORD or ~/.pgpass)\n");

  ProcessSpec env;
  env.env["AIVENCTL_LOCK_URL"] = "postgres://u:pw-5150@127.0.0.1:1/x?connect_timeout=2";
  ProcessOutcome down = Aivenctl(Fast({"destroy", plan}), env);
  EXPECT_EQ(down.code, 1);
  EXPECT_THAT(down.err, HasSubstr("aivenctl: cannot connect to the lock database "
                                  "postgres://u:<redacted>@127.0.0.1:1/x?connect_timeout=2: "));
  EXPECT_THAT(down.err, HasSubstr("(from AIVENCTL_LOCK_URL); nothing was read or changed\n"));
  EXPECT_THAT(down.err + scheme.err, Not(HasSubstr("pw-")));
  EXPECT_EQ(ServiceCreates(), 0);
  EXPECT_TRUE(Inventory().empty());
}

TEST_F(LockE2e, AReapOfEverythingWaitsForARunningApplyAndGoesOnceItEnds) {
  const std::string plan = dir_.Write("reap.yaml", PgPlan("lock-reap", "lock-reap-p"));
  ProcessOutcome applied, early;
  std::thread a([&] { applied = Aivenctl(Fast({"apply", plan, "--lock", pg_->url()})); });
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  early = Aivenctl({"reap", "--yes", "--lock", pg_->url(), "--lock-timeout", "300ms"});
  a.join();
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(early.code, 1) << early.Describe();
  EXPECT_THAT(early.err, HasSubstr("aivenctl: gave up after --lock-timeout 300ms waiting for the "
                                   "lock of every plan, held by `aivenctl --api-url "));
  ProcessOutcome later = Aivenctl({"reap", "--yes", "--lock", pg_->url()});
  EXPECT_EQ(later.code, 0) << later.Describe();
  EXPECT_THAT(later.err, Not(HasSubstr("waiting for the lock")));
}

TEST_F(LockE2e, ADestroyByPlanNameTakesTheSameLockAsTheApply) {
  const std::string plan = dir_.Write("name.yaml", PgPlan("lock-name", "lock-name-p"));
  ProcessOutcome applied, destroy;
  std::thread a([&] { applied = Aivenctl(Fast({"apply", plan, "--lock", pg_->url()})); });
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  destroy = Aivenctl(Fast({"destroy", "--plan", "lock-name", "--project", "lock-name-p", "--lock",
                           pg_->url(), "--lock-timeout", "300ms"}));
  a.join();
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(destroy.code, 1) << destroy.Describe();
  EXPECT_THAT(destroy.err, HasSubstr("aivenctl: gave up after --lock-timeout 300ms waiting for the "
                                     "lock of plan lock-name in project lock-name-p, held by `"));
  EXPECT_EQ(Inventory()["lock-name-p"], std::vector<std::string>{"pg"});
}

TEST_F(LockE2e, ReadOnlyCommandsNeverLock) {
  const std::string plan = dir_.Write("ro.yaml", PgPlan("lock-ro", "lock-ro-p"));
  ProcessSpec env;
  env.env["AIVENCTL_LOCK_URL"] = "postgres://127.0.0.1:1/nothing-listens-here";
  ProcessOutcome planned = Aivenctl({"plan", plan, "--detailed-exitcode"}, env);
  EXPECT_EQ(planned.code, 2) << planned.Describe();
  ProcessOutcome dry = Aivenctl({"reap"}, env);
  EXPECT_EQ(dry.code, 0) << dry.Describe();
  ProcessOutcome flag = Aivenctl({"plan", plan, "--lock", pg_->url()});
  EXPECT_EQ(flag.code, 1);
  EXPECT_THAT(flag.err, HasSubstr("--lock"));
}

TEST_F(LockE2e, EightRunnersOfOneTokenMeetFewer429sWithTheSharedWindow) {
  StartEmulator({"--token", kE2eToken, "--build-seconds", "1", "--rate-limit", "16/2"});
  std::vector<std::string> plans;
  for (int i = 0; i < 8; ++i) {
    const std::string name = "rate-" + std::to_string(i);
    plans.push_back(dir_.Write(name + ".yaml", RunnerPlan(name, 1)));
  }
  RunnersRound alone = RunRunners(*api_, emulator_->base_url(), kE2eToken, plans, {});
  RunnersRound shared =
      RunRunners(*api_, emulator_->base_url(), kE2eToken, plans, {"--lock", pg_->url()});
  for (const RunnersRound* round : {&alone, &shared}) {
    for (const ProcessOutcome& o : round->outcomes) {
      EXPECT_EQ(o.code, 0) << o.Describe();
      secrets_.AddPrinted(o.out);
      secrets_.AddPrinted(o.err);
    }
  }
  std::cout << "[rate] 8 runners, limit 16 per 2 s: alone " << alone.rate_limited << " 429s of "
            << alone.requests << " requests in " << alone.seconds << " s; shared "
            << shared.rate_limited << " 429s of " << shared.requests << " requests in "
            << shared.seconds << " s\n";
  EXPECT_GT(alone.rate_limited, 0) << "the limit was not met: the comparison says nothing";
  EXPECT_LT(shared.rate_limited, alone.rate_limited);
}

TEST(LockBinary, AivenctlDoesNotNeedLibpqToStart) {
  ProcessOutcome elf =
      RunProcess({.program = "/usr/bin/readelf", .args = {"-d", AivenctlBinary()}});
  ASSERT_EQ(elf.code, 0) << elf.Describe();
  EXPECT_THAT(elf.out, HasSubstr("(NEEDED)"));
  EXPECT_THAT(elf.out, Not(HasSubstr("libpq")));
}

}  // namespace
}  // namespace aivenctl::testing
