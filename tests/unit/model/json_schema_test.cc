// JSON Schema type names, as the plan schema checks and the user_config checks use them.

#include "model/json_schema.h"

#include <gtest/gtest.h>

namespace aivenctl::model {
namespace {

using nlohmann::json;

TEST(JsonSchema, TypeNamesOfValues) {
  EXPECT_EQ(JsonType(json()), "null");
  EXPECT_EQ(JsonType(true), "boolean");
  EXPECT_EQ(JsonType(3), "integer");
  EXPECT_EQ(JsonType(3u), "integer");
  EXPECT_EQ(JsonType(3.5), "number");
  EXPECT_EQ(JsonType("x"), "string");
  EXPECT_EQ(JsonType(json::array()), "array");
  EXPECT_EQ(JsonType(json::object()), "object");
}

TEST(JsonSchema, SchemaTypesAsWritten) {
  EXPECT_EQ(SchemaTypes(json{{"type", "string"}}), std::vector<std::string>{"string"});
  EXPECT_EQ(SchemaTypes(json{{"type", {"string", "null"}}}),
            (std::vector<std::string>{"string", "null"}));
  EXPECT_TRUE(SchemaTypes(json{{"enum", {1, 2}}}).empty());
  EXPECT_TRUE(SchemaTypes(json("string")).empty());
}

TEST(JsonSchema, NumberAcceptsIntegersNotTheOtherWayRound) {
  EXPECT_TRUE(TypeAccepts({"number"}, "integer"));
  EXPECT_FALSE(TypeAccepts({"integer"}, "number"));
  EXPECT_TRUE(TypeAccepts({"string", "null"}, "null"));
  EXPECT_FALSE(TypeAccepts({"string"}, "object"));
  EXPECT_TRUE(TypeAccepts({}, "object"));
}

}  // namespace
}  // namespace aivenctl::model
