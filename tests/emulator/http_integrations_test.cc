// Service integrations, integration endpoints and project VPCs over real HTTP.

#include "http_test_util.h"

namespace aivenctl::testing {
namespace {

class Integrations : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
    ASSERT_EQ(CreateService("p1", "k1", "kafka", "startup-2").status, 200);
    ASSERT_EQ(CreateService("p1", "kc1", "kafka_connect", "startup-4").status, 200);
    ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4").status, 200);
  }
  /// avn's integration-create body.
  static json AvnBody(const std::string& type, const std::string& src, const std::string& dst) {
    return {{"source_endpoint_id", nullptr}, {"source_service", src},
            {"dest_endpoint_id", nullptr},   {"dest_service", dst},
            {"integration_type", type},      {"user_config", json::object()}};
  }
};

TEST_F(Integrations, CreateGetUpdateDelete) {
  ApiResponse r = api().Post("/v1/project/p1/integration", AvnBody("kafka_connect", "k1", "kc1"));
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json& i = r.body["service_integration"];
  const std::string id = i["service_integration_id"];
  EXPECT_EQ(i["integration_type"], "kafka_connect");
  EXPECT_EQ(i["source_project"], "p1");
  EXPECT_EQ(i["dest_project"], "p1");
  EXPECT_EQ(i["source_service_type"], "kafka");
  EXPECT_EQ(i["dest_service_type"], "kafka_connect");
  EXPECT_EQ(i["active"], false);
  EXPECT_EQ(i["enabled"], true);
  for (const char* key : {"source_endpoint_id", "dest_endpoint_id", "description"})
    EXPECT_TRUE(i.contains(key)) << key;

  Advance(2.5);
  r = api().Get("/v1/project/p1/integration/" + id);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service_integration"]["active"], true);
  EXPECT_EQ(r.body["service_integration"]["integration_status"]["state"]["status"], "running");

  // Listed under both ends and embedded in the service object.
  for (const char* svc : {"k1", "kc1"}) {
    const ApiResponse list = api().Get(ServicePath("p1", svc) + "/integration");
    ASSERT_EQ(list.status, 200) << list.Describe();
    ASSERT_EQ(list.body["service_integrations"].size(), 1u) << svc;
    EXPECT_EQ(list.body["service_integrations"][0]["service_integration_id"], id);
    EXPECT_EQ(GetService("p1", svc)["service_integrations"].size(), 1u);
  }
  EXPECT_TRUE(
      api().Get(ServicePath("p1", "pg1") + "/integration").body["service_integrations"].empty());
  EXPECT_EQ(api().Get(ServicePath("p1", "nope") + "/integration").status, 404);

  r = api().Put("/v1/project/p1/integration/" + id, {{"user_config", json::object()}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service_integration"]["service_integration_id"], id);
  ExpectErrorContaining(api().Put("/v1/project/p1/integration/" + id, json::object()), 400,
                        "user_config");

  r = api().Delete("/v1/project/p1/integration/" + id);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(api().Get("/v1/project/p1/integration/" + id).status, 404);
  EXPECT_EQ(api().Delete("/v1/project/p1/integration/" + id).status, 404);
  EXPECT_TRUE(GetService("p1", "k1")["service_integrations"].empty());
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationCreate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationGet"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationList"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationUpdate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationDelete"), 1);
}

TEST_F(Integrations, Errors) {
  const ApiResponse created =
      api().Post("/v1/project/p1/integration", AvnBody("kafka_connect", "k1", "kc1"));
  ASSERT_EQ(created.status, 200) << created.Describe();
  // Not visible through an unrelated project.
  CreateProject("p2");
  const std::string id = created.body["service_integration"]["service_integration_id"];
  EXPECT_EQ(api().Get("/v1/project/p2/integration/" + id).status, 404);
  EXPECT_EQ(api().Delete("/v1/project/p2/integration/" + id).status, 404);
  EXPECT_EQ(api().Get("/v1/project/p1/integration/" + id).status, 200);
  ExpectErrorContaining(
      api().Post("/v1/project/p1/integration", AvnBody("kafka_connect", "k1", "kc1")), 409,
      "already exists");
  ExpectErrorContaining(
      api().Post("/v1/project/p1/integration", AvnBody("kafka_connect", "pg1", "kc1")), 400,
      "kafka_connect");
  ExpectErrorContaining(
      api().Post("/v1/project/p1/integration", AvnBody("no_such_type", "k1", "kc1")), 400,
      "no_such_type");
  ExpectErrorContaining(
      api().Post("/v1/project/p1/integration", AvnBody("kafka_connect", "ghost", "kc1")), 404,
      "ghost");
  ExpectErrorContaining(api().Post("/v1/project/p1/integration", {{"source_service", "k1"}}), 400,
                        "integration_type");
  EXPECT_EQ(
      api().Post("/v1/project/nope/integration", AvnBody("kafka_connect", "k1", "kc1")).status,
      404);
  EXPECT_EQ(api().Get("/v1/project/p1/integration/00000000-0000-4000-8000-000000000000").status,
            404);
}

TEST_F(Integrations, Endpoints) {
  const std::string base = "/v1/project/p1/integration_endpoint";
  ApiResponse r = api().Post(
      base,
      {{"endpoint_name", "dd"},
       {"endpoint_type", "datadog"},
       {"user_config",
        {{"datadog_api_key", "0123456789abcdef0123456789abcdef"}, {"site", "datadoghq.eu"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json& ep = r.body["service_integration_endpoint"];
  const std::string id = ep["endpoint_id"];
  EXPECT_EQ(ep["endpoint_name"], "dd");
  EXPECT_EQ(ep["endpoint_type"], "datadog");
  EXPECT_EQ(ep["user_config"]["datadog_api_key"], "<redacted>");
  EXPECT_EQ(ep["user_config"]["site"], "datadoghq.eu");
  EXPECT_TRUE(ep.contains("endpoint_config"));

  r = api().Get(base);
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_EQ(r.body["service_integration_endpoints"].size(), 1u);
  EXPECT_EQ(r.body["service_integration_endpoints"][0]["user_config"]["datadog_api_key"],
            "<redacted>");
  EXPECT_EQ(api()
                .Get(base + "/" + id)
                .body["service_integration_endpoint"]["user_config"]["datadog_api_key"],
            "<redacted>");
  EXPECT_EQ(api()
                .Get(base + "/" + id + "?include_secrets=true")
                .body["service_integration_endpoint"]["user_config"]["datadog_api_key"],
            "0123456789abcdef0123456789abcdef");

  r = api().Put(base + "/" + id, {{"user_config", {{"site", "datadoghq.com"}}}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service_integration_endpoint"]["user_config"]["site"], "datadoghq.com");

  // An integration to the endpoint: a service end plus an endpoint end.
  r = api().Post(
      "/v1/project/p1/integration",
      {{"integration_type", "datadog"}, {"source_service", "pg1"}, {"dest_endpoint_id", id}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["service_integration"]["dest_endpoint_id"], id);
  EXPECT_EQ(r.body["service_integration"]["dest_endpoint"], "dd");
  const std::string integration = r.body["service_integration"]["service_integration_id"];
  // The service lists it with its endpoint end (what a refresh reads).
  r = api().Get("/v1/project/p1/service/pg1/integration");
  ASSERT_EQ(r.status, 200) << r.Describe();
  bool listed = false;
  for (const auto& i : r.body["service_integrations"]) {
    listed = listed || (i["dest_endpoint_id"] == id && i["dest_service"].is_null());
  }
  EXPECT_TRUE(listed) << r.body.dump();

  ExpectErrorContaining(api().Post(base, {{"endpoint_name", "x"},
                                          {"endpoint_type", "nope"},
                                          {"user_config", json::object()}}),
                        400, "nope");
  ExpectErrorContaining(api().Post(base, {{"endpoint_name", std::string(41, 'x')},
                                          {"endpoint_type", "datadog"},
                                          {"user_config", json::object()}}),
                        400, "endpoint_name");
  ExpectErrorContaining(api().Post(base, {{"endpoint_name", "x"}, {"endpoint_type", "datadog"}}),
                        400, "user_config");

  // In use: refused, and it stays until its integration is gone.
  r = api().Delete(base + "/" + id);
  EXPECT_EQ(r.status, 409) << r.Describe();
  EXPECT_EQ(r.body.value("message", ""),
            "Integration endpoint is used by 1 service integration(s); delete them before "
            "deleting the endpoint");
  EXPECT_EQ(api().Get(base + "/" + id).status, 200);
  ASSERT_EQ(api().Delete("/v1/project/p1/integration/" + integration).status, 200);
  r = api().Delete(base + "/" + id);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(api().Get(base + "/" + id).status, 404);
  EXPECT_EQ(api().Delete(base + "/" + id).status, 404);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationEndpointCreate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationEndpointList"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationEndpointGet"), 2);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationEndpointUpdate"), 1);
  EXPECT_GE(TestApi::ValidatedCount("ServiceIntegrationEndpointDelete"), 1);
}

class Vpcs : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    CreateProject("p1");
  }
};

TEST_F(Vpcs, CreateListGetDeleteLifecycle) {
  EXPECT_EQ(api().Get("/v1/project/p1/vpcs").body["vpcs"], json::array());
  ApiResponse r = api().Post("/v1/project/p1/vpcs", {{"cloud_name", "aws-eu-west-1"},
                                                     {"network_cidr", "10.0.0.0/24"},
                                                     {"peering_connections", json::array()}});
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_FALSE(r.body.contains("vpc")) << "VPC create answers unwrapped";
  const std::string id = r.body["project_vpc_id"];
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(r.body["state"], "APPROVED");
  EXPECT_EQ(r.body["cloud_name"], "aws-eu-west-1");
  EXPECT_EQ(r.body["network_cidr"], "10.0.0.0/24");
  EXPECT_TRUE(r.body["peering_connections"].is_array());

  r = api().Get("/v1/project/p1/vpcs");
  ASSERT_EQ(r.body["vpcs"].size(), 1u);
  EXPECT_EQ(r.body["vpcs"][0]["project_vpc_id"], id);
  Advance(3.5);
  r = api().Get("/v1/project/p1/vpcs/" + id);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["state"], "ACTIVE");

  ExpectErrorContaining(api().Post("/v1/project/p1/vpcs", {{"cloud_name", "aws-eu-west-1"},
                                                           {"network_cidr", "10.2.0.0/24"},
                                                           {"peering_connections", json::array()}}),
                        409, "already exists");
  for (const char* bad : {"10.0.0.0", "10.0.0.0/33", "300.0.0.0/24", "banana"}) {
    ExpectErrorContaining(
        api().Post("/v1/project/p1/vpcs", {{"cloud_name", "do-fra"},
                                           {"network_cidr", bad},
                                           {"peering_connections", json::array()}}),
        400, "network_cidr");
  }
  ExpectErrorContaining(api().Post("/v1/project/p1/vpcs", {{"cloud_name", "nowhere"},
                                                           {"network_cidr", "10.3.0.0/24"},
                                                           {"peering_connections", json::array()}}),
                        400, "nowhere");

  // In use: refused.
  ASSERT_EQ(CreateService("p1", "pg1", "pg", "startup-4", {{"cloud", "aws-eu-west-1"}}).status,
            200);
  ASSERT_EQ(GetService("p1", "pg1")["project_vpc_id"], id);
  const ApiResponse in_use = api().Delete("/v1/project/p1/vpcs/" + id);
  EXPECT_EQ(in_use.status, 409) << in_use.Describe();
  ASSERT_EQ(api().Delete(ServicePath("p1", "pg1")).status, 200);
  // Aiven holds the VPC a while after its last service leaves (--vpc-release-seconds).
  ExpectErrorContaining(api().Delete("/v1/project/p1/vpcs/" + id), 409, "still in progress");
  Advance(2.5);

  r = api().Delete("/v1/project/p1/vpcs/" + id);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.body["state"], "DELETING");
  Advance(2);
  EXPECT_EQ(api().Get("/v1/project/p1/vpcs/" + id).body["state"], "DELETED");
  EXPECT_TRUE(api().Get("/v1/project/p1/vpcs").body["vpcs"].empty());
  // A deleted VPC cannot be chosen explicitly.
  EXPECT_EQ(CreateService("p1", "pg2", "pg", "startup-4",
                          {{"cloud", "aws-eu-west-1"}, {"project_vpc_id", id}})
                .status,
            404);
  // The cloud is free again.
  EXPECT_EQ(api()
                .Post("/v1/project/p1/vpcs", {{"cloud_name", "aws-eu-west-1"},
                                              {"network_cidr", "10.0.0.0/24"},
                                              {"peering_connections", json::array()}})
                .status,
            200);
  EXPECT_EQ(api().Get("/v1/project/p1/vpcs/00000000-0000-0000-0000-000000000000").status, 404);
  EXPECT_EQ(api().Get("/v1/project/nope/vpcs").status, 404);
  EXPECT_GE(TestApi::ValidatedCount("VpcCreate"), 2);
  EXPECT_GE(TestApi::ValidatedCount("VpcList"), 2);
  EXPECT_GE(TestApi::ValidatedCount("VpcGet"), 2);
  EXPECT_GE(TestApi::ValidatedCount("VpcDelete"), 1);
}

}  // namespace
}  // namespace aivenctl::testing
