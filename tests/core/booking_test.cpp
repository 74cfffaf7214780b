// 预约: slots from the hall's sessions on its calendar, the refusals of a booking, and the
// check-in timing rules (early, on time, late, another day), each at its boundary.
#include <gtest/gtest.h>

#include "jiujin/core/booking.hpp"

namespace jiujin::core {
namespace {

using namespace std::chrono;

TimePoint at(Date d, int hour, int minute) {
  return time_point_cast<Milliseconds>(sys_days{d}) + hours{hour} + minutes{minute};
}

HallDefinition hall() {
  HallDefinition h;
  h.items.push_back(ServiceItem{.code = "GA-001", .name = "户口迁移", .queue = "general"});
  h.items.push_back(ServiceItem{.code = "MZ-002", .name = "高龄津贴", .queue = "social"});
  // National Day 2026: 1–7 October off, Saturday 10 October worked.
  for (unsigned d = 1; d <= 7; ++d) h.calendar.holidays.push_back(2026y / October / day{d});
  h.calendar.makeUpWorkdays.push_back(2026y / October / 10d);
  h.calendar.coveredYears.push_back(2026);
  return h;
}

BookingRules rules() {
  BookingRules r;
  // Working-day mornings for the general queue: 09:00–11:30 in 30-minute slots of 4.
  r.sessions.push_back(BookingSession{.queue = "general", .workingDays = true, .from = minutes{540},
                                      .to = minutes{690}, .slotLength = minutes{30}, .capacity = 4});
  // 周六预约服务 for 高龄津贴 only: Saturday 09:00–10:00 in 20-minute slots of 2.
  r.sessions.push_back(BookingSession{.items = {"MZ-002"}, .weekdays = {6}, .from = minutes{540}, .to = minutes{600},
                                      .slotLength = minutes{20}, .capacity = 2, .name = "周六预约服务"});
  return r;
}

TEST(BookingSlots, AWorkingDayHasTheMorningSlotsOfTheItemsQueue) {
  const auto h = hall();
  const auto slots = bookingSlots(rules(), h, h.items[0], 2026y / December / 7d);  // a Monday
  ASSERT_EQ(slots.size(), 5u);
  EXPECT_EQ(slots.front().start, at(2026y / December / 7d, 9, 0));
  EXPECT_EQ(slots.front().end, at(2026y / December / 7d, 9, 30));
  EXPECT_EQ(slots.back().start, at(2026y / December / 7d, 11, 0));
  EXPECT_EQ(slots.back().end, at(2026y / December / 7d, 11, 30)) << "the last slot ends by the session's end";
  EXPECT_EQ(slots.front().capacity, 4);
  EXPECT_TRUE(bookingSlots(rules(), h, h.items[1], 2026y / December / 7d).empty())
      << "高龄津贴 is in another queue and has only the Saturday session";
}

TEST(BookingSlots, HolidaysWeekendsAndAMakeUpSaturdayFollowTheCalendar) {
  const auto h = hall();
  EXPECT_TRUE(bookingSlots(rules(), h, h.items[0], 2026y / October / 5d).empty()) << "a Monday in the holiday";
  EXPECT_TRUE(bookingSlots(rules(), h, h.items[0], 2026y / December / 5d).empty()) << "an ordinary Saturday";
  EXPECT_EQ(bookingSlots(rules(), h, h.items[0], 2026y / October / 10d).size(), 5u) << "调休上班 is a working day";
  EXPECT_EQ(bookingSlots(rules(), h, h.items[1], 2026y / December / 5d).size(), 3u) << "the Saturday session";
  EXPECT_EQ(bookingSlots(rules(), h, h.items[1], 2026y / December / 5d)[0].session, "周六预约服务");
  EXPECT_TRUE(bookingSlots(rules(), h, h.items[1], 2026y / October / 3d).empty())
      << "a Saturday in the holiday has no weekday session";
}

TEST(BookingSlots, ASlotsCapacityIsSharedByTheItemsOfItsSession) {
  auto h = hall();
  h.items.push_back(ServiceItem{.code = "GA-003", .name = "身份证换领", .queue = "general"});
  const auto general = bookingSlots(rules(), h, h.items[0], 2026y / December / 7d).front();
  EXPECT_EQ(itemsSharing(rules(), h, general), (std::vector<ItemCode>{"GA-001", "GA-003"}));
  const auto saturday = bookingSlots(rules(), h, h.items[1], 2026y / December / 5d).front();
  EXPECT_EQ(itemsSharing(rules(), h, saturday), (std::vector<ItemCode>{"MZ-002"}));
}

TEST(BookingSlots, ASlotIsFoundOnlyAtAStartTheSessionsGive) {
  const auto h = hall();
  EXPECT_TRUE(bookingSlotAt(rules(), h, h.items[0], at(2026y / December / 7d, 9, 30)).has_value());
  EXPECT_FALSE(bookingSlotAt(rules(), h, h.items[0], at(2026y / December / 7d, 9, 15)).has_value());
  EXPECT_FALSE(bookingSlotAt(rules(), h, h.items[0], at(2026y / December / 7d, 11, 30)).has_value());
}

TEST(BookingSlots, BookableDaysAreTodayAndTheAdvanceDays) {
  auto r = rules();
  r.advanceDays = 3;
  const auto days = bookableDays(r, at(2026y / December / 7d, 16, 0));
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days.front(), 2026y / December / 7d);
  EXPECT_EQ(days.back(), 2026y / December / 10d);
  r.sameDay = false;
  EXPECT_EQ(bookableDays(r, at(2026y / December / 7d, 16, 0)).front(), 2026y / December / 8d);
}

TEST(BookingRefusals, EachLimitRefusesAtItsBoundaryWithItsCode) {
  const auto h = hall();
  const auto r = rules();
  const TimePoint now = at(2026y / December / 7d, 8, 0);
  const BookingSlot slot = *bookingSlotAt(r, h, h.items[0], at(2026y / December / 8d, 9, 0));
  EXPECT_EQ(refuseBooking(r, slot, {.inSlot = 3}, now), std::nullopt);
  EXPECT_EQ(refuseBooking(r, slot, {.inSlot = 4}, now)->code, "slot_full");
  EXPECT_EQ(refuseBooking(r, slot, {.phoneThatDay = 1}, now), std::nullopt);
  EXPECT_EQ(refuseBooking(r, slot, {.phoneThatDay = 2}, now)->code, "booking_limit");
  EXPECT_EQ(refuseBooking(r, slot, {.phoneMissed = 2}, now), std::nullopt);
  EXPECT_EQ(refuseBooking(r, slot, {.phoneMissed = 3}, now)->code, "no_show_limit");
  auto lenient = r;
  lenient.noShowLimit = 0;
  EXPECT_EQ(refuseBooking(lenient, slot, {.phoneMissed = 50}, now), std::nullopt) << "0 turns the no-show rule off";
}

TEST(BookingRefusals, APastSlotOrOneTooFarAheadIsClosed) {
  const auto h = hall();
  auto r = rules();
  r.advanceDays = 7;
  const TimePoint now = at(2026y / December / 7d, 9, 10);
  const auto today0900 = *bookingSlotAt(r, h, h.items[0], at(2026y / December / 7d, 9, 0));
  const auto today0930 = *bookingSlotAt(r, h, h.items[0], at(2026y / December / 7d, 9, 30));
  EXPECT_EQ(refuseBooking(r, today0900, {}, now)->code, "booking_closed") << "already begun";
  EXPECT_EQ(refuseBooking(r, today0930, {}, now), std::nullopt) << "later today";
  r.sameDay = false;
  EXPECT_EQ(refuseBooking(r, today0930, {}, now)->code, "booking_closed") << "same-day booking off";
  r.sameDay = true;
  const auto in7 = *bookingSlotAt(r, h, h.items[0], at(2026y / December / 14d, 9, 0));
  const auto in8 = *bookingSlotAt(r, h, h.items[0], at(2026y / December / 15d, 9, 0));
  EXPECT_EQ(refuseBooking(r, in7, {}, now), std::nullopt);
  EXPECT_EQ(refuseBooking(r, in8, {}, now)->code, "booking_closed");
  EXPECT_NE(refuseBooking(r, in8, {}, now)->zh.find("7 天"), std::string::npos) << "says how far ahead one may book";
}

Booking bookingAt(TimePoint start) {
  Booking b;
  b.code = "12345678";
  b.item = "GA-001";
  b.queue = "general";
  b.start = start;
  b.end = start + minutes{30};
  return b;
}

TEST(BookingCheckIn, EarlyOnTimeLateAndAnotherDay) {
  const auto r = rules();  // 30 minutes early, 15 minutes late, late residents walk in
  const Booking b = bookingAt(at(2026y / December / 7d, 10, 0));
  EXPECT_EQ(checkInTiming(r, b, at(2026y / December / 7d, 9, 29)), CheckInTiming::TooEarly);
  EXPECT_EQ(checkInTiming(r, b, at(2026y / December / 7d, 9, 30)), CheckInTiming::OnTime);
  EXPECT_EQ(checkInTiming(r, b, at(2026y / December / 7d, 10, 15)), CheckInTiming::OnTime);
  EXPECT_EQ(checkInTiming(r, b, at(2026y / December / 7d, 10, 16)), CheckInTiming::Late);
  EXPECT_EQ(checkInTiming(r, b, at(2026y / December / 8d, 9, 50)), CheckInTiming::OtherDay);
  EXPECT_EQ(refuseCheckIn(r, b, at(2026y / December / 7d, 9, 29))->code, "too_early");
  EXPECT_NE(refuseCheckIn(r, b, at(2026y / December / 7d, 9, 29))->zh.find("09:30"), std::string::npos)
      << "says from when";
  EXPECT_EQ(refuseCheckIn(r, b, at(2026y / December / 7d, 10, 16)), std::nullopt) << "late: an ordinary ticket";
  EXPECT_EQ(refuseCheckIn(r, b, at(2026y / December / 6d, 10, 0))->code, "other_day");
  auto strict = r;
  strict.late = LateCheckIn::Refuse;
  EXPECT_EQ(refuseCheckIn(strict, b, at(2026y / December / 7d, 10, 16))->code, "late");
}

TEST(BookingCheckIn, CancelledRefusesAndCheckedInIsAnsweredWithItsTicket) {
  const auto r = rules();
  Booking b = bookingAt(at(2026y / December / 7d, 10, 0));
  b.state = BookingState::Cancelled;
  EXPECT_EQ(refuseCheckIn(r, b, at(2026y / December / 7d, 10, 0))->code, "cancelled");
  b.state = BookingState::CheckedIn;
  EXPECT_EQ(refuseCheckIn(r, b, at(2026y / December / 7d, 10, 0)), std::nullopt);
  EXPECT_EQ(refuseCancel(b, at(2026y / December / 7d, 9, 0))->code, "already_checked_in");
}

TEST(BookingCancel, OnlyABookedOneBeforeItsSlotEnds) {
  Booking b = bookingAt(at(2026y / December / 7d, 10, 0));
  EXPECT_EQ(refuseCancel(b, at(2026y / December / 7d, 10, 29)), std::nullopt);
  EXPECT_EQ(refuseCancel(b, at(2026y / December / 7d, 10, 30))->code, "not_cancellable");
  b.state = BookingState::Cancelled;
  EXPECT_EQ(refuseCancel(b, at(2026y / December / 6d, 10, 0))->code, "cancelled");
}

TEST(BookingMissed, ABookingNeverCheckedInIsMissedOnceItsCheckInIsOver) {
  auto r = rules();
  Booking b = bookingAt(at(2026y / December / 7d, 10, 0));
  EXPECT_FALSE(isMissed(r, b, at(2026y / December / 7d, 16, 0))) << "walk-in rule: may still come today";
  EXPECT_TRUE(isMissed(r, b, at(2026y / December / 8d, 0, 1)));
  EXPECT_STREQ(bookingStateName(r, b, at(2026y / December / 8d, 9, 0)), "missed");
  r.late = LateCheckIn::Refuse;
  EXPECT_FALSE(isMissed(r, b, at(2026y / December / 7d, 10, 15)));
  EXPECT_TRUE(isMissed(r, b, at(2026y / December / 7d, 10, 16)));
  b.state = BookingState::CheckedIn;
  EXPECT_FALSE(isMissed(r, b, at(2026y / December / 9d, 0, 0)));
  EXPECT_STREQ(bookingStateName(r, b, at(2026y / December / 9d, 0, 0)), "checked_in");
}

TEST(BookingNames, StatesAndLateRulesRoundTrip) {
  for (auto s : {BookingState::Booked, BookingState::Cancelled, BookingState::CheckedIn})
    EXPECT_EQ(parseBookingState(toString(s)), s);
  EXPECT_EQ(parseBookingState("missed"), std::nullopt) << "missed is derived, never stored";
  for (auto l : {LateCheckIn::WalkIn, LateCheckIn::Refuse}) EXPECT_EQ(parseLateCheckIn(toString(l)), l);
  EXPECT_EQ(parseLateCheckIn("Walk_In"), std::nullopt);
}

}  // namespace
}  // namespace jiujin::core
