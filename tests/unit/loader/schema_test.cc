// The plan schema is valid draft-07 (checked against the draft-07 metaschema with valijson),
// is the one compiled into the binary, and every file in plans/ passes it as written (before
// interpolation, as an editor's language server sees it).

#include <filesystem>

#include <gtest/gtest.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "loader/json_convert.h"
#include "loader/schema.h"
#include "loader/yaml_tree.h"
#include "test_paths.h"

namespace aivenctl::loader {
namespace {

using nlohmann::json;
using testing::ReadBytes;
using testing::SourceDir;

std::string Errors(const valijson::ValidationResults& results) {
  std::string out;
  valijson::ValidationResults::Error e;
  valijson::ValidationResults copy = results;
  while (copy.popError(e)) {
    for (const auto& c : e.context) out += c;
    out += ": " + e.description + "\n";
  }
  return out;
}

bool Validate(const json& schema_json, const json& doc, std::string& errors) {
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  bool ok = validator.validate(schema, target, &results);
  errors = Errors(results);
  return ok;
}

TEST(PlanSchema, IsValidDraft07) {
  json meta = json::parse(ReadBytes(SourceDir() + "/tests/testdata/json-schema-draft-07.json"));
  json schema = json::parse(ReadBytes(SourceDir() + "/schemas/plan.schema.json"));
  EXPECT_EQ("http://json-schema.org/draft-07/schema#", schema["$schema"]);
  std::string errors;
  EXPECT_TRUE(Validate(meta, schema, errors)) << errors;
}

TEST(PlanSchema, MetaschemaCheckCanFail) {
  json meta = json::parse(ReadBytes(SourceDir() + "/tests/testdata/json-schema-draft-07.json"));
  json broken = json::parse(R"({"type": "objekt", "required": "name"})");
  std::string errors;
  EXPECT_FALSE(Validate(meta, broken, errors));
}

TEST(PlanSchema, CompiledCopyMatchesTheFile) {
  EXPECT_EQ(ReadBytes(SourceDir() + "/schemas/plan.schema.json"), std::string(PlanSchemaText()));
}

// Every property in the schema documents itself for editors' hover text.
void ExpectDescribed(const json& s, const std::string& where) {
  if (!s.is_object()) return;
  if (s.contains("properties")) {
    for (auto it = s["properties"].begin(); it != s["properties"].end(); ++it) {
      const json& p = it.value();
      const json* target = &p;
      if (p.contains("$ref")) {
        std::string ref = p["$ref"].get<std::string>();
        target = &PlanSchema()["definitions"][ref.substr(ref.rfind('/') + 1)];
      }
      bool described = p.contains("description") || target->contains("description");
      bool exemplified =
          p.contains("examples") || target->contains("examples") || target->contains("oneOf");
      EXPECT_TRUE(described) << where << "." << it.key() << " has no description";
      EXPECT_TRUE(exemplified) << where << "." << it.key() << " has no example";
      ExpectDescribed(p, where + "." + it.key());
    }
  }
  for (const char* k : {"items", "additionalProperties"}) {
    if (s.contains(k)) ExpectDescribed(s[k], where + "." + k);
  }
  for (const char* k : {"oneOf", "anyOf"}) {
    if (s.contains(k)) {
      for (const auto& sub : s[k]) ExpectDescribed(sub, where + "." + k);
    }
  }
  if (s.contains("definitions")) {
    for (auto it = s["definitions"].begin(); it != s["definitions"].end(); ++it) {
      ExpectDescribed(it.value(), "#/definitions/" + it.key());
    }
  }
}

TEST(PlanSchema, EveryPropertyHasADescriptionAndAnExample) { ExpectDescribed(PlanSchema(), "#"); }

TEST(PlanSchema, EveryPlanPassesItAsWritten) {
  int count = 0;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/plans")) {
    if (e.path().extension() != ".yaml") continue;
    ++count;
    core::Diagnostics diags;
    auto root = ParseYaml(e.path().string(), ReadBytes(e.path().string()), {}, diags);
    ASSERT_TRUE(root) << e.path();
    std::string errors;
    EXPECT_TRUE(Validate(PlanSchema(), ToJson(*root), errors)) << e.path() << "\n" << errors;
  }
  EXPECT_GE(count, 4);
}

}  // namespace
}  // namespace aivenctl::loader
