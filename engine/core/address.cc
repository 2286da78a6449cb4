#include "core/address.h"

namespace aivenctl::core {

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kProject:
      return "project";
    case Kind::kVpc:
      return "vpc";
    case Kind::kService:
      return "service";
    case Kind::kDatabase:
      return "database";
    case Kind::kUser:
      return "user";
    case Kind::kPool:
      return "pool";
    case Kind::kTopic:
      return "topic";
    case Kind::kEndpoint:
      return "endpoint";
    case Kind::kKafkaAcl:
      return "kafka_acl";
    case Kind::kSchemaRegistryAcl:
      return "schema_registry_acl";
    case Kind::kSchema:
      return "schema";
    case Kind::kIntegration:
      return "integration";
    case Kind::kConnector:
      return "connector";
  }
  return "unknown";
}

Address Address::Project(std::string project) { return {Kind::kProject, {std::move(project)}}; }

Address Address::Service(std::string project, std::string service) {
  return {Kind::kService, {std::move(project), std::move(service)}};
}

Address Address::Vpc(std::string project, std::string cloud) {
  return {Kind::kVpc, {std::move(project), std::move(cloud)}};
}

Address Address::Child(Kind kind, std::string project, std::string service, std::string name) {
  return {kind, {std::move(project), std::move(service), std::move(name)}};
}

Address Address::Endpoint(std::string project, std::string name) {
  return {Kind::kEndpoint, {std::move(project), std::move(name)}};
}

Address Address::Acl(Kind kind, std::string project, std::string service,
                     const std::string& username, const std::string& resource,
                     const std::string& permission) {
  return {kind,
          {std::move(project), std::move(service), username + ":" + resource + ":" + permission}};
}

Address Address::Integration(std::string project, std::string type, std::string source,
                             std::string destination) {
  return {Kind::kIntegration, {std::move(project), type + ":" + source + "->" + destination}};
}

std::string Address::ToString() const {
  std::string out = KindName(kind);
  out += ':';
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out;
}

Result<Address> Address::Parse(std::string_view text) {
  const auto colon = text.find(':');
  const auto bad = [&](const std::string& why) {
    return InvalidArgument("invalid address \"" + std::string(text) + "\": " + why +
                           " (expected e.g. service:my-project/pg)");
  };
  if (colon == std::string_view::npos) return bad("missing kind");
  const std::string_view kind_text = text.substr(0, colon);
  Address a;
  size_t want = 0;
  if (kind_text == "project") {
    a.kind = Kind::kProject, want = 1;
  } else if (kind_text == "vpc") {
    a.kind = Kind::kVpc, want = 2;
  } else if (kind_text == "service") {
    a.kind = Kind::kService, want = 2;
  } else if (kind_text == "database") {
    a.kind = Kind::kDatabase, want = 3;
  } else if (kind_text == "user") {
    a.kind = Kind::kUser, want = 3;
  } else if (kind_text == "pool") {
    a.kind = Kind::kPool, want = 3;
  } else if (kind_text == "topic") {
    a.kind = Kind::kTopic, want = 3;
  } else if (kind_text == "endpoint") {
    a.kind = Kind::kEndpoint, want = 2;
  } else if (kind_text == "kafka_acl") {
    a.kind = Kind::kKafkaAcl, want = 3;
  } else if (kind_text == "schema_registry_acl") {
    a.kind = Kind::kSchemaRegistryAcl, want = 3;
  } else if (kind_text == "schema") {
    a.kind = Kind::kSchema, want = 3;
  } else if (kind_text == "connector") {
    a.kind = Kind::kConnector, want = 3;
  } else if (kind_text == "integration") {
    a.kind = Kind::kIntegration, want = 2;
  } else {
    return bad("unknown kind \"" + std::string(kind_text) + "\"");
  }
  std::string_view rest = text.substr(colon + 1);
  // The integration's second part ("type:src->dst") may itself contain '/' for
  // cross-project ends, so split only the first (want - 1) separators.
  while (a.parts.size() + 1 < want) {
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) break;
    a.parts.emplace_back(rest.substr(0, slash));
    rest = rest.substr(slash + 1);
  }
  a.parts.emplace_back(rest);
  if (a.parts.size() != want) return bad("wrong number of parts");
  for (const auto& p : a.parts) {
    if (p.empty()) return bad("empty part");
  }
  return a;
}

Address Address::Parent() const {
  switch (kind) {
    case Kind::kProject:
      return *this;
    case Kind::kVpc:
    case Kind::kService:
    case Kind::kEndpoint:
    case Kind::kIntegration:
      return Project(parts[0]);
    default:
      return Service(parts[0], parts[1]);
  }
}

}  // namespace aivenctl::core
