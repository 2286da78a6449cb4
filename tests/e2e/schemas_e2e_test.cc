// Schema Registry subjects end to end: the aivenctl binary against the emulator. Apply from
// nothing, re-plan clean, a changed schema file is a new version (after a compatibility
// check), an incompatible one fails with Aiven's reasons and registers nothing, a changed
// level is an in-place update, undeclared subjects are kept, import round-trips, destroy
// (the subjects go with their service).

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

constexpr const char* kPlan = R"(version: 1
name: subjects
projects:
  - name: schemas-ci
    services:
      - name: events
        type: kafka
        plan: business-4
        user_config: {schema_registry: true}
        schemas:
          - subject: orders-value
            schema_file: schemas/orders.avsc
            compatibility: BACKWARD
          - subject: ids
            type: JSON
            schema: '{"type": "string"}'
)";

constexpr const char* kOrdersV1 = R"({
  "type": "record", "name": "Order",
  "fields": [{"name": "id", "type": "string"}]
})";
// Same schema, other layout: no change.
constexpr const char* kOrdersV1Reformatted =
    R"({"fields":[{"type":"string","name":"id"}],"name":"Order","type":"record"})";
// A new field with a default: BACKWARD compatible.
constexpr const char* kOrdersV2 = R"({"type": "record", "name": "Order",
  "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int", "default": 1}]})";
// A new field without a default: not BACKWARD compatible.
constexpr const char* kOrdersBad = R"({"type": "record", "name": "Order",
  "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int", "default": 1},
             {"name": "note", "type": "string"}]})";

class SchemasE2e : public E2eTest {
 protected:
  std::string Subjects() { return "/v1/project/schemas-ci/service/events/kafka/schema"; }
};

std::vector<std::string> Changes(const ProcessOutcome& o) {
  std::vector<std::string> out;
  json cs = json::parse(o.out, nullptr, false);
  if (cs.is_discarded()) return {"not JSON: " + o.out};
  for (const auto& c : cs["changes"]) {
    if (c["action"] != "no-op") {
      out.push_back(c["action"].get<std::string>() + " " + c["address"].get<std::string>());
    }
  }
  return out;
}

