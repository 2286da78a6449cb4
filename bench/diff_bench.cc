// Benchmark of the planner and the renderers: a synthetic desired/live pair with 100,000
// resources (10 projects x 100 Kafka services x 99 topics, 1% drift), diffed and rendered
// as text and JSON in-process. Prints CPU time (getrusage) and peak RSS.
//
//   build/bench/diff_bench [runs]

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "diff/changeset_json.h"
#include "diff/planner.h"
#include "render/changeset_text.h"

namespace {

using namespace aivenctl;
using nlohmann::json;

constexpr int kProjects = 10, kServices = 100, kTopics = 99;

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;  // KiB on Linux
}

model::Catalog MakeCatalog() {
  model::Catalog c;
  c.clouds.push_back({"google-europe-west1", "", "google", "europe"});
  model::ServiceType kafka;
  kafka.name = "kafka";
  kafka.plans.push_back({"business-4", 3, {{"google-europe-west1", {0.685, 614400}}}});
  kafka.user_config_schema = {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"kafka_rest", {{"type", "boolean"}}},
        {"kafka",
         {{"type", "object"},
          {"properties", {{"auto_create_topics_enable", {{"type", "boolean"}}}}}}}}}};
  c.service_types.emplace("kafka", kafka);
  return c;
}

void Build(model::Plan& plan, model::LiveState& live) {
  plan.name = "bench";
  plan.file = "bench.yaml";
  for (int p = 0; p < kProjects; ++p) {
    model::Project dp;
    dp.name = "proj-" + std::to_string(p);
    dp.address = core::Address::Project(dp.name);
    model::LiveProject lp;
    lp.name = dp.name;
    lp.default_cloud = "google-europe-west1";
    lp.tags = {{"managed-by", "aivenctl"}, {"aivenctl-plan", "bench"}};
    for (int s = 0; s < kServices; ++s) {
      model::Service ds;
      ds.name = "kafka-" + std::to_string(s);
      ds.project = dp.name;
      ds.type = "kafka";
      ds.plan = "business-4";
      ds.cloud.value = "google-europe-west1";
      ds.cloud.origin = model::Origin::kExplicit;
      ds.user_config = {{"kafka_rest", true}};
      ds.address = core::Address::Service(dp.name, ds.name);
      model::LiveService ls;
      ls.name = ds.name;
      ls.project = dp.name;
      ls.type = "kafka";
      ls.plan = s % 50 == 0 ? "startup-2" : "business-4";  // 2% of services drift
      ls.cloud = "google-europe-west1";
      ls.state = "RUNNING";
      ls.user_config = {{"kafka_rest", true}, {"kafka_version", "3.8"}};
      ls.tags = lp.tags;
      ls.node_count = 3;
      ls.topics_read = true;
      ls.address = ds.address;
      for (int t = 0; t < kTopics; ++t) {
        model::Topic dt;
        dt.name = "topic-" + std::to_string(1000 + t);
        dt.partitions = 6;
        dt.replication = 3;
        dt.config = {{"retention_ms", 604800000}, {"cleanup_policy", "delete"}};
        dt.address = core::Address::Child(core::Kind::kTopic, dp.name, ds.name, dt.name);
        dt.pos = {"bench.yaml", 10 + t, 9};
        if (t % 100 != 98) {  // 1% of topics are new
          model::LiveTopic lt;
          lt.name = dt.name;
          lt.partitions = t % 100 == 7 ? 3 : 6;  // 1% grow
          lt.replication = 3;
          lt.min_insync_replicas = 2;
          lt.config = {{"retention_ms", t % 100 == 13 ? 86400000 : 604800000},
                       {"cleanup_policy", "delete"},
                       {"segment_bytes", 1073741824}};
          lt.tags = lp.tags;
          lt.state = "ACTIVE";
          ls.topics.push_back(std::move(lt));
        }
        ds.topics.push_back(std::move(dt));
      }
      dp.services.push_back(std::move(ds));
      lp.services.push_back(std::move(ls));
    }
    plan.projects.push_back(std::move(dp));
    live.projects.push_back(std::move(lp));
  }
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 3;
  model::Catalog catalog = MakeCatalog();
  model::Plan plan;
  model::LiveState live;
  Build(plan, live);
  model::PlanCounts n = model::Count(plan);
  std::printf("resources: %d projects, %d services, %d topics (%d in all)\n", n.projects,
              n.services, n.topics, n.projects + n.services + n.topics);
  std::printf("peak RSS after building the inputs: %.1f MB\n", PeakRssMb());
  double best = 1e9, best_diff = 0, best_render = 0, best_json = 1e9;
  for (int r = 0; r < runs; ++r) {
    double t0 = CpuSeconds();
    diff::PlanOptions o;
    o.now = *core::ParseTime("2026-11-28T12:00:00Z");
    diff::PlanResult result = diff::Plan(plan, live, catalog, o);
    double t1 = CpuSeconds();
    std::string text = render::FormatChangesetText(result.changeset, render::TextStyle{});
    double t2 = CpuSeconds();
    double rss_text = PeakRssMb();
    std::string json_text = diff::ToJson(result.changeset).dump();
    double t3 = CpuSeconds();
    diff::Summary s = result.changeset.Summarize();
    std::printf(
        "run %d: diff %.3f s + text render (%zu B) %.3f s = %.3f s CPU; JSON (%zu B) %.3f s; "
        "%d create, %d update, %d no-op, %zu operations, %zu errors; peak RSS %.1f MB before "
        "the JSON\n",
        r + 1, t1 - t0, text.size(), t2 - t1, t2 - t0, json_text.size(), t3 - t2, s.create,
        s.update, s.noop, result.changeset.operations.size(), result.errors.size(), rss_text);
    if (t2 - t0 < best) best = t2 - t0, best_diff = t1 - t0, best_render = t2 - t1;
    best_json = std::min(best_json, t3 - t2);
  }
  std::printf("best: %.3f s CPU (diff %.3f s, text render %.3f s); JSON %.3f s; peak RSS %.1f MB\n",
              best, best_diff, best_render, best_json, PeakRssMb());
  return 0;
}
