#include "chaos/chaos_fixture.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <tuple>

#include "support/plan_env.h"

namespace aivenctl::testing {

using nlohmann::json;

std::vector<uint64_t> ParseSeeds(const std::string& text) {
  std::vector<uint64_t> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) return {};
    const std::size_t dash = item.find('-');
    try {
      std::size_t used = 0;
      if (dash == std::string::npos) {
        out.push_back(std::stoull(item, &used));
        if (used != item.size()) return {};
        continue;
      }
      const std::string a = item.substr(0, dash), b = item.substr(dash + 1);
      const uint64_t first = std::stoull(a, &used);
      if (used != a.size()) return {};
      const uint64_t last = std::stoull(b, &used);
      if (used != b.size() || last < first || last - first > 100000) return {};
      for (uint64_t s = first; s <= last; ++s) out.push_back(s);
    } catch (const std::exception&) {
      return {};
    }
  }
  return out;
}

std::vector<uint64_t> ChaosSeeds() {
  const char* env = std::getenv("AIVENCTL_CHAOS_SEEDS");
  if (env == nullptr || *env == '\0') return {1};
  std::vector<uint64_t> seeds = ParseSeeds(env);
  if (seeds.empty()) {
    ADD_FAILURE() << "AIVENCTL_CHAOS_SEEDS=\"" << env << "\" is not a seed list like 1-50 or 3,7";
  }
  return seeds;
}

void Record(const json& line) {
  static std::mutex mu;
  std::lock_guard lock(mu);
  const std::string text = line.dump();
  std::cout << "[chaos] " << text << std::endl;
  if (const char* path = std::getenv("AIVENCTL_CHAOS_REPORT"); path && *path) {
    std::ofstream(path, std::ios::app) << text << "\n";
  }
}

std::vector<std::string> ShippedPlanFiles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/plans")) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string FirstError(const ProcessOutcome& o) {
  std::istringstream in(o.out + "\n" + o.err);
  for (std::string line; std::getline(in, line);) {
    if (line.find("error") == std::string::npos) continue;
    if (line.rfind('[', 0) == 0 && line.find("] ") != std::string::npos) {
      line = line.substr(line.find("] ") + 2);
    }
    return line;
  }
  return "";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

bool OwnedBy(const json& tags, const std::string& plan_name) {
  return tags.is_object() && tags.value("managed-by", "") == "aivenctl" &&
         tags.value("aivenctl-plan", "") == plan_name;
}

const json& Members(const json& parent, const char* key) {
  static const json kEmpty = json::object();
  auto it = parent.find(key);
  return it != parent.end() && it->is_object() ? *it : kEmpty;
}

// True when service `project`/`service` exists in `state` and plan_name owns it.
bool ServiceOwned(const json& state, const std::string& project, const json& service,
                  const std::string& plan_name) {
  if (!service.is_string()) return false;
  const json& projects = Members(state, "projects");
  auto p = projects.find(project);
  if (p == projects.end()) return false;
  const json& services = Members(*p, "services");
  auto s = services.find(service.get<std::string>());
  return s != services.end() && OwnedBy(s->value("tags", json::object()), plan_name);
}

bool IntegrationOwned(const json& state, const json& rec, const std::string& plan_name) {
  return ServiceOwned(state, rec.value("source_project", ""), rec.value("source_service", json()),
                      plan_name) ||
         ServiceOwned(state, rec.value("dest_project", ""), rec.value("dest_service", json()),
                      plan_name);
}

void Diff(const json& a, const json& b, const std::string& path, int& count,
          std::vector<std::string>* paths, std::size_t max_paths) {
  const auto note = [&] {
    ++count;
    if (paths && paths->size() < max_paths) paths->push_back(path.empty() ? "/" : path);
  };
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
    for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
    for (const auto& k : keys) {
      const std::string child = path + "/" + k;
      if (!a.contains(k) || !b.contains(k)) {
        ++count;
        if (paths && paths->size() < max_paths) paths->push_back(child);
        continue;
      }
      Diff(a.at(k), b.at(k), child, count, paths, max_paths);
    }
    return;
  }
  if (a != b) note();
}

}  // namespace

