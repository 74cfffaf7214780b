#pragma once
// The simulator's own clock. The dispatcher keeps real time; the simulator compresses only
// its own waits (arrivals, walking, serving, breaks) by `speed`: one real second is `speed`
// simulated seconds. Simulated time is seconds since midnight of the hall's day.
#include <chrono>
#include <string>

namespace jiujin::sim {

using SimSeconds = double;  ///< simulated seconds since midnight
using RealClock = std::chrono::steady_clock;

class DayClock {
 public:
  /// Simulated `start` (seconds since midnight) at real instant `realStart`.
  DayClock(SimSeconds start, double speed, RealClock::time_point realStart);

  SimSeconds at(RealClock::time_point real) const;
  /// The real instant simulated time `t` is reached (may be in the past).
  RealClock::time_point realAt(SimSeconds t) const;
  /// A simulated span as real time (at least 1 ms, so nothing spins).
  std::chrono::milliseconds realSpan(SimSeconds span) const;
  double speed() const { return speed_; }

 private:
  SimSeconds start_;
  double speed_;
  RealClock::time_point realStart_;
};

/// "08:30" style, from seconds since midnight.
std::string clockText(SimSeconds t);

}  // namespace jiujin::sim
