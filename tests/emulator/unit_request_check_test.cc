// RequestChecker on small hand-written schemas: each keyword it honours, the exact
// problem texts strict mode turns into 400 messages, and the allowances.

#include "request_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aivenctl::emulator {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A document shaped like Aiven's: components/schemas with a $ref'd body.
const Json& Document() {
  static const Json* doc = new Json(Json::parse(R"({
    "components": {"schemas": {
      "Body": {
        "type": "object",
        "required": ["name", "kind"],
        "properties": {
          "name": {"type": "string"},
          "kind": {"type": "string", "enum": ["a", "b"]},
          "auth": {"type": "string", "enum": ["null", "scram"]},
          "size": {"type": "integer"},
          "ratio": {"type": "number"},
          "on": {"type": "boolean"},
          "note": {"type": "string", "nullable": true},
          "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
          "config": {"type": "object", "properties": {"mode": {"type": "string"}}},
          "labels": {"type": "object", "additionalProperties": {"type": "string"}},
          "closed": {"type": "object", "properties": {"x": {"type": "integer"}},
                     "additionalProperties": false},
          "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
          "both": {"allOf": [{"type": "object", "required": ["p"]},
                             {"type": "object", "required": ["q"]}]},
          "broken": {"$ref": "#/components/schemas/Missing"}
        }
      },
      "Tag": {"type": "object", "required": ["key"],
              "properties": {"key": {"type": "string"}, "value": {"type": "string"}}},
      "OpenMap": {"type": "object", "additionalProperties": {"type": "integer"}}
    }}
  })"));
  return *doc;
}

const Json kBodyRef = {{"$ref", "#/components/schemas/Body"}};

std::vector<std::string> Problems(const Json& body, const BodyAllowances& allow = {},
                                  const Json& schema = kBodyRef) {
  RequestChecker checker(Document());
  std::vector<std::string> out;
  for (const BodyProblem& p : checker.Check(schema, body, allow)) {
    out.push_back((p.field.empty() ? "<body>" : p.field) + ": " + p.problem);
  }
  return out;
}

Json Valid() { return {{"name", "n"}, {"kind", "a"}}; }

Json With(const char* key, Json value) {
  Json body = Valid();
  body[key] = std::move(value);
  return body;
}

TEST(RequestCheck, AConformingBodyHasNoProblems) {
  Json body = Valid();
  body.update({{"auth", "scram"},
               {"size", 3},
               {"ratio", 0.5},
               {"on", true},
               {"note", nullptr},
               {"tags", {{{"key", "k"}, {"value", "v"}}}},
               {"config", {{"mode", "m"}, {"anything", 1}}},
               {"labels", {{"a", "b"}}},
               {"closed", {{"x", 1}}},
               {"either", 7},
               {"both", {{"p", 1}, {"q", 2}}}});
  EXPECT_THAT(Problems(body), IsEmpty());
}

TEST(RequestCheck, WrongTypesNameFieldAndTypes) {
  EXPECT_THAT(Problems(With("name", 5)), ElementsAre("name: expected string, got integer"));
  EXPECT_THAT(Problems(With("size", "3")), ElementsAre("size: expected integer, got string"));
  EXPECT_THAT(Problems(With("size", 2.5)), ElementsAre("size: expected integer, got number"));
  EXPECT_THAT(Problems(With("size", 2.0)), IsEmpty()) << "2.0 is an integer in JSON Schema";
  EXPECT_THAT(Problems(With("ratio", 1)), IsEmpty()) << "an integer is a number";
  EXPECT_THAT(Problems(With("on", "true")), ElementsAre("on: expected boolean, got string"));
  EXPECT_THAT(Problems(With("tags", Json::object())),
              ElementsAre("tags: expected array, got object"));
  EXPECT_THAT(Problems(Json::array()), ElementsAre("<body>: expected object, got array"));
}