std::set<std::string> OwnedAddresses(const json& state, const std::string& plan_name) {
  std::set<std::string> out;
  for (const auto& [pname, entry] : Members(state, "projects").items()) {
    const bool project_owned = OwnedBy(entry.value("tags", json::object()), plan_name);
    if (project_owned) out.insert("project:" + pname);
    // VPCs and endpoints carry no tags: those of the plan's own project are the plan's (the
    // chaos runs declare every one there). A VPC whose delete was asked for is going.
    for (const auto& [id, v] : Members(entry, "vpcs").items()) {
      if (project_owned && !v.contains("deleted_at")) {
        out.insert("vpc:" + pname + "/" + v.value("cloud_name", ""));
      }
    }
    for (const auto& [id, e] : Members(entry, "endpoints").items()) {
      if (project_owned) out.insert("endpoint:" + pname + "/" + e.value("endpoint_name", ""));
    }
    for (const auto& [sname, s] : Members(entry, "services").items()) {
      if (!OwnedBy(s.value("tags", json::object()), plan_name)) continue;
      const std::string base = pname + "/" + sname;
      out.insert("service:" + base);
      for (const auto& [uname, u] : Members(s, "users").items()) {
        if (u.value("type", "") != "primary") out.insert("user:" + base + "/" + uname);
      }
      for (const auto& [dname, d] : Members(s, "databases").items()) {
        if (dname != "defaultdb") out.insert("database:" + base + "/" + dname);
      }
      for (const auto& [tname, t] : Members(s, "topics").items()) {
        out.insert("topic:" + base + "/" + tname);
      }
      for (const auto& [pool, p] : Members(s, "pools").items()) {
        out.insert("pool:" + base + "/" + pool);
      }
      for (const auto& [dname, d] : Members(s, "ch_databases").items()) {
        if (!d.value("required", false)) out.insert("database:" + base + "/" + dname);
      }
      // ACL entries by content (Aiven's avnadmin defaults are not the plan's), connectors,
      // subjects.
      for (const auto& [field, kind, resource] :
           {std::tuple{"acl", "kafka_acl:", "topic"},
            std::tuple{"schema_registry_acl", "schema_registry_acl:", "resource"}}) {
        for (const auto& [id, a] : Members(s, field).items()) {
          if (a.value("username", "") == "avnadmin") continue;
          out.insert(kind + base + "/" + a.value("username", "") + ":" + a.value(resource, "") +
                     ":" + a.value("permission", ""));
        }
      }
      for (const auto& [kname, k] : Members(s, "connectors").items()) {
        out.insert("connector:" + base + "/" + kname);
      }
      const json registry = s.value("schema_registry", json::object());
      for (const auto& [subject, versions] : Members(registry, "subjects").items()) {
        if (!subject.empty() && subject[0] != '_' && !versions.empty()) {
          out.insert("schema:" + base + "/" + subject);
        }
      }
    }
    for (const auto& [id, rec] : Members(entry, "integrations").items()) {
      if (!IntegrationOwned(state, rec, plan_name)) continue;
      // An end is a service ("svc", "other-project/svc" across projects) or an endpoint
      // ("@name").
      const auto end = [&](const char* side) {
        const std::string project = rec.value(std::string(side) + "_project", "");
        const json service = rec.value(std::string(side) + "_service", json());
        if (service.is_string()) {
          return project != rec.value("source_project", "")
                     ? project + "/" + service.get<std::string>()
                     : service.get<std::string>();
        }
        const json id = rec.value(std::string(side) + "_endpoint_id", json());
        const json& endpoints = Members(entry, "endpoints");
        const auto it = id.is_string() ? endpoints.find(id.get<std::string>()) : endpoints.end();
        return "@" + (it != endpoints.end() ? it->value("endpoint_name", "") : std::string("?"));
      };
      const std::string src = end("source");
      const std::string dst = end("dest");
      out.insert("integration:" + rec.value("source_project", "") + "/" +
                 rec.value("integration_type", "") + ":" + src + "->" + dst);
    }
  }
  return out;
}

std::vector<std::string> DuplicateIntegrations(const json& state) {
  std::map<std::string, int> seen;
  for (const auto& [pname, entry] : Members(state, "projects").items()) {
    for (const auto& [id, rec] : Members(entry, "integrations").items()) {
      std::string key = rec.value("integration_type", "") + " ";
      for (const char* k : {"source_project", "source_service", "source_endpoint_id"}) {
        const json v = rec.value(k, json());
        key += v.is_string() ? v.get<std::string>() + "/" : "-/";
      }
      key += "->";
      for (const char* k : {"dest_project", "dest_service", "dest_endpoint_id"}) {
        const json v = rec.value(k, json());
        key += v.is_string() ? "/" + v.get<std::string>() : "/-";
      }
      ++seen[key];
    }
  }
  std::vector<std::string> out;
  for (const auto& [key, n] : seen) {
    if (n > 1) out.push_back(key + " x" + std::to_string(n));
  }
  return out;
}

