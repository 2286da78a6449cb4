// The Schema Registry operations of api::Api against the real aiven-emulator over HTTP:
// ListSchemas (subjects, latest version, own level; none of its own is not an error),
// RegisterSchema (the same schema again is the same id), CheckSchemaCompatibility with the
// registry's reasons, PutSchemaCompatibility, DeleteSchemaSubject (absent = done), and the
// errors naming the schema's address.

#include <gtest/gtest.h>

#include "api_fixture.h"

namespace aivenctl::api {
namespace {

using nlohmann::json;
using testing::ApiFixture;

class ApiSchemasTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(api_->CreateProject({{"project", "p"}}).ok());
    auto s = api_->CreateService("p", {{"service_name", "k"},
                                       {"service_type", "kafka"},
                                       {"plan", "business-4"},
                                       {"user_config", {{"schema_registry", true}}}});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    Advance(600);
  }
};

const char* kV1 = R"({"type":"record","name":"E","fields":[{"name":"id","type":"string"}]})";
const char* kBad = R"({"type":"record","name":"E","fields":[{"name":"id","type":"string"},)"
                   R"({"name":"n","type":"int"}]})";

TEST_F(ApiSchemasTest, RegisterListCheckLevelDelete) {
  auto empty = api_->ListSchemas("p", "k");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_TRUE(empty->empty());

  auto id = api_->RegisterSchema("p", "k", "orders-value", {{"schema", kV1}});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto again =
      api_->RegisterSchema("p", "k", "orders-value", {{"schema", kV1}, {"schemaType", "AVRO"}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *id);
  ASSERT_TRUE(
      api_->RegisterSchema("p", "k", "ids", {{"schema", "{}"}, {"schemaType", "JSON"}}).ok());
  ASSERT_TRUE(api_->PutSchemaCompatibility("p", "k", "ids", "FULL").ok());

  auto listed = api_->ListSchemas("p", "k");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  const model::LiveSchema& ids = (*listed)[0];
  EXPECT_EQ(ids.name, "ids");
  EXPECT_EQ(ids.type, "JSON");
  EXPECT_EQ(ids.version, 1);
  EXPECT_EQ(ids.compatibility.value_or(""), "FULL");
  const model::LiveSchema& orders = (*listed)[1];
  EXPECT_EQ(orders.name, "orders-value");
  EXPECT_EQ(orders.type, "AVRO");
  EXPECT_EQ(orders.schema, kV1);
  EXPECT_EQ(orders.id, *id);
  EXPECT_FALSE(orders.compatibility.has_value());

  auto check = api_->CheckSchemaCompatibility("p", "k", "orders-value", {{"schema", kBad}});
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_FALSE(check->compatible);
  EXPECT_EQ(check->message,
            "reader (new schema): field 'n' is missing in the writer's schema and has no default");
  auto refused = api_->RegisterSchema("p", "k", "orders-value", {{"schema", kBad}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), core::Code::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("[schema:p/k/orders-value]"), std::string::npos)
      << refused.status().message();

  auto invalid = api_->RegisterSchema("p", "k", "x", {{"schema", "{"}});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.status().code(), core::Code::kInvalidArgument);
  EXPECT_NE(invalid.status().message().find("422 Invalid AVRO schema"), std::string::npos)
      << invalid.status().message();

  ASSERT_TRUE(api_->DeleteSchemaSubject("p", "k", "orders-value").ok());
  EXPECT_TRUE(api_->DeleteSchemaSubject("p", "k", "orders-value").ok());  // gone is done
  listed = api_->ListSchemas("p", "k");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].name, "ids");
}

}  // namespace
}  // namespace aivenctl::api
