#pragma once
// Helpers shared by the robust_*_test.cc files (durability, faults, load) that run
// the aiven-emulator binary and talk to it over HTTP.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/emulator_process.h"

namespace aivenctl::testing::robust {

using Json = nlohmann::json;

inline constexpr const char* kToken = "robust-token";

/// Starts `emu` (or fails the test with the reason and the log tail).
#define ROBUST_START(emu)                                    \
  do {                                                       \
    const ::aivenctl::core::Status started_ = (emu).Start(); \
    ASSERT_TRUE(started_.ok()) << started_.ToString();       \
  } while (0)

/// Creates project `p` (default cloud) and expects 200.
inline void CreateProject(TestApi& api, const std::string& p) {
  const ApiResponse r = api.Post("/v1/project", {{"project", p}});
  ASSERT_EQ(r.status, 200) << r.Describe();
}

/// Creates a Kafka service (startup-2: 3 brokers) and expects 200.
inline void CreateKafka(TestApi& api, const std::string& p, const std::string& s) {
  const ApiResponse r =
      api.Post("/v1/project/" + p + "/service",
               {{"service_name", s}, {"service_type", "kafka"}, {"plan", "startup-2"}});
  ASSERT_EQ(r.status, 200) << r.Describe();
}

/// A topic create body. It sets topic_description and owner_user_group_id because the
/// spec requires both (minLength 1) in topic answers; how the emulator answers while
/// they are unset is another test's business.
inline Json TopicBody(const std::string& name, Json extra = Json::object()) {
  Json body{{"topic_name", name},
            {"topic_description", "robustness test topic"},
            {"owner_user_group_id", "robust-group"}};
  body.update(extra);
  return body;
}

inline std::string TopicBase(const std::string& p, const std::string& s) {
  return "/v1/project/" + p + "/service/" + s + "/topic";
}

/// Moves the emulator clock forward.
inline Json AdvanceClock(TestApi& api, double seconds) {
  const ApiResponse r = api.Post("/_emulator/clock", {{"advance_seconds", seconds}});
  EXPECT_EQ(r.status, 200) << r.Describe();
  return r.body;
}

/// GET /_emulator/state (the whole stored document).
inline Json State(TestApi& api) {
  const ApiResponse r = api.Get("/_emulator/state");
  EXPECT_EQ(r.status, 200) << r.Describe();
  return r.body;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace aivenctl::testing::robust
