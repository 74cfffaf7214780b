#include "case_deadlines.hpp"

#include <chrono>

namespace jiujin::core::detail {

std::optional<Date> promisedDate(const HallData& h, const Case& c, Date start) {
  return h.calendar.addWorkingDays(start, c.kind == ItemKind::Immediate ? 0 : c.promisedWorkingDays);
}

std::optional<Date> dueDateAfterCorrection(const HallData& h, const Case& c, Date today) {
  if (!c.acceptedAt) {
    // First acceptance: the clock starts now, unless it has run since registration.
    if (h.definition.cases.correctionTimeCounts && c.dueDate) return c.dueDate;
    return promisedDate(h, c, today);
  }
  if (h.definition.cases.correctionTimeCounts || !c.dueDate || !c.correctionSince) return c.dueDate;
  // The working days the resident took to bring the materials do not count: the date moves
  // on by as many.
  const int paused = h.calendar.workingDaysBetween(dateOf(*c.correctionSince), today);
  if (paused == 0) return c.dueDate;
  return h.calendar.addWorkingDays(*c.dueDate, paused);
}

bool clockRuns(const HallData& h, const Case& c) {
  if (!c.dueDate) return false;
  switch (c.state) {
    case CaseState::Accepted:
    case CaseState::Processing: return true;
    case CaseState::Correction: return h.definition.cases.correctionTimeCounts;
    default: return false;
  }
}

namespace {

/// Working days after `today` up to and including `due`, counted no further than `limit + 1`.
int workingDaysLeft(const WorkingCalendar& calendar, Date today, Date due, int limit) {
  int left = 0;
  for (auto d = std::chrono::sys_days{today} + std::chrono::days{1}; d <= std::chrono::sys_days{due} && left <= limit;
       d += std::chrono::days{1}) {
    left += calendar.isWorkingDay(Date{d});
  }
  return left;
}

}  // namespace

std::vector<Event> caseDeadlines(const HallData& h, TimePoint now) {
  std::vector<Event> due;
  const Date today = dateOf(now);
  const int soon = h.definition.cases.dueSoonWorkingDays;
  for (const auto& [id, c] : h.state.cases) {
    if (c.overdueNoticed || !clockRuns(h, c)) continue;
    const Date dueDate = *c.dueDate;
    if (today > dueDate) {
      due.emplace_back(ev::CaseOverdue{now, id, dueDate});
      continue;
    }
    if (c.dueSoonNoticed) continue;
    const auto checked = h.notDueSoonOn.find(id);
    if (checked != h.notDueSoonOn.end() && checked->second == today) continue;
    const int left = workingDaysLeft(h.calendar, today, dueDate, soon);
    if (left <= soon) {
      due.emplace_back(ev::CaseDueSoon{now, id, dueDate, left});
    } else {
      h.notDueSoonOn[id] = today;
    }
  }
  return due;
}

}  // namespace jiujin::core::detail
