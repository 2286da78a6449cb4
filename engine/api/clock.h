#pragma once
// The clock moved to core (the executor needs it without the HTTP stack); these names keep
// api code and its tests reading `api::Clock`, `api::FakeClock`.

#include "core/clock.h"

namespace aivenctl::api {

using core::Clock;
using core::Duration;
using core::FakeClock;
using core::RealClock;
using TimePoint = core::SteadyTime;
using core::WallTime;

}  // namespace aivenctl::api
