#pragma once
// What the statistics of a period read from the hall's database: the report row of each
// ticket of the period's days (table `ticket`, one row per ticket) with its first call from
// the journal, and the journal events that move attendance (logins, pauses, the days'
// bounds). Only the SQL lives here; the figures are computed by the service.
//
// Reads only: meant for a second, read-only connection beside the committer's (in WAL mode
// it sees the last commit and blocks no one). Both journal queries are served by the index
// journal(day, type) (schema 4), so a day's figures cost the day, not the whole journal.
#include <vector>

#include "jiujin/core/events.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::store {

struct PeriodHistory {
  /// The period's tickets by id (parents before their transferred children). Each carries
  /// its first call as the only step of its history; a transferred ticket's arrival is its
  /// parent's.
  std::vector<core::Ticket> tickets;
  /// Logins, logouts, pauses, resumes, closings and the days' openings and closings, in
  /// journal order.
  std::vector<core::Event> attendance;
  /// The time of the last attendance event (the epoch when there is none).
  core::TimePoint lastEvent{};
};

/// Reads the days `from` … `to`, both included. A row that cannot be read is an error
/// (BadData) naming it, never skipped.
StoreResult<PeriodHistory> readPeriodHistory(Database& db, core::Date from, core::Date to);

}  // namespace jiujin::store
