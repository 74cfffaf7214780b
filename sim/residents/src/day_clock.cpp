#include "jiujin/sim/day_clock.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace jiujin::sim {

DayClock::DayClock(SimSeconds start, double speed, RealClock::time_point realStart)
    : start_(start), speed_(speed > 0 ? speed : 1.0), realStart_(realStart) {}

SimSeconds DayClock::at(RealClock::time_point real) const {
  return start_ + std::chrono::duration<double>(real - realStart_).count() * speed_;
}

RealClock::time_point DayClock::realAt(SimSeconds t) const {
  const auto offset = std::chrono::duration<double>((t - start_) / speed_);
  return realStart_ + std::chrono::duration_cast<RealClock::duration>(offset);
}

std::chrono::milliseconds DayClock::realSpan(SimSeconds span) const {
  const double ms = span / speed_ * 1000.0;
  return std::chrono::milliseconds(std::max<long long>(1, std::llround(ms)));
}

std::string clockText(SimSeconds t) {
  const long long minutes = std::llround(std::floor(t / 60.0));
  return fmt::format("{:02}:{:02}", (minutes / 60) % 24, minutes % 60);
}

}  // namespace jiujin::sim
