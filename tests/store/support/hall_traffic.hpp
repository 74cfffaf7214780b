#pragma once
// A seeded random stream of what a busy hall sends — tickets issued, called, recalled,
// served, rated, transferred and cancelled, windows paused and clerks changing, clocks
// ticking, days closing and opening — grouped into batches the way the service commits them:
// the commands that arrived together execute on the core one after another, and all their
// events go to the store in one append().
#include <cstdint>
#include <random>
#include <vector>

#include "jiujin/core/hall.hpp"

namespace jiujin::testing {

class HallTraffic {
 public:
  /// Traffic for the township hall of store_fixtures.hpp, from 09:00 on `firstDay`.
  HallTraffic(std::uint64_t seed, core::Date firstDay);

  /// Executes the next one to four commands (or clock ticks) on `hall`; returns the events
  /// of those the core accepted, possibly none.
  std::vector<core::Event> nextBatch(core::Hall& hall);

  core::TimePoint now() const { return now_; }

 private:
  std::vector<core::Event> step(core::Hall& hall);
  std::vector<core::Event> openNextDay(core::Hall& hall);
  core::WindowNumber anyWindow();

  std::mt19937_64 random_;
  core::Date day_;
  core::TimePoint now_;
  int requests_ = 0;
};

}  // namespace jiujin::testing
