#pragma once
// Fault and load injection: latency, per-token rate limits, random failures and
// drops, and scripted faults ("the next 2 POST .../topic answer 503").

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "http.h"
#include "options.h"

namespace aivenctl::emulator {

/// What to do with a request instead of (or before) handling it.
struct FaultAction {
  enum Kind { kNone, kError, kDrop } kind = kNone;
  ApiError error{0, "", ""};
  int delay_ms = 0;  ///< sleep this long first (latency or a scripted delay)
  /// Serve the request (the change is made and durable), then close the connection
  /// without the answer: the client cannot tell whether it was applied.
  bool lose_response = false;
};

/// A scripted fault: the next `count` requests matching method and path glob
/// ('*' = one path segment or part of one, '**' = anything) get `action`.
struct ScriptedFault {
  std::string method = "*";
  std::string path = "**";
  int count = 1;
  std::string action = "error";  ///< error | drop | delay | lose_response
  int status = 503;
  std::string message = "An error occurred. Please try again later.";
  std::string error_code;
  int delay_ms = 0;
};

/// Parses a scripted fault from the control body; 400 naming the bad field.
ScriptedFault ParseScriptedFault(const Json& body);
Json ToJson(const ScriptedFault& f);

/// Thread-safe.
class Faults {
 public:
  explicit Faults(const Options& opts);

  /// Decides the fate of one /v1 request at emulator time `now`.
  FaultAction Decide(const std::string& method, const std::string& path, const std::string& token,
                     double now);

  void AddScripted(ScriptedFault f);
  void ClearScripted();
  Json ScriptedJson() const;
  /// Changes the random and load settings at run time (control endpoint); keys as flags.
  void Configure(const Json& body);
  Json ConfigJson() const;
  /// Counts of injected faults by kind ("rate_limited", "random_error", "drop", ...).
  Json InjectedJson() const;
  void ResetCounters();

 private:
  std::optional<FaultAction> RateLimit(const std::string& token, double now);

  mutable std::mutex mu_;
  int latency_ms_, jitter_ms_, rate_limit_;
  double rate_window_, fail_rate_, drop_rate_;
  std::mt19937_64 rng_;
  std::vector<ScriptedFault> scripted_;
  struct Window {
    double start = 0;
    int count = 0;
  };
  std::map<std::string, Window> windows_;
  std::map<std::string, int64_t> injected_;
};

/// True when `path` matches the glob `pattern` (see ScriptedFault).
bool GlobMatch(const std::string& pattern, const std::string& path);

/// Closes the request's TCP connection without an answer (shutdown of its socket).
void DropConnection(const httplib::Request& req);

/// Calls f(fd, connected) for each TCP socket of this process bound to `local_port`:
/// the listening socket (connected false) and the accepted connections.
void ForEachSocketOnPort(int local_port, const std::function<void(int fd, bool connected)>& f);

}  // namespace aivenctl::emulator
