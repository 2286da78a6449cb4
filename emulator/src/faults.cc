#include "faults.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cmath>
#include <cstdlib>

namespace aivenctl::emulator {
namespace {

int SocketPort(int fd, bool peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                      : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return -1;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return -1;
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& path) {
  // Iterative glob with backtracking; '**' crosses '/', '*' does not.
  size_t p = 0, s = 0;
  size_t star_p = std::string::npos, star_s = 0;
  bool star_any = false;
  while (s < path.size()) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      star_p = p += 2, star_s = s, star_any = true;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p, star_s = s, star_any = false;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p, ++s;
    } else if (star_p != std::string::npos && (star_any || path[star_s] != '/')) {
      p = star_p, s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void DropConnection(const httplib::Request& req) {
  // shutdown, not close: httplib still owns the descriptor and closes it later.
  ForEachSocketOnPort(req.local_port, [&](int fd, bool connected) {
    if (connected && SocketPort(fd, true) == req.remote_port) ::shutdown(fd, SHUT_RDWR);
  });
}

void ForEachSocketOnPort(int local_port, const std::function<void(int fd, bool connected)>& f) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return;
  while (dirent* e = ::readdir(dir)) {
    const int fd = std::atoi(e->d_name);
    struct stat st {};
    if (fd <= 2 || ::fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
    if (SocketPort(fd, false) != local_port) continue;
    f(fd, SocketPort(fd, true) != -1);
  }
  ::closedir(dir);
}

ScriptedFault ParseScriptedFault(const Json& body) {
  if (!body.is_object()) throw ApiError{400, "expected a JSON object describing the fault", ""};
  ScriptedFault f;
  f.method = OptString(body, "method", f.method);
  f.path = OptString(body, "path", f.path);
  f.count = static_cast<int>(OptInt(body, "count", f.count));
  f.action = OptString(body, "action", f.action);
  f.status = static_cast<int>(OptInt(body, "status", f.status));
  f.message = OptString(body, "message", f.message);
  f.error_code = OptString(body, "error_code", f.error_code);
  f.delay_ms = static_cast<int>(OptInt(body, "delay_ms", f.delay_ms));
  if (f.action != "error" && f.action != "drop" && f.action != "delay" &&
      f.action != "lose_response") {
    throw ApiError{400, "action must be error, drop, delay or lose_response", ""};
  }
  if (f.count < 1) throw ApiError{400, "count must be at least 1", ""};
  if (f.action == "error" && (f.status < 400 || f.status > 599)) {
    throw ApiError{400, "status must be between 400 and 599", ""};
  }
  return f;
}

Json ToJson(const ScriptedFault& f) {
  return {{"method", f.method},         {"path", f.path},        {"count", f.count},
          {"action", f.action},         {"status", f.status},    {"message", f.message},
          {"error_code", f.error_code}, {"delay_ms", f.delay_ms}};
}

Faults::Faults(const Options& o)
    : latency_ms_(o.latency_ms),
      jitter_ms_(o.latency_jitter_ms),
      rate_limit_(o.rate_limit),
      rate_window_(o.rate_window_seconds),
      fail_rate_(o.fail_rate),
      drop_rate_(o.drop_rate),
      rng_(o.seed) {}

std::optional<FaultAction> Faults::RateLimit(const std::string& token, double now) {
  if (rate_limit_ <= 0) return std::nullopt;
  Window& w = windows_[token];
  if (now - w.start >= rate_window_ || now < w.start) w = Window{now, 0};
  if (++w.count <= rate_limit_) return std::nullopt;
  const int retry_in = std::max(1, static_cast<int>(std::ceil(w.start + rate_window_ - now)));
  const std::string msg =
      "The user has sent too many requests in a given amount of time: Rate limit " +
      std::to_string(rate_limit_) + " exceeded - try again in " + std::to_string(retry_in) + "s";
  ++injected_["rate_limited"];
  FaultAction a;
  a.kind = FaultAction::kError;
  a.error = ApiError{429, msg, ""};
  return a;
}

FaultAction Faults::Decide(const std::string& method, const std::string& path,
                           const std::string& token, double now) {
  std::lock_guard lock(mu_);
  FaultAction a;
  a.delay_ms = latency_ms_;
  if (jitter_ms_ > 0) a.delay_ms += std::uniform_int_distribution<int>(0, jitter_ms_)(rng_);
  for (auto it = scripted_.begin(); it != scripted_.end(); ++it) {
    if ((it->method != "*" && it->method != method) || !GlobMatch(it->path, path)) continue;
    ++injected_["scripted_" + it->action];
    if (it->action == "drop") {
      a.kind = FaultAction::kDrop;
    } else if (it->action == "delay") {
      a.delay_ms += it->delay_ms;
    } else if (it->action == "lose_response") {
      a.lose_response = true;
    } else {
      a.kind = FaultAction::kError;
      a.error = ApiError{it->status, it->message, it->error_code};
    }
    if (--it->count == 0) scripted_.erase(it);
    return a;
  }
  if (auto limited = RateLimit(token, now)) {
    limited->delay_ms = a.delay_ms;
    return *limited;
  }
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  if (drop_rate_ > 0 && unit(rng_) < drop_rate_) {
    ++injected_["random_drop"];
    a.kind = FaultAction::kDrop;
  } else if (fail_rate_ > 0 && unit(rng_) < fail_rate_) {
    static const int kStatuses[] = {500, 502, 503};
    const int status = kStatuses[std::uniform_int_distribution<int>(0, 2)(rng_)];
    ++injected_["random_" + std::to_string(status)];
    a.kind = FaultAction::kError;
    a.error = ApiError{status, "An error occurred. Please try again later.", ""};
  }
  return a;
}

void Faults::AddScripted(ScriptedFault f) {
  std::lock_guard lock(mu_);
  scripted_.push_back(std::move(f));
}

void Faults::ClearScripted() {
  std::lock_guard lock(mu_);
  scripted_.clear();
}

Json Faults::ScriptedJson() const {
  std::lock_guard lock(mu_);
  Json out = Json::array();
  for (const auto& f : scripted_) out.push_back(ToJson(f));
  return out;
}

void Faults::Configure(const Json& body) {
  if (!body.is_object()) throw ApiError{400, "expected a JSON object", ""};
  std::lock_guard lock(mu_);
  // Validate everything before changing anything: a rejected body changes nothing.
  const auto non_negative = [&](const char* key, int current) {
    const int64_t v = OptInt(body, key, current);
    if (v < 0 || v > 3600000) {
      throw ApiError{400, std::string(key) + " must be an integer between 0 and 3600000", ""};
    }
    return static_cast<int>(v);
  };
  const int latency = non_negative("latency_ms", latency_ms_);
  const int jitter = non_negative("latency_jitter_ms", jitter_ms_);
  const int rate_limit = non_negative("rate_limit", rate_limit_);
  double window = rate_window_;
  if (const auto it = body.find("rate_window_seconds"); it != body.end() && !it->is_null()) {
    if (!it->is_number() || *it <= 0) {
      throw ApiError{400, "rate_window_seconds must be a number above 0", ""};
    }
    window = it->get<double>();
  }
  double rates[2] = {fail_rate_, drop_rate_};
  const char* rate_keys[2] = {"fail_rate", "drop_rate"};
  for (int i = 0; i < 2; ++i) {
    const auto it = body.find(rate_keys[i]);
    if (it == body.end() || it->is_null()) continue;
    if (!it->is_number() || *it < 0 || *it > 1) {
      throw ApiError{400, std::string(rate_keys[i]) + " must be a number between 0 and 1", ""};
    }
    rates[i] = it->get<double>();
  }
  const int64_t seed = OptInt(body, "seed", 1);
  latency_ms_ = latency;
  jitter_ms_ = jitter;
  rate_limit_ = rate_limit;
  rate_window_ = window;
  fail_rate_ = rates[0];
  drop_rate_ = rates[1];
  if (body.contains("seed")) rng_.seed(seed);
  windows_.clear();
}

Json Faults::ConfigJson() const {
  std::lock_guard lock(mu_);
  return {{"latency_ms", latency_ms_}, {"latency_jitter_ms", jitter_ms_},
          {"rate_limit", rate_limit_}, {"rate_window_seconds", rate_window_},
          {"fail_rate", fail_rate_},   {"drop_rate", drop_rate_}};
}

Json Faults::InjectedJson() const {
  std::lock_guard lock(mu_);
  return Json(injected_);
}

void Faults::ResetCounters() {
  std::lock_guard lock(mu_);
  injected_.clear();
}

}  // namespace aivenctl::emulator
