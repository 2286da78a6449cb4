// EmulatorProcess against testdata/fake_emulator.cc, a stand-in with the same contract.

#include "support/emulator_process.h"

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"

namespace aivenctl::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

EmulatorOptions Fake(std::vector<std::string> args = {}) {
  EmulatorOptions options;
  options.binary = FAKE_EMULATOR_PATH;
  options.args = std::move(args);
  options.start_timeout = std::chrono::milliseconds(5000);
  options.stop_timeout = std::chrono::milliseconds(2000);
  return options;
}

// GET /_emulator/echo on the fake; null on transport failure.
nlohmann::json Echo(const EmulatorProcess& emulator) {
  httplib::Client client(emulator.base_url());
  auto res = client.Get("/_emulator/echo");
  if (!res) return nullptr;
  return nlohmann::json::parse(res->body);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(TempDir, CreatesAndRemoves) {
  std::string path;
  {
    TempDir dir("support-test-");
    path = dir.path();
    EXPECT_TRUE(std::filesystem::is_directory(path));
    std::filesystem::create_directories(dir.File("a/b"));
    std::ofstream(dir.File("a/b/c.txt")) << "x";
    TempDir moved(std::move(dir));
    EXPECT_EQ(moved.path(), path);
    EXPECT_TRUE(dir.path().empty());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(EmulatorProcess, StartsParsesPortAndServes) {
  EmulatorProcess emulator(Fake({"--token", "t1"}));
  ASSERT_TRUE(emulator.Start().ok());
  EXPECT_TRUE(emulator.running());
  EXPECT_GT(emulator.port(), 0);
  EXPECT_EQ(emulator.base_url(), "http://127.0.0.1:" + std::to_string(emulator.port()));
  const auto echo = Echo(emulator);
  ASSERT_TRUE(echo.is_object());
  EXPECT_EQ(echo["args"], nlohmann::json({"--token", "t1", "--strict", "--port", "0"}));
}

TEST(EmulatorProcess, StrictCanBeTurnedOff) {
  EmulatorOptions options = Fake({"--token", "t1"});
  options.strict = false;
  EmulatorProcess emulator(options);
  ASSERT_TRUE(emulator.Start().ok());
  EXPECT_EQ(Echo(emulator)["args"], nlohmann::json({"--token", "t1", "--port", "0"}));
}

TEST(EmulatorProcess, LogGetsStderrAndLaterStdout) {
  EmulatorProcess emulator(Fake());
  ASSERT_TRUE(emulator.Start().ok());
  const ExitInfo info = emulator.Stop();
  EXPECT_TRUE(info.exited) << info.ToString();
  EXPECT_EQ(info.code, 0);
  EXPECT_FALSE(info.forced_kill);
  const std::string log = ReadFile(emulator.log_path());
  EXPECT_THAT(log, HasSubstr("fake emulator: more stdout after the first line"));
  EXPECT_THAT(log, HasSubstr("fake emulator: a line on stderr"));
  EXPECT_THAT(log, HasSubstr("fake emulator: stopped"));
  EXPECT_THAT(log, ::testing::Not(HasSubstr("aiven-emulator listening on")));
}

TEST(EmulatorProcess, WrongFirstLineFailsClearly) {
  EmulatorProcess emulator(Fake({"--mode", "wrong-line"}));
  const core::Status status = emulator.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(),
              StartsWith("unexpected first stdout line \"listening on 127.0.0.1:"));
  EXPECT_THAT(status.message(), HasSubstr("(want \"aiven-emulator listening on "
                                          "http://127.0.0.1:PORT\")"));
  EXPECT_FALSE(emulator.running()) << "the child is killed and reaped";
}

TEST(EmulatorProcess, EarlyExitFailsWithExitCodeAndLog) {
  EmulatorProcess emulator(Fake({"--mode", "exit-early"}));
  const core::Status status = emulator.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(),
              StartsWith("emulator ended before printing its listening line (exit code 3"));
  EXPECT_THAT(status.message(), HasSubstr("fake emulator: failing on purpose"));
  EXPECT_THAT(status.message(), HasSubstr(emulator.log_path()));
  EXPECT_FALSE(emulator.running());
}

TEST(EmulatorProcess, SilentChildTimesOut) {
  EmulatorOptions options = Fake({"--mode", "silent"});
  options.start_timeout = std::chrono::milliseconds(200);
  EmulatorProcess emulator(options);
  const auto start = std::chrono::steady_clock::now();
  const core::Status status = emulator.Start();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), StartsWith("no listening line on stdout within 200 ms"));
  EXPECT_FALSE(emulator.running());
}

