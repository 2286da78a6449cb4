#pragma once
// Command-line settings of aiven-emulator.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aivenctl::emulator {

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;                     ///< 0: pick a free port
  std::string data_dir;             ///< empty: memory only
  std::vector<std::string> tokens;  ///< empty: any non-empty token is accepted
  std::string catalog_path;         ///< --catalog; empty: the built-in sample catalog
  double build_seconds = 3;         ///< service create -> RUNNING (times type/plan multiplier)
  double build_jitter = 0;          ///< each service's build x (1 +- up to this), seeded
  double rebalance_seconds = 2;     ///< plan/disk change -> RUNNING again
  double topic_seconds = 1;         ///< topic CONFIGURING -> ACTIVE
  double integration_seconds = 2;   ///< integration inactive -> active
  double vpc_release_seconds = 2;   ///< a VPC's last service gone -> the VPC may be deleted
  double connector_seconds = 1;     ///< connector and tasks UNASSIGNED -> RUNNING
  /// Kafka Connect answers connector creates 503 this long after its service turns
  /// RUNNING (as Aiven does; Terraform provider issue 533).
  double connect_warmup_seconds = 2;
  double database_seconds = 1;  ///< ClickHouse database pending_creation -> ok (and removal)
  int latency_ms = 0;           ///< added to every /v1 request
  int latency_jitter_ms = 0;    ///< plus uniform 0..jitter
  int rate_limit = 0;           ///< requests per window per token; 0: off
  double rate_window_seconds = 60;
  double fail_rate = 0;              ///< share of requests answered 500/502/503
  double drop_rate = 0;              ///< share of requests dropped without an answer
  uint64_t seed = 1;                 ///< faults' random choices and each service's build jitter
  std::string request_log;           ///< JSON-lines file; empty: none
  size_t max_body_bytes = 4u << 20;  ///< larger bodies get 413
  int threads = 128;                 ///< worker threads (one per keep-alive connection)
  bool strict = false;  ///< check request bodies against Aiven's description (strict_mode.h)
};

/// Parses argv; on --help or an error prints to stdout/stderr and returns nullopt with
/// *exit_code set.
std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code);

}  // namespace aivenctl::emulator
