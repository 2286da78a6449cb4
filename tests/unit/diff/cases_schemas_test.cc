// Planner specs: Schema Registry subjects (a changed schema is a new version, never a
// replace; whitespace is no change; compatibility in place; unmanaged and prune; Aiven's
// own "_" subjects untouched; deleted with their service).

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class SchemaCase : public ::testing::TestWithParam<Case> {};

TEST_P(SchemaCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

// A Kafka service with its Schema Registry on, and `schemas` below it.
std::string Plan(const std::string& schemas, const std::string& extra = "") {
  return R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: kafka
        type: kafka
        plan: business-4
        user_config: {schema_registry: true}
)" + extra +
         "        schemas:\n" + schemas;
}

std::string Live(const std::string& schemas) {
  return R"({"projects": [{"name": "ci", "owned": true, "services": [
      {"name": "kafka", "type": "kafka", "plan": "business-4", "owned": true,
       "node_count": 3, "user_config": {"schema_registry": true}, "schemas": [)" +
         schemas + "]}]}]}";
}

const std::string kV1 =
    R"({\"type\": \"record\", \"name\": \"Event\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]})";

const Case kCases[] = {
    {"a_new_subject_is_registered_then_its_level_set",
     Plan(R"(          - subject: events-value
            schema: '{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}]}'
            compatibility: FULL
)"),
     Live(""),
     R"EXP(+ schema:ci/kafka/events-value
    type: "AVRO"
    schema: "inline (81 bytes)"
    compatibility: "FULL"

Plan: 1 to create, 0 to update, 0 to replace, 0 to destroy.
--
#0 create schema:ci/kafka/events-value [] {"compatibility":"FULL","create":{"schema":"{\"type\": \"record\", \"name\": \"Event\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}","schemaType":"AVRO"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"whitespace_and_key_order_are_no_change", Plan(R"(          - subject: events-value
            schema: '{ "name": "Event", "fields": [ {"type": "string", "name": "id"} ],  "type": "record" }'
)"),
     Live(R"({"subject": "events-value", "schema": ")" + kV1 + R"(", "version": 2, "id": 7})"),
     "No changes: the live state matches the plan.\n"},

    {"a_changed_schema_is_a_new_version_and_the_level_changes_in_place",
     Plan(R"(          - subject: events-value
            schema: '{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "int", "default": 0}]}'
            compatibility: BACKWARD
)"),
     Live(R"({"subject": "events-value", "schema": ")" + kV1 +
          R"(", "version": 2, "id": 7, "compatibility": "NONE"})"),
     R"EXP(~ schema:ci/kafka/events-value
    schema: "version 2" -> "version 3 from inline (125 bytes)"
    compatibility: "NONE" -> "BACKWARD"

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update schema:ci/kafka/events-value [] {"compatibility":"BACKWARD","register":{"schema":"{\"type\": \"record\", \"name\": \"Event\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"n\", \"type\": \"int\", \"default\": 0}]}","schemaType":"AVRO"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"a_changed_type_is_a_new_version_too_never_a_replace",
     Plan(R"(          - subject: events-value
            type: JSON
            schema: '{"type": "object"}'
)"),
     Live(R"({"subject": "events-value", "schema": ")" + kV1 + R"("})"),
     R"EXP(~ schema:ci/kafka/events-value
    type: "AVRO" -> "JSON"
    schema: "version 1" -> "version 2 from inline (18 bytes)"

Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update schema:ci/kafka/events-value [] {"register":{"schema":"{\"type\": \"object\"}","schemaType":"JSON"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"undeclared_subjects_are_unmanaged_and_kept_aiven_ones_unlisted",
     Plan(R"(          - subject: events-value
            schema: '{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}]}'
)"),
     Live(R"({"subject": "events-value", "schema": ")" + kV1 +
          R"("}, {"subject": "legacy-value", "schema": "\"string\""},
             {"subject": "_audit", "schema": "\"string\""})"),
     R"EXP(Unmanaged, kept (live but not in the plan; not changes):
    schema:ci/kafka/legacy-value

No changes: the live state matches the plan.
)EXP"},

    {"prune_true_deletes_undeclared_subjects_but_never_aiven_ones",
     Plan(R"(          - subject: events-value
            schema: '{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}]}'
)",
          "        prune: true\n"),
     Live(R"({"subject": "events-value", "schema": ")" + kV1 +
          R"("}, {"subject": "legacy-value", "schema": "\"string\""},
             {"subject": "_audit", "schema": "\"string\""})"),
     R"EXP(- schema:ci/kafka/legacy-value (not in the plan, prune: true)

Plan: 0 to create, 0 to update, 0 to replace, 1 to destroy.
--
#0 delete schema:ci/kafka/legacy-value [] {}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"switching_the_registry_on_goes_before_the_first_subject",
     Plan(R"(          - subject: events-value
            schema: '"string"'
)"),
     R"({"projects": [{"name": "ci", "owned": true, "services": [
      {"name": "kafka", "type": "kafka", "plan": "business-4", "owned": true,
       "node_count": 3}]}]})",
     R"EXP(~ service:ci/kafka
    user_config.schema_registry: (unset) -> true
+ schema:ci/kafka/events-value
    type: "AVRO"
    schema: "inline (8 bytes)"

Cost: $0.685/h -> $0.685/h (+$0.000/h), $500.05 -> $500.05 per month (+$0.00)
Plan: 1 to create, 1 to update, 0 to replace, 0 to destroy.
--
#0 update service:ci/kafka [] {"update":{"user_config":{"schema_registry":true}}}
#1 create schema:ci/kafka/events-value [0] {"create":{"schema":"\"string\"","schemaType":"AVRO"}}
)EXP",
     {},
     {},
     false,
     false,
     true},

    {"destroy_deletes_subjects_with_their_service",
     Plan(R"(          - subject: events-value
            schema: '{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "string"}]}'
)"),
     Live(R"({"subject": "events-value", "schema": ")" + kV1 +
          R"("}, {"subject": "_audit", "schema": "\"string\""})"),
     R"EXP(- project:ci
- service:ci/kafka
    cost: $0.685/h -> $0.000/h, $500.05 -> $0.00 per month
- schema:ci/kafka/events-value (deleted with service:ci/kafka)

Cost: $0.685/h -> $0.000/h (-$0.685/h), $500.05 -> $0.00 per month (-$500.05)
Plan: 0 to create, 0 to update, 0 to replace, 3 to destroy.
)EXP",
     {},
     {},
     true},
};

INSTANTIATE_TEST_SUITE_P(Schemas, SchemaCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
