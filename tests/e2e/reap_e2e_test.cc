// `aivenctl reap` and `aivenctl extend` against the emulator: owned/unowned, expired/fresh,
// protected and termination-protected services across three projects; exactly the expired
// owned ones go, in order, and the rest of the emulator state is untouched.

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

json Owned(const std::string& plan, const std::string& expires, json extra = json::object()) {
  extra["managed-by"] = "aivenctl";
  extra["aivenctl-plan"] = plan;
  if (!expires.empty()) extra["expires-at"] = expires;
  return extra;
}

class ReapTest : public E2eTest {
 protected:
  void Service(const std::string& project, const std::string& name, json tags,
               bool protection = false) {
    json body = {{"service_name", name},
                 {"service_type", "pg"},
                 {"plan", "startup-4"},
                 {"tags", tags},
                 {"termination_protection", protection}};
    ASSERT_TRUE(api_->Post("/v1/project/" + project + "/service", body).ok()) << name;
  }
  // Three projects: "old" (owned, expired, only expired owned services), "mixed" (owned,
  // expired, but holds someone's service), "theirs" (not owned).
  void Seed() {
    const std::string past = "20261128T100000Z", future = "20261201T000000Z";
    ASSERT_TRUE(api_->Post("/v1/project", {{"project", "old"}, {"tags", Owned("ci", past)}}).ok());
    ASSERT_TRUE(
        api_->Post("/v1/project", {{"project", "mixed"}, {"tags", Owned("ci", past)}}).ok());
    ASSERT_TRUE(api_->Post("/v1/project", {{"project", "theirs"}}).ok());
    Service("old", "a", Owned("ci", past));
    Service("old", "b", Owned("ci", past));
    Service("mixed", "expired", Owned("demo", past));
    Service("mixed", "fresh", Owned("demo", future));
    Service("mixed", "never", Owned("demo", past, {{"reap", "never"}}));
    Service("mixed", "guarded", Owned("demo", past, {{"protect-until", future}}));
    Service("mixed", "locked", Owned("demo", past), /*protection=*/true);
    Service("mixed", "someones", {{"expires-at", past}});
    Service("theirs", "x", {{"expires-at", past}});
  }
  static std::vector<std::string> At(std::vector<std::string> args) {
    args.insert(args.end(), {"--now", "2026-11-28T12:00:00Z"});
    return args;
  }
};

TEST_F(ReapTest, DryRunListsExactlyTheExpiredOwnedOnes) {
  Seed();
  json before = Get("/_emulator/state");
  ProcessOutcome o = Aivenctl(At({"reap", "--format", "json"}));
  ASSERT_EQ(o.code, 0) << o.Describe();
  json report = json::parse(o.out);
  std::vector<std::string> deleting, kept;
  for (const auto& item : report["items"]) {
    (item["action"] == "delete" ? deleting : kept).push_back(item["address"]);
  }
  EXPECT_EQ(deleting, (std::vector<std::string>{"project:old", "service:mixed/expired",
                                                "service:old/a", "service:old/b"}));
  EXPECT_EQ(kept, (std::vector<std::string>{"project:mixed", "service:mixed/fresh",
                                            "service:mixed/guarded", "service:mixed/locked",
                                            "service:mixed/never"}));
  EXPECT_EQ(report["dry_run"], true);
  EXPECT_GT(report["monthly_savings_usd"].get<double>(), 0);
  EXPECT_EQ(Get("/_emulator/state"), before) << "a dry run changes nothing";

  ProcessOutcome text = Aivenctl(At({"reap"}));
  EXPECT_NE(text.out.find("service:mixed/locked"), std::string::npos);
  EXPECT_NE(text.out.find("termination protection is on (lift it with --force-unprotect"),
            std::string::npos)
      << text.out;
}

TEST_F(ReapTest, YesDeletesExactlyThoseAndLeavesTheRestUntouched) {
  Seed();
  ASSERT_TRUE(api_->Post("/_emulator/faults",
                         {{"method", "DELETE"},
                          {"path", "/v1/project/*/service/*"},
                          {"count", 2},
                          {"action", "error"},
                          {"status", 503}},
                         {.validate = false})
                  .ok());
  json before = Get("/_emulator/state");
  ProcessOutcome o = Aivenctl(At({"reap", "--yes", "--poll-initial", "50ms"}));
  ASSERT_EQ(o.code, 0) << o.Describe();
  std::map<std::string, std::vector<std::string>> expected{
      {"mixed", {"fresh", "guarded", "locked", "never", "someones"}}, {"theirs", {"x"}}};
  EXPECT_EQ(Inventory(), expected);
  // Everything kept is byte for byte what it was: the full emulator state of every kept
  // service, the kept projects' own records, tags and integrations.
  json after = Get("/_emulator/state");
  EXPECT_EQ(after["organizations"], before["organizations"]);
  for (const auto& [project, services] : expected) {
    const json& was = before["projects"][project];
    const json& now = after["projects"][project];
    EXPECT_EQ(now["project"], was["project"]) << project;
    EXPECT_EQ(now["tags"], was["tags"]) << project;
    EXPECT_EQ(now["integrations"], was["integrations"]) << project;
    for (const auto& name : services) {
      EXPECT_EQ(now["services"][name], was["services"][name]) << project << "/" << name;
    }
  }
  json injected = Get("/_emulator/requests")["faults_injected"];
  EXPECT_FALSE(injected.empty()) << "the 503s were hit and retried";
}

TEST_F(ReapTest, ConcurrentReapersBothSucceed) {
  Seed();
  std::vector<std::string> args = At({"reap", "--yes", "--poll-initial", "50ms"});
  ProcessOutcome first, second;
  std::thread other([&] { second = Aivenctl(args); });
  first = Aivenctl(args);
  other.join();
  EXPECT_EQ(first.code, 0) << first.Describe();
  EXPECT_EQ(second.code, 0) << second.Describe();
  EXPECT_EQ(Inventory().count("old"), 0u);
  EXPECT_EQ(Inventory()["mixed"].size(), 5u);
}

TEST_F(ReapTest, ExtendMovesExpiryOfWhatThePlanOwns) {
  ProcessOutcome applied = Aivenctl(Fast({"apply", "plans/ci-postgres.yaml"}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  // ttl 4h from now: a reap 5 h later would delete it ...
  auto later = [] {
    auto t = std::chrono::system_clock::now() + std::chrono::hours(5);
    std::time_t tt = std::chrono::system_clock::to_time_t(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&tt));
    return std::string(buf);
  }();
  ProcessOutcome dry = Aivenctl({"reap", "--now", later, "--format", "json"});
  ASSERT_EQ(dry.code, 0) << dry.Describe();
  EXPECT_EQ(json::parse(dry.out)["delete_count"], 2) << dry.out;
  // ... until extend pushes it to 10 h.
  ProcessOutcome extended = Aivenctl(Fast({"extend", "plans/ci-postgres.yaml", "--ttl", "10h"}));
  ASSERT_EQ(extended.code, 0) << extended.Describe();
  ProcessOutcome after = Aivenctl({"reap", "--now", later, "--format", "json"});
  EXPECT_EQ(json::parse(after.out)["delete_count"], 0) << after.out;
  EXPECT_EQ(Aivenctl({"plan", "plans/ci-postgres.yaml", "--detailed-exitcode"}).code, 0)
      << "extend changes nothing the plan manages";
}

}  // namespace
}  // namespace aivenctl::testing
