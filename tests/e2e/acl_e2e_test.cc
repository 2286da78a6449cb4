// Kafka and Schema Registry ACLs with the real binary against the emulator: apply, re-plan
// clean, reorder (no change), edit (an add, and with prune: true a delete), entries made by
// hand reported "unmanaged, kept", Aiven's default entries never touched, destroy.

#include <algorithm>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

std::string Plan(const std::string& acls, const std::string& registry, bool prune) {
  return std::string(R"(version: 1
name: acls
projects:
  - name: acl-proj
    services:
      - name: kafka
        type: kafka
        plan: startup-2
)") + (prune ? "        prune: true\n" : "") +
         "        acls:\n" + acls + "        schema_registry_acls:\n" + registry;
}

constexpr const char* kAcls =
    "          - {username: \"app-*\", topic: \"events-*\", permission: read}\n"
    "          - {username: writer, topic: orders, permission: write}\n";
constexpr const char* kAclsReordered =
    "          - {username: writer, topic: orders, permission: write}\n"
    "          - {username: \"app-*\", topic: \"events-*\", permission: read}\n";
constexpr const char* kAclsEdited =
    "          - {username: writer, topic: orders, permission: readwrite}\n"
    "          - {username: \"app-*\", topic: \"events-*\", permission: read}\n";
constexpr const char* kRegistry =
    "          - {username: \"app-*\", resource: \"Subject:events-*\", permission: "
    "schema_registry_read}\n";

/// "action address" per change that is not a no-op, from `plan --format json`.
std::vector<std::string> Changes(const ProcessOutcome& o) {
  std::vector<std::string> out;
  json cs = json::parse(o.out, nullptr, false);
  if (cs.is_discarded()) return {"not JSON: " + o.out};
  for (const auto& c : cs["changes"]) {
    if (c["action"] != "no-op")
      out.push_back(c["action"].get<std::string>() + " " + c["address"].get<std::string>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class AclE2e : public E2eTest {
 protected:
  /// "username:resource:permission" of each live entry, sorted.
  std::vector<std::string> Live(const char* field) {
    std::vector<std::string> out;
    json svc = Get("/v1/project/acl-proj/service/kafka")["service"];
    for (const auto& a : svc[field]) {
      out.push_back(a["username"].get<std::string>() + ":" +
                    a.value("topic", a.value("resource", "")) + ":" +
                    a["permission"].get<std::string>());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(AclE2e, ApplyReplanReorderEditPruneDestroy) {
  const std::string plan = dir_.Write("acls.yaml", Plan(kAcls, kRegistry, false));
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Live("acl"), (std::vector<std::string>{"app-*:events-*:read", "avnadmin:*:admin",
                                                   "writer:orders:write"}));
  EXPECT_EQ(Live("schema_registry_acl"),
            (std::vector<std::string>{"app-*:Subject:events-*:schema_registry_read",
                                      "avnadmin:Config::schema_registry_write",
                                      "avnadmin:Subject:*:schema_registry_write"}));
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0) << "not converged";

  // Reordered: no change.
  dir_.Write("acls.yaml", Plan(kAclsReordered, kRegistry, false));
  ProcessOutcome reordered = Aivenctl({"plan", plan, "--detailed-exitcode"});
  EXPECT_EQ(reordered.code, 0) << reordered.Describe();

  // An entry added by hand is reported, kept.
  ASSERT_TRUE(api_->Post("/v1/project/acl-proj/service/kafka/acl",
                         {{"username", "ops"}, {"topic", "*"}, {"permission", "read"}})
                  .ok());
  ProcessOutcome manual = Aivenctl({"plan", plan});
  EXPECT_EQ(manual.code, 0) << manual.Describe();
  EXPECT_NE(manual.out.find("kafka_acl:acl-proj/kafka/ops:*:read"), std::string::npos)
      << manual.out;
  EXPECT_EQ(manual.out.find("avnadmin"), std::string::npos)
      << "Aiven's own entries: " << manual.out;

  // Edited with prune: true: the new entry is added, the old one and the manual one deleted.
  dir_.Write("acls.yaml", Plan(kAclsEdited, kRegistry, true));
  ProcessOutcome edit = Aivenctl({"plan", plan, "--format", "json"});
  ASSERT_EQ(edit.code, 0) << edit.Describe();
  EXPECT_EQ(Changes(edit), (std::vector<std::string>{
                               "create kafka_acl:acl-proj/kafka/writer:orders:readwrite",
                               "delete kafka_acl:acl-proj/kafka/ops:*:read",
                               "delete kafka_acl:acl-proj/kafka/writer:orders:write",
                           }));
  ProcessOutcome edited = Aivenctl(Fast({"apply", plan}));
  ASSERT_EQ(edited.code, 0) << edited.Describe();
  EXPECT_EQ(Live("acl"), (std::vector<std::string>{"app-*:events-*:read", "avnadmin:*:admin",
                                                   "writer:orders:readwrite"}));
  EXPECT_EQ(Aivenctl({"plan", plan, "--detailed-exitcode"}).code, 0) << "not converged";

  // import shows the entries (not Aiven's own).
  ProcessOutcome imported = Aivenctl({"import", "--project", "acl-proj", "--name", "acls"});
  ASSERT_EQ(imported.code, 0) << imported.Describe();
  EXPECT_NE(
      imported.out.find("- {username: \"writer\", topic: \"orders\", permission: \"readwrite\"}"),
      std::string::npos)
      << imported.out;
  EXPECT_NE(imported.out.find("resource: \"Subject:events-*\""), std::string::npos) << imported.out;
  EXPECT_EQ(imported.out.find("avnadmin"), std::string::npos) << imported.out;

  ProcessOutcome destroyed = Aivenctl(Fast({"destroy", plan}));
  ASSERT_EQ(destroyed.code, 0) << destroyed.Describe();
  EXPECT_TRUE(Inventory().empty() || Inventory()["acl-proj"].empty());
}

TEST_F(AclE2e, BadPermissionIsRefusedWithItsPlace) {
  const std::string plan = dir_.Write(
      "bad.yaml",
      Plan("          - {username: app, topic: t, permission: raed}\n", kRegistry, false));
  ProcessOutcome o = Aivenctl({"validate", plan});
  EXPECT_EQ(o.code, 1) << o.Describe();
  EXPECT_NE(o.out.find("bad.yaml:10:51: error: invalid value \"raed\" for \"permission\" (did you "
                       "mean \"read\"?)"),
            std::string::npos)
      << o.Describe();
}

}  // namespace
}  // namespace aivenctl::testing
