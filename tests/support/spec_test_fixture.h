#pragma once
// A GoogleTest fixture for tests that need Aiven's OpenAPI description.

#include <gtest/gtest.h>

#include "support/openapi.h"

namespace aivenctl::testing {

/// Loads the committed spec subset once per process; fails the test, naming why, when it
/// cannot be loaded (a missing spec must never pass as a skip).
class SpecTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shared = OpenApiSpec::Shared();
    ASSERT_TRUE(shared.ok()) << "OpenAPI description unavailable: " << shared.status().message();
    spec_ = shared.value();
  }
  const OpenApiSpec* spec_ = nullptr;
};

}  // namespace aivenctl::testing
