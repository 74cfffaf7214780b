#include "jiujin/kiosk/opening_hours.hpp"

#include <algorithm>
#include <vector>

namespace jiujin::kiosk {

namespace {

using std::chrono::days;
using std::chrono::minutes;

bool worksOn(const std::vector<std::chrono::weekday>& list, std::chrono::weekday day) {
  return std::find(list.begin(), list.end(), day) != list.end();
}

/// The spans a walk-in resident may come on `day`: regular hours cut by breaks, and extended
/// sessions. They may touch or overlap; callers only ask "inside any?" and "next start".
std::vector<config::TimeSpan> spansOn(const config::OpeningHours& hours, std::chrono::weekday day) {
  std::vector<config::TimeSpan> spans;
  if (worksOn(hours.days, day)) {
    config::TimeSpan rest = hours.open;
    std::vector<config::TimeSpan> breaks = hours.breaks;
    std::sort(breaks.begin(), breaks.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    for (const auto& pause : breaks) {
      if (!rest.overlaps(pause)) continue;
      if (rest.start < pause.start) spans.push_back({rest.start, pause.start});
      rest.start = std::max(rest.start, pause.end);
    }
    if (rest.start < rest.end) spans.push_back(rest);
  }
  for (const auto& session : hours.extended) {
    if (worksOn(session.days, day)) spans.push_back(session.time);
  }
  return spans;
}

}  // namespace

HallOpenness opennessAt(const config::OpeningHours& hours, core::TimePoint now) {
  const auto today = std::chrono::floor<days>(now);
  const int nowMinute = static_cast<int>(std::chrono::duration_cast<minutes>(now - today).count());
  HallOpenness result;
  for (const auto& span : spansOn(hours, std::chrono::weekday{today})) {
    if (span.contains(config::ClockTime{nowMinute})) result.open = true;
  }
  // A week ahead plus today covers every weekday once.
  for (int offset = 0; offset <= 7 && !result.nextOpening; ++offset) {
    const auto day = today + days(offset);
    const auto spans = spansOn(hours, std::chrono::weekday{day});
    std::optional<int> earliest;
    for (const auto& span : spans) {
      const int start = span.start.minutesSinceMidnight;
      if (offset == 0 && start <= nowMinute) continue;
      // A span that starts while another is running (or where it ends) opens nothing new.
      const bool continues = std::any_of(spans.begin(), spans.end(), [&](const config::TimeSpan& other) {
        return other.start.minutesSinceMidnight < start && other.end.minutesSinceMidnight >= start;
      });
      if (continues) continue;
      if (!earliest || start < *earliest) earliest = start;
    }
    if (earliest) result.nextOpening = core::TimePoint(day) + minutes(*earliest);
  }
  return result;
}

}  // namespace jiujin::kiosk
