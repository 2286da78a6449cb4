#include "server.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

#include "api_routes.h"

namespace aivenctl::emulator {
namespace {

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void WriteError(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  // The message may quote a decoded path that is not UTF-8 ("/v1/%ff"): replace such
  // bytes instead of letting dump() throw.
  res.set_content(ErrorBody(e).dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json");
}

const ApiError kAuthFailed{403, "Authentication failed", "authentication_failed"};

// A body the headers already show must be refused: chunked (411: its size is unknown
// until read), a length over `max_body` (413) or not a number (400).
std::optional<ApiError> RefuseBodyByHeaders(const httplib::Request& req, uint64_t max_body) {
  if (req.has_header("Transfer-Encoding")) {
    return ApiError{411, "Length Required: send the body with a Content-Length", ""};
  }
  if (!req.has_header("Content-Length")) return std::nullopt;
  const std::string text = req.get_header_value("Content-Length");
  uint64_t length = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return ApiError{ec == std::errc::result_out_of_range ? 413 : 400,
                    ec == std::errc::result_out_of_range ? "Request body too large"
                                                         : "Bad request: invalid Content-Length",
                    ""};
  }
  if (length > max_body) return ApiError{413, "Request body too large", ""};
  return std::nullopt;
}

}  // namespace

Server::Server(World world, const Options& opts) : world_(world), opts_(opts), faults_(opts) {
  const int threads = opts.threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_payload_max_length(opts.max_body_bytes);
  http_.set_keep_alive_max_count(100000);
  http_.set_keep_alive_timeout(30);
  // Headers and body go out in separate writes: without TCP_NODELAY every keep-alive
  // answer waited ~40 ms for the client's delayed ACK (Nagle).
  http_.set_tcp_nodelay(true);
  http_.set_read_timeout(30, 0);
  if (!opts.request_log.empty()) log_.open(opts.request_log, std::ios::app);
  RegisterApiRoutes(api_, world_);
  if (opts.strict) {
    strict_ = std::make_unique<StrictMode>(EmbeddedOpenApiSubsetDocument(), api_.Routes());
  }
  RegisterControlRoutes();
  const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    Dispatch(req, res);
  };
  http_.Get(".*", handler);
  http_.Post(".*", handler);
  http_.Put(".*", handler);
  http_.Patch(".*", handler);
  http_.Delete(".*", handler);
  http_.Options(".*", handler);
  // Refuse a body by its headers, before httplib reads it: a declared length over the
  // limit (httplib 0.11 would read and discard all of it first, however large), and a
  // chunked body (httplib 0.11 does not limit those at all). The answer says
  // "Connection: close" so the client drops the connection with its unread body;
  // httplib 0.11 has no way to close it from here, so a client that keeps sending has its
  // body read as (garbage) requests, as any garbage is.
  const uint64_t max_body = opts.max_body_bytes;
  http_.set_pre_routing_handler(
      [this, max_body](const httplib::Request& req, httplib::Response& res) {
        const std::optional<ApiError> refusal = RefuseBodyByHeaders(req, max_body);
        if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
        WriteError(res, *refusal);
        res.set_header("Connection", "close");
        CountRejected(req, res.status);
        return httplib::Server::HandlerResponse::Handled;
      });
  // Malformed requests: httplib answers these itself without calling Dispatch; give them
  // Aiven's JSON shape and log them like any request.
  http_.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) {
      const std::string msg = res.status == 413
                                  ? "Request body too large"
                                  : "Bad request (" + std::to_string(res.status) + ")";
      WriteError(res, ApiError{res.status, msg, ""});
      CountRejected(req, res.status);
    }
  });
}

void Server::CountRejected(const httplib::Request& req, int status) {
  if (req.path.rfind("/_emulator", 0) == 0) return;
  {
    std::lock_guard lock(counts_mu_);
    ++total_;
    ++counts_[req.method + " (rejected)"];
  }
  LogRequest(req, status, 0, false);
}

Server::~Server() { Stop(); }

int Server::Bind() {
  if (opts_.port == 0) {
    port_ = http_.bind_to_any_port(opts_.host);
  } else {
    port_ = http_.bind_to_port(opts_.host, opts_.port) ? opts_.port : -1;
  }
  // httplib listens with a backlog of 5: a burst of new connections (64 clients
  // starting at once) overflows it and some fail. Listening again raises the backlog.
  if (port_ > 0) {
    ForEachSocketOnPort(port_, [](int fd, bool connected) {
      if (!connected) ::listen(fd, SOMAXCONN);
    });
  }
  return port_;
}

void Server::Run() { http_.listen_after_bind(); }

