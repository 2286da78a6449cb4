#pragma once
// Realistic connection details per service type (service_uri, service_uri_params,
// connection_info, components), derived from names only so they are stable.

#include <string>
#include <vector>

#include "http.h"

namespace aivenctl::emulator {

/// What connection details are derived from.
struct ServiceEndpointInput {
  std::string project;
  std::string service;
  std::string type;
  std::string cloud;
  std::string admin_user;      ///< "avnadmin" (or the type's primary user)
  std::string admin_password;  ///< already redacted ("<redacted>") unless secrets were asked
  std::string default_db;      ///< "defaultdb" where the type has databases, else ""
  int node_count = 1;
  /// The service's user_config (null: none). Read for public_access (adds "public"
  /// route components) and kafka's kafka_rest / schema_registry / kafka_connect flags.
  Json user_config;
};

/// Host name of a service: "<service>-<project>.<suffix>" as Aiven names them.
std::string ServiceHost(const ServiceEndpointInput& in);

/// Port of the service's first component: 10000-29989, stable per project/service.
int ServiceBasePort(const ServiceEndpointInput& in);

/// Fills service_uri, service_uri_params, connection_info and components on `service`.
void AddConnectionDetails(const ServiceEndpointInput& in, Json& service);

}  // namespace aivenctl::emulator
