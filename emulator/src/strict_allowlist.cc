// Strict mode's allowlist: what real clients send beyond Aiven's OpenAPI description and
// the real API accepts, and the routes the description lacks. Every entry names who sends
// it and where that is documented (REFERENCE = the Aiven API reference the emulator was
// written from; its section numbers). Add an entry here, with its reason, rather than
// loosening the checker.

#include "strict_mode.h"

namespace aivenctl::emulator {

const std::vector<Allowance>& StrictAllowances() {
  using K = Allowance::Kind;
  static const std::vector<Allowance> kEntries = {
      // Projects.
      {"ProjectCreate", "cloud", K::kNull,
       "avn sends \"cloud\": null when no cloud is given (REFERENCE §5.2); null = absent"},
      {"ProjectCreate", "card_id", K::kNull,
       "avn project create sends \"card_id\": null (REFERENCE §5.2, avn replay); null = absent"},
      // Services.
      {"ServiceCreate", "cloud", K::kNull,
       "avn sends \"cloud\": null when the cloud is not given (REFERENCE §5.4)"},
      {"ServiceCreate", "project_vpc_id", K::kNull,
       "null means public internet, absent means the project's VPC; the Go client always "
       "sends the key and avn --no-project-vpc sends null (REFERENCE §5.4)"},
      {"ServiceCreate", "service_integrations", K::kNull,
       "service_integrations may arrive as null (REFERENCE §5.4)"},
      {"ServiceUpdate", "project_vpc_id", K::kNull,
       "nullable per go-client-codegen's patch: null moves the service out of its VPC "
       "(REFERENCE §5.4)"},
      {"ServiceUpdate", "disaster_recovery_role", K::kExtra,
       "avn may send disaster_recovery_role, which is not in the description (REFERENCE §5.4)"},
      // Kafka topics.
      {"ServiceKafkaTopicCreate", "partitions", K::kNull,
       "avn sends partitions null when the user omitted it; the server applies its default "
       "(REFERENCE §5.7)"},
      {"ServiceKafkaTopicCreate", "replication", K::kNull,
       "avn sends replication null when omitted (REFERENCE §5.7)"},
      {"ServiceKafkaTopicCreate", "retention_hours", K::kNull,
       "avn sends retention_hours null when omitted (REFERENCE §5.7)"},
      {"ServiceKafkaTopicCreate", "retention_bytes", K::kNull,
       "avn topic-create sends retention_bytes null when omitted (avn replay)"},
      {"ServiceKafkaTopicCreate", "min_insync_replicas", K::kNull,
       "avn topic-create sends min_insync_replicas null when omitted (avn replay)"},
      // PgBouncer connection pools.
      {"ServicePGBouncerUpdate", "username", K::kNull,
       "avn service connection-pool-update sends \"username\": null to take the pool's user "
       "away (aiven-client's update_service_connection_pool sends it unless UNCHANGED)"},
      {"ServiceKafkaTopicUpdate", "replication", K::kNull,
       "avn topic-update may send replication null (REFERENCE §5.7)"},
      {"ServiceKafkaTopicUpdate", "partitions", K::kNull,
       "avn topic-update sends the keys it was not given as null (REFERENCE §5.7)"},
      {"ServiceKafkaTopicUpdate", "retention_hours", K::kNull,
       "avn topic-update sends the keys it was not given as null (REFERENCE §5.7)"},
      {"ServiceKafkaTopicUpdate", "retention_bytes", K::kNull,
       "avn topic-update sends the keys it was not given as null (REFERENCE §5.7)"},
      {"ServiceKafkaTopicUpdate", "min_insync_replicas", K::kNull,
       "avn topic-update sends the keys it was not given as null (REFERENCE §5.7)"},
      // Integrations: avn sends every key, with nulls for the unused ones (REFERENCE §5.8).
      {"ServiceIntegrationCreate", "source_service", K::kNull,
       "avn sends every integration key, null when unused (REFERENCE §5.8)"},
      {"ServiceIntegrationCreate", "dest_service", K::kNull,
       "avn sends every integration key, null when unused (REFERENCE §5.8)"},
      {"ServiceIntegrationCreate", "source_endpoint_id", K::kNull,
       "avn sends every integration key, null when unused (REFERENCE §5.8)"},
      {"ServiceIntegrationCreate", "dest_endpoint_id", K::kNull,
       "avn sends every integration key, null when unused (REFERENCE §5.8)"},
      {"ServiceIntegrationCreate", "source_project", K::kNull,
       "avn sends every integration key, null when unused (REFERENCE §5.8)"},
      {"ServiceIntegrationCreate", "dest_project", K::kNull,
       "avn sends every integration key, null when unused (REFERENCE §5.8)"},
      // Kafka Connect: the connector's configuration is the body itself, an open map of
      // connector-specific keys beside "name" and "connector.class".
      {"ServiceKafkaConnectCreateConnector", "*", K::kOpen,
       "a connector config is an open map of the connector's own keys (Kafka Connect REST)"},
      {"ServiceKafkaConnectEditConnector", "*", K::kOpen,
       "a connector config is an open map of the connector's own keys (Kafka Connect REST)"},
  };
  return kEntries;
}

const std::vector<ExemptRoute>& StrictExemptRoutes() {
  static const std::vector<ExemptRoute> kEntries = {
      {"*", "/_emulator/**",
       "the emulator's own control endpoints (clock, faults, reset): not part of Aiven's API"},
      {"POST", "/v2/project/{project}/service/{service_name}/topic",
       "the v2 topic batch read (aiven-go-client V2List, used by Terraform and aivenctl's "
       "refresh) is in neither description (REFERENCE §5.7)"},
  };
  return kEntries;
}

}  // namespace aivenctl::emulator