TEST(EmulatorProcess, MissingBinaryIsNotFound) {
  EmulatorOptions options;
  options.binary = "/nonexistent/aiven-emulator";
  EmulatorProcess emulator(options);
  const core::Status status = emulator.Start();
  EXPECT_EQ(status.code(), core::Code::kNotFound);
  EXPECT_EQ(status.message(),
            "emulator binary not found or not executable: /nonexistent/aiven-emulator");
}

TEST(EmulatorProcess, DefaultBinaryIsUnderTheBuildDir) {
  EXPECT_THAT(EmulatorProcess::DefaultBinary(), ::testing::EndsWith("/emulator/aiven-emulator"));
}

TEST(EmulatorProcess, Kill9ReapsAndServerIsGone) {
  EmulatorProcess emulator(Fake());
  ASSERT_TRUE(emulator.Start().ok());
  const pid_t pid = emulator.pid();
  const ExitInfo info = emulator.Kill9();
  EXPECT_FALSE(info.exited);
  EXPECT_EQ(info.signal, SIGKILL);
  EXPECT_FALSE(emulator.running());
  EXPECT_NE(::kill(pid, 0), 0) << "reaped: the pid no longer exists";
  EXPECT_TRUE(Echo(emulator).is_null()) << "nobody listens any more";
}

TEST(EmulatorProcess, StopFallsBackToSigkill) {
  EmulatorOptions options = Fake({"--mode", "ignore-term"});
  options.stop_timeout = std::chrono::milliseconds(100);
  EmulatorProcess emulator(options);
  ASSERT_TRUE(emulator.Start().ok());
  const ExitInfo info = emulator.Stop();
  EXPECT_TRUE(info.forced_kill);
  EXPECT_EQ(info.signal, SIGKILL);
  EXPECT_EQ(info.ToString(), "killed by signal 9 (SIGTERM ignored, sent SIGKILL)");
}

TEST(EmulatorProcess, RestartKeepsArgsAndDataDir) {
  EmulatorOptions options = Fake({"--seed", "7"});
  options.temp_data_dir = true;
  EmulatorProcess emulator(options);
  ASSERT_TRUE(emulator.Start().ok());
  ASSERT_FALSE(emulator.data_dir().empty());
  EXPECT_EQ(Echo(emulator)["starts"], 1);
  emulator.Kill9();
  ASSERT_TRUE(emulator.Restart().ok());
  const auto echo = Echo(emulator);
  ASSERT_TRUE(echo.is_object());
  EXPECT_EQ(echo["starts"], 2) << "same data dir as before";
  EXPECT_EQ(echo["args"], nlohmann::json({"--data-dir", emulator.data_dir(), "--seed", "7",
                                          "--strict", "--port", "0"}));
  ASSERT_TRUE(emulator.Restart().ok()) << "restart while running stops first";
  EXPECT_EQ(Echo(emulator)["starts"], 3);
  EXPECT_THAT(ReadFile(emulator.log_path()), HasSubstr("emulator restarted"));
}

TEST(EmulatorProcess, DestructorKillsTheChild) {
  pid_t pid = -1;
  std::string dir;
  {
    EmulatorProcess emulator(Fake());
    ASSERT_TRUE(emulator.Start().ok());
    pid = emulator.pid();
    dir = std::filesystem::path(emulator.log_path()).parent_path();
  }
  EXPECT_NE(::kill(pid, 0), 0);
  EXPECT_FALSE(std::filesystem::exists(dir)) << "log dir removed when the test passes";
}

}  // namespace
}  // namespace aivenctl::testing
