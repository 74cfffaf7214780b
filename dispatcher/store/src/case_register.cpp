#include "jiujin/store/case_register.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::store {

using nlohmann::json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::optional<std::int64_t> millis(const std::optional<core::TimePoint>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

StoreResult<core::Case> caseOfRow(const Statement& s, int column) {
  auto c = protocol::caseFromJson(json::parse(s.text(column), nullptr, false));
  if (!c.ok()) return StoreError{StoreErrorCode::BadData, "a case row cannot be read: " + c.error().en};
  return c.value();
}

/// The WHERE clause of `filter`, its parameters bound from ?1 on in the order written.
struct Where {
  std::string sql;
  std::vector<std::string> texts;  // bound in order
  std::optional<std::int64_t> window;
};

/// The plan is chosen here, not left to SQLite (the dispatcher never runs ANALYZE, and
/// without statistics SQLite may walk a year of collected cases by state): the most
/// selective filter given uses its index — item, then clerk, then window, then state with
/// the promised date — and the others are checked on the rows it finds ("+column" keeps
/// SQLite off their indexes).
Where whereOf(const CaseFilter& f) {
  Where w;
  std::vector<std::string> terms;
  auto text = [&](const char* column, bool indexed, std::string value) {
    w.texts.push_back(std::move(value));
    terms.push_back(fmt::format("{}{} = ?{}", indexed ? "" : "+", column, w.texts.size()));
  };
  const bool byItem = f.item.has_value();
  const bool byClerk = !byItem && f.clerk;
  const bool byWindow = !byItem && !byClerk && f.window;
  const bool byState = !byItem && !byClerk && !byWindow;
  if (f.state) text("state", byState, core::toString(*f.state));
  if (f.item) text("item", true, *f.item);
  if (f.clerk) text("clerk", byClerk, *f.clerk);
  if (f.dueBefore) {
    w.texts.push_back(protocol::dateToString(*f.dueBefore));
    terms.push_back(fmt::format("{}due_date < ?{}", byState ? "" : "+", w.texts.size()));
  }
  if (f.window) {
    w.window = *f.window;
    terms.push_back(fmt::format("{}window_no = ?{}", byWindow ? "" : "+", w.texts.size() + 1));
  }
  w.sql = terms.empty() ? "" : fmt::format("WHERE {}", fmt::join(terms, " AND "));
  return w;
}

void bindWhere(Statement& s, const Where& w) {
  int i = 1;
  for (const auto& t : w.texts) s.bind(i++, std::string_view{t});
  if (w.window) s.bind(i, *w.window);
}

template <typename Key>
void count(std::map<Key, OnTimeCount>& map, const Key& key, bool onTime) {
  auto& c = map[key];
  ++c.decided;
  c.onTime += onTime;
}

}  // namespace

StoreResult<Statement> prepareCaseWrite(Database& db) {
  return db.prepare(
      "INSERT INTO cases(id, number, item, state, channel, window_no, clerk, registered_ms, due_date, decided_day, "
      "on_time, closed_ms, last_seq, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
      "ON CONFLICT(id) DO UPDATE SET state = excluded.state, due_date = excluded.due_date, "
      "decided_day = excluded.decided_day, on_time = excluded.on_time, closed_ms = excluded.closed_ms, "
      "last_seq = excluded.last_seq, body = excluded.body");
}

StoreStatus writeCase(Database& db, const core::Case& c, std::int64_t lastSeq) {
  auto s = prepareCaseWrite(db);
  if (!s.ok()) return s.error();
  return writeCase(s.value(), c, lastSeq);
}

StoreStatus writeCase(Statement& st, const core::Case& c, std::int64_t lastSeq) {
  return writeCase(st, c, lastSeq, dump(protocol::toJson(c)));
}

StoreStatus writeCase(Statement& st, const core::Case& c, std::int64_t lastSeq, std::string_view body) {
  st.bind(1, static_cast<std::int64_t>(c.id)).bind(2, c.number).bind(3, c.item);
  st.bind(4, std::string_view{core::toString(c.state)}).bind(5, std::string_view{core::toString(c.channel)});
  st.bind(6, std::int64_t{c.window}).bind(7, c.clerk);
  st.bind(8, static_cast<std::int64_t>(c.registeredAt.time_since_epoch().count()));
  st.bind(9, c.dueDate ? std::optional<std::string>{protocol::dateToString(*c.dueDate)} : std::nullopt);
  st.bind(10, c.decidedAt ? std::optional<std::string>{protocol::dateToString(core::dateOf(*c.decidedAt))}
                          : std::nullopt);
  st.bind(11, c.decidedAt ? std::optional<std::int64_t>{core::decidedOnTime(c) ? 1 : 0} : std::nullopt);
  st.bind(12, millis(c.closedAt)).bind(13, lastSeq).bind(14, body);
  return st.run();
}

