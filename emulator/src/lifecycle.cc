#include "lifecycle.h"

#include <algorithm>
#include <cmath>

#include "clock.h"

namespace aivenctl::emulator {
namespace {

double Num(const Json& r, const char* key) { return r.value(key, 0.0); }

}  // namespace

std::string ServiceState(const Json& r, double now) {
  if (!r.value("powered", true)) return "POWEROFF";
  if (now < Num(r, "ready_at")) return "REBUILDING";
  if (now < Num(r, "rebalance_until")) return "REBALANCING";
  return "RUNNING";
}

bool ServiceServing(const Json& r, double now) {
  const std::string s = ServiceState(r, now);
  return s == "RUNNING" || s == "REBALANCING";
}

Json NodeStates(const Json& r, double now) {
  Json out = Json::array();
  const std::string state = ServiceState(r, now);
  if (state == "POWEROFF") return out;
  const int nodes = std::max(1, r.value("node_count", 1));
  const std::string name = r.value("service_name", "service");
  const std::string cloud = r.value("cloud_name", "");
  const std::string region = cloud.substr(cloud.find('-') + 1);
  std::string node_state = "running";
  if (state == "REBUILDING") {
    const double start = Num(r, "build_start"), end = Num(r, "ready_at");
    const double f = end > start ? (now - start) / (end - start) : 1.0;
    node_state = f < 0.5 ? "setting_up_vm" : "syncing_data";
  }
  for (int i = 1; i <= nodes; ++i) {
    Json node{
        {"name", name + "-" + std::to_string(i)},
        {"state", node_state},
        {"availability_zone", region + "-" + std::string(1, static_cast<char>('a' + (i - 1) % 3))}};
    if (r.value("service_type", "") == "pg" || r.value("service_type", "") == "mysql") {
      node["role"] = i == 1 ? "master" : "standby";
    }
    node["progress_updates"] = Json::array();
    if (node_state == "syncing_data") {
      node["progress_updates"] = Json::array({{{"phase", "prepare"}, {"completed", true}},
                                              {{"phase", "basebackup"}, {"completed", false}}});
    }
    out.push_back(std::move(node));
  }
  if (state == "REBALANCING") {
    // The new nodes sync while the old ones leave, as Aiven shows during a plan change.
    const double start = Num(r, "rebalance_start"), end = Num(r, "rebalance_until");
    const bool late = end > start && (now - start) / (end - start) >= 0.5;
    for (auto& n : out) n["state"] = late ? "running" : "syncing_data";
    out.push_back({{"name", name + "-old-1"},
                   {"state", "leaving"},
                   {"availability_zone", region + "-a"},
                   {"progress_updates", Json::array()}});
  }
  return out;
}

Json Backups(const Json& r, double now) {
  Json out = Json::array();
  const std::string type = r.value("service_type", "");
  if (type != "pg" && type != "mysql") return out;
  const double ready = Num(r, "ready_at");
  if (now < ready || !r.value("powered", true)) return out;
  const int days = static_cast<int>(std::floor((now - ready) / 86400.0));
  for (int d = std::max(0, days - 13); d <= days; ++d) {
    const double t = ready + d * 86400.0;
    out.push_back({{"backup_name", IsoTime(t)},
                   {"backup_time", IsoTime(t)},
                   {"data_size", 33554432 + d * 1048576}});
  }
  return out;
}

std::string TopicState(const Json& topic, double now) {
  return now < Num(topic, "ready_at") ? "CONFIGURING" : "ACTIVE";
}

}  // namespace aivenctl::emulator
