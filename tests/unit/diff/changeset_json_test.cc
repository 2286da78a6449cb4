// The changeset's JSON form: golden output, the schema, exact round trips, refusal of bad
// input, and no secrets.

#include "diff/changeset_json.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "diff/fingerprint.h"
#include "diff/sha256.h"
#include "fixtures.h"
#include "loader/loader.h"
#include "render/diagnostics.h"

namespace aivenctl::difftest {
namespace {

using nlohmann::json;

const std::string kGolden = "/tests/testdata/diff/golden/";

// The golden changeset, planned from golden/plan.yaml and golden/live.json.
diff::PlanResult GoldenPlan() {
  std::string text = ReadFile(SourceDir() + kGolden + "plan.yaml");
  model::Plan plan = LoadPlan(text);
  model::LiveState live = LiveFromJson(json::parse(ReadFile(SourceDir() + kGolden + "live.json")));
  diff::PlanOptions o;
  o.now = Now();
  o.engine_version = "0.1.0-test";
  o.plan_digest = diff::Sha256Hex(text);
  return diff::Plan(plan, live, TestCatalog(), o);
}

// Every validation error, one per line ("" when valid).
std::string SchemaErrors(const json& doc) {
  static const json schema_doc =
      json::parse(ReadFile(SourceDir() + "/schemas/changeset.schema.json"));
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  valijson::ValidationResults results;
  if (validator.validate(schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string path;
    for (const auto& c : e.context) path += c;
    out += path + ": " + e.description + "\n";
  }
  return out;
}

// Compares with a golden file; AIVENCTL_UPDATE_GOLDEN=1 rewrites it instead.
void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = SourceDir() + kGolden + name;
  if (std::getenv("AIVENCTL_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, ReadFile(path)) << "golden file " << path;
}

TEST(ChangesetJson, GoldenFile) {
  diff::PlanResult r = GoldenPlan();
  ASSERT_TRUE(r.ok()) << Render(r, false);
  ExpectGolden("changeset.json", diff::ToJson(r.changeset).dump(2) + "\n");
}

TEST(ChangesetJson, GoldenValidatesAgainstTheSchema) {
  diff::PlanResult r = GoldenPlan();
  EXPECT_EQ(SchemaErrors(diff::ToJson(r.changeset)), "");
}

TEST(ChangesetJson, SchemaRejectsWhatReadersRefuse) {
  json doc = diff::ToJson(GoldenPlan().changeset);
  json bad = doc;
  bad["operations"][0]["gate"] = "eventually";
  EXPECT_NE(SchemaErrors(bad), "");
  bad = doc;
  bad["changes"][0]["action"] = "rename";
  EXPECT_NE(SchemaErrors(bad), "");
  bad = doc;
  bad["surprise"] = true;
  EXPECT_NE(SchemaErrors(bad), "");
}

TEST(ChangesetJson, RoundTripIsExact) {
  diff::Changeset cs = GoldenPlan().changeset;
  auto back = diff::FromJson(diff::ToJson(cs));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == cs);
  // Through text as well, the way --out and apply CHANGESET.json use it.
  auto reparsed = diff::FromJson(json::parse(diff::ToJson(cs).dump()));
  ASSERT_TRUE(reparsed.ok());
  EXPECT_TRUE(*reparsed == cs);
}

TEST(ChangesetJson, RoundTripOfDestroyAndOddValues) {
  model::Plan plan = LoadPlan(ReadFile(SourceDir() + kGolden + "plan.yaml"));
  model::LiveState live = LiveFromJson(json::parse(ReadFile(SourceDir() + kGolden + "live.json")));
  diff::DestroyOptions o;
  o.now = Now();
  o.force_unprotect = true;
  diff::Changeset cs = diff::PlanDestroy(plan, live, TestCatalog(), o).changeset;
  cs.cost.hourly_before = 0.1 + 0.2;  // not exactly representable in decimal
  cs.cost.complete = false;
  cs.warnings.push_back({core::Severity::kWarning, {"p.yaml", 3, 7}, "note \"quoted\"", ""});
  EXPECT_EQ(SchemaErrors(diff::ToJson(cs)), "");
  auto back = diff::FromJson(json::parse(diff::ToJson(cs).dump()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == cs);
}

TEST(ChangesetJson, FromJsonNamesTheProblem) {
  json doc = diff::ToJson(GoldenPlan().changeset);
  auto expect_error = [](const json& j, const std::string& message) {
    auto r = diff::FromJson(j);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(), message);
  };
  json bad = doc;
  bad["format_version"] = 1;
  expect_error(bad,
               "changeset.format_version: 1 is not supported (this aivenctl reads version 2); it "
               "was saved by an older aivenctl: run `aivenctl plan --out` again with this one");
  bad["format_version"] = 3;
  expect_error(bad,
               "changeset.format_version: 3 is not supported (this aivenctl reads version 2); it "
               "was saved by a newer aivenctl: apply it with that version");
  bad = doc;
  bad.erase("plan");
  expect_error(bad, "changeset.plan: missing");
  bad = doc;
  bad["plan"]["services"][1]["users"] = {"app", 7};
  expect_error(bad, "changeset.plan.services[1].users: expected strings");
  bad = doc;
  bad["plan"]["services"][0]["name"] = "a/b";
  expect_error(bad, "changeset.plan.services[0]: \"shop-prod/a/b\" is not a service");
  bad = doc;
  bad["plan"]["projects"] = {""};
  expect_error(bad, "changeset.plan.projects: \"\" is not a project name");
  bad = doc;
  bad["secrets_from_env"] = {{{"address", "project:p"}, {"path", "user_config.x"}, {"env", "X"}}};
  expect_error(bad,
               "changeset.secrets_from_env[0].address: expected a service, an endpoint or a "
               "connector");
  bad["secrets_from_env"][0]["address"] = "connector:p/connect/sink";
  expect_error(bad, "changeset.secrets_from_env[0].path: expected config.KEY for a connector");
  bad["secrets_from_env"][0]["address"] = "service:p/pg";
  bad["secrets_from_env"][0]["path"] = "tags.x";
  const std::string bad_path =
      "changeset.secrets_from_env[0].path: expected user_config.KEY (or user_config.KEY.KEY, "
      "KEY[N], ...)";
  expect_error(bad, bad_path);
  for (const char* path : {"user_config.", "user_config.a..b", "user_config.a[x]", "user_config.a[",
                           "user_config.a[1]b", "user_config.a.", "user_config.[0]"}) {
    bad["secrets_from_env"][0]["path"] = path;
    expect_error(bad, bad_path);
  }
  bad = doc;
  bad["changes"][1]["address"] = "service:only-project";
  expect_error(bad,
               "changeset.changes[1].address: invalid address \"service:only-project\": wrong "
               "number of parts (expected e.g. service:my-project/pg)");
  bad = doc;
  bad["operations"][1]["depends_on"] = {5};
  expect_error(bad, "changeset.operations[1].depends_on: 5 is not an earlier operation");
  bad = doc;
  bad["operations"][0].erase("request");
  expect_error(bad, "changeset.operations[0].request: missing");
  // Requests are typed: a key the runner would not read, or of the wrong type, is refused.
  bad = doc;
  bad["operations"][2]["request"]["update"]["plna"] = "business-8";
  expect_error(bad,
               "changeset.operations[2].request.update.plna: unknown key (did you mean "
               "\"plan\"?)");
  bad = doc;
  bad["operations"][3]["request"]["create"]["termination_protection"] = "yes";
  expect_error(bad,
               "changeset.operations[3].request.create.termination_protection: expected a boolean");
  bad = doc;
  bad["operations"][1]["request"] = {{"wait", true}};
  expect_error(bad, "changeset.operations[1].request.wait: unknown key");
  bad = doc;
  bad["cost"]["complete"] = "yes";
  expect_error(bad, "changeset.cost.complete: expected a boolean");
  expect_error(json::array(), "changeset: expected an object");
  // Integers beyond int do not wrap into valid ones (4294967297 would read as version 1).
  bad = doc;
  bad["format_version"] = 4294967297LL;
  expect_error(bad, "changeset.format_version: expected an integer");
  bad = doc;
  bad["operations"][1]["id"] = 4294967297ULL;
  expect_error(bad, "changeset.operations[1].id: expected an integer");
  bad = doc;
  bad["operations"][1]["depends_on"] = {-4294967296LL};
  expect_error(bad, "changeset.operations[1].depends_on: expected integers");
}

TEST(ChangesetJson, NeverContainsSecrets) {
  model::Plan plan = LoadPlan(R"(
version: 1
name: test
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config: {admin_password: hunter2-is-secret, pg: {max_connections: 100}}
)");
  diff::PlanOptions o;
  o.now = Now();
  diff::PlanResult r = diff::Plan(plan, model::LiveState{}, TestCatalog(), o);
  std::string text = diff::ToJson(r.changeset).dump();
  EXPECT_EQ(text.find("hunter2"), std::string::npos);
  EXPECT_NE(text.find("max_connections"), std::string::npos);
}

// A secret written as ${env:NAME}: the changeset keeps NAME, never the value, and apply
// reads it again; the plan's identity lets apply and outputs run without the plan file.
TEST(ChangesetJson, SecretsFromEnvKeepTheNameAndThePlanTravels) {
  core::MapEnvironment env({{"PG_ADMIN_PW", "hunter2-from-env"}, {"RUN", "42"}});
  loader::LoadOptions load;
  load.env = &env;
  loader::LoadResult loaded = loader::LoadPlanText("plans/pr.yaml", R"(
version: 1
name: pr-${env:RUN}
defaults: {cloud: google-europe-west1}
projects:
  - name: ci-${env:RUN}
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config:
          admin_password: ${env:PG_ADMIN_PW}
          admin_username: admin
        databases: [app]
        users: [app, reporting]
      - name: events
        type: kafka
        plan: startup-2
        topics: [{name: orders, config: {retention_ms: 1000}}]
)",
                                                   load);
  ASSERT_TRUE(loaded.ok()) << render::FormatDiagnostics(loaded.diagnostics, {}, {});
  diff::PlanOptions o;
  o.now = Now();
  diff::PlanResult r = diff::Plan(*loaded.plan, model::LiveState{}, TestCatalog(), o);
  ASSERT_TRUE(r.ok()) << Render(r, false);
  const diff::Changeset& cs = r.changeset;
  EXPECT_TRUE(cs.warnings.empty()) << Render(r, false);  // not dropped: sent at apply
  ASSERT_EQ(cs.secrets_from_env.size(), 1u);
  EXPECT_EQ(cs.secrets_from_env[0],
            (diff::SecretFromEnv{*core::Address::Parse("service:ci-42/pg"),
                                 "user_config.admin_password", "PG_ADMIN_PW"}));
  EXPECT_EQ(cs.plan_name, "pr-42");
  EXPECT_EQ(cs.plan_projects, std::vector<std::string>{"ci-42"});
  ASSERT_EQ(cs.plan_services.size(), 2u);
  EXPECT_EQ(cs.plan_services[0],
            (diff::PlanService{"ci-42", "pg", "pg", {"app"}, {"app", "reporting"}, {}}));
  EXPECT_EQ(
      cs.plan_services[1],
      (diff::PlanService{"ci-42", "events", "kafka", {}, {}, {{"orders", {"retention_ms"}}}}));
  const std::string text = diff::ToJson(cs).dump();
  EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
  EXPECT_NE(text.find("\"admin_username\":\"admin\""), std::string::npos);
  EXPECT_EQ(SchemaErrors(diff::ToJson(cs)), "");
  auto back = diff::FromJson(json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == cs);
  // Only a whole `${env:NAME}` is re-read: a literal secret is still dropped with a warning.
  EXPECT_EQ(diff::Plan(LoadPlan(R"(
version: 1
name: t
projects:
  - name: ci
    services:
      - {name: pg, type: pg, plan: startup-4, cloud: google-europe-west1,
         user_config: {admin_password: literal-secret}}
)"),
                       model::LiveState{}, TestCatalog(), o)
                .changeset.secrets_from_env.size(),
            0u);
}

// A secret below the top level (an object member, an array element's member) written as
// ${env:NAME} is re-read at apply like a top-level one; the changeset holds its path only.
TEST(ChangesetJson, NestedSecretsFromEnvKeepTheirPath) {
  core::MapEnvironment env({{"MIG_PW", "mig-secret-7731"}, {"VAULT_TOKEN", "vault-secret-4410"}});
  loader::LoadOptions load;
  load.env = &env;
  loader::LoadResult loaded = loader::LoadPlanText("plans/pr.yaml", R"(
version: 1
name: nested
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: pg
        type: pg
        plan: startup-4
        user_config:
          migration: {host: db.example.com, port: 5432, password: "${env:MIG_PW}"}
          pg: {password_encryption: scram-sha-256}
      - name: connect
        type: kafka_connect
        plan: startup-4
        user_config:
          secret_providers:
            - {name: vault, vault: {address: "https://vault:8200", auth_method: token,
                                    token: "${env:VAULT_TOKEN}"}}
)",
                                                   load);
  ASSERT_TRUE(loaded.ok()) << render::FormatDiagnostics(loaded.diagnostics, {}, {});
  diff::PlanOptions o;
  o.now = Now();
  const model::Catalog& catalog = AivenSchemaCatalog();
  diff::PlanResult r = diff::Plan(*loaded.plan, model::LiveState{}, catalog, o);
  ASSERT_TRUE(r.ok()) << Render(r, false);
  const diff::Changeset& cs = r.changeset;
  EXPECT_TRUE(cs.warnings.empty()) << Render(r, false);
  ASSERT_EQ(cs.secrets_from_env.size(), 2u);
  EXPECT_EQ(cs.secrets_from_env[0],
            (diff::SecretFromEnv{*core::Address::Parse("service:ci/pg"),
                                 "user_config.migration.password", "MIG_PW"}));
  EXPECT_EQ(cs.secrets_from_env[1],
            (diff::SecretFromEnv{*core::Address::Parse("service:ci/connect"),
                                 "user_config.secret_providers[0].vault.token", "VAULT_TOKEN"}));
  const std::string text = diff::ToJson(cs).dump();
  EXPECT_EQ(text.find("secret-"), std::string::npos) << text;
  // A key the schema describes is a setting, whatever its name says.
  EXPECT_NE(text.find("\"password_encryption\":\"scram-sha-256\""), std::string::npos) << text;
  EXPECT_EQ(SchemaErrors(diff::ToJson(cs)), "");
  auto back = diff::FromJson(json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == cs);
}

// The live side is compared without its secrets too: a masked secret inside an array item
// is no change, and a real change sends the item without the mask.
TEST(ChangesetJson, MaskedLiveSecretsAreNoChangeAndNeverSentBack) {
  core::MapEnvironment env(
      std::map<std::string, std::string>{{"VAULT_TOKEN", "vault-secret-4410"}});
  loader::LoadOptions load;
  load.env = &env;
  auto plan_for = [&](const std::string& address) {
    loader::LoadResult loaded = loader::LoadPlanText("plans/pr.yaml", R"(
version: 1
name: masked
defaults: {cloud: google-europe-west1}
projects:
  - name: ci
    services:
      - name: connect
        type: kafka_connect
        plan: startup-4
        user_config:
          secret_providers:
            - {name: vault, vault: {address: ")" + address + R"(", auth_method: token,
                                    token: "${env:VAULT_TOKEN}"}}
)",
                                                     load);
    EXPECT_TRUE(loaded.ok()) << render::FormatDiagnostics(loaded.diagnostics, {}, {});
    const model::Catalog& catalog = AivenSchemaCatalog();
    diff::PlanOptions o;
    o.now = Now();
    return diff::Plan(*loaded.plan, LiveFromJson(json::parse(R"({"projects": [{"name": "ci",
        "owned": "masked", "services": [{"name": "connect", "type": "kafka_connect",
        "plan": "startup-4", "owned": "masked",
        "user_config": {"secret_providers": [{"name": "vault", "vault": {
          "address": "https://vault:8200", "auth_method": "token",
          "token": "<redacted>"}}]}}]}]})")),
                      catalog, o);
  };
  diff::PlanResult same = plan_for("https://vault:8200");
  ASSERT_TRUE(same.ok()) << Render(same, false);
  EXPECT_FALSE(same.changeset.Summarize().has_changes()) << Render(same, false);

  diff::PlanResult moved = plan_for("https://vault2:8200");
  ASSERT_TRUE(moved.ok()) << Render(moved, false);
  const std::string text = diff::ToJson(moved.changeset).dump();
  EXPECT_NE(text.find("vault2"), std::string::npos) << text;
  EXPECT_EQ(text.find("redacted"), std::string::npos) << text;
  EXPECT_EQ(text.find("vault-secret"), std::string::npos) << text;
}