json OutsideScope(const json& state, const std::string& plan_name) {
  json out = state;
  out.erase("next_id");
  out.erase("clock_offset");
  if (!out.contains("projects") || !out["projects"].is_object()) return out;
  json kept = json::object();
  for (const auto& [pname, entry] : Members(state, "projects").items()) {
    json e = entry;
    json services = json::object();
    for (const auto& [sname, s] : Members(entry, "services").items()) {
      if (!OwnedBy(s.value("tags", json::object()), plan_name)) services[sname] = s;
    }
    json integrations = json::object();
    for (const auto& [id, rec] : Members(entry, "integrations").items()) {
      if (!IntegrationOwned(state, rec, plan_name)) integrations[id] = rec;
    }
    if (OwnedBy(entry.value("tags", json::object()), plan_name)) {
      // The project is in scope; what it holds for others is not. Keep it only when it
      // holds something of others, under a marker instead of its own fields.
      if (services.empty() && integrations.empty()) continue;
      e = json{{"services", services}, {"integrations", integrations}, {"owned_by_plan", true}};
    } else {
      e["services"] = services;
      e["integrations"] = integrations;
    }
    kept[pname] = e;
  }
  out["projects"] = kept;
  return out;
}

int CountDifferences(const json& before, const json& after, std::vector<std::string>* paths,
                     std::size_t max_paths) {
  int count = 0;
  Diff(before, after, "", count, paths, max_paths);
  return count;
}

void AddCounts(json& into, const json& add) {
  if (!into.is_object()) into = json::object();
  for (const auto& [k, v] : add.items()) {
    if (v.is_number()) into[k] = into.value(k, 0) + v.get<int64_t>();
  }
}

// --- ChaosTest -----------------------------------------------------------------------------

std::vector<std::string> ChaosTest::FastEmulatorArgs() {
  return {"--token",         kChaosToken, "--build-seconds",       "1", "--rebalance-seconds", "1",
          "--topic-seconds", "1",         "--integration-seconds", "1"};
}

std::vector<std::string> ChaosTest::FaultEmulatorArgs(uint64_t seed, const FaultSettings& f) {
  // Quicker lifecycle than FastEmulatorArgs: the faults, not the builds, are under test.
  std::vector<std::string> args = {
      "--token",         kChaosToken, "--build-seconds",       "0.3", "--rebalance-seconds", "0.3",
      "--topic-seconds", "0.2",       "--integration-seconds", "0.2"};
  std::ostringstream fail, drop;
  fail << f.fail_rate;
  drop << f.drop_rate;
  args.insert(args.end(), {"--fail-rate", fail.str(), "--drop-rate", drop.str(), "--seed",
                           std::to_string(seed), "--rate-limit",
                           std::to_string(f.rate_limit) + "/" +
                               std::to_string(static_cast<int>(f.rate_window_seconds))});
  return args;
}

void ChaosTest::StartEmulator(std::vector<std::string> args, bool durable) {
  api_.reset();
  emulator_.reset();
  emulator_ = std::make_unique<EmulatorProcess>(
      EmulatorOptions{.args = std::move(args), .temp_data_dir = durable});
  auto started = emulator_->Start();
  ASSERT_TRUE(started.ok()) << started.message();
  api_ = std::make_unique<TestApi>(emulator_->base_url(), kChaosToken);
  secrets_.AddSecretsFrom({{"password", kPrometheusPassword}});
}

ProcessOutcome ChaosTest::Aivenctl(std::vector<std::string> args, ProcessSpec spec) {
  spec.program = AivenctlBinary();
  spec.cwd = SourceDir();
  spec.env["AIVEN_TOKEN"] = kChaosToken;
  spec.env[kPrometheusPasswordEnv] = kPrometheusPassword;
  args.insert(args.begin(), {"--api-url", emulator_->base_url(), "--no-color"});
  spec.args = std::move(args);
  ProcessOutcome o = RunProcess(spec);
  secrets_.AddPrinted(o.out);
  secrets_.AddPrinted(o.err);
  return o;
}

void ChaosTest::TearDown() {
  if (emulator_ && emulator_->running()) State();  // the last secrets
  const SecretScan::Report r = secrets_.Search();
  for (const auto& hit : r.hits) ADD_FAILURE() << "aivenctl printed " << hit;
  std::cout << "[secrets] " << r.bytes << " bytes searched for the token and " << r.secrets
            << " issued secrets: " << r.hits.size() << " hits\n";
}

