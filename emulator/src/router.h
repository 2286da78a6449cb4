#pragma once
// Method + path-template routing with Aiven's 404/405 answers.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http.h"

namespace aivenctl::emulator {

/// A route handler; throws ApiError for error answers.
using Handler = std::function<void(Ctx&)>;

/// Routes like "/v1/project/{project}/service/{service_name}". Not thread-safe to
/// modify; Add everything before serving, then Match from any thread.
class Router {
 public:
  /// Registers a handler. `auth` false makes the route public (no token needed).
  void Add(const std::string& method, const std::string& pattern, Handler handler,
           bool auth = true);

  struct Match {
    const Handler* handler = nullptr;  ///< null: no route for this method
    bool auth = true;
    bool path_known = false;  ///< some method matches the path (=> 405, not 404)
    std::map<std::string, std::string> params;
    std::string pattern;  ///< the matched route, e.g. "/v1/project/{project}"
  };
  /// Finds the route for a request; see Match for the 404/405 distinction.
  Match Find(const std::string& method, const std::string& path) const;

  /// One registered route: method and pattern as given to Add.
  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  /// Every registered route, in registration order (strict mode and its tests map them
  /// to operations of Aiven's description).
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  ///< "{name}" segments capture
    Handler handler;
    bool auth;
  };
  std::vector<Route> routes_;
};

}  // namespace aivenctl::emulator
