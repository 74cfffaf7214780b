#include <gtest/gtest.h>

#include "jiujin/config/opening_hours.hpp"

namespace jiujin::config {
namespace {

using namespace std::chrono;
using Kind = TicketingNow::Kind;

/// The township sample's hours: Mon–Fri 08:30-17:30, 延时 Tue/Thu 17:30-19:00, Sat 09:00-12:00
/// for appointments only.
OpeningHours townshipHours() {
  OpeningHours h;
  h.days = {Monday, Tuesday, Wednesday, Thursday, Friday};
  h.open = *parseTimeSpan("08:30-17:30");
  h.extended = {Session{{Tuesday, Thursday}, *parseTimeSpan("17:30-19:00")}};
  h.appointmentOnly = {Session{{Saturday}, *parseTimeSpan("09:00-12:00")}};
  return h;
}

core::TimePoint at(int y, unsigned m, unsigned d, int hour, int minute) {
  return core::TimePoint{sys_days{year{y} / month{m} / day{d}}} + hours{hour} + minutes{minute};
}

// 2026-11-23 is a Monday.
TEST(OpeningHours, TicketsDuringRegularHoursIncludingTheFirstMinuteButNotTheClosingMinute) {
  const auto h = townshipHours();
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 23, 8, 29)).kind, Kind::Closed);
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 23, 8, 30)).kind, Kind::Open);
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 23, 17, 29)).kind, Kind::Open);
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 23, 17, 30)).kind, Kind::Closed);
}

TEST(OpeningHours, ExtendedServiceKeepsTicketingOpenOnlyOnItsDays) {
  const auto h = townshipHours();
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 24, 18, 0)).kind, Kind::Open);    // Tuesday 延时服务
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 25, 18, 0)).kind, Kind::Closed);  // Wednesday
}

TEST(OpeningHours, SaturdaySessionIsForAppointmentsAndSundayIsClosed) {
  const auto h = townshipHours();
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 28, 10, 0)).kind, Kind::AppointmentsOnly);
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 28, 12, 0)).kind, Kind::Closed);
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 29, 10, 0)).kind, Kind::Closed);
}

TEST(OpeningHours, ALunchBreakDoesNotStopTicketing) {
  auto h = townshipHours();
  h.breaks = {*parseTimeSpan("12:00-13:30")};
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 23, 12, 15)).kind, Kind::Open);
}

TEST(OpeningHours, DescribesTheHoursForResidentsWithDayRanges) {
  const auto h = townshipHours();
  EXPECT_EQ(describeHoursZh(h), "办理时间：周一至周五 08:30-17:30；周二、周四 延时服务 17:30-19:00；周六 09:00-12:00 仅接待预约");
  EXPECT_EQ(describeHoursEn(h),
            "open Mon-Fri 08:30-17:30; extended hours Tue, Thu 17:30-19:00; appointments only Sat 09:00-12:00");
  EXPECT_EQ(ticketingAt(h, at(2026, 11, 29, 10, 0)).zh, describeHoursZh(h));
}

}  // namespace
}  // namespace jiujin::config
