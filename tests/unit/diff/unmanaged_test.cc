// "Unmanaged, kept": the user_config rule shared with import, and the changeset JSON field.
#include "diff/unmanaged.h"

#include <gtest/gtest.h>

#include "diff/changeset_json.h"

namespace aivenctl::diff {
namespace {

using nlohmann::json;

std::string Render(const std::vector<std::pair<std::string, json>>& keys) {
  std::string out;
  for (const auto& [path, value] : keys) out += path + "=" + value.dump() + "\n";
  return out;
}

TEST(UndeclaredUserConfig, DeclaredNullAndAbsentAreThreeDifferentThings) {
  const json live = {{"pg", {{"work_mem", 4}, {"max_connections", 100}, {"jit", false}}},
                     {"backup_hour", 3},
                     {"backup_minute", 30},
                     {"pg_version", "16"},
                     {"ip_filter", {"0.0.0.0/0"}},
                     {"static_ips", false},
                     {"pgbouncer", {{"server_idle_timeout", 600}}},
                     {"admin_password", "never-shown"},
                     {"migration", json::object()}};
  const json declared = {{"pg", {{"max_connections", 100}, {"work_mem", nullptr}}}};
  const json schema = {{"properties",
                        {{"static_ips", {{"default", false}}},
                         {"pg", {{"properties", {{"jit", {{"default", true}}}}}}}}}};
  // work_mem is declared (null resets it: a change, not unmanaged); jit differs from its
  // default; pgbouncer is set live and absent from the plan.
  EXPECT_EQ(Render(UndeclaredUserConfig(live, declared, schema)),
            "pg.jit=false\npgbouncer.server_idle_timeout=600\n");
}

TEST(UndeclaredUserConfig, IpFilterOnlyWhenNotOpenToEveryone) {
  EXPECT_EQ(Render(UndeclaredUserConfig(
                {{"ip_filter", {{{"network", "0.0.0.0/0"}}, {{"network", "::/0"}}}}},
                json::object(), json::object())),
            "");
  EXPECT_EQ(
      Render(UndeclaredUserConfig({{"ip_filter", {"10.0.0.0/8"}}}, json::object(), json::object())),
      "ip_filter=[\"10.0.0.0/8\"]\n");
}

TEST(UnmanagedJson, OptionalAndStrict) {
  Changeset cs;
  json plain = ToJson(cs);
  EXPECT_FALSE(plain.contains("unmanaged")) << "absent when empty";
  cs.unmanaged.push_back({*core::Address::Parse("database:p/pg/legacy"), "", json(), ""});
  cs.unmanaged.push_back(
      {*core::Address::Parse("service:p/pg"), "user_config.pg.work_mem", 8, "a note"});
  json j = ToJson(cs);
  EXPECT_EQ(j["unmanaged"].dump(),
            R"([{"address":"database:p/pg/legacy"},{"address":"service:p/pg","note":"a note",)"
            R"("path":"user_config.pg.work_mem","value":8}])");
  auto back = FromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == cs);
  j["unmanaged"][0]["size"] = 1;
  auto bad = FromJson(j);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "changeset.unmanaged[0]: unknown key \"size\"");
}

}  // namespace
}  // namespace aivenctl::diff
