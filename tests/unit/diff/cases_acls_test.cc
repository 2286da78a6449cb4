// Planner specs: Kafka and Schema Registry ACLs. Named by content: reordering is no change,
// an edit is an add (and a delete under prune: true), undeclared entries are "unmanaged,
// kept", Aiven's default entries are never touched, and they go with their service.

#include <gtest/gtest.h>

#include "fixtures.h"

namespace aivenctl::difftest {
namespace {

class AclCase : public ::testing::TestWithParam<Case> {};

TEST_P(AclCase, RendersExactly) { EXPECT_EQ(RunCase(GetParam()), GetParam().expected); }

const char* kLive = R"({"projects": [{"name": "ci", "owned": true, "services": [
    {"name": "k", "type": "kafka", "plan": "startup-2", "owned": true,
     "acls": [{"id": "acl1", "username": "app-*", "topic": "events-*", "permission": "read"},
              {"id": "acl2", "username": "ops", "topic": "*", "permission": "read"}],
     "schema_registry_acls": [{"id": "acl3", "username": "app-*",
                               "resource": "Subject:events-*",
                               "permission": "schema_registry_read"}]}]}]})";

const Case kCases[] = {
    {"new_entries_are_added_by_content",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: k
        type: kafka
        plan: startup-2
        acls:
          - {username: "app-*", topic: "events-*", permission: read}
          - {username: writer, topic: orders, permission: write}
        schema_registry_acls:
          - {username: "app-*", resource: "Subject:events-*", permission: schema_registry_read}
          - {username: writer, resource: "Config:", permission: schema_registry_write}
)",
     kLive,
     "",
     {},
     {},
     false,
     false,
     true},

    {"reordered_entries_are_no_change_and_undeclared_are_kept", R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: k
        type: kafka
        plan: startup-2
        schema_registry_acls:
          - {username: "app-*", resource: "Subject:events-*", permission: schema_registry_read}
        acls:
          - {username: ops, topic: "*", permission: read}
          - {username: "app-*", topic: "events-*", permission: read}
)",
     kLive, ""},

    {"an_edit_under_prune_is_an_add_and_a_delete_never_of_aivens_entries",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: k
        type: kafka
        plan: startup-2
        prune: true
        acls:
          - {username: "app-*", topic: "events-*", permission: readwrite}
)",
     kLive,
     "",
     {},
     {},
     false,
     false,
     true},

    {"destroy_deletes_entries_with_their_service",
     R"(
version: 1
name: test
projects:
  - name: ci
    services:
      - name: k
        type: kafka
        plan: startup-2
        acls:
          - {username: "app-*", topic: "events-*", permission: read}
)",
     kLive,
     "",
     {},
     {},
     true},
};

INSTANTIATE_TEST_SUITE_P(Acls, AclCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace aivenctl::difftest
