// Minimal stand-ins for Router and Ctx (the lead's router.cc / http.cc), so the catalog
// routes can be tested before those land. Built only while emulator/src/router.cc is absent.
#include <sstream>

#include "router.h"

namespace aivenctl::emulator {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '/');) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace

void Router::Add(const std::string& method, const std::string& pattern, Handler handler,
                 bool auth) {
  routes_.push_back({method, Split(pattern), std::move(handler), auth});
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  std::vector<std::string> parts = Split(path);
  for (const Route& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; ok && i < parts.size(); ++i) {
      const std::string& s = r.segments[i];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        params[s.substr(1, s.size() - 2)] = parts[i];
      } else {
        ok = s == parts[i];
      }
    }
    if (!ok) continue;
    m.path_known = true;
    if (r.method == method) {
      m.handler = &r.handler;
      m.auth = r.auth;
      m.params = std::move(params);
      return m;
    }
  }
  return m;
}

const std::string& Ctx::Param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) throw ApiError{500, "route has no parameter " + name, ""};
  return it->second;
}

void Ctx::Reply(const Json& j, int status) const {
  res.status = status;
  res.set_content(j.dump(), "application/json");
}

}  // namespace aivenctl::emulator
