#pragma once
// aiven-emulator's HTTP server: routing, auth, faults, request log, control endpoints.

#include <atomic>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "faults.h"
#include "router.h"
#include "strict_mode.h"
#include "world.h"

namespace aivenctl::emulator {

/// Owns the listening server. Construct, Bind, then Run (blocks until Stop).
class Server {
 public:
  Server(World world, const Options& opts);
  ~Server();

  /// Binds host:port (port 0 picks a free one); returns the bound port or -1.
  int Bind();
  /// Serves until Stop() is called (from a signal handler thread or another thread).
  void Run();
  /// Stops a running Run(); false (and no effect) when Run is not serving yet.
  bool Stop();
  /// Serves one already-parsed request in-process, exactly as the listener does for each
  /// request it reads (no socket needed; the fuzz target and its replay test call this).
  void Handle(const httplib::Request& req, httplib::Response& res) { Dispatch(req, res); }

 private:
  void Dispatch(const httplib::Request& req, httplib::Response& res);
  void ServeApi(const httplib::Request& req, httplib::Response& res, std::string* route);
  void RegisterControlRoutes();
  void LogRequest(const httplib::Request& req, int status, double ms, bool dropped);
  void CountRejected(const httplib::Request& req, int status);  // logs a refused request
  bool Authenticate(const httplib::Request& req, std::string* token) const;

  World world_;
  const Options& opts_;
  int port_ = -1;  ///< bound port
  std::mutex active_mu_;
  std::multiset<int> active_peers_;  ///< remote ports of requests being handled
  httplib::Server http_;
  Router api_;
  Router control_;
  std::unique_ptr<StrictMode> strict_;  ///< set with --strict
  Faults faults_;
  std::mutex log_mu_;
  std::ofstream log_;
  std::mutex counts_mu_;
  std::map<std::string, int64_t> counts_;  ///< "METHOD /route/pattern" -> requests
  int64_t total_ = 0;
};

}  // namespace aivenctl::emulator
