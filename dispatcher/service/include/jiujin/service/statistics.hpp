#pragma once
// The figures a manager reads at a glance: tickets by state, queue and window, and waits.
// Computed from the hall's state on request; the monitor issue builds on it.
//
// Figures over days (统计, 考核) come from the durable history instead — the ticket report
// table and the journal of the hall's database — so that the monitor, jiujinctl and any
// later report read the same numbers for the same days.
#include <filesystem>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/events.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::store {
class Database;
}

namespace jiujin::service {

nlohmann::json statistics(const core::Hall& hall, core::TimePoint now);

/// The kiosk's view: every item with its queue's people waiting and expected wait.
nlohmann::json itemsWithWaits(const core::Hall& hall, core::TimePoint now);

/// The longest period a statistics request may cover, both ends included: a year, leap
/// day and all. Longer ones are refused (`period_too_long`): the history is read off the
/// command thread, but a bound keeps one request's memory and time in proportion.
inline constexpr int kMaxFigureDays = 366;

/// The days a figures request covers, both ends included.
struct FigurePeriod {
  core::Date from;
  core::Date to;
};

/// `{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}` of a statistics request; both default to
/// `today`, and `to` defaults to `from`. Refuses unknown fields, bad dates, from > to and
/// periods longer than kMaxFigureDays.
Outcome<FigurePeriod> figurePeriodFromJson(const nlohmann::json& body, core::Date today);

/// The figures of a period from the tickets of its days and the journal's events of the
/// same days (window and clerk events give logged-in and paused time). A login or pause
/// still open at the end of the data is counted up to `end`.
///
/// Definitions (docs/console.md): a ticket's wait runs from issue to its first call; its
/// service from start to completion or transfer; "within target" is the share of calls
/// whose wait was at most rules.waitingTarget; the no-show rate is no-shows per ticket
/// called; the satisfaction rate counts 非常满意, 满意 and 基本满意 among rated tickets; p90 is
/// the nearest-rank 90th percentile.
nlohmann::json periodFigures(const std::vector<core::Ticket>& tickets, const std::vector<core::Event>& events,
                             const core::HallDefinition& definition, core::TimePoint end);

/// Reads the period's tickets and events from the hall's database (a second, read-only
/// connection: the committer is never blocked) and computes periodFigures. For a period
/// that reaches `now`'s day, open logins and pauses count up to `now`.
Outcome<nlohmann::json> periodFigures(const std::filesystem::path& database, const FigurePeriod& period,
                                      const core::HallDefinition& definition, core::TimePoint now);
/// The same through a connection the caller keeps open (the dispatcher's history lane).
Outcome<nlohmann::json> periodFigures(store::Database& database, const FigurePeriod& period,
                                      const core::HallDefinition& definition, core::TimePoint now);

}  // namespace jiujin::service
