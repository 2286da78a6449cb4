// Ownership lifecycle with the real binary: what aivenctl adopted is marked as such and is
// never reaped or given an expiry; reap lists what expires soon and fails loudly.

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

constexpr const char* kAdoptPlan = R"(version: 1
name: legacy
projects:
  - name: legacy
    create: false
    services:
      - {name: keepme, type: pg, plan: startup-4, adopt: true}
)";

class OwnershipTest : public E2eTest {
 protected:
  /// A project and a pg service made by hand (raw API calls), as before aivenctl.
  void Legacy() {
    ASSERT_TRUE(api_->Post("/v1/project", {{"project", "legacy"}}).ok());
    ASSERT_TRUE(
        api_->Post("/v1/project/legacy/service",
                   {{"service_name", "keepme"}, {"service_type", "pg"}, {"plan", "startup-4"}})
            .ok());
    CollectSecrets();
  }
  json Tags(const std::string& project, const std::string& service) {
    return Get("/v1/project/" + project + "/service/" + service)["service"]["tags"];
  }
};

TEST_F(OwnershipTest, AdoptedServiceIsMarkedNeverExpiresAndIsNeverReaped) {
  Legacy();
  const std::string plan = dir_.Write("legacy.yaml", kAdoptPlan);
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Tags("legacy", "keepme"), (json{{"managed-by", "aivenctl"},
                                            {"aivenctl-plan", "legacy"},
                                            {"aivenctl-adopted", "true"}}));
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  // extend gives it no expiry ...
  ProcessOutcome extended = Aivenctl(Fast({"extend", plan, "--ttl", "1h"}));
  EXPECT_EQ(extended.code, 0) << extended.Describe();
  EXPECT_NE(extended.err.find("service:legacy/keepme: kept (adopted)"), std::string::npos)
      << extended.Describe();
  EXPECT_FALSE(Tags("legacy", "keepme").contains("expires-at"));

  // ... and reap, even with --older-than and a far --now, keeps it.
  std::vector<std::string> far = {"reap", "--older-than", "1m", "--now", "2030-01-01T00:00:00Z"};
  auto json_args = far;
  json_args.insert(json_args.end(), {"--format", "json"});
  ProcessOutcome dry = Aivenctl(json_args);
  ASSERT_EQ(dry.code, 0) << dry.Describe();
  json report = json::parse(dry.out);
  EXPECT_EQ(report["delete_count"], 0) << dry.out;
  ASSERT_EQ(report["items"].size(), 1u) << dry.out;
  EXPECT_EQ(report["items"][0]["address"], "service:legacy/keepme");
  EXPECT_EQ(report["items"][0]["status"], "kept (adopted)");
  ProcessOutcome text = Aivenctl(far);
  EXPECT_NE(text.out.find("service:legacy/keepme  kept (adopted): adopted, not created by "
                          "aivenctl"),
            std::string::npos)
      << text.out;
  far.push_back("--yes");
  EXPECT_EQ(Aivenctl(far).code, 0);
  EXPECT_EQ(Inventory()["legacy"], std::vector<std::string>{"keepme"});

  // destroy names it apart in its confirmation.
  ProcessOutcome destroy = Aivenctl({"destroy", plan}, {.stdin_text = "no\n"});
  EXPECT_EQ(destroy.code, 1) << destroy.Describe();
  EXPECT_NE(destroy.out.find("Adopted, not created by aivenctl"), std::string::npos) << destroy.out;
  EXPECT_NE(destroy.out.find("\n  service:legacy/keepme\n"), std::string::npos) << destroy.out;
  EXPECT_EQ(Inventory()["legacy"], std::vector<std::string>{"keepme"});
}

