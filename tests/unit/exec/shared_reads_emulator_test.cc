// The executor's readiness waits against the real aiven-emulator over HTTP: the service
// gates of one project share one service list per tick, and a build is seen soon after it
// finishes. The emulator's clock follows the test's fake clock (moved before every read),
// so a 450 s build takes milliseconds and every figure is exact.

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>

#include "../api/api_fixture.h"
#include "exec/api_runner.h"
#include "exec/executor.h"
#include "fakes.h"

namespace aivenctl::exec {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// Delegates to ApiRunner; before each read moves the emulator clock to the fake clock's
// time and notes the read (one API request each).
class SyncedRunner : public OperationRunner {
 public:
  SyncedRunner(ApiRunner& inner, core::FakeClock& clock, std::function<void(double)> advance)
      : inner_(inner), clock_(clock), origin_(clock.Now()), advance_(std::move(advance)) {}

  core::Status Call(const diff::Operation& op, std::stop_token stop) override {
    return inner_.Call(op, stop);
  }
  ProbeResult Probe(const diff::Operation& op, std::stop_token stop) override {
    Sync(1);
    return inner_.Probe(op, stop);
  }
  std::vector<ProbeResult> ProbeServices(const std::string& project,
                                         const std::vector<const diff::Operation*>& ops,
                                         std::stop_token stop) override {
    Sync(static_cast<int>(ops.size()));
    return inner_.ProbeServices(project, ops, stop);
  }
  std::vector<ProbeResult> ProbeTopics(const std::string& project, const std::string& service,
                                       const std::vector<const diff::Operation*>& ops,
                                       std::stop_token stop) override {
    Sync(static_cast<int>(ops.size()));
    return inner_.ProbeTopics(project, service, ops, stop);
  }

  /// Reads (API requests) by fake time in ms, and the readings they returned in all.
  std::map<long long, int> reads_at() const {
    std::lock_guard lock(mu_);
    return reads_at_;
  }
  int readings() const {
    std::lock_guard lock(mu_);
    return readings_;
  }

 private:
  void Sync(int readings) {
    std::lock_guard lock(mu_);
    const long long ms = std::chrono::duration_cast<milliseconds>(clock_.Now() - origin_).count();
    if (ms > synced_ms_) {
      advance_((ms - synced_ms_) / 1000.0);
      synced_ms_ = ms;
    }
    ++reads_at_[ms];
    readings_ += readings;
  }

