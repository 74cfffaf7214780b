#pragma once
// A simulated day of a 30-window district centre driven through the core, the way the
// service would drive it: residents arrive (morning and afternoon peaks), windows call,
// serve (log-normal service times per item), transfer, mark no-shows, pause for lunch and
// for short breaks, and residents rate. Optionally records, for every ticket, the hall's
// waiting-time estimate at issue, the naive estimate, and the wait that really happened.
#include <cstdint>
#include <vector>

#include "jiujin/core/hall.hpp"

namespace jiujin::bench {

struct SimulationOptions {
  std::uint64_t seed = 1;
  int residents = 3000;
  bool recordEstimates = false;
};

/// One issued ticket's predicted and actual wait, in seconds.
struct WaitSample {
  double actual = 0;
  double hall = 0;   ///< Hall::estimateForItem at issue
  double naive = 0;  ///< people ahead × mean service time ÷ open windows
  bool priority = false;
};

struct SimulationResult {
  int issued = 0;
  int called = 0;
  int completed = 0;
  int transferred = 0;
  int expired = 0;
  long events = 0;  ///< events the hall produced
  std::vector<WaitSample> samples;
};

/// The simulated hall's definition: 6 queues, 13 items, 30 windows.
core::HallDefinition districtCentre();

SimulationResult simulateDay(const SimulationOptions& options);

}  // namespace jiujin::bench
