#include <gtest/gtest.h>

#include "lock/lock_keys.h"
#include "lock/postgres.h"

namespace aivenctl::lock {
namespace {

TEST(RedactUrl, ThePasswordNeverShows) {
  EXPECT_EQ(RedactUrl("postgres://ci:s3cret@db.example:5432/locks?sslmode=require"),
            "postgres://ci:<redacted>@db.example:5432/locks?sslmode=require");
  EXPECT_EQ(RedactUrl("postgresql://ci@db/locks?password=s3cret&sslmode=require"),
            "postgresql://ci@db/locks?password=<redacted>&sslmode=require");
  EXPECT_EQ(RedactUrl("postgres://ci:a:b@c@db/x"), "postgres://ci:<redacted>@db/x");
  EXPECT_EQ(RedactUrl("postgres://db.example/locks"), "postgres://db.example/locks");
  EXPECT_EQ(RedactUrl("postgres://ci@db.example/l@ck"), "postgres://ci@db.example/l@ck");
}

TEST(RedactUrl, UrlPasswordFindsWhatRedactHides) {
  EXPECT_EQ(UrlPassword("postgres://ci:s3cret@db/x"), "s3cret");
  EXPECT_EQ(UrlPassword("postgres://ci@db/x?sslmode=require&password=p4ss"), "p4ss");
  EXPECT_EQ(UrlPassword("postgres://ci@db/x"), "");
  EXPECT_TRUE(IsPostgresUrl("postgresql://db/x"));
  EXPECT_FALSE(IsPostgresUrl("mysql://db/x"));
}

TEST(LockKeys, APlanLocksEachOfItsProjectsAndSharesTheEveryPlanKey) {
  auto keys = KeysFor({.plan = "ci", .projects = {"b", "a", "b"}});
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0].what, "every plan");
  EXPECT_FALSE(keys[0].exclusive);
  EXPECT_TRUE(keys[1].exclusive && keys[2].exclusive);
  EXPECT_LT(keys[1].key, keys[2].key);  // one order for everyone: no waiting in a circle
  std::set<std::string> what{keys[1].what, keys[2].what};
  EXPECT_EQ(what, (std::set<std::string>{"plan ci in project a", "plan ci in project b"}));
  EXPECT_EQ(KeysFor({.plan = "ci", .projects = {"a"}})[1].key, KeyOf("plan\nci\na"));
  EXPECT_NE(KeyOf("plan\nci\na"), KeyOf("plan\nci\nb"));
}

TEST(LockKeys, AReapOfEverythingHoldsTheEveryPlanKeyAlone) {
  for (const Scope& scope : {Scope{}, Scope{.plan = "ci"}, Scope{.projects = {"a"}}}) {
    auto keys = KeysFor(scope);
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_TRUE(keys[0].exclusive);
    EXPECT_EQ(keys[0].key, KeyOf("every plan"));
  }
}

}  // namespace
}  // namespace aivenctl::lock