  ApiRunner& inner_;
  core::FakeClock& clock_;
  core::SteadyTime origin_;
  std::function<void(double)> advance_;
  mutable std::mutex mu_;
  long long synced_ms_ = 0;
  std::map<long long, int> reads_at_;
  int readings_ = 0;
};

class SharedReadsTest : public api::testing::ApiFixture {};

diff::Operation CreateService(int id, const std::string& name, const std::string& type,
                              const std::string& plan) {
  diff::Operation op;
  op.id = id;
  op.address = core::Address::Service("shared", name);
  op.action = diff::Action::kCreate;
  op.gate = diff::Gate::kServiceRunning;
  op.request = diff::ServiceCreate{.name = name, .type = type, .plan = plan};
  return op;
}

TEST_F(SharedReadsTest, ServicesBuildingInOneProjectCostOneServiceListPerTick) {
  ASSERT_TRUE(api_->CreateProject({{"project", "shared"}}).ok());
  ResetRequests();
  ApiRunner api_runner(*api_);
  SyncedRunner runner(api_runner, clock_, [this](double s) {
    Control("POST", "/_emulator/clock", "{\"advance_seconds\":" + std::to_string(s) + "}");
  });
  testing::RecordingSink sink;
  // --build-seconds 300 (the fixture) x the emulator's multipliers: 240, 300, 300, 450 s.
  const std::vector<diff::Operation> ops = {
      CreateService(0, "cache", "valkey", "startup-4"),
      CreateService(1, "db", "pg", "startup-4"),
      CreateService(2, "events", "kafka", "startup-2"),
      CreateService(3, "metrics", "pg", "hobbyist"),
  };
  Executor executor(runner, clock_, sink);
  const RunResult r = executor.Run(ops);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();

  // Every tick is one request: never two reads at the same instant.
  const std::map<long long, int> reads = runner.reads_at();
  for (const auto& [ms, n] : reads) EXPECT_EQ(n, 1) << "reads at " << ms << " ms";
  const nlohmann::json counts = Requests();
  const nlohmann::json& by_route = counts["by_route"];
  const int lists = by_route.value("GET /v1/project/{project}/service", 0);
  const int gets = by_route.value("GET /v1/project/{project}/service/{service_name}", 0);
  EXPECT_EQ(lists + gets, static_cast<int>(reads.size()));
  EXPECT_EQ(by_route.value("POST /v1/project/{project}/service", 0), 4);
  EXPECT_EQ(counts["total"], 4 + lists + gets) << counts.dump();
  // While two or more services wait, a tick reads them all with one list: the 4 services'
  // readings (confirmations included) cost well under half as many requests.
  EXPECT_GT(lists, 0);
  EXPECT_GE(runner.readings(), 2 * (lists + gets)) << lists << " lists, " << gets << " gets";
  // Backing off to 10 s per service would take ~150 reads; the shaped, shared cadence ~85.
  std::string schedule;
  for (const auto& [ms, n] : reads) schedule += " " + std::to_string(ms);
  EXPECT_LE(lists + gets, 100) << "reads at (ms):" << schedule;

  // Each build is seen, and confirmed, soon after it ends: within 5% of its time + 1 s.
  const std::map<std::string, double> build = {
      {"cache", 300}, {"db", 300}, {"events", 450}, {"metrics", 240}};
  for (const OpResult& op : r.ops) {
    const double took = std::chrono::duration<double>(op.elapsed).count();
    const double b = build.at(op.address.parts[1]);
    EXPECT_GE(took, b) << op.address.ToString();
    EXPECT_LE(took, b * 1.05 + 1) << op.address.ToString();
  }
}

TEST_F(SharedReadsTest, TopicsShareTheirServicesTopicListAndIntegrationsTheServiceList) {
  ASSERT_TRUE(api_->CreateProject({{"project", "shared"}}).ok());
  ApiRunner api_runner(*api_);
  SyncedRunner runner(api_runner, clock_, [this](double s) {
    Control("POST", "/_emulator/clock", "{\"advance_seconds\":" + std::to_string(s) + "}");
  });
  testing::RecordingSink sink;
  {  // The services first: their reads are not what this test counts.
    Executor executor(runner, clock_, sink);
    const RunResult built = executor.Run({CreateService(0, "events", "kafka", "startup-2"),
                                          CreateService(1, "db", "pg", "startup-4"),
                                          CreateService(2, "db2", "pg", "startup-4")});
    ASSERT_TRUE(built.status.ok()) << built.status.ToString();
  }
  ResetRequests();
  const int readings_before = runner.readings();
  const auto op = [](int id, const std::string& address, diff::Gate gate, diff::Request request) {
    diff::Operation o;
    o.id = id;
    o.address = *core::Address::Parse(address);
    o.action = diff::Action::kCreate;
    o.gate = gate;
    o.request = std::move(request);
    return o;
  };
  const auto metrics = [](const std::string& dest) {
    return diff::IntegrationCreate{.type = "metrics",
                                   .source_project = "shared",
                                   .source_service = "events",
                                   .dest_project = "shared",
                                   .dest_service = dest};
  };
  // --topic-seconds and --integration-seconds 60 (the fixture).
  const std::vector<diff::Operation> ops = {
      op(0, "topic:shared/events/orders", diff::Gate::kTopicActive,
         diff::TopicCreate{.name = "orders", .partitions = 3, .replication = 2}),
      op(1, "topic:shared/events/payments", diff::Gate::kTopicActive,
         diff::TopicCreate{.name = "payments", .partitions = 3, .replication = 2}),
      op(2, "integration:shared/metrics:events->db", diff::Gate::kIntegrationActive, metrics("db")),
      op(3, "integration:shared/metrics:events->db2", diff::Gate::kIntegrationActive,
         metrics("db2")),
  };
  Executor executor(runner, clock_, sink);
  const RunResult r = executor.Run(ops);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();

  const nlohmann::json counts = Requests();
  const nlohmann::json& by_route = counts["by_route"];
  // Both topics are read with their service's topic list, both integrations with the
  // project's service list: never one by one.
  EXPECT_EQ(
      by_route.value("GET /v1/project/{project}/service/{service_name}/topic/{topic_name}", 0), 0)
      << counts.dump();
  EXPECT_EQ(by_route.value("GET /v1/project/{project}/integration/{integration_id}", 0), 0)
      << counts.dump();
  const int topic_lists =
      by_route.value("GET /v1/project/{project}/service/{service_name}/topic", 0);
  const int service_lists = by_route.value("GET /v1/project/{project}/service", 0);
  EXPECT_GT(topic_lists, 0);
  EXPECT_GT(service_lists, 0);
  EXPECT_EQ(runner.readings() - readings_before, 2 * (topic_lists + service_lists))
      << counts.dump();
  for (const OpResult& o : r.ops) {  // each seen within the backed-off ceiling (10 s)
    const double took = std::chrono::duration<double>(o.elapsed).count();
    EXPECT_GE(took, 60) << o.address.ToString();
    EXPECT_LE(took, 60 + 10 + 1) << o.address.ToString();
  }
}

}  // namespace
}  // namespace aivenctl::exec
