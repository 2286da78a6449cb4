#include "diff/fingerprint.h"

#include "diff/sha256.h"

namespace aivenctl::diff {
namespace {

using nlohmann::json;

json TagsJson(const model::Tags& tags) {
  json out = json::object();
  for (const auto& [k, v] : tags) out[k] = v;
  return out;
}

template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json();
}

// "service" or "project/service" relative to `home`; "@name": an endpoint of `home`.
core::Address EndAddress(const std::string& label, const std::string& home) {
  if (!label.empty() && label[0] == '@') return core::Address::Endpoint(home, label.substr(1));
  auto slash = label.find('/');
  if (slash == std::string::npos) return core::Address::Service(home, label);
  return core::Address::Service(label.substr(0, slash), label.substr(slash + 1));
}

}  // namespace

json CanonicalJson(const model::LiveProject& p) {
  return {{"name", p.name},
          {"default_cloud", p.default_cloud},
          {"billing_group_id", p.billing_group_id},
          {"tags", TagsJson(p.tags)}};
}

json CanonicalJson(const model::LiveService& s) {
  json maintenance;
  if (s.maintenance) maintenance = {{"dow", s.maintenance->dow}, {"time", s.maintenance->time}};
  json out = {{"name", s.name},
              {"project", s.project},
              {"type", s.type},
              {"plan", s.plan},
              {"cloud", s.cloud},
              {"powered", s.state != "POWEROFF"},
              {"termination_protection", s.termination_protection},
              {"user_config", s.user_config},
              {"maintenance", maintenance},
              {"disk_space_mb", Opt(s.disk_space_mb)},
              {"node_count", s.node_count},
              {"tags", TagsJson(s.tags)}};
  // Only when in a VPC, so the fingerprints of services outside one stay as they were.
  if (!s.project_vpc_id.empty()) out["project_vpc_id"] = s.project_vpc_id;
  return out;
}

json CanonicalJson(const model::LiveVpc& v) {
  return {{"id", v.id}, {"cloud", v.cloud}, {"network_cidr", v.network_cidr}};
}

json CanonicalJson(const model::LiveDatabase& d) {
  return {{"name", d.name}, {"lc_collate", Opt(d.lc_collate)}, {"lc_ctype", Opt(d.lc_ctype)}};
}

json CanonicalJson(const model::LiveUser& u) {
  return {{"name", u.name},
          {"type", u.type},
          {"authentication", Opt(u.authentication)},
          {"access_control", u.access_control}};
}

json CanonicalJson(const model::LivePool& p) {
  return {{"name", p.name},
          {"database", p.database},
          {"username", p.username},
          {"size", p.size},
          {"mode", p.mode}};
}

json CanonicalJson(const model::LiveTopic& t) {
  return {{"name", t.name},
          {"partitions", t.partitions},
          {"replication", t.replication},
          {"min_insync_replicas", t.min_insync_replicas},
          {"config", t.config},
          {"tags", TagsJson(t.tags)},
          {"description", t.description}};
}

json CanonicalJson(const model::LiveAcl& a) {
  return {{"id", a.id},
          {"username", a.username},
          {"resource", a.resource},
          {"permission", a.permission}};
}
json CanonicalJson(const model::LiveSchema& s) {
  // The registry's id and version name the schema text: a new version changes both.
  return {{"name", s.name},
          {"version", s.version},
          {"id", s.id},
          {"type", s.type},
          {"compatibility", Opt(s.compatibility)}};
}
json CanonicalJson(const model::LiveConnector& c) {
  return {{"name", c.name},
          {"class", c.class_name},
          {"config", c.config},
          {"secret_keys", c.secret_keys}};
}

json CanonicalJson(const model::LiveIntegration& i) {
  json out = {{"id", i.id},
              {"type", i.type},
              {"source_project", i.source_project},
              {"source_service", i.source_service},
              {"dest_project", i.dest_project},
              {"dest_service", i.dest_service},
              {"enabled", i.enabled},
              {"user_config", i.user_config}};
  // Endpoint ends only when there are some: service-to-service fingerprints stay as they were.
  if (!i.source_endpoint_id.empty()) out["source_endpoint_id"] = i.source_endpoint_id;
  if (!i.dest_endpoint_id.empty()) out["dest_endpoint_id"] = i.dest_endpoint_id;
  return out;
}

json CanonicalJson(const model::LiveEndpoint& e) {
  return {{"id", e.id}, {"name", e.name}, {"type", e.type}, {"user_config", e.user_config}};
}

std::string Fingerprint(const json& canonical) { return "sha256:" + Sha256Hex(canonical.dump()); }

