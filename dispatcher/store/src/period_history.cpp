#include "jiujin/store/period_history.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::store {

namespace {

core::TimePoint at(std::int64_t ms) { return core::TimePoint{core::Milliseconds{ms}}; }

StoreError badRow(std::string what) { return StoreError{StoreErrorCode::BadData, std::move(what)}; }

/// Each ticket's first call: a recall moves the report row's called_ms, the journal keeps
/// the first.
StoreResult<std::map<core::TicketId, std::int64_t>> firstCalls(Database& db, const std::string& from,
                                                              const std::string& to) {
  auto calls = db.prepare(
      "SELECT ticket_id, MIN(at_ms) FROM journal WHERE day BETWEEN ?1 AND ?2 AND type = 'ticket.called' "
      "AND ticket_id IS NOT NULL GROUP BY ticket_id");
  if (!calls) return calls.error();
  calls.value().bind(1, from).bind(2, to);
  std::map<core::TicketId, std::int64_t> first;
  for (;;) {
    auto row = calls.value().step();
    if (!row) return row.error();
    if (!row.value()) return first;
    first[static_cast<core::TicketId>(calls.value().integer(0))] = calls.value().integer(1);
  }
}

StoreStatus readTickets(Database& db, const std::string& from, const std::string& to, PeriodHistory& out) {
  auto firstCalled = firstCalls(db, from, to);
  if (!firstCalled) return firstCalled.error();
  auto query = db.prepare(
      "SELECT id, number, item, queue, channel, priority, state, window_no, clerk, issued_ms, called_ms, "
      "started_ms, ended_ms, recalls, evaluation, rating, transferred_from, transferred_to "
      "FROM ticket WHERE day BETWEEN ?1 AND ?2 ORDER BY id");
  if (!query) return query.error();
  query.value().bind(1, from).bind(2, to);
  std::map<core::TicketId, std::size_t> indexOf;
  for (;;) {
    auto row = query.value().step();
    if (!row) return row.error();
    if (!row.value()) return Done{};
    const Statement& r = query.value();
    core::Ticket t;
    t.id = static_cast<core::TicketId>(r.integer(0));
    t.number = r.text(1);
    t.item = r.text(2);
    t.queue = r.text(3);
    const auto channel = core::parse<core::Channel>(r.text(4));
    const auto priority = core::parse<core::PriorityClass>(r.text(5));
    const auto state = core::parse<core::TicketState>(r.text(6));
    const auto evaluation = core::parse<core::EvaluationStatus>(r.text(14));
    if (!channel || !priority || !state || !evaluation)
      return badRow(fmt::format("stored ticket {} has an unknown channel, priority, state or evaluation", t.id));
    t.channel = *channel;
    t.priority = *priority;
    t.state = *state;
    t.evaluation = *evaluation;
    if (!r.isNull(7)) t.window = static_cast<core::WindowNumber>(r.integer(7));
    if (!r.isNull(8)) t.clerk = r.text(8);
    t.issuedAt = at(r.integer(9));
    t.arrivalAt = t.issuedAt;
    if (!r.isNull(10)) t.calledAt = at(r.integer(10));
    if (!r.isNull(11)) t.startedAt = at(r.integer(11));
    if (!r.isNull(12)) t.endedAt = at(r.integer(12));
    t.recalls = static_cast<int>(r.integer(13));
    if (!r.isNull(15)) t.rating = core::parse<core::Rating>(r.text(15));
    if (!r.isNull(16)) t.transferredFrom = static_cast<core::TicketId>(r.integer(16));
    if (!r.isNull(17)) t.transferredTo = static_cast<core::TicketId>(r.integer(17));
    // A transferred ticket keeps its parent's arrival (ordered by id: parents come first).
    if (t.transferredFrom) {
      if (const auto parent = indexOf.find(*t.transferredFrom); parent != indexOf.end())
        t.arrivalAt = out.tickets[parent->second].arrivalAt;
    }
    if (const auto call = firstCalled.value().find(t.id); call != firstCalled.value().end())
      t.history.push_back(core::TicketStep{at(call->second), core::TicketState::Called, t.window, {},
                                           core::StepKind::Called, std::nullopt, {}});
    indexOf[t.id] = out.tickets.size();
    out.tickets.push_back(std::move(t));
  }
}

StoreStatus readAttendance(Database& db, const std::string& from, const std::string& to, PeriodHistory& out) {
  auto query = db.prepare(
      "SELECT seq, payload FROM journal WHERE day BETWEEN ?1 AND ?2 AND type IN ('window.clerk_logged_in', "
      "'window.clerk_logged_out', 'window.paused', 'window.resumed', 'window.closed', 'day.opened', "
      "'day.closed') ORDER BY seq");
  if (!query) return query.error();
  query.value().bind(1, from).bind(2, to);
  for (;;) {
    auto row = query.value().step();
    if (!row) return row.error();
    if (!row.value()) return Done{};
    auto event = protocol::eventFromJson(nlohmann::json::parse(query.value().text(1), nullptr, false));
    if (!event)
      return badRow(fmt::format("journal row {} cannot be read: {}", query.value().integer(0), event.error().en));
    out.lastEvent = std::max(out.lastEvent, core::timeOf(event.value()));
    out.attendance.push_back(std::move(event).value());
  }
}

}  // namespace

StoreResult<PeriodHistory> readPeriodHistory(Database& db, core::Date from, core::Date to) {
  const std::string first = protocol::dateToString(from);
  const std::string last = protocol::dateToString(to);
  PeriodHistory history;
  if (auto read = readTickets(db, first, last, history); !read) return read.error();
  if (auto read = readAttendance(db, first, last, history); !read) return read.error();
  return history;
}

}  // namespace jiujin::store
