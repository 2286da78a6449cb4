#pragma once
// Access to environment variables behind a narrow interface (ARCHITECTURE principle 2).

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace aivenctl::core {

/// Read-only view of environment variables; tests use MapEnvironment instead of the process.
class Environment {
 public:
  virtual ~Environment() = default;
  /// The value of `name`, or nullopt when it is not set (set-but-empty is "").
  virtual std::optional<std::string> Get(const std::string& name) const = 0;
};

/// The real process environment (std::getenv). Thread-safe for reads.
class ProcessEnvironment : public Environment {
 public:
  std::optional<std::string> Get(const std::string& name) const override {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  }
};

/// A fixed set of variables, for tests and embedding.
class MapEnvironment : public Environment {
 public:
  MapEnvironment() = default;
  explicit MapEnvironment(std::map<std::string, std::string> vars) : vars_(std::move(vars)) {}
  std::optional<std::string> Get(const std::string& name) const override {
    auto it = vars_.find(name);
    if (it == vars_.end()) return std::nullopt;
    return it->second;
  }
  /// Sets or replaces one variable.
  void Set(std::string name, std::string value) { vars_[std::move(name)] = std::move(value); }

 private:
  std::map<std::string, std::string> vars_;
};

}  // namespace aivenctl::core