TEST(ChangesetJson, FingerprintsCoverEveryChangeAndTrackDrift) {
  diff::PlanResult r = GoldenPlan();
  for (const auto& c : r.changeset.changes) {
    EXPECT_TRUE(r.changeset.fingerprints.contains(c.address.ToString())) << c.address.ToString();
  }
  EXPECT_EQ(r.changeset.fingerprints.at("service:shop-prod/grafana"), "absent");
  model::LiveState live = LiveFromJson(json::parse(ReadFile(SourceDir() + kGolden + "live.json")));
  const std::string pg = r.changeset.fingerprints.at("service:shop-prod/pg");
  EXPECT_EQ(diff::FingerprintOf(live, *core::Address::Parse("service:shop-prod/pg")), pg);
  // Volatile fields do not change the fingerprint; a real change does.
  live.projects[0].services[1].state = "REBALANCING";
  live.projects[0].services[1].create_time = "2027-01-01T00:00:00Z";
  EXPECT_EQ(diff::FingerprintOf(live, *core::Address::Parse("service:shop-prod/pg")), pg);
  live.projects[0].services[1].plan = "business-4";
  EXPECT_NE(diff::FingerprintOf(live, *core::Address::Parse("service:shop-prod/pg")), pg);
  EXPECT_EQ(
      diff::FingerprintOf(live, *core::Address::Parse("integration:shop-prod/metrics:search->pg")),
      r.changeset.fingerprints.at("integration:shop-prod/metrics:search->pg"));
}

}  // namespace
}  // namespace aivenctl::difftest

namespace aivenctl::difftest {
namespace {

TEST(Fingerprint, TopicFastPathMatchesCanonicalJson) {
  model::LiveTopic t;
  t.name = "orders.v2";
  t.partitions = 6;
  t.replication = 3;
  t.min_insync_replicas = 2;
  t.config = {{"retention_ms", 604800000}, {"cleanup_policy", "compact,delete"}};
  t.tags = {{"owner", "team \"shop\"\\ß"}, {"x", "tab\there\nnl\x01"}};
  t.description = "Orders — placed";
  t.state = "ACTIVE";
  EXPECT_EQ(diff::FingerprintObject(t), diff::Fingerprint(diff::CanonicalJson(t)));
  t.state = "DELETING";  // volatile
  EXPECT_EQ(diff::FingerprintObject(t), diff::Fingerprint(diff::CanonicalJson(t)));
}

}  // namespace
}  // namespace aivenctl::difftest