TEST_F(OwnershipTest, ReapExpiringWithinListsWhatExpiresSoonAndDeletesNothing) {
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "p"}}).ok());
  auto service = [&](const std::string& name, const std::string& expires) {
    ASSERT_TRUE(
        api_->Post(
                "/v1/project/p/service",
                {{"service_name", name},
                 {"service_type", "pg"},
                 {"plan", "startup-4"},
                 {"tags",
                  {{"managed-by", "aivenctl"}, {"aivenctl-plan", "ci"}, {"expires-at", expires}}}})
            .ok());
  };
  service("soon", "20261128T200000Z");
  service("later", "20261201T000000Z");
  CollectSecrets();
  json before = Get("/_emulator/state");
  std::vector<std::string> args = {"reap", "--now", "2026-11-28T12:00:00Z", "--expiring-within",
                                   "24h"};
  ProcessOutcome text = Aivenctl(args);
  ASSERT_EQ(text.code, 0) << text.Describe();
  EXPECT_EQ(text.out,
            "Expiring by 2026-11-29T12:00:00Z (a list: nothing is deleted)\n\n"
            "    service:p/soon  expires in 8h\n\n1 expiring.\n");
  args.push_back("--detailed-exitcode");
  EXPECT_EQ(Aivenctl(args).code, 2);
  args.push_back("--yes");
  ProcessOutcome refused = Aivenctl(args);
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("--expiring-within lists what expires soon and deletes nothing"),
            std::string::npos)
      << refused.Describe();
  EXPECT_EQ(Get("/_emulator/state"), before);
}

TEST_F(OwnershipTest, ReapExitsOneWhenADeleteFails) {
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "p"}}).ok());
  ASSERT_TRUE(api_->Post("/v1/project/p/service", {{"service_name", "old"},
                                                   {"service_type", "pg"},
                                                   {"plan", "startup-4"},
                                                   {"tags",
                                                    {{"managed-by", "aivenctl"},
                                                     {"aivenctl-plan", "ci"},
                                                     {"expires-at", "20261128T100000Z"}}}})
                  .ok());
  CollectSecrets();
  ASSERT_TRUE(api_->Post("/_emulator/faults",
                         {{"method", "DELETE"},
                          {"path", "/v1/project/*/service/*"},
                          {"count", 100},
                          {"action", "error"},
                          {"status", 403}},
                         {.validate = false})
                  .ok());
  ProcessOutcome o =
      Aivenctl({"reap", "--now", "2026-11-28T12:00:00Z", "--yes", "--poll-initial", "50ms"});
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_NE(o.out.find("service:p/old  failed"), std::string::npos) << o.out;
  EXPECT_EQ(Inventory()["p"], std::vector<std::string>{"old"});
}

TEST_F(OwnershipTest, PlanShowsWhatIsLiveButUndeclaredAsUnmanagedKeptWithExitZero) {
  const std::string plan = "plans/ci-postgres.yaml";
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  // By hand, behind the plan's back: a database, a user_config key, a service beside it.
  ASSERT_TRUE(api_->Post("/v1/project/ci-pg-local/service/pg/db", {{"database", "handmade"}}).ok());
  ASSERT_TRUE(api_->Put("/v1/project/ci-pg-local/service/pg",
                        {{"user_config", {{"pg", {{"max_connections", 80}}}}}})
                  .ok());
  ASSERT_TRUE(api_->Post("/v1/project/ci-pg-local/service",
                         {{"service_name", "side"}, {"service_type", "pg"}, {"plan", "startup-4"}})
                  .ok());
  CollectSecrets();

  ProcessOutcome text = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(text.code, 0) << "unmanaged things are not changes\n" << text.Describe();
  EXPECT_EQ(text.out,
            "Unmanaged, kept (live but not in the plan; not changes):\n"
            "    service:ci-pg-local/pg user_config.pg.max_connections = 80\n"
            "    service:ci-pg-local/side\n"
            "    database:ci-pg-local/pg/handmade\n\n"
            "No changes: the live state matches the plan.\n");

  ProcessOutcome j = Aivenctl({"plan", plan, "--format", "json"});
  ASSERT_EQ(j.code, 0) << j.Describe();
  EXPECT_EQ(json::parse(j.out)["unmanaged"], json::parse(R"([{"address": "service:ci-pg-local/pg",
                             "path": "user_config.pg.max_connections", "value": 80},
                            {"address": "service:ci-pg-local/side"},
                            {"address": "database:ci-pg-local/pg/handmade"}])"));
  ProcessOutcome md = Aivenctl({"plan", plan, "--format", "markdown"});
  EXPECT_NE(md.out.find("**Unmanaged, kept** (live, not in the plan): "
                        "`service:ci-pg-local/pg user_config.pg.max_connections = 80`, "
                        "`service:ci-pg-local/side`, "
                        "`database:ci-pg-local/pg/handmade`."),
            std::string::npos)
      << md.out;
  // apply leaves them alone.
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  EXPECT_EQ(Get("/v1/project/ci-pg-local/service/pg/db")["databases"].size(), 3u)
      << "defaultdb, app, handmade";
}

