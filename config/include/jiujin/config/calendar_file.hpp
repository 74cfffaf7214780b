#pragma once
// A hall's working-day calendar for one year (工作日历), kept by the hall as a TOML file it
// updates each year from the State Council's notice on public holidays
// (国务院办公厅关于部分节假日安排的通知). Format and rules: docs/configuration.md,
// "Working-day calendar". Promised dates (限时办结) are counted on it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/config/diagnostic.hpp"
#include "jiujin/core/working_calendar.hpp"

namespace jiujin::config {

struct CalendarFile {
  int year = 0;
  /// A sample shipped with Jiujin, not yet checked against the official notice: usable, but
  /// `jiujinctl config check` says so.
  bool sample = false;
  std::string source;  ///< the notice it was taken from, as written
  std::vector<std::chrono::sys_days> holidays;
  std::vector<std::chrono::sys_days> makeUpWorkdays;
  std::vector<unsigned> weekend;  ///< ISO weekdays (Monday 1 … Sunday 7)
  std::filesystem::path file;     ///< where it was read from
  bool operator==(const CalendarFile&) const = default;
};

struct CalendarLoad {
  std::optional<CalendarFile> calendar;  ///< present only when errors is empty
  std::vector<Diagnostic> errors;        ///< every error, file:line:column
  bool ok() const { return calendar.has_value(); }
};

/// Reads and checks one calendar file. Never throws on bad input.
CalendarLoad loadCalendarFile(const std::filesystem::path& file);

/// The calendars of several years as the hall's definition carries them (the core counts
/// promised dates on it: core::WorkingCalendar(days)).
core::WorkingDays workingDaysOf(const std::vector<CalendarFile>& years);

/// The calendars of several years as one (their weekends must agree; the first one's is used).
core::WorkingCalendar workingCalendarOf(const std::vector<CalendarFile>& years);

}  // namespace jiujin::config
