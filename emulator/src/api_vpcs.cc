// Project VPCs (REFERENCE §5.9): APPROVED -> ACTIVE, DELETING -> DELETED.
#include <cstdio>
#include <regex>

#include "api_routes.h"

namespace aivenctl::emulator {
namespace {

std::string VpcPath(const std::string& p, const std::string& id) {
  return Path({"projects", p, "vpcs", id});
}

std::string State(const Json& v, double now) {
  if (v.contains("deleted_at"))
    return now < v.value("deleted_at", 0.0) + 1.0 ? "DELETING" : "DELETED";
  return now < v.value("active_at", 0.0) ? "APPROVED" : "ACTIVE";
}

Json View(const Json& v, double now, bool full) {
  Json out{
      {"project_vpc_id", v.at("project_vpc_id")},    {"cloud_name", v.at("cloud_name")},
      {"network_cidr", v.at("network_cidr")},        {"state", State(v, now)},
      {"create_time", IsoTime(v.at("create_time"))}, {"update_time", IsoTime(v.at("update_time"))}};
  if (full) {
    out["peering_connections"] = v.value("peering_connections", Json::array());
    // pending_build_only_peering_connections is an optional string ("VPC rebuild is
    // scheduled") in the spec, not a list: omitted, as no rebuild is ever pending here.
  }
  return out;
}

const Json& RequireVpc(const Json& d, const Ctx& c) {
  RequireProject(d, c.Param("project"));
  const auto& vpcs = d["projects"][c.Param("project")]["vpcs"];
  const auto it = vpcs.find(c.Param("project_vpc_id"));
  if (it == vpcs.end()) throw ApiError{404, "Project VPC does not exist", "project_vpc_not_found"};
  return *it;
}

}  // namespace

void RegisterVpcRoutes(Router& r, World& w) {
  const std::string base = "/v1/project/{project}/vpcs";
  r.Add("POST", base, [&w](Ctx& c) {
    const Json& body = c.Object();
    const std::string cloud = ReqString(body, "cloud_name");
    const std::string cidr = ReqString(body, "network_cidr");
    const Json* peerings = OptArray(body, "peering_connections");
    static const std::regex kCidr(R"((\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})/(\d{1,2}))");
    std::smatch m;
    const auto octets_ok = [&m] {
      for (int i = 1; i <= 4; ++i) {
        if (std::stoi(m[i]) > 255) return false;
      }
      return true;
    };
    if (cidr.size() > 18 || !std::regex_match(cidr, m, kCidr) || !octets_ok() ||
        std::stoi(m[5]) > 24 || std::stoi(m[5]) < 16) {
      throw ApiError{
          400, "Invalid network_cidr '" + cidr + "': expected an IPv4 block from /16 to /24", ""};
    }
    if (!w.catalog.HasCloud(cloud))
      throw ApiError{400, "Invalid cloud name '" + cloud + "'", "cloud_not_found"};
    const double now = w.clock.Now();
    const Json vpc = w.store.Write([&](Txn& t) {
      RequireProject(t.doc(), c.Param("project"));
      for (const auto& [id, v] : t.doc()["projects"][c.Param("project")]["vpcs"].items()) {
        if (v.value("cloud_name", "") == cloud && !v.contains("deleted_at")) {
          throw ApiError{409, "A project VPC already exists in cloud " + cloud,
                         "project_vpc_already_exists"};
        }
      }
      char id[40];
      const int64_t n = t.NextId();
      std::snprintf(id, sizeof id, "%08llx-7a1c-4c2d-9e3f-%012llx",
                    static_cast<unsigned long long>(n * 40503u),
                    static_cast<unsigned long long>(n));
      Json rec{{"project_vpc_id", id},
               {"cloud_name", cloud},
               {"network_cidr", cidr},
               {"peering_connections", peerings ? *peerings : Json::array()},
               {"create_time", now},
               {"update_time", now},
               {"active_at", now + w.opts.build_seconds}};
      t.Set(VpcPath(c.Param("project"), id), rec);
      return rec;
    });
    c.Reply(View(vpc, now, true));
  });
  r.Add("GET", base, [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json list = w.store.Read([&](const Json& d) {
      RequireProject(d, c.Param("project"));
      Json out = Json::array();
      for (const auto& [id, v] : d["projects"][c.Param("project")]["vpcs"].items()) {
        if (State(v, now) != "DELETED") out.push_back(View(v, now, false));
      }
      return out;
    });
    c.Reply({{"vpcs", list}});
  });
  r.Add("GET", base + "/{project_vpc_id}", [&w](Ctx& c) {
    const double now = w.clock.Now();
    c.Reply(w.store.Read([&](const Json& d) { return View(RequireVpc(d, c), now, true); }));
  });
  r.Add("DELETE", base + "/{project_vpc_id}", [&w](Ctx& c) {
    const double now = w.clock.Now();
    const Json vpc = w.store.Write([&](Txn& t) {
      Json rec = RequireVpc(t.doc(), c);
      for (const auto& [name, s] : t.doc()["projects"][c.Param("project")]["services"].items()) {
        if (s.value("project_vpc_id", Json()) == rec["project_vpc_id"]) {
          throw ApiError{409, "Project VPC is in use by service " + name, ""};
        }
      }
      if (!rec.contains("deleted_at") && now < rec.value("held_until", 0.0)) {
        // Provider issue 152: the VMs of services just deleted or moved out still hold it.
        throw ApiError{409,
                       "Project VPC cannot be deleted while service deletion or migration from "
                       "it is still in progress",
                       ""};
      }
      if (!rec.contains("deleted_at")) rec["deleted_at"] = now;
      rec["update_time"] = now;
      t.Set(VpcPath(c.Param("project"), c.Param("project_vpc_id")), rec);
      return rec;
    });
    c.Reply(View(vpc, now, true));
  });
}

}  // namespace aivenctl::emulator
