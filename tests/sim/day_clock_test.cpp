#include <gtest/gtest.h>

#include "jiujin/sim/day_clock.hpp"

using namespace jiujin::sim;
using namespace std::chrono_literals;

TEST(DayClock, OneRealSecondIsSpeedSimulatedSeconds) {
  const auto t0 = RealClock::time_point{} + 1h;
  const DayClock clock(8.5 * 3600, 600, t0);
  EXPECT_DOUBLE_EQ(clock.at(t0), 8.5 * 3600);
  EXPECT_DOUBLE_EQ(clock.at(t0 + 1s), 8.5 * 3600 + 600);
  EXPECT_EQ(clock.realAt(8.5 * 3600 + 1200), t0 + 2s);
}

TEST(DayClock, AShortSimulatedSpanIsStillAtLeastOneMillisecondOfRealTime) {
  const DayClock clock(0, 100000, RealClock::time_point{});
  EXPECT_EQ(clock.realSpan(1), 1ms);
  EXPECT_EQ(DayClock(0, 10, RealClock::time_point{}).realSpan(60), 6000ms);
}

TEST(DayClock, ClockTextShowsHoursAndMinutes) {
  EXPECT_EQ(clockText(8.5 * 3600), "08:30");
  EXPECT_EQ(clockText(17 * 3600 + 59 * 60 + 59), "17:59");
}
