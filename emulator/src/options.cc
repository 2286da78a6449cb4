#include "options.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <sstream>

namespace aivenctl::emulator {
namespace {

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code) {
  Options o;
  std::string latency, rate_limit;
  CLI::App app{
      "aiven-emulator: a local imitation of the Aiven REST API for tests, demos and offline "
      "plan runs.\nControl endpoints live under /_emulator (see emulator/README.md)."};
  app.add_option("--host", o.host, "Address to bind (loopback by default)")->capture_default_str();
  app.add_option("--port", o.port, "Port; 0 picks a free one")->capture_default_str();
  app.add_option("--data-dir", o.data_dir,
                 "Persist state here (WAL + snapshot); memory only if unset");
  app.add_option("--token", o.tokens,
                 "Accepted API token (repeatable; also AIVEN_EMULATOR_TOKENS, comma-separated)");
  app.add_option("--catalog", o.catalog_path,
                 "Catalog data file (default: the built-in emulator/data/catalog.json)");
  app.add_flag("--strict", o.strict,
               "Answer 400 to request bodies that do not match Aiven's OpenAPI description "
               "(beyond a documented allowlist of what real clients send)");
  app.add_option("--build-seconds", o.build_seconds, "Seconds a new service spends REBUILDING")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--build-jitter", o.build_jitter,
                 "Each service builds --build-seconds x (1 +- up to this), fixed per project, "
                 "service name and --seed (0.3: +-30%)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.9));
  app.add_option("--rebalance-seconds", o.rebalance_seconds,
                 "Seconds of REBALANCING after a plan change")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--vpc-release-seconds", o.vpc_release_seconds,
                 "Seconds a project VPC stays held (its delete refused with 409) after a "
                 "service in it is deleted or moved out")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--database-seconds", o.database_seconds,
                 "Seconds a ClickHouse database stays pending_creation (or pending_removal)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--topic-seconds", o.topic_seconds, "Seconds a new topic stays CONFIGURING")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--integration-seconds", o.integration_seconds,
                 "Seconds until an integration is active")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--connector-seconds", o.connector_seconds,
                 "Seconds a new or changed connector and its tasks stay UNASSIGNED")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--connect-warmup-seconds", o.connect_warmup_seconds,
                 "Seconds after a Kafka Connect service turns RUNNING that connector creates "
                 "answer 503")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--latency-ms", latency, "Added latency per request: N or N:JITTER");
  app.add_option("--rate-limit", rate_limit, "N/SECONDS requests per token, answering 429 beyond");
  app.add_option("--fail-rate", o.fail_rate, "Probability of a random 500/502/503")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--drop-rate", o.drop_rate,
                 "Probability of closing the connection without an answer")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--seed", o.seed, "Seed for random faults and build jitter")
      ->capture_default_str();
  app.add_option("--request-log", o.request_log, "Write one JSON line per request to this file");
  app.add_option("--max-body-bytes", o.max_body_bytes, "Larger request bodies get 413")
      ->capture_default_str();
  app.add_option("--threads", o.threads, "Worker threads (concurrent connections served)")
      ->capture_default_str()
      ->check(CLI::Range(4, 4096));
  try {
    app.parse(argc, argv);
    if (!latency.empty()) {
      const auto colon = latency.find(':');
      o.latency_ms = std::stoi(latency.substr(0, colon));
      if (colon != std::string::npos) o.latency_jitter_ms = std::stoi(latency.substr(colon + 1));
      if (o.latency_ms < 0 || o.latency_jitter_ms < 0)
        throw CLI::ValidationError("--latency-ms", "must not be negative");
    }
    if (!rate_limit.empty()) {
      const auto slash = rate_limit.find('/');
      if (slash == std::string::npos)
        throw CLI::ValidationError("--rate-limit", "expected N/SECONDS, e.g. 120/60");
      o.rate_limit = std::stoi(rate_limit.substr(0, slash));
      o.rate_window_seconds = std::stod(rate_limit.substr(slash + 1));
      if (o.rate_limit <= 0 || o.rate_window_seconds <= 0)
        throw CLI::ValidationError("--rate-limit", "N and SECONDS must be positive");
    }
  } catch (const CLI::ParseError& e) {
    *exit_code = app.exit(e);
    return std::nullopt;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aiven-emulator: invalid --latency-ms or --rate-limit value: %s\n",
                 e.what());
    *exit_code = 2;
    return std::nullopt;
  }
  if (o.tokens.empty()) {
    if (const char* env = std::getenv("AIVEN_EMULATOR_TOKENS")) o.tokens = SplitComma(env);
  }
  return o;
}

}  // namespace aivenctl::emulator