TEST_F(OwnershipTest, ShowListsWhatThePlanOwnsLive) {
  Legacy();
  const std::string plan = dir_.Write("legacy.yaml", kAdoptPlan);
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  ASSERT_EQ(Aivenctl(Fast({"apply", "plans/ci-postgres.yaml"})).code, 0);

  ProcessOutcome table = Aivenctl({"show", plan});
  ASSERT_EQ(table.code, 0) << table.Describe();
  EXPECT_EQ(table.out.rfind("ADDRESS                PLAN    STATE    AGE  EXPIRES   ", 0), 0u)
      << table.out;
  EXPECT_NE(table.out.find("service:legacy/keepme  legacy  RUNNING"), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("never (adopted)  $0."), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("ci-pg-local"), std::string::npos) << "another plan's";

  ProcessOutcome j = Aivenctl({"show", "--project", "ci-pg-local", "--format", "json"});
  ASSERT_EQ(j.code, 0) << j.Describe();
  json items = json::parse(j.out)["items"];
  ASSERT_EQ(items.size(), 2u) << j.out;
  EXPECT_EQ(items[0]["address"], "project:ci-pg-local");
  EXPECT_EQ(items[1]["address"], "service:ci-pg-local/pg");
  EXPECT_EQ(items[1]["state"], "RUNNING");
  EXPECT_EQ(items[1]["plan"], "ci-postgres");
  EXPECT_GT(items[1]["expires_in_seconds"].get<long long>(), 3 * 3600);
  EXPECT_GT(items[1]["hourly_usd"].get<double>(), 0);

  ProcessOutcome neither = Aivenctl({"show"});
  EXPECT_EQ(neither.code, 1);
  EXPECT_NE(neither.err.find("show takes a plan file or --project NAME"), std::string::npos);
}

TEST_F(OwnershipTest, ReleaseHandsBackSoDestroyDeletesNothing) {
  Legacy();
  const std::string plan = dir_.Write("legacy.yaml", kAdoptPlan);
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);

  ProcessOutcome bad = Aivenctl({"release", plan, "--target", "service:legacy/nope"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("--target service:legacy/nope: plan \"legacy\" owns nothing there"),
            std::string::npos)
      << bad.Describe();

  ProcessOutcome dry = Aivenctl({"release", plan});
  ASSERT_EQ(dry.code, 0) << dry.Describe();
  EXPECT_NE(dry.out.find("~ service:legacy/keepme (release)\n"
                         "    tags.aivenctl-adopted: \"true\" -> (unset)\n"
                         "    tags.aivenctl-plan: \"legacy\" -> (unset)\n"
                         "    tags.managed-by: \"aivenctl\" -> (unset)\n"),
            std::string::npos)
      << dry.out;
  EXPECT_NE(dry.err.find("Dry run: nothing was changed"), std::string::npos) << dry.err;
  EXPECT_EQ(Tags("legacy", "keepme")["managed-by"], "aivenctl");

  ProcessOutcome done = Aivenctl(Fast({"release", plan}));
  ASSERT_EQ(done.code, 0) << done.Describe();
  EXPECT_EQ(Tags("legacy", "keepme"), json::object());

  ProcessOutcome destroy = Aivenctl(Fast({"destroy", plan}));
  EXPECT_EQ(destroy.code, 0) << destroy.Describe();
  EXPECT_NE(destroy.out.find("Nothing to destroy"), std::string::npos) << destroy.out;
  EXPECT_EQ(Inventory()["legacy"], std::vector<std::string>{"keepme"});
  ProcessOutcome again = Aivenctl({"release", plan});
  EXPECT_EQ(again.code, 0);
  EXPECT_NE(again.out.find("Nothing to release"), std::string::npos) << again.out;
}