bool Server::Stop() {
  if (!http_.is_running()) return false;
  http_.stop();
  // httplib's workers wait up to the keep-alive timeout (30 s) on idle connections
  // before they notice the stop, so a client holding a connection open kept SIGTERM
  // from finishing. End reading on idle connections so they close at once; those with
  // a request being handled are left alone (httplib would not write to a socket that
  // reads EOF) and close after their answer.
  std::lock_guard lock(active_mu_);
  ForEachSocketOnPort(port_, [this](int fd, bool connected) {
    if (!connected) return;
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) return;
    const int port = ntohs(reinterpret_cast<sockaddr_in*>(&peer)->sin_port);
    if (!active_peers_.contains(port)) ::shutdown(fd, SHUT_RD);
  });
  return true;
}

bool Server::Authenticate(const httplib::Request& req, std::string* token) const {
  const std::string header = req.get_header_value("Authorization");
  for (const char* scheme : {"aivenv1 ", "Bearer ", "bearer "}) {
    const std::string s(scheme);
    if (header.rfind(s, 0) == 0) {
      *token = header.substr(s.size());
      break;
    }
  }
  if (token->empty()) return false;
  if (opts_.tokens.empty()) return true;
  for (const auto& t : opts_.tokens) {
    if (t == *token) return true;
  }
  return false;
}

void Server::Dispatch(const httplib::Request& req, httplib::Response& res) {
  const auto start = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(active_mu_);
    active_peers_.insert(req.remote_port);
  }
  struct Done {
    Server* s;
    int port;
    ~Done() {
      std::lock_guard lock(s->active_mu_);
      s->active_peers_.erase(s->active_peers_.find(port));
    }
  } done{this, req.remote_port};
  if (req.path.rfind("/_emulator/", 0) == 0 || req.path == "/_emulator") {
    const auto m = control_.Find(req.method, req.path);
    Ctx ctx{req, res, m.params, Json(), ""};
    try {
      if (!m.handler) throw ApiError{m.path_known ? 405 : 404, "No such control endpoint", ""};
      if (!req.body.empty()) {
        ctx.body = Json::parse(req.body, nullptr, false);
        if (ctx.body.is_discarded()) throw ApiError{400, "Malformed JSON in request body", ""};
      }
      (*m.handler)(ctx);
    } catch (const ApiError& e) {
      WriteError(res, e);
    } catch (const std::exception& e) {
      WriteError(res, ApiError{500, std::string("Internal error: ") + e.what(), ""});
    }
    return;
  }
  std::string route;
  ServeApi(req, res, &route);
  {
    std::lock_guard lock(counts_mu_);
    ++total_;
    ++counts_[req.method + " " + (route.empty() ? "(unrouted)" : route)];
  }
  LogRequest(req, res.status, MillisSince(start), res.status == -1);
}

void Server::ServeApi(const httplib::Request& req, httplib::Response& res, std::string* route) {
  // avn joins its --url and "/v1" as strings, so a trailing slash gives "//v1/...".
  std::string path;
  for (char ch : req.path) {
    if (ch != '/' || path.empty() || path.back() != '/') path += ch;
  }
  const auto m = api_.Find(req.method, path);
  *route = m.pattern;
  std::string token;
  const bool authed = Authenticate(req, &token);
  try {
    if (!m.handler) {
      if (m.path_known) throw ApiError{405, "Method not allowed", ""};
      throw ApiError{404, "Not found: " + path, "not_found"};
    }
    if (m.auth && !authed) throw kAuthFailed;
    const FaultAction fault =
        faults_.Decide(req.method, path, authed ? token : req.remote_addr, world_.clock.Now());
    if (fault.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(fault.delay_ms));
    if (fault.kind == FaultAction::kDrop) {
      DropConnection(req);
      res.status = -1;
      return;
    }
    if (fault.kind == FaultAction::kError) throw fault.error;
    Ctx ctx{req, res, m.params, Json(), m.auth ? token : ""};
    if (!req.body.empty() &&
        (req.method == "POST" || req.method == "PUT" || req.method == "PATCH")) {
      ctx.body = Json::parse(req.body, nullptr, false);
      if (ctx.body.is_discarded()) throw ApiError{400, "Invalid JSON in request body", ""};
    }
    if (strict_ && (req.method == "POST" || req.method == "PUT" || req.method == "PATCH")) {
      if (auto refusal = strict_->Check(req.method, m.pattern, ctx.body, !req.body.empty())) {
        // On stderr too, so a test's emulator log shows which request broke the description.
        std::fprintf(stderr, "aiven-emulator: strict: %s %s: %s\n", req.method.c_str(),
                     path.c_str(), refusal->message.c_str());
        throw *refusal;
      }
    }
    (*m.handler)(ctx);
    if (fault.lose_response) {
      // The change is in the write-ahead log; only the answer is lost.
      DropConnection(req);
      res.status = -1;
    }
  } catch (const ApiError& e) {
    WriteError(res, e);
  } catch (const std::exception& e) {
    WriteError(res, ApiError{500, std::string("Internal error: ") + e.what(), ""});
  }
}

