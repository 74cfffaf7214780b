#pragma once
// The hall's working days (工作日), for promised dates (限时办结): "N working days" counts
// days on which the hall works — not weekends, not public holidays (法定节假日), but the
// weekend days the State Council moves work to (调休上班). The hall keeps the list for each
// year in a calendar file (docs/configuration.md, "Working-day calendar").
//
// Counting follows 《行政许可法》第八十二条: the day a period starts is not counted, so a
// case accepted on day D with N working days is due at the end of the N-th working day
// after D. A period of 0 days (即办件) is due the day it starts.
#include <chrono>
#include <optional>
#include <set>
#include <string>

#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::core {

class WorkingCalendar {
 public:
  /// Saturday and Sunday off, no holidays: what a hall without a calendar file gets.
  WorkingCalendar() = default;
  /// The hall's calendar as the definition carries it.
  explicit WorkingCalendar(const WorkingDays& days);

  /// Days off besides the weekend (a holiday on a weekend day changes nothing).
  void addHoliday(Date day) { holidays_.insert(std::chrono::sys_days{day}); }
  /// A weekend day that is a working day (调休上班).
  void addMakeUpWorkday(Date day) { makeUpWorkdays_.insert(std::chrono::sys_days{day}); }
  /// The weekdays the hall does not work (default Saturday and Sunday).
  void setWeekend(std::set<unsigned> isoWeekdays) { weekend_ = std::move(isoWeekdays); }
  /// The years the calendar's lists cover (dates outside count with the weekend rule only).
  void cover(std::chrono::year year) { covered_.insert(static_cast<int>(year)); }

  bool isWorkingDay(Date day) const;
  /// Whether the calendar's lists cover `day`'s year: a promised date counted past the last
  /// covered year ignores that year's holidays, which the caller should say.
  bool covers(Date day) const { return covered_.count(static_cast<int>(day.year())) > 0; }

  /// The N-th working day after `start` (`start` itself not counted); `start` for N = 0.
  /// N beyond 3650 is refused (nullopt): no promised period is ten years.
  std::optional<Date> addWorkingDays(Date start, int workingDays) const;
  /// Working days after `from` up to and including `to` (0 when `to` is not after `from`):
  /// how many working days a case has used, or is late by.
  int workingDaysBetween(Date from, Date to) const;

 private:
  std::set<unsigned> weekend_{6, 7};  // ISO: Monday 1 … Sunday 7
  std::set<std::chrono::sys_days> holidays_;
  std::set<std::chrono::sys_days> makeUpWorkdays_;
  std::set<int> covered_;
};

}  // namespace jiujin::core