TEST_F(OwnershipTest, ImportedProjectAppliesAsTagsOnlyReplansCleanAndStaysSafe) {
  // A project built by raw API calls, as before aivenctl.
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "legacy"}}).ok());
  auto service = [&](json body) {
    ASSERT_TRUE(api_->Post("/v1/project/legacy/service", body).ok()) << body.dump();
  };
  service({{"service_name", "pg"},
           {"service_type", "pg"},
           {"plan", "startup-4"},
           {"user_config", {{"pg", {{"max_connections", 80}}}}},
           {"maintenance", {{"dow", "sunday"}, {"time", "03:00:00"}}}});
  service({{"service_name", "events"}, {"service_type", "kafka"}, {"plan", "startup-2"}});
  service({{"service_name", "dash"}, {"service_type", "grafana"}, {"plan", "startup-1"}});
  ASSERT_TRUE(api_->Post("/_emulator/clock", {{"advance_seconds", 120}}, {.validate = false}).ok());
  ASSERT_TRUE(api_->Post("/v1/project/legacy/service/pg/db", {{"database", "app"}}).ok());
  ASSERT_TRUE(api_->Post("/v1/project/legacy/service/pg/user", {{"username", "app"}}).ok());
  ASSERT_TRUE(api_->Post("/v1/project/legacy/service/events/topic",
                         {{"topic_name", "orders"}, {"partitions", 3}, {"replication", 2}})
                  .ok());
  ASSERT_TRUE(api_->Post("/v1/project/legacy/integration", {{"integration_type", "dashboard"},
                                                            {"source_service", "dash"},
                                                            {"dest_service", "pg"}})
                  .ok());
  ASSERT_TRUE(api_->Post("/_emulator/clock", {{"advance_seconds", 120}}, {.validate = false}).ok());
  CollectSecrets();

  const std::string plan = dir_.File("legacy.yaml");
  ProcessOutcome imported = Aivenctl({"import", "--project", "legacy", "--out", plan});
  ASSERT_EQ(imported.code, 0) << imported.Describe();
  const std::string text = ReadAll(plan);
  EXPECT_NE(text.find("create: false"), std::string::npos) << text;
  EXPECT_NE(text.find("maintenance: {dow: \"sunday\", time: \"03:00:00\"}"), std::string::npos)
      << text;
  EXPECT_NE(text.find("user_config: {\"pg\":{\"max_connections\":80}}"), std::string::npos) << text;
  EXPECT_NE(text.find("{type: \"dashboard\", source: \"dash\", destination: \"pg\"}"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"name\":\"orders\",\"partitions\":3"), std::string::npos) << text;
  ProcessOutcome valid = Aivenctl({"validate", plan});
  ASSERT_EQ(valid.code, 0) << valid.Describe() << text;

  // Plans with tag updates only, applies, re-plans clean.
  ProcessOutcome planned = Aivenctl({"plan", plan, "--format", "json"});
  ASSERT_EQ(planned.code, 0) << planned.Describe() << text;
  json cs = json::parse(planned.out);
  int updates = 0;
  for (const auto& c : cs["changes"]) {
    if (c["action"] == "no-op") continue;
    EXPECT_EQ(c["action"], "update") << c.dump() << "\n" << text;
    for (const auto& f : c["fields"]) {
      EXPECT_EQ(f["path"].get<std::string>().rfind("tags.", 0), 0u) << c.dump() << "\n" << text;
    }
    ++updates;
  }
  EXPECT_EQ(updates, 4) << "three services and a topic get their tags\n" << planned.out;
  EXPECT_FALSE(cs.contains("unmanaged")) << cs["unmanaged"].dump() << "\n" << text;
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  // A database added by hand: unmanaged, exit code still 0.
  ASSERT_TRUE(api_->Post("/v1/project/legacy/service/pg/db", {{"database", "extra"}}).ok());
  ProcessOutcome drift = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(drift.code, 0) << drift.Describe();
  EXPECT_NE(drift.out.find("    database:legacy/pg/extra\n"), std::string::npos) << drift.out;

  // reap with a far --now keeps the adopted services; show lists them RUNNING.
  ProcessOutcome reap =
      Aivenctl({"reap", "--older-than", "1m", "--now", "2030-01-01T00:00:00Z", "--format", "json"});
  ASSERT_EQ(reap.code, 0) << reap.Describe();
  EXPECT_EQ(json::parse(reap.out)["delete_count"], 0) << reap.out;
  ProcessOutcome show = Aivenctl({"show", plan, "--format", "json"});
  ASSERT_EQ(show.code, 0) << show.Describe();
  std::vector<std::string> running;
  const json shown = json::parse(show.out);
  for (const auto& item : shown["items"]) {
    if (item["state"] == "RUNNING") running.push_back(item["address"]);
  }
  EXPECT_EQ(running, (std::vector<std::string>{"service:legacy/dash", "service:legacy/events",
                                               "service:legacy/pg"}))
      << show.out;

  // After release, destroy deletes nothing.
  ASSERT_EQ(Aivenctl(Fast({"release", plan})).code, 0);
  ProcessOutcome destroy = Aivenctl(Fast({"destroy", plan}));
  EXPECT_EQ(destroy.code, 0) << destroy.Describe();
  EXPECT_NE(destroy.out.find("Nothing to destroy"), std::string::npos) << destroy.out;
  EXPECT_EQ(Inventory()["legacy"], (std::vector<std::string>{"dash", "events", "pg"}));
}

