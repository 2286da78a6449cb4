#pragma once
// A scripted Transport for unit tests: answers from a queue (then 200 "{}"), or from a
// handler; records every request. Thread-safe.

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "api/transport.h"

namespace aivenctl::api::testing {

/// An HTTP answer as a TransportResult.
inline TransportResult Answer(int status, std::string body = "{}",
                              std::map<std::string, std::string> headers = {}) {
  TransportResult r;
  r.response = HttpResponse{status, std::move(body), std::move(headers), {}};
  return r;
}

/// Aiven's error body with `message`, as a TransportResult.
inline TransportResult AivenError(int status, const std::string& message,
                                  std::map<std::string, std::string> headers = {}) {
  return Answer(status,
                R"({"message":")" + message + R"(","errors":[{"message":")" + message +
                    R"(","status":)" + std::to_string(status) + "}]}",
                std::move(headers));
}

/// No HTTP answer.
inline TransportResult Failure(TransportErrorKind kind, std::string message = "scripted") {
  TransportResult r;
  r.error = {kind, std::move(message), {}};
  return r;
}

class FakeTransport final : public Transport {
 public:
  using Handler = std::function<TransportResult(const HttpRequest&)>;

  /// Queues answers for the next requests, in order.
  void Script(std::vector<TransportResult> results) {
    std::lock_guard lock(mu_);
    for (auto& r : results) script_.push_back(std::move(r));
  }
  /// Answers every request through `handler` (after the queue is empty).
  void SetHandler(Handler handler) {
    std::lock_guard lock(mu_);
    handler_ = std::move(handler);
  }

  TransportResult Send(const HttpRequest& request, std::stop_token) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      if (!script_.empty()) {
        TransportResult r = std::move(script_.front());
        script_.pop_front();
        return r;
      }
      handler = handler_;
    }
    return handler ? handler(request) : Answer(200);
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  int count() const {
    std::lock_guard lock(mu_);
    return static_cast<int>(requests_.size());
  }

 private:
  mutable std::mutex mu_;
  std::deque<TransportResult> script_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
};

}  // namespace aivenctl::api::testing
