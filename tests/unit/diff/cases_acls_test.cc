// Planner specs: Kafka and Schema Registry ACLs. Named by content: reordering is no change,
// an edit is an add (and a delete under prune: true), undeclared entries are "unmanaged,
// kept", Aiven's default entries are never touched, and they go with their service.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

const char* kLive = R"({"projects": [{"name": "ci", "owned": true, "services": [
    {"name": "k", "type": "kafka", "plan": "startup-2", "owned": true,
     "acls": [{"id": "acl1", "username": "app-*", "topic": "events-*", "permission": "read"},
              {"id": "acl2", "username": "ops", "topic": "*", "permission": "read"}],
     "schema_registry_acls": [{"id": "acl3", "username": "app-*",
                               "resource": "Subject:events-*",
                               "permission": "schema_registry_read"}]}]}]})";

std::string Service(const std::string& lines, bool prune = false) {
  return std::string(R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: k
        type: kafka
        plan: startup-2
)") + (prune ? "        prune: true\n" : "") +
         lines;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(AclCases, NewEntriesAreAddedByContentAndKnownOnesAreNoOps) {
  Case c{"add",
         Service("        acls:\n"
                 "          - {username: \"app-*\", topic: \"events-*\", permission: read}\n"
                 "          - {username: writer, topic: orders, permission: write}\n"
                 "        schema_registry_acls:\n"
                 "          - {username: \"app-*\", resource: \"Subject:events-*\", "
                 "permission: schema_registry_read}\n"
                 "          - {username: writer, resource: \"Config:\", permission: "
                 "schema_registry_write}\n"),
         kLive, ""};
  c.ops = true;
  const std::string out = RunCase(c);
  EXPECT_TRUE(Has(out, "+ kafka_acl:ci/k/writer:orders:write\n")) << out;
  EXPECT_TRUE(Has(out, "+ schema_registry_acl:ci/k/writer:Config::schema_registry_write\n")) << out;
  EXPECT_TRUE(Has(out,
                  "create kafka_acl:ci/k/writer:orders:write [] "
                  R"({"create":{"permission":"write","topic":"orders","username":"writer"}})"))
      << out;
  EXPECT_TRUE(Has(out, R"({"create":{"permission":"schema_registry_write","resource":"Config:",)"
                       R"("username":"writer"}})"))
      << out;
  EXPECT_FALSE(Has(out, "+ kafka_acl:ci/k/app-*")) << "already live: " << out;
  EXPECT_TRUE(Has(out, "Unmanaged, kept")) << out;
  EXPECT_TRUE(Has(out, "    kafka_acl:ci/k/ops:*:read\n")) << out;
  EXPECT_FALSE(Has(out, "avnadmin")) << "Aiven's own entries: " << out;
  EXPECT_TRUE(Has(out, "Plan: 2 to create, 0 to update, 0 to replace, 0 to destroy.")) << out;
}

TEST(AclCases, ReorderedEntriesAreNoChange) {
  const std::string out = RunCase(
      {"reorder",
       Service("        schema_registry_acls:\n"
               "          - {username: \"app-*\", resource: \"Subject:events-*\", permission: "
               "schema_registry_read}\n"
               "        acls:\n"
               "          - {username: ops, topic: \"*\", permission: read}\n"
               "          - {username: \"app-*\", topic: \"events-*\", permission: read}\n"),
       kLive, ""});
  EXPECT_TRUE(Has(out, "No changes: the live state matches the plan.")) << out;
  EXPECT_FALSE(Has(out, "Unmanaged")) << out;
}

TEST(AclCases, AnEditUnderPruneIsAnAddAndADeleteNeverOfAivensEntries) {
  Case c{"edit",
         Service("        acls:\n"
                 "          - {username: \"app-*\", topic: \"events-*\", permission: "
                 "readwrite}\n",
                 /*prune=*/true),
         kLive, ""};
  c.ops = true;
  const std::string out = RunCase(c);
  EXPECT_TRUE(Has(out, "+ kafka_acl:ci/k/app-*:events-*:readwrite\n")) << out;
  EXPECT_TRUE(Has(out, "- kafka_acl:ci/k/app-*:events-*:read (not in the plan, prune: true)"))
      << out;
  EXPECT_TRUE(Has(out, "- kafka_acl:ci/k/ops:*:read (not in the plan, prune: true)")) << out;
  EXPECT_TRUE(Has(out, "delete kafka_acl:ci/k/ops:*:read [] {\"id\":\"acl2\"}")) << out;
  EXPECT_TRUE(Has(out,
                  "delete schema_registry_acl:ci/k/app-*:Subject:events-*:"
                  "schema_registry_read [] {\"id\":\"acl3\"}"))
      << out;
  EXPECT_FALSE(Has(out, "avnadmin")) << "Aiven's own entries: " << out;
}

TEST(AclCases, DestroyDeletesEntriesWithTheirService) {
  Case c{"destroy",
         Service("        acls:\n"
                 "          - {username: \"app-*\", topic: \"events-*\", permission: read}\n"),
         kLive, ""};
  c.destroy = true;
  const std::string out = RunCase(c);
  EXPECT_TRUE(Has(out, "- kafka_acl:ci/k/ops:*:read (deleted with service:ci/k)")) << out;
  EXPECT_TRUE(Has(out, "- kafka_acl:ci/k/app-*:events-*:read (deleted with service:ci/k)")) << out;
  EXPECT_FALSE(Has(out, "avnadmin")) << out;
}

}  // namespace
}  // namespace aivenctl::difftest
