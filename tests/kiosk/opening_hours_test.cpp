#include "jiujin/kiosk/opening_hours.hpp"

#include <gtest/gtest.h>

namespace jiujin::kiosk {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// 2024-05-06 is a Monday.
core::TimePoint at(int day, int hour, int minute) {
  return core::TimePoint(sys_days{year{2024} / May / day}) + hours(hour) + minutes(minute);
}

config::TimeSpan span(int h1, int m1, int h2, int m2) { return {{h1 * 60 + m1}, {h2 * 60 + m2}}; }

/// The township sample's hours: weekdays 08:30-17:30, 延时服务 Tue/Thu to 19:00, Saturday
/// mornings for appointments only.
config::OpeningHours township() {
  config::OpeningHours h;
  h.days = {Monday, Tuesday, Wednesday, Thursday, Friday};
  h.open = span(8, 30, 17, 30);
  h.extended = {{{Tuesday, Thursday}, span(17, 30, 19, 0)}};
  h.appointmentOnly = {{{Saturday}, span(9, 0, 12, 0)}};
  return h;
}

TEST(OpeningHours, HallIsOpenDuringRegularHours) {
  EXPECT_TRUE(opennessAt(township(), at(6, 10, 0)).open);
}

TEST(OpeningHours, ClosedAtNightSaysItOpensNextMorning) {
  const auto o = opennessAt(township(), at(8, 20, 0));  // Wednesday evening
  EXPECT_FALSE(o.open);
  ASSERT_TRUE(o.nextOpening);
  EXPECT_EQ(*o.nextOpening, at(9, 8, 30));
}

TEST(OpeningHours, BeforeOpeningTheNextOpeningIsThisMorning) {
  const auto o = opennessAt(township(), at(6, 7, 0));
  EXPECT_FALSE(o.open);
  EXPECT_EQ(o.nextOpening, at(6, 8, 30));
}

TEST(OpeningHours, ExtendedServiceKeepsTheHallOpenOnTuesdayEvening) {
  EXPECT_TRUE(opennessAt(township(), at(7, 18, 0)).open);
  EXPECT_FALSE(opennessAt(township(), at(6, 18, 0)).open);  // Monday has no 延时服务
}

TEST(OpeningHours, AppointmentOnlySaturdayIsNotAnOpeningForWalkIns) {
  const auto o = opennessAt(township(), at(10, 18, 0));  // Friday evening
  EXPECT_FALSE(opennessAt(township(), at(11, 10, 0)).open);  // Saturday morning
  EXPECT_EQ(o.nextOpening, at(13, 8, 30));                   // Monday
}

TEST(OpeningHours, LunchBreakClosesTheHallUntilItEnds) {
  auto hours = township();
  hours.breaks = {span(12, 0, 13, 30)};
  const auto o = opennessAt(hours, at(6, 12, 15));
  EXPECT_FALSE(o.open);
  EXPECT_EQ(o.nextOpening, at(6, 13, 30));
  EXPECT_TRUE(opennessAt(hours, at(6, 13, 30)).open);
}

TEST(OpeningHours, HoursWithoutWorkingDaysNeverOpen) {
  const auto o = opennessAt(config::OpeningHours{}, at(6, 10, 0));
  EXPECT_FALSE(o.open);
  EXPECT_FALSE(o.nextOpening);
}

}  // namespace
}  // namespace jiujin::kiosk
