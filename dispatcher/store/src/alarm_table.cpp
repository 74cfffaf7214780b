#include "jiujin/store/alarm_table.hpp"

#include <fmt/format.h>

namespace jiujin::store {

namespace {

constexpr const char* kColumns =
    "id, at_ms, kind, zh, en, ticket, window_number, device, queue, acked_at_ms, acked_by, follow_up, follow_up_note, "
    "closed_at_ms, closed_by, case_number";

core::TimePoint timeAt(const Statement& s, int column) { return core::TimePoint(core::Milliseconds(s.integer(column))); }

Alarm readRow(const Statement& s) {
  Alarm a;
  a.id = s.integer(0);
  a.at = timeAt(s, 1);
  a.kind = s.text(2);
  a.zh = s.text(3);
  a.en = s.text(4);
  if (!s.isNull(5)) a.ticket = static_cast<core::TicketId>(s.integer(5));
  if (!s.isNull(6)) a.window = static_cast<core::WindowNumber>(s.integer(6));
  a.device = s.text(7);
  a.queue = s.text(8);
  if (!s.isNull(9)) a.acknowledged = AlarmAcknowledgement{timeAt(s, 9), s.text(10)};
  if (!s.isNull(11)) {
    FollowUp f;
    f.closed = s.text(11) == "closed";
    f.note = s.text(12);
    if (!s.isNull(13)) f.closedAt = timeAt(s, 13);
    f.closedBy = s.text(14);
    a.followUp = std::move(f);
  }
  a.caseNumber = s.text(15);
  return a;
}

std::int64_t millis(core::TimePoint t) { return t.time_since_epoch().count(); }

}  // namespace

StoreStatus AlarmTable::record(std::vector<Alarm>& alarms) {
  if (alarms.empty()) return Done{};
  auto insert = db_->prepare(
      "INSERT INTO alarms (at_ms, kind, zh, en, ticket, window_number, device, queue, follow_up, case_number) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id");
  if (!insert.ok()) return insert.error();
  Statement& s = insert.value();
  for (Alarm& a : alarms) {
    s.bind(1, millis(a.at)).bind(2, a.kind).bind(3, a.zh).bind(4, a.en);
    s.bind(5, a.ticket ? std::optional<std::int64_t>(static_cast<std::int64_t>(*a.ticket)) : std::nullopt);
    s.bind(6, a.window ? std::optional<std::int64_t>(*a.window) : std::nullopt);
    s.bind(7, a.device).bind(8, a.queue);
    s.bind(9, a.followUp ? std::optional<std::string_view>(a.followUp->closed ? "closed" : "open") : std::nullopt);
    s.bind(10, a.caseNumber);
    auto row = s.step();
    if (!row.ok()) return row.error();
    if (!row.value()) return StoreError{StoreErrorCode::Misuse, "inserting an alarm returned no id"};
    a.id = s.integer(0);
    s.reset();
  }
  return Done{};
}

StoreResult<std::optional<Alarm>> AlarmTable::find(std::int64_t id) const {
  auto select = db_->prepare(fmt::format("SELECT {} FROM alarms WHERE id = ?1", kColumns));
  if (!select.ok()) return select.error();
  select.value().bind(1, id);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<Alarm>();
  return std::optional<Alarm>(readRow(select.value()));
}

StoreStatus AlarmTable::acknowledge(std::int64_t id, core::TimePoint at, const std::string& by) {
  auto update = db_->prepare("UPDATE alarms SET acked_at_ms = ?1, acked_by = ?2 WHERE id = ?3 AND acked_at_ms IS NULL");
  if (!update.ok()) return update.error();
  return update.value().bind(1, millis(at)).bind(2, by).bind(3, id).run();
}

StoreStatus AlarmTable::closeFollowUp(std::int64_t id, const std::string& note, core::TimePoint at,
                                      const std::string& by) {
  auto update = db_->prepare(
      "UPDATE alarms SET follow_up = 'closed', follow_up_note = ?1, closed_at_ms = ?2, closed_by = ?3, "
      "acked_at_ms = COALESCE(acked_at_ms, ?2), acked_by = COALESCE(acked_by, ?3) "
      "WHERE id = ?4 AND follow_up = 'open'");
  if (!update.ok()) return update.error();
  return update.value().bind(1, note).bind(2, millis(at)).bind(3, by).bind(4, id).run();
}

StoreResult<std::vector<Alarm>> AlarmTable::current(core::TimePoint since, std::size_t limit) const {
  auto select = db_->prepare(fmt::format(
      "SELECT {} FROM (SELECT {} FROM alarms WHERE at_ms >= ?1 OR acked_at_ms IS NULL "
      "OR follow_up = 'open' ORDER BY id DESC LIMIT ?2) ORDER BY id",
      kColumns, kColumns));
  if (!select.ok()) return select.error();
  Statement& s = select.value();
  s.bind(1, millis(since)).bind(2, static_cast<std::int64_t>(limit));
  std::vector<Alarm> alarms;
  for (;;) {
    auto row = s.step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    alarms.push_back(readRow(s));
  }
  return alarms;
}

}  // namespace jiujin::store
