#pragma once
// 限时办结: the promised date of a case and the timed alarms about it. The date is counted
// on the hall's working-day calendar when the clock starts (acceptance, or registration when
// 补正 time counts) and moved on by the working days a later 补正 took (when it does not).
#include <optional>
#include <vector>

#include "hall_data.hpp"
#include "jiujin/core/case.hpp"
#include "jiujin/core/events.hpp"

namespace jiujin::core::detail {

/// The promised date of a case whose clock starts on `start`.
std::optional<Date> promisedDate(const HallData& hall, const Case& c, Date start);

/// The promised date once a 补正 ending on `today` is over.
std::optional<Date> dueDateAfterCorrection(const HallData& hall, const Case& c, Date today);

/// Whether the case's promised period is running now (its alarms apply).
bool clockRuns(const HallData& hall, const Case& c);

/// Due-soon and overdue notices due at `now`, each at most once per case.
std::vector<Event> caseDeadlines(const HallData& hall, TimePoint now);

}  // namespace jiujin::core::detail
