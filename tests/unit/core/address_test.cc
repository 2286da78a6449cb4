#include "core/address.h"

#include <gtest/gtest.h>

namespace aivenctl::core {
namespace {

TEST(Address, RoundTripsEveryKind) {
  for (const Address& a : {Address::Project("ci-42"), Address::Service("ci-42", "pg"),
                           Address::Child(Kind::kTopic, "ci-42", "events", "orders"),
                           Address::Child(Kind::kUser, "ci-42", "pg", "app"),
                           Address::Integration("ci-42", "metrics", "pg", "other/grafana"),
                           Address::Endpoint("ci-42", "prom"),
                           Address::Acl(Kind::kKafkaAcl, "ci-42", "k", "app-*", "ev/*", "read"),
                           Address::Acl(Kind::kSchemaRegistryAcl, "ci-42", "k", "app",
                                        "Subject:a:b", "schema_registry_read"),
                           Address::Child(Kind::kSchema, "ci-42", "events", "orders-value"),
                           Address::Integration("ci-42", "prometheus", "pg", "@prom")}) {
    const auto parsed = Address::Parse(a.ToString());
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    EXPECT_EQ(*parsed, a) << a.ToString();
  }
  EXPECT_EQ(Address::Integration("ci-42", "metrics", "pg", "grafana").ToString(),
            "integration:ci-42/metrics:pg->grafana");
  EXPECT_EQ(
      Address::Acl(Kind::kSchemaRegistryAcl, "p", "k", "app-*", "Config:", "schema_registry_write")
          .ToString(),
      "schema_registry_acl:p/k/app-*:Config::schema_registry_write");
  EXPECT_EQ(Address::Acl(Kind::kKafkaAcl, "p", "k", "u", "t", "read").Parent(),
            Address::Service("p", "k"));
}

TEST(Address, ParentAndErrors) {
  EXPECT_EQ(Address::Child(Kind::kDatabase, "p", "s", "d").Parent(), Address::Service("p", "s"));
  EXPECT_EQ(Address::Service("p", "s").Parent(), Address::Project("p"));
  EXPECT_EQ(Address::Endpoint("p", "prom").Parent(), Address::Project("p"));
  EXPECT_EQ(Address::Endpoint("p", "prom").ToString(), "endpoint:p/prom");
  EXPECT_FALSE(Address::Parse("endpoint:p").ok());
  EXPECT_EQ(Address::Parse("servce:p/s").status().message(),
            "invalid address \"servce:p/s\": unknown kind \"servce\" (expected e.g. "
            "service:my-project/pg)");
  EXPECT_FALSE(Address::Parse("service:p").ok());
  EXPECT_FALSE(Address::Parse("topic:p//t").ok());
  EXPECT_EQ(Address::Parse("schema:p/k/orders-value")->ToString(), "schema:p/k/orders-value");
  EXPECT_FALSE(Address::Parse("schema:p/k").ok());
}

}  // namespace
}  // namespace aivenctl::core
