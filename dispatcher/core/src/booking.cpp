#include "jiujin/core/booking.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "jiujin/core/working_calendar.hpp"

namespace jiujin::core {

namespace {

using std::chrono::sys_days;

TimePoint midnightOf(Date day) { return std::chrono::time_point_cast<Milliseconds>(sys_days{day}); }

std::string clock(TimePoint t) {
  const auto minutes = std::chrono::floor<Minutes>(t - midnightOf(dateOf(t))).count();
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string dateText(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

bool isHoliday(const HallDefinition& hall, Date day) {
  return std::find(hall.calendar.holidays.begin(), hall.calendar.holidays.end(), day) != hall.calendar.holidays.end();
}

bool sessionRunsOn(const BookingSession& s, const HallDefinition& hall, const WorkingCalendar& calendar, Date day) {
  if (s.workingDays && calendar.isWorkingDay(day)) return true;
  const unsigned weekday = std::chrono::weekday{sys_days{day}}.iso_encoding();
  return std::find(s.weekdays.begin(), s.weekdays.end(), weekday) != s.weekdays.end() && !isHoliday(hall, day);
}

bool sessionTakes(const BookingSession& s, const ServiceItem& item) {
  if (!s.items.empty()) return std::find(s.items.begin(), s.items.end(), item.code) != s.items.end();
  return s.queue == item.queue;
}

}  // namespace

std::vector<BookingSlot> bookingSlots(const BookingRules& rules, const HallDefinition& hall, const ServiceItem& item,
                                      Date day) {
  std::vector<BookingSlot> slots;
  if (!day.ok()) return slots;
  const WorkingCalendar calendar(hall.calendar);
  const TimePoint midnight = midnightOf(day);
  for (std::size_t i = 0; i < rules.sessions.size(); ++i) {
    const BookingSession& s = rules.sessions[i];
    if (!sessionTakes(s, item) || !sessionRunsOn(s, hall, calendar, day)) continue;
    if (s.slotLength <= Minutes{0} || s.capacity <= 0) continue;  // refused by the config check
    for (Minutes at = s.from; at + s.slotLength <= s.to; at += s.slotLength)
      slots.push_back(BookingSlot{midnight + at, midnight + at + s.slotLength, s.capacity, s.name, i});
  }
  // Two sessions may offer the same start (e.g. a queue's and an item's): the first one wins.
  std::stable_sort(slots.begin(), slots.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  slots.erase(std::unique(slots.begin(), slots.end(), [](const auto& a, const auto& b) { return a.start == b.start; }),
              slots.end());
  return slots;
}

bool takesBookings(const BookingRules& rules, const ServiceItem& item) {
  return std::any_of(rules.sessions.begin(), rules.sessions.end(),
                     [&](const BookingSession& s) { return sessionTakes(s, item); });
}

std::optional<BookingSlot> bookingSlotAt(const BookingRules& rules, const HallDefinition& hall,
                                         const ServiceItem& item, TimePoint start) {
  for (const BookingSlot& s : bookingSlots(rules, hall, item, dateOf(start)))
    if (s.start == start) return s;
  return std::nullopt;
}

std::vector<ItemCode> itemsSharing(const BookingRules& rules, const HallDefinition& hall, const BookingSlot& slot) {
  std::vector<ItemCode> items;
  if (slot.sessionIndex >= rules.sessions.size()) return items;
  const BookingSession& s = rules.sessions[slot.sessionIndex];
  for (const ServiceItem& item : hall.items)
    if (sessionTakes(s, item)) items.push_back(item.code);
  return items;
}

std::vector<Date> bookableDays(const BookingRules& rules, TimePoint now) {
  std::vector<Date> days;
  const sys_days today{dateOf(now)};
  for (int i = rules.sameDay ? 0 : 1; i <= rules.advanceDays; ++i) days.push_back(Date{today + std::chrono::days{i}});
  return days;
}

std::optional<BookingRefusal> refuseBooking(const BookingRules& rules, const BookingSlot& slot,
                                            const BookingCounts& counts, TimePoint now) {
  const Date today = dateOf(now);
  const Date day = dateOf(slot.start);
  const auto ahead = (sys_days{day} - sys_days{today}).count();
  if (slot.start <= now || ahead > rules.advanceDays || (ahead == 0 && !rules.sameDay)) {
    return BookingRefusal{"booking_closed",
                          fmt::format("{} {} 的时段不能预约：可预约{}起 {} 天内的时段。", dateText(day), clock(slot.start),
                                      rules.sameDay ? "今天" : "明天", rules.advanceDays),
                          fmt::format("the slot {} {} cannot be booked: slots from {} up to {} days ahead can",
                                      dateText(day), clock(slot.start), rules.sameDay ? "today" : "tomorrow",
                                      rules.advanceDays)};
  }
  if (counts.inSlot >= slot.capacity) {
    return BookingRefusal{"slot_full", fmt::format("{} {} 的时段已约满，请选择其他时段。", dateText(day), clock(slot.start)),
                          fmt::format("the slot {} {} is fully booked; please choose another", dateText(day),
                                      clock(slot.start))};
  }
  if (counts.phoneThatDay >= rules.perPhonePerDay) {
    return BookingRefusal{"booking_limit",
                          fmt::format("同一手机号每天最多预约 {} 次，{} 已约满。", rules.perPhonePerDay, dateText(day)),
                          fmt::format("one phone number may hold {} bookings a day; {} has them", rules.perPhonePerDay,
                                      dateText(day))};
  }
  if (rules.noShowLimit > 0 && counts.phoneMissed >= rules.noShowLimit) {
    return BookingRefusal{"no_show_limit",
                          fmt::format("该手机号近 {} 天爽约 {} 次，暂不能预约；请到大厅现场取号。", rules.noShowDays,
                                      counts.phoneMissed),
                          fmt::format("this phone number missed {} bookings in the last {} days and cannot book for "
                                      "now; please take a ticket in the hall",
                                      counts.phoneMissed, rules.noShowDays)};
  }
  return std::nullopt;
}

std::optional<BookingRefusal> refuseCancel(const Booking& booking, TimePoint now) {
  if (booking.state == BookingState::Cancelled)
    return BookingRefusal{"cancelled", "该预约已取消。", "the booking is already cancelled"};
  if (booking.state == BookingState::CheckedIn)
    return BookingRefusal{"already_checked_in", "已签到的预约不能取消。", "a booking checked in cannot be cancelled"};
  if (now >= booking.end)
    return BookingRefusal{"not_cancellable", "预约时段已过，不能取消。", "the slot is over: nothing to cancel"};
  return std::nullopt;
}

CheckInTiming checkInTiming(const BookingRules& rules, const Booking& booking, TimePoint now) {
  if (dateOf(now) != dateOf(booking.start)) return CheckInTiming::OtherDay;
  if (now < booking.start - rules.earlyCheckIn) return CheckInTiming::TooEarly;
  if (now <= booking.start + rules.lateCheckIn) return CheckInTiming::OnTime;
  return CheckInTiming::Late;
}

std::optional<BookingRefusal> refuseCheckIn(const BookingRules& rules, const Booking& booking, TimePoint now) {
  if (booking.state == BookingState::Cancelled)
    return BookingRefusal{"cancelled", "该预约已取消，请现场取号。", "the booking was cancelled; please take a ticket"};
  if (booking.state == BookingState::CheckedIn) return std::nullopt;
  switch (checkInTiming(rules, booking, now)) {
    case CheckInTiming::OtherDay:
      return BookingRefusal{"other_day",
                            fmt::format("该预约是 {} {} 的，不是今天的。", dateText(dateOf(booking.start)),
                                        clock(booking.start)),
                            fmt::format("the booking is for {} {}, not today", dateText(dateOf(booking.start)),
                                        clock(booking.start))};
    case CheckInTiming::TooEarly:
      return BookingRefusal{"too_early",
                            fmt::format("预约时段 {} 开始，请于 {} 后签到。", clock(booking.start),
                                        clock(booking.start - rules.earlyCheckIn)),
                            fmt::format("the slot begins at {}; check in from {}", clock(booking.start),
                                        clock(booking.start - rules.earlyCheckIn))};
    case CheckInTiming::OnTime:
      return std::nullopt;
    case CheckInTiming::Late:
      if (rules.late == LateCheckIn::WalkIn) return std::nullopt;
      return BookingRefusal{"late",
                            fmt::format("已超过预约时间 {} 分钟以上，预约失效；请现场取号。", rules.lateCheckIn.count()),
                            fmt::format("more than {} minutes late: the booking has lapsed; please take a ticket",
                                        rules.lateCheckIn.count())};
  }
  return std::nullopt;
}

bool isMissed(const BookingRules& rules, const Booking& booking, TimePoint now) {
  if (booking.state != BookingState::Booked) return false;
  // Under WalkIn a late resident may still check in that day; the booking is missed once the day is over.
  const TimePoint lastCheckIn = rules.late == LateCheckIn::WalkIn
                                    ? midnightOf(dateOf(booking.start)) + std::chrono::days{1}
                                    : booking.start + rules.lateCheckIn;
  return now > lastCheckIn;
}

const char* bookingStateName(const BookingRules& rules, const Booking& booking, TimePoint now) {
  return isMissed(rules, booking, now) ? "missed" : toString(booking.state);
}

const char* toString(BookingState state) {
  switch (state) {
    case BookingState::Booked: return "booked";
    case BookingState::Cancelled: return "cancelled";
    case BookingState::CheckedIn: return "checked_in";
  }
  return "booked";
}

std::optional<BookingState> parseBookingState(std::string_view text) {
  for (BookingState s : {BookingState::Booked, BookingState::Cancelled, BookingState::CheckedIn})
    if (text == toString(s)) return s;
  return std::nullopt;
}

const char* toString(LateCheckIn rule) { return rule == LateCheckIn::WalkIn ? "walk_in" : "refuse"; }

std::optional<LateCheckIn> parseLateCheckIn(std::string_view text) {
  if (text == "walk_in") return LateCheckIn::WalkIn;
  if (text == "refuse") return LateCheckIn::Refuse;
  return std::nullopt;
}

}  // namespace jiujin::core
