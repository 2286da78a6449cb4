// Lifecycle states derived from stored timestamps and a given time.

#include "lifecycle.h"

#include <gtest/gtest.h>

namespace aivenctl::emulator {
namespace {

Json Service(double build_start, double ready_at) {
  return {{"service_name", "pg1"}, {"service_type", "pg"},       {"cloud_name", "aws-eu-west-1"},
          {"node_count", 2},       {"build_start", build_start}, {"ready_at", ready_at},
          {"rebalance_start", 0},  {"rebalance_until", 0},       {"powered", true}};
}

TEST(Lifecycle, ServiceBuildsThenRuns) {
  const Json r = Service(100, 200);
  EXPECT_EQ(ServiceState(r, 100), "REBUILDING");
  EXPECT_EQ(ServiceState(r, 199.9), "REBUILDING");
  EXPECT_FALSE(ServiceServing(r, 150));
  EXPECT_EQ(ServiceState(r, 200), "RUNNING");
  EXPECT_TRUE(ServiceServing(r, 200));
  EXPECT_EQ(NodeStates(r, 110)[0]["state"], "setting_up_vm");
  EXPECT_EQ(NodeStates(r, 180)[0]["state"], "syncing_data");
  const Json running = NodeStates(r, 300);
  ASSERT_EQ(running.size(), 2u);
  EXPECT_EQ(running[0]["state"], "running");
  EXPECT_EQ(running[0]["role"], "master");
  EXPECT_EQ(running[1]["role"], "standby");
}

TEST(Lifecycle, RebalancingAndPoweroff) {
  Json r = Service(0, 10);
  r["rebalance_start"] = 100;
  r["rebalance_until"] = 110;
  EXPECT_EQ(ServiceState(r, 105), "REBALANCING");
  EXPECT_TRUE(ServiceServing(r, 105));
  EXPECT_EQ(NodeStates(r, 101).back()["state"], "leaving");
  EXPECT_EQ(ServiceState(r, 110), "RUNNING");
  r["powered"] = false;
  EXPECT_EQ(ServiceState(r, 105), "POWEROFF");
  EXPECT_FALSE(ServiceServing(r, 105));
  EXPECT_EQ(NodeStates(r, 105), Json::array());
  EXPECT_EQ(Backups(r, 1e6), Json::array());
}

TEST(Lifecycle, BackupsOncePerDayAtMostFourteen) {
  const Json r = Service(0, 1000);
  EXPECT_EQ(Backups(r, 999), Json::array());
  EXPECT_EQ(Backups(r, 1000).size(), 1u);
  EXPECT_EQ(Backups(r, 1000 + 3 * 86400.0).size(), 4u);
  EXPECT_EQ(Backups(r, 1000 + 100 * 86400.0).size(), 14u);
  Json kafka = r;
  kafka["service_type"] = "kafka";
  EXPECT_EQ(Backups(kafka, 1e7), Json::array());
}

TEST(Lifecycle, TopicConfiguringThenActive) {
  const Json t{{"ready_at", 50.0}};
  EXPECT_EQ(TopicState(t, 49), "CONFIGURING");
  EXPECT_EQ(TopicState(t, 50), "ACTIVE");
}

}  // namespace
}  // namespace aivenctl::emulator
