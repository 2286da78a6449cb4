// Specifications of the loader for Schema Registry subjects: inline schemas, schema_file
// relative to the plan file, and the problems named at file:line:col.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "spec_helpers.h"

namespace aivenctl::loader {
namespace {

namespace fs = std::filesystem;

// A plan with one Kafka service (registry on) holding `schemas`.
std::string Plan(const std::string& schemas) {
  return "version: 1\nname: subjects\nprojects:\n  - name: ci\n    services:\n"
         "      - name: events\n        type: kafka\n        plan: business-4\n"
         "        user_config: {schema_registry: true}\n        schemas:\n" +
         schemas;
}

// A fresh directory holding plan.yaml and the given files; removed afterwards.
class PlanDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("aivenctl-schemas-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "schemas");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  LoadResult Load(const std::string& yaml) {
    Write("plan.yaml", yaml);
    core::MapEnvironment env;
    LoadOptions options;
    options.env = &env;
    return LoadPlanFile((dir_ / "plan.yaml").string(), options);
  }
  fs::path dir_;
};

TEST(SchemaSpec, InlineSchemaWithDefaultsBuildsTheModel) {
  LoadResult r = LoadSpec(Plan(R"(          - subject: orders-value
            schema: '{"type": "record", "name": "Order", "fields": []}'
            compatibility: FULL
          - subject: ids
            type: JSON
            schema: '{"type": "string"}'
)"));
  ASSERT_TRUE(r.ok()) << Lines(r);
  const auto& schemas = r.plan->projects[0].services[0].schemas;
  ASSERT_EQ(2u, schemas.size());
  EXPECT_EQ("schema:ci/events/orders-value", schemas[0].address.ToString());
  EXPECT_EQ("AVRO", schemas[0].type);
  EXPECT_EQ(R"({"type": "record", "name": "Order", "fields": []})", schemas[0].schema);
  EXPECT_EQ("FULL", schemas[0].compatibility.value_or(""));
  EXPECT_FALSE(schemas[0].schema_file.has_value());
  EXPECT_EQ("JSON", schemas[1].type);
  EXPECT_FALSE(schemas[1].compatibility.has_value());
  EXPECT_EQ(11, schemas[0].pos.line);
}

TEST_F(PlanDir, SchemaFileIsReadRelativeToThePlanFile) {
  Write("schemas/orders.avsc",
        "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n"
        "  \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]\n}\n");
  LoadResult r =
      Load(Plan("          - subject: orders-value\n"
                "            schema_file: schemas/orders.avsc\n"));
  ASSERT_TRUE(r.ok()) << Lines(r);
  const model::Schema& x = r.plan->projects[0].services[0].schemas[0];
  EXPECT_EQ("schemas/orders.avsc", x.schema_file.value_or(""));
  EXPECT_NE(std::string::npos, x.schema.find("\"Order\""));
}

TEST_F(PlanDir, BadJsonInASchemaFileNamesThePlaceInBothFiles) {
  Write("schemas/orders.avsc",
        "{\n  \"type\": \"record\",\n  \"name\": \"Order\"\n"
        "  \"fields\": []\n}\n");
  LoadResult r =
      Load(Plan("          - subject: orders-value\n"
                "            schema_file: schemas/orders.avsc\n"));
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(1u, r.diagnostics.size()) << Lines(r);
  EXPECT_EQ(12, r.diagnostics[0].pos.line);
  EXPECT_EQ(26, r.diagnostics[0].pos.column);
  EXPECT_EQ(
      "schemas/orders.avsc:4:10: syntax error while parsing object - unexpected string literal; "
      "expected '}' (AVRO schemas are JSON)",
      r.diagnostics[0].message);
}

TEST_F(PlanDir, AMissingSchemaFileIsAnErrorAtItsKey) {
  LoadResult r =
      Load(Plan("          - subject: orders-value\n"
                "            schema_file: schemas/nope.avsc\n"));
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(1u, r.diagnostics.size()) << Lines(r);
  EXPECT_EQ(12, r.diagnostics[0].pos.line);
  EXPECT_EQ("schema_file: cannot read " + (dir_ / "schemas/nope.avsc").string() +
                ": no such file (a path relative to the plan file)",
            r.diagnostics[0].message);
}

TEST(SchemaSpec, TheRegistryMustBeOnAndSubjectsUnique) {
  LoadResult r = LoadSpec(R"(version: 1
name: subjects
projects:
  - name: ci
    services:
      - name: events
        type: kafka
        plan: business-4
        user_config: {schema_registry: false}
        schemas:
          - {subject: a, schema: '"string"'}
          - {subject: a, schema: '"int"'}
          - {subject: b, schema: '{"type": "record"}'}
          - {subject: c, type: PROTOBUF, schema: '  '}
)");
  EXPECT_EQ(
      "11:23: error: schemas need the service's Schema Registry: set "
      "user_config.schema_registry: true on service \"events\" (it is false)\n"
      "12:13: error: duplicate schema subject \"a\" in service \"events\" (first defined at "
      "11:13)\n"
      "14:50: error: inline schema: the schema is empty\n",
      Lines(r));
}

}  // namespace
}  // namespace aivenctl::loader
