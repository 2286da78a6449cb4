#include "router.h"

namespace aivenctl::emulator {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;  // paths begin with '/'
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  // A trailing slash ("/v1/project/") is the same path without it.
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

bool IsParam(const std::string& s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

}  // namespace

void Router::Add(const std::string& method, const std::string& pattern, Handler handler,
                 bool auth) {
  routes_.push_back({method, pattern, Split(pattern), std::move(handler), auth});
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  const auto parts = Split(path);
  for (const Route& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      if (IsParam(r.segments[i])) {
        if (parts[i].empty()) ok = false;
        params[r.segments[i].substr(1, r.segments[i].size() - 2)] = parts[i];
      } else {
        ok = r.segments[i] == parts[i];
      }
    }
    if (!ok) continue;
    m.path_known = true;
    if (r.method == method) {
      m.handler = &r.handler;
      m.auth = r.auth;
      m.params = std::move(params);
      m.pattern = r.pattern;
      return m;
    }
  }
  return m;
}

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const Route& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

}  // namespace aivenctl::emulator
