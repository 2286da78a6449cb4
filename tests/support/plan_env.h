#pragma once
// The environment the shipped plans read their secrets from: plans/pr-platform.yaml takes
// its Prometheus endpoint's scrape password from PROMETHEUS_PASSWORD. Every fixture that
// runs aivenctl on the shipped plans sets it, and its secrets scan looks for the value like
// any secret the emulator issued.

namespace aivenctl::testing {

inline constexpr const char* kPrometheusPasswordEnv = "PROMETHEUS_PASSWORD";
inline constexpr const char* kPrometheusPassword = "e2e-prometheus-5d0c83a1";

}  // namespace aivenctl::testing