TEST_F(OwnershipTest, ATopicThePlanCreatedAndNoLongerListsIsStillDeleted) {
  ASSERT_EQ(Aivenctl(Fast({"apply", "plans/kafka-pipeline.yaml"})).code, 0);
  const std::string project = Inventory().begin()->first;
  const std::string out = dir_.File("pipeline.yaml");
  ASSERT_EQ(
      Aivenctl({"import", "--project", project, "--name", "kafka-pipeline", "--out", out}).code, 0);
  // The imported plan without the customers topic (one line per topic).
  std::string text = ReadAll(out);
  const std::size_t at = text.find("\"name\":\"customers\"");
  ASSERT_NE(at, std::string::npos) << text;
  const std::size_t line = text.rfind('\n', at) + 1;
  text.erase(line, text.find('\n', at) + 1 - line);
  dir_.Write("pipeline.yaml", text);
  ProcessOutcome planned = Aivenctl({"plan", out, "--detailed-exitcode"});
  EXPECT_EQ(planned.code, 2) << planned.Describe();
  EXPECT_NE(planned.out.find("- topic:" + project +
                             "/events/customers (not in the plan, created "
                             "by this plan)"),
            std::string::npos)
      << planned.out;
}

// Every shipped plan, applied, then imported project by project under its own name: the
// imported plan re-plans clean.
class ImportRoundTrip : public OwnershipTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(ImportRoundTrip, ImportOfAnAppliedPlanReplansClean) {
  const std::string plan = "plans/" + GetParam();
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  const std::string source = ReadAll(SourceDir() + "/" + plan);
  const std::size_t at = source.find("\nname: ");
  ASSERT_NE(at, std::string::npos);
  const std::string name = source.substr(at + 7, source.find('\n', at + 1) - at - 7);
  for (const auto& [project, services] : Inventory()) {
    const std::string out = dir_.File(project + ".yaml");
    ProcessOutcome imported =
        Aivenctl({"import", "--project", project, "--name", name, "--out", out});
    ASSERT_EQ(imported.code, 0) << imported.Describe();
    const std::string text = ReadAll(out);
    EXPECT_EQ(text.find("adopt: true"), std::string::npos) << "already this plan's\n" << text;
    for (const auto& service : services) {
      EXPECT_NE(text.find("- name: \"" + service + "\""), std::string::npos) << text;
    }
    // show --project lists the same services, and the plan's topics.
    ProcessOutcome show = Aivenctl({"show", "--project", project});
    ASSERT_EQ(show.code, 0) << show.Describe();
    for (const auto& service : services) {
      EXPECT_NE(show.out.find("service:" + project + "/" + service + " "), std::string::npos)
          << show.out;
    }
    EXPECT_EQ(text.find("topics:") != std::string::npos,
              show.out.find("topic:" + project + "/") != std::string::npos)
        << show.out << text;
    ProcessOutcome replan = Aivenctl({"plan", out, "--detailed-exitcode"});
    EXPECT_EQ(replan.code, 0) << replan.Describe() << ReadAll(out);
    EXPECT_EQ(replan.out.find("Unmanaged"), std::string::npos) << replan.out << ReadAll(out);
  }
}

INSTANTIATE_TEST_SUITE_P(Plans, ImportRoundTrip,
                         ::testing::Values("ci-postgres.yaml", "demo-observability.yaml",
                                           "kafka-pipeline.yaml", "pr-platform.yaml",
                                           "pr-preview.yaml"),
                         [](const auto& info) {
                           std::string n = info.param.substr(0, info.param.find('.'));
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace aivenctl::testing
