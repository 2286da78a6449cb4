#include "support/null_allowlist.h"

namespace aivenctl::testing {

const std::vector<NullAllowance>& KnownNullFields() {
  // "Service" covers every schema embedding the Service object: ServiceGet/List/Create/
  // Update/ServiceTypeUpdate/UserCredentialsModify/UserCredentialsResetResponse, and the
  // ServiceIntegration* ones for the integration fields.
  static const std::vector<NullAllowance> kEntries = {
      {"Service", "/project_vpc_id",
       "REFERENCE §5.4/§8: a string in the spec, null when the service is not in a VPC"},
      {"Service", "/service_uri",
       "REFERENCE §5.4: the spec's own description says service_uri \"may be null\""},
      {"Service", "/users/[]/password",
       "REFERENCE §5.4: spec text \"A null value indicates a user overridden password\""},
      {"ServiceUser", "/user/password",
       "REFERENCE §5.4/§5.5: same users[] item; null = user-overridden password"},
      {"Service", "/dest_service",
       "REFERENCE §5.8: optional; null when the destination is an integration endpoint"},
      {"Service", "/source_service",
       "REFERENCE §5.8 (inferred): required, but null when the source is an endpoint"},
      {"Service", "/source_endpoint_id",
       "REFERENCE §5.8: endpoint ids are null for service-to-service integrations"},
      {"Service", "/dest_endpoint_id",
       "REFERENCE §5.8: endpoint ids are null for service-to-service integrations"},
      {"Service", "/source_endpoint",
       "REFERENCE §5.8: endpoint names are null for service-to-service integrations"},
      {"Service", "/dest_endpoint",
       "REFERENCE §5.8: endpoint names are null for service-to-service integrations"},
      {"ServiceKafkaTopic", "/topic_description",
       "REFERENCE §1/§5.7 (inferred): required with minLength 1, but an optional per-topic "
       "field (TF PR #1843); null while unset"},
      {"ServiceKafkaTopic", "/owner_user_group_id",
       "REFERENCE §1/§5.7 (inferred): required with minLength 1, but an optional per-topic "
       "field (TF PR #1843); null while unset"},
  };
  return kEntries;
}

bool IsKnownNullField(std::string_view schema_name, std::string_view path_pattern) {
  for (const auto& entry : KnownNullFields()) {
    if (schema_name.starts_with(entry.schema_prefix) && path_pattern.ends_with(entry.path_suffix)) {
      return true;
    }
  }
  return false;
}

}  // namespace aivenctl::testing
