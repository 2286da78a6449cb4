// The validator on small inline schemas: each keyword passes and fails with exact text.

#include "support/schema_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/null_allowlist.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Validates `instance` against `schema` with an empty document (no $refs).
std::vector<std::string> Check(const json& schema, const json& instance) {
  static const json kEmpty = json::object();
  return SchemaValidator(kEmpty).Validate(schema, instance);
}

TEST(SchemaValidator, TypeChecksEachType) {
  EXPECT_THAT(Check({{"type", "string"}}, "x"), IsEmpty());
  EXPECT_THAT(Check({{"type", "string"}}, 5), ElementsAre("/: expected string, got integer"));
  EXPECT_THAT(Check({{"type", "integer"}}, 5), IsEmpty());
  EXPECT_THAT(Check({{"type", "integer"}}, 5u), IsEmpty());
  EXPECT_THAT(Check({{"type", "integer"}}, 4.0), ElementsAre("/: expected integer, got number"));
  EXPECT_THAT(Check({{"type", "number"}}, 5), IsEmpty()) << "an integer is a number";
  EXPECT_THAT(Check({{"type", "number"}}, 2.5), IsEmpty());
  EXPECT_THAT(Check({{"type", "number"}}, "2.5"), ElementsAre("/: expected number, got string"));
  EXPECT_THAT(Check({{"type", "boolean"}}, false), IsEmpty());
  EXPECT_THAT(Check({{"type", "boolean"}}, 0), ElementsAre("/: expected boolean, got integer"));
  EXPECT_THAT(Check({{"type", "array"}}, json::array()), IsEmpty());
  EXPECT_THAT(Check({{"type", "array"}}, json::object()),
              ElementsAre("/: expected array, got object"));
  EXPECT_THAT(Check({{"type", "object"}}, json::object()), IsEmpty());
  EXPECT_THAT(Check({{"type", "object"}}, json::array()),
              ElementsAre("/: expected object, got array"));
  EXPECT_THAT(Check({{"type", "string"}}, nullptr), ElementsAre("/: expected string, got null"));
}

TEST(SchemaValidator, PropertiesAndRequired) {
  const json schema = {
      {"type", "object"},
      {"required", json::array({"name", "size"})},
      {"properties",
       {{"name", {{"type", "string"}}},
        {"size", {{"type", "integer"}}},
        {"inner", {{"type", "object"}, {"properties", {{"flag", {{"type", "boolean"}}}}}}}}}};
  EXPECT_THAT(Check(schema, {{"name", "a"}, {"size", 1}, {"inner", {{"flag", true}}}}), IsEmpty());
  EXPECT_THAT(Check(schema, {{"name", "a"}}), ElementsAre("/: missing required property \"size\""));
  EXPECT_THAT(Check(schema, {{"name", "a"}, {"size", 1}, {"inner", {{"flag", "yes"}}}}),
              ElementsAre("/inner/flag: expected boolean, got string"));
  EXPECT_THAT(
      Check(schema, {{"name", 1}, {"size", "1"}}),
      ElementsAre("/name: expected string, got integer", "/size: expected integer, got string"));
}

TEST(SchemaValidator, UnknownPropertiesAcceptedUnlessAdditionalPropertiesFalse) {
  json schema = {{"type", "object"}, {"properties", {{"a", {{"type", "string"}}}}}};
  EXPECT_THAT(Check(schema, {{"a", "x"}, {"extra", 1}}), IsEmpty());
  schema["additionalProperties"] = true;
  EXPECT_THAT(Check(schema, {{"a", "x"}, {"extra", 1}}), IsEmpty());
  schema["additionalProperties"] = false;
  EXPECT_THAT(Check(schema, {{"a", "x"}, {"extra", 1}}),
              ElementsAre("/: unexpected property \"extra\" (additionalProperties is false)"));
  schema["additionalProperties"] = {{"type", "integer"}};
  EXPECT_THAT(Check(schema, {{"a", "x"}, {"extra", 1}}), IsEmpty());
  EXPECT_THAT(Check(schema, {{"a", "x"}, {"extra", "1"}}),
              ElementsAre("/extra: expected integer, got string"));
}