void Server::LogRequest(const httplib::Request& req, int status, double ms, bool dropped) {
  if (!log_.is_open()) return;
  // Never the Authorization header or any body: they may hold secrets.
  Json line{{"time", IsoTime(world_.clock.Now())},
            {"method", req.method},
            {"path", req.path},
            {"status", dropped ? 0 : status},
            {"duration_ms", static_cast<int64_t>(ms * 1000) / 1000.0}};
  if (dropped) line["dropped"] = true;
  std::lock_guard lock(log_mu_);
  log_ << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  log_.flush();
}

void Server::RegisterControlRoutes() {
  control_.Add("POST", "/_emulator/reset", [this](Ctx& c) {
    world_.store.Reset();
    faults_.ClearScripted();
    {
      std::lock_guard lock(counts_mu_);
      counts_.clear();
      total_ = 0;
    }
    c.Reply({{"message", "reset"}});
  });
  control_.Add("GET", "/_emulator/requests", [this](Ctx& c) {
    std::size_t in_flight = 0;  // requests being handled besides this one
    {
      std::lock_guard lock(active_mu_);
      in_flight = active_peers_.empty() ? 0 : active_peers_.size() - 1;
    }
    std::lock_guard lock(counts_mu_);
    c.Reply({{"total", total_},
             {"in_flight", in_flight},
             {"by_route", Json(counts_)},
             {"faults_injected", faults_.InjectedJson()}});
  });
  control_.Add("DELETE", "/_emulator/requests", [this](Ctx& c) {
    std::lock_guard lock(counts_mu_);
    counts_.clear();
    total_ = 0;
    faults_.ResetCounters();
    c.Reply({{"message", "cleared"}});
  });
  control_.Add("GET", "/_emulator/faults", [this](Ctx& c) {
    c.Reply({{"scripted", faults_.ScriptedJson()},
             {"config", faults_.ConfigJson()},
             {"injected", faults_.InjectedJson()}});
  });
  control_.Add("POST", "/_emulator/faults", [this](Ctx& c) {
    const Json& body = c.Object();
    const auto items = body.contains("faults") ? body.at("faults") : Json::array({body});
    if (!items.is_array()) throw ApiError{400, "faults must be an array of faults", ""};
    // Parse them all first: a batch with one bad fault adds none.
    std::vector<ScriptedFault> parsed;
    for (const auto& f : items) parsed.push_back(ParseScriptedFault(f));
    for (auto& f : parsed) faults_.AddScripted(std::move(f));
    c.Reply({{"scripted", faults_.ScriptedJson()}});
  });
  control_.Add("DELETE", "/_emulator/faults", [this](Ctx& c) {
    faults_.ClearScripted();
    c.Reply({{"message", "cleared"}});
  });
  control_.Add("PUT", "/_emulator/config", [this](Ctx& c) {
    faults_.Configure(c.Object());
    c.Reply({{"config", faults_.ConfigJson()}});
  });
  control_.Add("GET", "/_emulator/clock", [this](Ctx& c) {
    const double now = world_.clock.Now();
    c.Reply({{"now", IsoTime(now)}, {"epoch", now}, {"offset_seconds", world_.clock.offset()}});
  });
  control_.Add("POST", "/_emulator/clock", [this](Ctx& c) {
    const Json& body = c.Object();
    double advance = 0, target = 0;
    const auto it = body.find("advance_seconds");
    const bool advancing = it != body.end();
    if (advancing) {
      if (!it->is_number() || *it < 0)
        throw ApiError{400, "advance_seconds must be a number >= 0", ""};
      advance = it->get<double>();
    } else if (body.contains("set")) {
      if (!ParseIsoTime(OptString(body, "set"), &target)) {
        throw ApiError{400, "set must be an ISO 8601 time such as 2026-11-28T16:00:00Z", ""};
      }
    } else {
      throw ApiError{400, "expected advance_seconds or set", ""};
    }
    // Read, change and publish the offset under the store's lock, so concurrent
    // advances add up instead of overwriting each other.
    const double offset = world_.store.Write([&](Txn& t) {
      const double current = t.doc().value("clock_offset", 0.0);
      const double next = advancing ? current + advance : target - (world_.clock.Now() - current);
      t.Set("/clock_offset", next);
      world_.clock.set_offset(next);
      return next;
    });
    const double now = world_.clock.Now();
    c.Reply({{"now", IsoTime(now)}, {"epoch", now}, {"offset_seconds", offset}});
  });
  control_.Add("GET", "/_emulator/state",
               [this](Ctx& c) { c.Reply(world_.store.Read([](const Json& doc) { return doc; })); });
}

}  // namespace aivenctl::emulator