std::vector<std::string> ChaosTest::Fast(std::vector<std::string> args) {
  for (const char* a : {"--yes", "--poll-initial", "50ms", "--poll-max", "300ms"}) {
    args.push_back(a);
  }
  return args;
}

std::set<std::string> ChaosTest::PlanAddresses(const std::string& file) {
  ProcessOutcome o = Aivenctl({"plan", file, "--format", "json"});
  std::set<std::string> out;
  json cs = json::parse(o.out, nullptr, false);
  if (o.code != 0 || cs.is_discarded()) return out;
  for (const auto& c : cs.value("changes", json::array())) {
    if (c.value("action", "") != "delete") out.insert(c.value("address", ""));
  }
  return out;
}

int ChaosTest::PlanExitCode(const std::string& plan_file, std::vector<std::string> extra) {
  std::vector<std::string> args{"plan", plan_file, "--detailed-exitcode"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessOutcome o = Aivenctl(args);
  if (o.code == 1) std::cerr << "plan failed: " << o.Describe() << "\n";
  return o.code;
}

json ChaosTest::State() {
  ApiResponse r = api_->Get("/_emulator/state", {.validate = false});
  EXPECT_TRUE(r.ok()) << r.Describe();
  secrets_.AddSecretsFrom(r.body);  // every user's password and key held now
  return r.body;
}

json ChaosTest::Injected() {
  ApiResponse r = api_->Get("/_emulator/requests", {.validate = false});
  EXPECT_TRUE(r.ok()) << r.Describe();
  return r.body.value("faults_injected", json::object());
}

void ChaosTest::FaultsOff() {
  ApiResponse r =
      api_->Put("/_emulator/config", {{"fail_rate", 0}, {"drop_rate", 0}, {"rate_limit", 0}},
                {.validate = false});
  ASSERT_TRUE(r.ok()) << r.Describe();
  ASSERT_TRUE(api_->Delete("/_emulator/faults", nullptr, {.validate = false}).ok());
}

void ChaosTest::FaultsOn(uint64_t seed, const FaultSettings& f) {
  ApiResponse r = api_->Put("/_emulator/config",
                            {{"fail_rate", f.fail_rate},
                             {"drop_rate", f.drop_rate},
                             {"rate_limit", f.rate_limit},
                             {"rate_window_seconds", f.rate_window_seconds},
                             {"seed", seed}},
                            {.validate = false});
  ASSERT_TRUE(r.ok()) << r.Describe();
}

void ChaosTest::Script(const json& faults) {
  ApiResponse r = api_->Post("/_emulator/faults", faults, {.validate = false});
  ASSERT_TRUE(r.ok()) << r.Describe();
}

void ChaosTest::ScriptLaggingService(const std::string& project, const std::string& service,
                                     int count) {
  const std::string base = "/v1/project/" + project + "/service/" + service;
  const std::string message = "Service " + service + " does not exist";
  Script({{"faults",
           {{{"method", "GET"},
             {"path", base},
             {"count", count},
             {"status", 404},
             {"message", message},
             {"error_code", "service_not_found"}},
            {{"method", "POST"},
             {"path", base + "/*"},
             {"count", count},
             {"status", 404},
             {"message", message},
             {"error_code", "service_not_found"}}}}});
}

void ChaosTest::ScriptLostResponses() {
  json faults = json::array();
  for (const char* path : {"/v1/project", "/v1/project/*/service", "/v1/project/*/service/*/topic",
                           "/v1/project/*/service/*/user", "/v1/project/*/service/*/db",
                           "/v1/project/*/integration"}) {
    faults.push_back(
        {{"method", "POST"}, {"path", path}, {"count", 1}, {"action", "lose_response"}});
  }
  Script({{"faults", faults}});
}

namespace {
json BystanderService(const std::string& name) {
  return {{"service_name", name},
          {"service_type", "pg"},
          {"plan", "startup-4"},
          {"cloud", "google-europe-north1"},
          {"tags", {{"team", "someone-else"}}}};
}
}  // namespace

void ChaosTest::AddBystanderProject() {
  ASSERT_TRUE(api_->Post("/v1/project", {{"project", "bystander-proj"}}).ok());
  ASSERT_TRUE(api_->Post("/v1/project/bystander-proj/service", BystanderService("theirs")).ok());
}

void ChaosTest::AddBystanderService(const std::string& project) {
  ASSERT_TRUE(
      api_->Post("/v1/project/" + project + "/service", BystanderService("bystander")).ok());
}

}  // namespace aivenctl::testing