TEST_F(SchemasE2e, ApplyReplanNewVersionIncompatibleLevelImportDestroy) {
  const std::string plan = dir_.Write("plan.yaml", kPlan);
  dir_.Write("schemas/orders.avsc", kOrdersV1);

  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Get(Subjects() + "/subjects"), json({{"subjects", {"ids", "orders-value"}}}));
  EXPECT_EQ(Get(Subjects() + "/config/orders-value"), json({{"compatibilityLevel", "BACKWARD"}}));
  EXPECT_EQ(Get(Subjects() + "/subjects/ids/versions/1")["version"]["schemaType"], "JSON");
  ProcessOutcome replan = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << "not converged:\n" << replan.Describe();

  // Reformatting the file is no change.
  dir_.Write("schemas/orders.avsc", kOrdersV1Reformatted);
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  // A compatible change is a new version, in place.
  dir_.Write("schemas/orders.avsc", kOrdersV2);
  ProcessOutcome changed = Aivenctl({"plan", plan, "--format", "json"});
  ASSERT_EQ(changed.code, 0) << changed.Describe();
  EXPECT_EQ(Changes(changed),
            (std::vector<std::string>{"update schema:schemas-ci/events/orders-value"}));
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  EXPECT_EQ(Get(Subjects() + "/subjects/orders-value/versions"), json({{"versions", {1, 2}}}));
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  // An incompatible one fails with the registry's reason and registers nothing.
  dir_.Write("schemas/orders.avsc", kOrdersBad);
  ProcessOutcome refused = Aivenctl(Fast({"apply", plan}));
  EXPECT_NE(refused.code, 0) << refused.Describe();
  EXPECT_NE((refused.out + refused.err)
                .find("schema:schemas-ci/events/orders-value: the new schema is not "
                      "compatible with the subject's latest version (reader (new schema): "
                      "field 'note' is missing in the writer's schema and has no default)"),
            std::string::npos)
      << refused.Describe();
  EXPECT_EQ(Get(Subjects() + "/subjects/orders-value/versions"), json({{"versions", {1, 2}}}));

  // Lowering the level to NONE in the same plan lets it through: the level goes first.
  std::string none = kPlan;
  none.replace(none.find("compatibility: BACKWARD"), 23, "compatibility: NONE");
  dir_.Write("plan.yaml", none);
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  EXPECT_EQ(Get(Subjects() + "/subjects/orders-value/versions"), json({{"versions", {1, 2, 3}}}));
  EXPECT_EQ(Get(Subjects() + "/config/orders-value"), json({{"compatibilityLevel", "NONE"}}));
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0);

  // A subject made by hand is reported, kept, and never deleted without prune: true.
  ASSERT_TRUE(
      api_->Post(Subjects() + "/subjects/by-hand/versions", {{"schema", "\"string\""}}).ok());
  ProcessOutcome kept = Aivenctl({"plan", plan});
  EXPECT_EQ(kept.code, 0) << kept.Describe();
  EXPECT_NE(kept.out.find("schema:schemas-ci/events/by-hand"), std::string::npos) << kept.out;
  ASSERT_EQ(Aivenctl(Fast({"apply", plan})).code, 0);
  EXPECT_EQ(Get(Subjects() + "/subjects"),
            json({{"subjects", {"by-hand", "ids", "orders-value"}}}));

  // Import writes the subjects inline; the imported plan re-plans without schema changes.
  const std::string imported = dir_.File("imported.yaml");
  ProcessOutcome import =
      Aivenctl({"import", "--project", "schemas-ci", "--name", "subjects", "--out", imported});
  ASSERT_EQ(import.code, 0) << import.Describe();
  const std::string text = ReadAll(imported);
  EXPECT_NE(text.find("schemas:"), std::string::npos) << text;
  EXPECT_NE(text.find("\"subject\":\"by-hand\""), std::string::npos) << text;
  ProcessOutcome round = Aivenctl({"plan", imported, "--format", "json"});
  ASSERT_EQ(round.code, 0) << round.Describe() << text;
  for (const auto& change : Changes(round)) {
    EXPECT_EQ(change.find("schema:"), std::string::npos) << change << "\n" << text;
  }

  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_EQ(api_->Get(Subjects() + "/subjects").status, 404);
}

// Chaos on the new path: 503s on registering, a lost answer on the level, a 429 on a read.
// Registration is idempotent (the same schema answers its id), so retries converge to one
// version each.
TEST_F(SchemasE2e, ApplyConvergesThroughFaultsOnTheRegistry) {
  const std::string plan = dir_.Write("plan.yaml", kPlan);
  dir_.Write("schemas/orders.avsc", kOrdersV1);
  json faults = {{"faults",
                  {{{"method", "POST"},
                    {"path", "/v1/project/*/service/*/kafka/schema/subjects/*/versions"},
                    {"count", 2},
                    {"action", "error"},
                    {"status", 503}},
                   {{"method", "PUT"},
                    {"path", "/v1/project/*/service/*/kafka/schema/config/*"},
                    {"count", 1},
                    {"action", "lose_response"}},
                   {{"method", "POST"},
                    {"path", "/v1/project/*/service/*/kafka/schema/subjects/ids/versions"},
                    {"count", 1},
                    {"action", "lose_response"}}}}};
  ASSERT_TRUE(api_->Post("/_emulator/faults", faults, {.validate = false}).ok());
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_FALSE(Get("/_emulator/requests")["faults_injected"].empty());
  EXPECT_EQ(Get(Subjects() + "/subjects/orders-value/versions"), json({{"versions", {1}}}));
  EXPECT_EQ(Get(Subjects() + "/subjects/ids/versions"), json({{"versions", {1}}}));
  EXPECT_EQ(Get(Subjects() + "/config/orders-value"), json({{"compatibilityLevel", "BACKWARD"}}));
  ProcessOutcome replan = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(replan.code, 0) << replan.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