TEST(RequestCheck, RequiredFieldsAndNestedPaths) {
  EXPECT_THAT(Problems(Json::object()),
              ElementsAre("name: missing required field", "kind: missing required field"));
  EXPECT_THAT(Problems(With("tags", {{{"key", "k"}}, {{"value", "v"}}, {{"key", 1}}})),
              ElementsAre("tags[1].key: missing required field",
                          "tags[2].key: expected string, got integer"));
  EXPECT_THAT(Problems(With("config", {{"mode", 1}})),
              ElementsAre("config.mode: expected string, got integer"));
}

TEST(RequestCheck, EnumsQuoteTheValueAndTheChoices) {
  EXPECT_THAT(Problems(With("kind", "c")), ElementsAre("kind: \"c\" is not one of \"a\", \"b\""));
  EXPECT_THAT(Problems(With("auth", nullptr)), IsEmpty()) << "an enum listing \"null\"";
}

TEST(RequestCheck, NullIsAcceptedOnlyWhereNullableOrAllowed) {
  EXPECT_THAT(Problems(With("name", nullptr)), ElementsAre("name: expected string, got null"));
  EXPECT_THAT(Problems(With("note", nullptr)), IsEmpty());
  BodyAllowances allow;
  allow.null_ok = [](const std::string& field) { return field == "tags[].value"; };
  EXPECT_THAT(Problems(With("tags", {{{"key", "k"}, {"value", nullptr}}}), allow), IsEmpty());
  EXPECT_THAT(Problems(With("name", nullptr), allow),
              ElementsAre("name: expected string, got null"));
}

TEST(RequestCheck, UnknownFieldsAtTheTopLevelOnly) {
  EXPECT_THAT(Problems(With("bogus", 1)), ElementsAre("bogus: unknown field"));
  EXPECT_THAT(Problems(With("config", {{"free", 1}})), IsEmpty())
      << "nested objects without additionalProperties are open";
  EXPECT_THAT(Problems(With("closed", {{"y", 1}})), ElementsAre("closed.y: unknown field"))
      << "additionalProperties: false closes any level";
  EXPECT_THAT(Problems(With("labels", {{"a", 1}})),
              ElementsAre("labels.a: expected string, got integer"));
  BodyAllowances allow;
  allow.extra_ok = [](const std::string& field) { return field == "bogus"; };
  EXPECT_THAT(Problems(With("bogus", 1), allow), IsEmpty());
  EXPECT_THAT(Problems(With("other", 1), allow), ElementsAre("other: unknown field"));
  const Json open = {{"$ref", "#/components/schemas/OpenMap"}};
  EXPECT_THAT(Problems({{"a", 1}}, {}, open), IsEmpty());
  EXPECT_THAT(Problems({{"a", "x"}}, {}, open), ElementsAre("a: expected integer, got string"));
}

TEST(RequestCheck, CompositionKeywords) {
  EXPECT_THAT(Problems(With("either", true)),
              ElementsAre("either: matches none of the shapes the schema allows"));
  EXPECT_THAT(Problems(With("both", {{"p", 1}})), ElementsAre("both.q: missing required field"));
}

TEST(RequestCheck, AnUnresolvableRefIsReportedNotIgnored) {
  EXPECT_THAT(Problems(With("broken", 1)),
              ElementsAre("broken: the schema's $ref cannot be resolved (an emulator bug)"));
}

TEST(RequestCheck, DeepBodiesAreRefusedWithoutRecursingForever) {
  Json deep = "leaf";
  for (int i = 0; i < 200; ++i) deep = Json{{"config", deep}};
  const Json schema = {{"type", "object"}, {"additionalProperties", {{"$ref", "#"}}}};
  RequestChecker checker(schema);
  const auto problems = checker.Check(schema, deep);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].problem, "nested too deeply");
}

TEST(RequestCheck, GenericFieldDropsIndices) {
  EXPECT_EQ(GenericField("tags[12].key"), "tags[].key");
  EXPECT_EQ(GenericField("a[0][3].b"), "a[][].b");
  EXPECT_EQ(GenericField("plain"), "plain");
}

}  // namespace
}  // namespace aivenctl::emulator
