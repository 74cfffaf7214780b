#pragma once
// Wall-clock times and spans as a hall states them: "08:30-17:30".
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace jiujin::config {

/// A time of day, minute resolution, 00:00..24:00 (24:00 only as an end).
struct ClockTime {
  int minutesSinceMidnight = 0;
  int hour() const { return minutesSinceMidnight / 60; }
  int minute() const { return minutesSinceMidnight % 60; }
  auto operator<=>(const ClockTime&) const = default;
};

/// [start, end) on one day.
struct TimeSpan {
  ClockTime start;
  ClockTime end;
  bool contains(ClockTime t) const { return start <= t && t < end; }
  bool overlaps(const TimeSpan& other) const { return start < other.end && other.start < end; }
  bool operator==(const TimeSpan&) const = default;
};

/// "HH:MM" → time; nothing if it is not a valid time.
std::optional<ClockTime> parseClockTime(std::string_view text);
/// "HH:MM-HH:MM" → span (the end may be before the start; the validator says so).
std::optional<TimeSpan> parseTimeSpan(std::string_view text);
std::string toString(ClockTime t);
std::string toString(const TimeSpan& span);

/// "mon".."sun", also 周一..周日 and 星期一..星期日.
std::optional<std::chrono::weekday> parseWeekday(std::string_view text);
/// "mon".."sun".
std::string_view toString(std::chrono::weekday day);

}  // namespace jiujin::config