namespace {

// A JSON string literal exactly as nlohmann's dump() writes it (UTF-8 kept as is).
void AppendString(std::string& out, const std::string& s) {
  static const char* kHex = "0123456789abcdef";
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace

std::string FingerprintObject(const model::LiveTopic& t) {
  std::string out;
  out.reserve(256);
  out += "{\"config\":";
  out += t.config.dump();
  out += ",\"description\":";
  AppendString(out, t.description);
  out += ",\"min_insync_replicas\":" + std::to_string(t.min_insync_replicas);
  out += ",\"name\":";
  AppendString(out, t.name);
  out += ",\"partitions\":" + std::to_string(t.partitions);
  out += ",\"replication\":" + std::to_string(t.replication);
  out += ",\"tags\":{";
  bool first = true;
  for (const auto& [k, v] : t.tags) {
    if (!first) out += ',';
    first = false;
    AppendString(out, k);
    out += ':';
    AppendString(out, v);
  }
  out += "}}";
  return "sha256:" + Sha256Hex(out);
}

bool IntegrationEnds(const core::Address& address, std::string* type, core::Address* source,
                     core::Address* destination) {
  if (address.kind != core::Kind::kIntegration || address.parts.size() != 2) return false;
  const std::string& spec = address.parts[1];
  auto colon = spec.find(':');
  auto arrow = spec.find("->", colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || arrow == std::string::npos) return false;
  if (type) *type = spec.substr(0, colon);
  if (source) *source = EndAddress(spec.substr(colon + 1, arrow - colon - 1), address.parts[0]);
  if (destination) *destination = EndAddress(spec.substr(arrow + 2), address.parts[0]);
  return true;
}

const model::LiveIntegration* FindLiveIntegration(const model::LiveState& live,
                                                  const core::Address& address) {
  std::string type;
  core::Address src, dst;
  if (!IntegrationEnds(address, &type, &src, &dst)) return nullptr;
  // Read through the service end (an endpoint end has no integration list).
  const core::Address& through = src.kind == core::Kind::kService ? src : dst;
  if (through.kind != core::Kind::kService) return nullptr;
  const model::LiveService* s = live.FindService(through.parts[0], through.parts[1]);
  if (s == nullptr) return nullptr;
  const auto same = [](const core::Address& end, const std::string& project,
                       const std::string& service, const std::string& endpoint) {
    if (end.kind == core::Kind::kEndpoint) {
      return service.empty() && end.parts[0] == project && end.parts[1] == endpoint;
    }
    return end.parts[0] == project && end.parts[1] == service;
  };
  for (const auto& i : s->integrations) {
    if (i.type == type && same(src, i.source_project, i.source_service, i.source_endpoint) &&
        same(dst, i.dest_project, i.dest_service, i.dest_endpoint)) {
      return &i;
    }
  }
  return nullptr;
}

std::string FingerprintOf(const model::LiveState& live, const core::Address& address) {
  const auto& parts = address.parts;
  switch (address.kind) {
    case core::Kind::kProject: {
      const auto* p = live.FindProject(parts[0]);
      return p ? FingerprintObject(*p) : kAbsent;
    }
    case core::Kind::kVpc: {
      const auto* p = live.FindProject(parts[0]);
      const auto* v = p != nullptr && parts.size() == 2 ? p->FindVpc(parts[1]) : nullptr;
      return v ? FingerprintObject(*v) : kAbsent;
    }
    case core::Kind::kService: {
      const auto* s = live.FindService(parts[0], parts[1]);
      return s ? FingerprintObject(*s) : kAbsent;
    }
    case core::Kind::kDatabase:
    case core::Kind::kUser:
    case core::Kind::kPool:
    case core::Kind::kTopic:
    case core::Kind::kSchema: {
      const auto* s = parts.size() == 3 ? live.FindService(parts[0], parts[1]) : nullptr;
      if (s == nullptr) return kAbsent;
      if (address.kind == core::Kind::kDatabase) {
        const auto* d = s->FindDatabase(parts[2]);
        return d ? FingerprintObject(*d) : kAbsent;
      }
      if (address.kind == core::Kind::kUser) {
        const auto* u = s->FindUser(parts[2]);
        return u ? FingerprintObject(*u) : kAbsent;
      }
      if (address.kind == core::Kind::kSchema) {
        const auto* x = s->FindSchema(parts[2]);
        return x ? FingerprintObject(*x) : kAbsent;
      }
      if (address.kind == core::Kind::kPool) {
        const auto* p = s->FindPool(parts[2]);
        return p ? FingerprintObject(*p) : kAbsent;
      }
      const auto* t = s->FindTopic(parts[2]);
      return t ? FingerprintObject(*t) : kAbsent;
    }
    case core::Kind::kEndpoint: {
      const auto* p = parts.size() == 2 ? live.FindProject(parts[0]) : nullptr;
      const auto* e = p ? p->FindEndpoint(parts[1]) : nullptr;
      return e ? FingerprintObject(*e) : kAbsent;
    }
    case core::Kind::kKafkaAcl:
    case core::Kind::kSchemaRegistryAcl: {
      const auto* s = parts.size() == 3 ? live.FindService(parts[0], parts[1]) : nullptr;
      if (s == nullptr) return kAbsent;
      const auto& acls = address.kind == core::Kind::kKafkaAcl ? s->acls : s->schema_registry_acls;
      for (const auto& a : acls) {
        if (a.Key() == parts[2]) return FingerprintObject(a);
      }
      return kAbsent;
    }
    case core::Kind::kConnector: {
      const auto* s = parts.size() == 3 ? live.FindService(parts[0], parts[1]) : nullptr;
      const auto* c = s ? s->FindConnector(parts[2]) : nullptr;
      return c ? FingerprintObject(*c) : kAbsent;
    }
    case core::Kind::kIntegration: {
      const auto* i = FindLiveIntegration(live, address);
      return i ? FingerprintObject(*i) : kAbsent;
    }
  }
  return kAbsent;
}

}  // namespace aivenctl::diff
