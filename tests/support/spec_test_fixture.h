#pragma once
// A GoogleTest fixture for tests that need Aiven's OpenAPI description.

#include <gtest/gtest.h>

#include "support/openapi.h"

namespace aivenctl::testing {

/// Loads the shared spec once per process; skips the test, naming why, when it is absent.
class SpecTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shared = OpenApiSpec::Shared();
    if (!shared.ok()) {
      GTEST_SKIP() << "OpenAPI description unavailable: " << shared.status().message();
    }
    spec_ = shared.value();
  }
  const OpenApiSpec* spec_ = nullptr;
};

}  // namespace aivenctl::testing