TEST(SchemaValidator, ItemsAndArrayBounds) {
  const json schema = {
      {"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}, {"maxItems", 2}};
  EXPECT_THAT(Check(schema, json::array({"a", "b"})), IsEmpty());
  EXPECT_THAT(Check(schema, json::array({"a", 2})),
              ElementsAre("/1: expected string, got integer"));
  EXPECT_THAT(Check(schema, json::array()),
              ElementsAre("/: array has 0 items, fewer than minItems 1"));
  EXPECT_THAT(Check(schema, json::array({"a", "b", "c"})),
              ElementsAre("/: array has 3 items, more than maxItems 2"));
}

TEST(SchemaValidator, Enum) {
  const json schema = {{"type", "string"}, {"enum", json::array({"RUNNING", "POWEROFF"})}};
  EXPECT_THAT(Check(schema, "RUNNING"), IsEmpty());
  EXPECT_THAT(Check(schema, "running"),
              ElementsAre("/: value \"running\" not in enum [\"RUNNING\",\"POWEROFF\"]"));
  EXPECT_THAT(Check(schema, nullptr), ElementsAre("/: expected string, got null"));
}

TEST(SchemaValidator, NullStringInEnumMeansJsonNull) {
  // Aiven quirk (REFERENCE §1): users[].authentication and likely_error_cause list "null".
  const json schema = {
      {"type", "string"},
      {"enum", json::array({"null", "caching_sha2_password", "mysql_native_password"})}};
  EXPECT_THAT(Check(schema, nullptr), IsEmpty());
  EXPECT_THAT(Check(schema, "caching_sha2_password"), IsEmpty());
  EXPECT_THAT(
      Check(schema, "null"),
      ElementsAre("/: string \"null\" where the spec's \"null\" enum entry means JSON null"));
  EXPECT_THAT(Check(schema, "plain"), ElementsAre("/: value \"plain\" not in enum "
                                                  "[\"null\",\"caching_sha2_password\","
                                                  "\"mysql_native_password\"]"));
}

TEST(SchemaValidator, Nullable) {
  json schema = {{"type", "integer"}, {"nullable", true}};
  EXPECT_THAT(Check(schema, nullptr), IsEmpty());
  EXPECT_THAT(Check(schema, 3), IsEmpty());
  EXPECT_THAT(Check(schema, "3"), ElementsAre("/: expected integer, got string"));
  schema["nullable"] = false;
  EXPECT_THAT(Check(schema, nullptr), ElementsAre("/: expected integer, got null"));
}

TEST(SchemaValidator, NumericBounds) {
  const json schema = {{"type", "integer"}, {"minimum", 1}, {"maximum", 10}};
  EXPECT_THAT(Check(schema, 1), IsEmpty());
  EXPECT_THAT(Check(schema, 10), IsEmpty());
  EXPECT_THAT(Check(schema, 0), ElementsAre("/: 0 is less than minimum 1"));
  EXPECT_THAT(Check(schema, 11), ElementsAre("/: 11 is greater than maximum 10"));
  const json exclusive = {{"type", "number"},
                          {"minimum", 0},
                          {"exclusiveMinimum", true},
                          {"maximum", 1},
                          {"exclusiveMaximum", true}};
  EXPECT_THAT(Check(exclusive, 0.5), IsEmpty());
  EXPECT_THAT(Check(exclusive, 0), ElementsAre("/: 0 is not greater than exclusive minimum 0"));
  EXPECT_THAT(Check(exclusive, 1), ElementsAre("/: 1 is not less than exclusive maximum 1"));
}

TEST(SchemaValidator, StringLengthCountsCodePoints) {
  const json schema = {{"type", "string"}, {"minLength", 2}, {"maxLength", 3}};
  EXPECT_THAT(Check(schema, "ab"), IsEmpty());
  EXPECT_THAT(Check(schema, "\xc3\xa4\xc3\xb6\xc3\xbc"), IsEmpty()) << "3 code points, 6 bytes";
  EXPECT_THAT(Check(schema, "a"), ElementsAre("/: string length 1 is less than minLength 2"));
  EXPECT_THAT(Check(schema, "abcd"), ElementsAre("/: string length 4 is greater than maxLength 3"));
}

TEST(SchemaValidator, AllOfAnyOfOneOf) {
  const json all_of = {{"allOf", {{{"type", "integer"}}, {{"minimum", 5}}}}};
  EXPECT_THAT(Check(all_of, 7), IsEmpty());
  EXPECT_THAT(Check(all_of, 3), ElementsAre("/: 3 is less than minimum 5"));

  const json any_of = {{"anyOf", {{{"type", "string"}}, {{"type", "integer"}}}}};
  EXPECT_THAT(Check(any_of, "x"), IsEmpty());
  EXPECT_THAT(Check(any_of, 1), IsEmpty());
  EXPECT_THAT(Check(any_of, true),
              ElementsAre("/: matches none of the anyOf alternatives (first: /: expected string, "
                          "got boolean)"));

  const json one_of = {{"oneOf", {{{"type", "integer"}}, {{"type", "number"}}}}};
  EXPECT_THAT(Check(one_of, 2.5), IsEmpty());
  EXPECT_THAT(Check(one_of, 2),
              ElementsAre("/: matches 2 of the oneOf alternatives, expected exactly 1"));
  EXPECT_THAT(Check(one_of, "2"),
              ElementsAre("/: matches none of the oneOf alternatives (first: /: expected integer, "
                          "got string)"));
}

TEST(SchemaValidator, ResolvesRefsIntoTheDocument) {
  const json document = {
      {"components",
       {{"schemas",
         {{"Thing",
           {{"type", "object"},
            {"required", json::array({"id"})},
            {"properties",
             {{"id", {{"type", "string"}}}, {"child", {{"$ref", "#/components/schemas/Child"}}}}}}},
          {"Child", {{"type", "integer"}}},
          {"Loop", {{"$ref", "#/components/schemas/Loop"}}}}}}}};
  SchemaValidator validator(document);
  const json ref = {{"$ref", "#/components/schemas/Thing"}};
  EXPECT_THAT(validator.Validate(ref, {{"id", "x"}, {"child", 3}}), IsEmpty());
  EXPECT_THAT(validator.Validate(ref, {{"id", "x"}, {"child", "3"}}),
              ElementsAre("/child: expected integer, got string"));
  EXPECT_THAT(validator.Validate({{"$ref", "#/components/schemas/Nope"}}, 1),
              ElementsAre("/: cannot resolve $ref \"#/components/schemas/Nope\""));
  EXPECT_THAT(validator.Validate({{"$ref", "#/components/schemas/Loop"}}, 1),
              ElementsAre("/: schema nesting deeper than 200 (cyclic $ref?)"));
}

TEST(SchemaValidator, PathsEscapeAndIndex) {
  const json schema = {
      {"type", "object"},
      {"properties",
       {{"a/b",
         {{"type", "array"},
          {"items", {{"type", "object"}, {"properties", {{"x", {{"type", "string"}}}}}}}}}}}};
  EXPECT_THAT(Check(schema, {{"a/b", {{{"x", "ok"}}, {{"x", 1}}}}}),
              ElementsAre("/a~1b/1/x: expected string, got integer"));
}

TEST(SchemaValidator, NullPolicySeesSchemaNameAndPattern) {
  const json empty = json::object();
  std::vector<std::string> seen;
  SchemaValidator validator(empty, [&](std::string_view name, std::string_view pattern) {
    seen.push_back(std::string(name) + " " + std::string(pattern));
    return pattern == "/items/[]/vpc";
  });
  const json schema = {
      {"type", "object"},
      {"properties",
       {{"items",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties", {{"vpc", {{"type", "string"}}}, {"uri", {{"type", "string"}}}}}}}}}}}};
  EXPECT_THAT(validator.Validate(schema, {{"items", {{{"vpc", nullptr}, {"uri", nullptr}}}}}, "S"),
              ElementsAre("/items/0/uri: expected string, got null"));
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre("S /items/[]/vpc", "S /items/[]/uri"));
}

TEST(NullAllowlist, MatchesOnlyListedPlaces) {
  EXPECT_TRUE(IsKnownNullField("ServiceGetResponse", "/service/project_vpc_id"));
  EXPECT_TRUE(IsKnownNullField("ServiceListResponse", "/services/[]/project_vpc_id"));
  EXPECT_TRUE(IsKnownNullField("ServiceGetResponse", "/service/users/[]/password"));
  EXPECT_TRUE(IsKnownNullField("ServiceUserGetResponse", "/user/password"));
  EXPECT_TRUE(
      IsKnownNullField("ServiceIntegrationGetResponse", "/service_integration/dest_endpoint_id"));
  EXPECT_FALSE(IsKnownNullField("VpcGetResponse", "/project_vpc_id"));
  EXPECT_FALSE(IsKnownNullField("ServiceGetResponse", "/service/state"));
  EXPECT_FALSE(IsKnownNullField("ServiceGetResponse", "/service/my_project_vpc_id"));
  for (const auto& entry : KnownNullFields()) {
    EXPECT_TRUE(entry.path_suffix.starts_with("/")) << entry.path_suffix;
    EXPECT_FALSE(entry.reason.empty()) << entry.path_suffix;
  }
}

}  // namespace
}  // namespace aivenctl::testing
