#include "jiujin/core/working_calendar.hpp"

namespace jiujin::core {

namespace {
constexpr int kLongestPeriodDays = 3650;
}

WorkingCalendar::WorkingCalendar(const WorkingDays& days) {
  setWeekend({days.weekend.begin(), days.weekend.end()});
  for (const Date& d : days.holidays) addHoliday(d);
  for (const Date& d : days.makeUpWorkdays) addMakeUpWorkday(d);
  for (int y : days.coveredYears) cover(std::chrono::year{y});
}

bool WorkingCalendar::isWorkingDay(Date day) const {
  const std::chrono::sys_days d{day};
  if (makeUpWorkdays_.count(d)) return true;
  if (holidays_.count(d)) return false;
  return weekend_.count(std::chrono::weekday{d}.iso_encoding()) == 0;
}

std::optional<Date> WorkingCalendar::addWorkingDays(Date start, int workingDays) const {
  if (workingDays < 0 || workingDays > kLongestPeriodDays) return std::nullopt;
  std::chrono::sys_days d{start};
  // A week holds at least one working day unless every weekday is weekend; bound the walk.
  for (int counted = 0, walked = 0; counted < workingDays; ++walked) {
    if (walked > 8 * kLongestPeriodDays) return std::nullopt;
    d += std::chrono::days{1};
    if (isWorkingDay(Date{d})) ++counted;
  }
  return Date{d};
}

int WorkingCalendar::workingDaysBetween(Date from, Date to) const {
  int count = 0;
  for (std::chrono::sys_days d = std::chrono::sys_days{from} + std::chrono::days{1}; d <= std::chrono::sys_days{to};
       d += std::chrono::days{1}) {
    count += isWorkingDay(Date{d});
  }
  return count;
}

}  // namespace jiujin::core
