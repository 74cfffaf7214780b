// Promised dates in working days (限时办结): weekends, public holidays, make-up working days
// (调休), the start day not counted (《行政许可法》第八十二条).
#include <gtest/gtest.h>

#include "jiujin/core/working_calendar.hpp"

namespace jiujin::core {
namespace {

using namespace std::chrono;

/// A National Day week as the State Council usually arranges it: 1–7 October off, the
/// Sunday before and the Saturday after worked instead.
WorkingCalendar nationalDayWeek() {
  WorkingCalendar calendar;
  for (unsigned d = 1; d <= 7; ++d) calendar.addHoliday(2026y / October / day{d});
  calendar.addMakeUpWorkday(2026y / September / 20d);
  calendar.addMakeUpWorkday(2026y / October / 10d);
  calendar.cover(2026y);
  return calendar;
}

TEST(WorkingCalendar, AnOrdinaryWeekSkipsSaturdayAndSunday) {
  const WorkingCalendar calendar;
  const Date friday = 2026y / December / 4d;
  EXPECT_EQ(calendar.addWorkingDays(friday, 0), friday) << "即办件: due the day it starts";
  EXPECT_EQ(calendar.addWorkingDays(friday, 1), 2026y / December / 7d) << "Friday + 1 = Monday";
  EXPECT_EQ(calendar.addWorkingDays(friday, 5), 2026y / December / 11d);
  EXPECT_EQ(calendar.addWorkingDays(2026y / December / 5d, 1), 2026y / December / 7d) << "accepted on a Saturday";
  EXPECT_FALSE(calendar.isWorkingDay(2026y / December / 6d));
  EXPECT_TRUE(calendar.isWorkingDay(2026y / December / 7d));
}

TEST(WorkingCalendar, AHolidayWeekIsSkippedAndAMakeUpSaturdayCounts) {
  const WorkingCalendar calendar = nationalDayWeek();
  const Date wednesday = 2026y / September / 30d;
  EXPECT_EQ(calendar.addWorkingDays(wednesday, 1), 2026y / October / 8d);
  EXPECT_EQ(calendar.addWorkingDays(wednesday, 2), 2026y / October / 9d);
  EXPECT_EQ(calendar.addWorkingDays(wednesday, 3), 2026y / October / 10d) << "the make-up Saturday is worked";
  EXPECT_EQ(calendar.addWorkingDays(wednesday, 4), 2026y / October / 12d);
  EXPECT_EQ(calendar.addWorkingDays(2026y / September / 18d, 1), 2026y / September / 20d)
      << "Friday + 1 is the make-up Sunday";
  EXPECT_EQ(calendar.addWorkingDays(2026y / October / 3d, 1), 2026y / October / 8d)
      << "registered on a holiday (代办): the period starts after it";
}

TEST(WorkingCalendar, WorkingDaysBetweenCountsAfterTheStartUpToTheEnd) {
  const WorkingCalendar calendar = nationalDayWeek();
  EXPECT_EQ(calendar.workingDaysBetween(2026y / September / 30d, 2026y / October / 12d), 4);
  EXPECT_EQ(calendar.workingDaysBetween(2026y / September / 30d, 2026y / September / 30d), 0);
  EXPECT_EQ(calendar.workingDaysBetween(2026y / October / 12d, 2026y / September / 30d), 0);
  // What addWorkingDays gives, workingDaysBetween counts back.
  for (int n = 0; n < 40; ++n) {
    const auto due = calendar.addWorkingDays(2026y / September / 14d, n);
    ASSERT_TRUE(due.has_value());
    EXPECT_EQ(calendar.workingDaysBetween(2026y / September / 14d, *due), n);
    if (n > 0) {
      EXPECT_TRUE(calendar.isWorkingDay(*due)) << "a promised date is always a working day";
    }
  }
}

TEST(WorkingCalendar, AHolidayOnAWeekendChangesNothingAndAStationMayWorkSaturdays) {
  WorkingCalendar calendar;
  calendar.addHoliday(2026y / December / 5d);  // a Saturday
  EXPECT_EQ(calendar.addWorkingDays(2026y / December / 4d, 1), 2026y / December / 7d);
  calendar.setWeekend({7});  // a village station open on Saturdays
  EXPECT_EQ(calendar.addWorkingDays(2026y / December / 4d, 1), 2026y / December / 7d) << "still the holiday";
  EXPECT_EQ(calendar.addWorkingDays(2026y / December / 11d, 1), 2026y / December / 12d) << "an ordinary Saturday";
}

TEST(WorkingCalendar, PeriodsOutOfRangeAreRefused) {
  WorkingCalendar calendar;
  EXPECT_FALSE(calendar.addWorkingDays(2026y / December / 4d, -1).has_value());
  EXPECT_FALSE(calendar.addWorkingDays(2026y / December / 4d, 3651).has_value());
  EXPECT_TRUE(calendar.addWorkingDays(2026y / December / 4d, 3650).has_value());
  calendar.setWeekend({1, 2, 3, 4, 5, 6, 7});
  EXPECT_FALSE(calendar.addWorkingDays(2026y / December / 4d, 1).has_value()) << "no working day at all";
}

TEST(WorkingCalendar, SaysWhichYearsItsListsCover) {
  const WorkingCalendar calendar = nationalDayWeek();
  EXPECT_TRUE(calendar.covers(2026y / March / 1d));
  EXPECT_FALSE(calendar.covers(2027y / March / 1d));
}

}  // namespace
}  // namespace jiujin::core