StoreResult<CasePage> listCases(Database& db, const CaseFilter& filter) {
  const Where where = whereOf(filter);
  CasePage page;
  {
    // Counted up to kCountedCases: past that a register is read by its filters, not its
    // total, and counting a year of collected cases would cost more than the page.
    auto total = db.prepare(
        fmt::format("SELECT count(*) FROM (SELECT 1 FROM cases {} LIMIT {})", where.sql, kCountedCases));
    if (!total.ok()) return total.error();
    bindWhere(total.value(), where);
    auto row = total.value().step();
    if (!row.ok()) return row.error();
    page.total = total.value().integer(0);
  }
  // A page continues after the case `after`: in id order, or — asked for cases due before a
  // day — in promised-date order (the index of due dates walked, never every match sorted).
  const std::int64_t afterId = static_cast<std::int64_t>(filter.after);
  const std::string joiner = where.sql.empty() ? "WHERE" : where.sql + " AND";
  const std::string sql =
      filter.dueBefore
          ? fmt::format("SELECT body FROM cases {} (due_date, id) > (coalesce((SELECT due_date FROM cases WHERE id = {}), "
                        "''), {}) ORDER BY due_date, id LIMIT {}",
                        joiner, afterId, afterId, filter.limit)
          : fmt::format("SELECT body FROM cases {} id > {} ORDER BY id LIMIT {}", joiner, afterId, filter.limit);
  auto rows = db.prepare(sql);
  if (!rows.ok()) return rows.error();
  bindWhere(rows.value(), where);
  for (;;) {
    auto row = rows.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    auto c = caseOfRow(rows.value(), 0);
    if (!c.ok()) return c.error();
    page.cases.push_back(std::move(c).value());
  }
  return page;
}

StoreResult<std::optional<core::Case>> findCase(Database& db, const std::string& number) {
  auto s = db.prepare("SELECT body FROM cases WHERE number = ?1");
  if (!s.ok()) return s.error();
  s.value().bind(1, std::string_view{number});
  auto row = s.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<core::Case>{};
  auto c = caseOfRow(s.value(), 0);
  if (!c.ok()) return c.error();
  return std::optional<core::Case>{std::move(c).value()};
}

StoreResult<OnTimeFigures> readOnTime(Database& db, core::Date from, core::Date to) {
  auto s = db.prepare(
      "SELECT item, window_no, coalesce(clerk, ''), on_time FROM cases "
      "WHERE decided_day >= ?1 AND decided_day <= ?2");
  if (!s.ok()) return s.error();
  s.value().bind(1, protocol::dateToString(from)).bind(2, protocol::dateToString(to));
  OnTimeFigures figures;
  for (;;) {
    auto row = s.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& r = s.value();
    const bool onTime = r.integer(3) != 0;
    count(figures.byItem, r.text(0), onTime);
    count(figures.byWindow, static_cast<core::WindowNumber>(r.integer(1)), onTime);
    if (const auto clerk = r.text(2); !clerk.empty()) count(figures.byClerk, clerk, onTime);
    ++figures.all.decided;
    figures.all.onTime += onTime;
  }
  return figures;
}

StoreResult<std::int64_t> anonymiseClosedCases(Database& db, core::TimePoint before) {
  auto s = db.prepare(
      "UPDATE cases SET anonymised = 1, body = json_set(body, '$.applicant.idNumber', '', '$.applicant.phone', '') "
      "WHERE anonymised = 0 AND closed_ms IS NOT NULL AND closed_ms < ?1");
  if (!s.ok()) return s.error();
  s.value().bind(1, static_cast<std::int64_t>(before.time_since_epoch().count()));
  if (auto r = s.value().run(); !r.ok()) return r.error();
  return db.queryInteger("SELECT changes()");
}

}  // namespace jiujin::store
