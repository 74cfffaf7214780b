#pragma once
// Time in the core is always passed in, never read: every rule is deterministic.
#include <chrono>
#include <cstdint>

namespace jiujin::core {

using Milliseconds = std::chrono::milliseconds;
using Seconds = std::chrono::seconds;
using Minutes = std::chrono::minutes;
/// A point in hall-local wall time, millisecond resolution. The hall runs in one
/// time zone; the service converts the system clock to local time before it reaches the core.
using TimePoint = std::chrono::time_point<std::chrono::system_clock, Milliseconds>;
/// A calendar day (hall-local).
using Date = std::chrono::year_month_day;

/// The hall-local calendar day a time point falls on.
inline Date dateOf(TimePoint t) { return Date{std::chrono::floor<std::chrono::days>(t)}; }

}  // namespace jiujin::core
