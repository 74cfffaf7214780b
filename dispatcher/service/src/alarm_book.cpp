#include "jiujin/service/alarm_book.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace jiujin::service {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS alarms (
  id              INTEGER PRIMARY KEY,
  at_ms           INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  zh              TEXT NOT NULL,
  en              TEXT NOT NULL,
  ticket          INTEGER,
  window_number   INTEGER,
  device          TEXT NOT NULL DEFAULT '',
  queue           TEXT NOT NULL DEFAULT '',
  acked_at_ms     INTEGER,
  acked_by        TEXT,
  follow_up       TEXT,            -- NULL, 'open' or 'closed'
  follow_up_note  TEXT NOT NULL DEFAULT '',
  closed_at_ms    INTEGER,
  closed_by       TEXT
);
CREATE INDEX IF NOT EXISTS alarms_open ON alarms(acked_at_ms, follow_up);
)sql";

constexpr const char* kColumns =
    "id, at_ms, kind, zh, en, ticket, window_number, device, queue, acked_at_ms, acked_by, follow_up, follow_up_note, "
    "closed_at_ms, closed_by";

ServiceError sqliteError(sqlite3* db, std::string_view doing) {
  return errors::storageFailed(fmt::format("alarms: {}: {}", doing, db ? sqlite3_errmsg(db) : "out of memory"));
}

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) { sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  explicit operator bool() const { return stmt_ != nullptr; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string text(sqlite3_stmt* s, int column) {
  const auto* t = sqlite3_column_text(s, column);
  return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
}

bool isNull(sqlite3_stmt* s, int column) { return sqlite3_column_type(s, column) == SQLITE_NULL; }

core::TimePoint timeAt(sqlite3_stmt* s, int column) {
  return core::TimePoint(core::Milliseconds(sqlite3_column_int64(s, column)));
}

void bindText(sqlite3_stmt* s, int index, const std::string& value) {
  sqlite3_bind_text(s, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

Alarm readRow(sqlite3_stmt* s) {
  Alarm a;
  a.id = sqlite3_column_int64(s, 0);
  a.at = timeAt(s, 1);
  a.kind = text(s, 2);
  a.zh = text(s, 3);
  a.en = text(s, 4);
  if (!isNull(s, 5)) a.ticket = static_cast<core::TicketId>(sqlite3_column_int64(s, 5));
  if (!isNull(s, 6)) a.window = sqlite3_column_int(s, 6);
  a.device = text(s, 7);
  a.queue = text(s, 8);
  if (!isNull(s, 9)) a.acknowledged = AlarmAcknowledgement{timeAt(s, 9), text(s, 10)};
  if (!isNull(s, 11)) {
    FollowUp f;
    f.closed = text(s, 11) == "closed";
    f.note = text(s, 12);
    if (!isNull(s, 13)) f.closedAt = timeAt(s, 13);
    f.closedBy = text(s, 14);
    a.followUp = std::move(f);
  }
  return a;
}

/// UTF-8 code points in `s` (the note limit is in characters people count, not bytes).
std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

AlarmBook::AlarmBook(sqlite3* db) : db_(db) {}
AlarmBook::~AlarmBook() { sqlite3_close(db_); }

Outcome<std::unique_ptr<AlarmBook>> AlarmBook::open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    ServiceError e = sqliteError(db, "open");
    sqlite3_close(db);
    return e;
  }
  sqlite3_busy_timeout(db, 5000);
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    ServiceError e = sqliteError(db, "create table");
    sqlite3_close(db);
    return e;
  }
  return std::unique_ptr<AlarmBook>(new AlarmBook(db));
}

Outcome<bool> AlarmBook::record(std::vector<Alarm>& alarms) {
  if (alarms.empty()) return true;
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return sqliteError(db_, "begin");
  Statement insert(db_,
                   "INSERT INTO alarms (at_ms, kind, zh, en, ticket, window_number, device, queue, follow_up) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert) {
    ServiceError e = sqliteError(db_, "prepare");
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  }
  std::vector<std::int64_t> ids;
  for (const Alarm& a : alarms) {
    sqlite3_reset(insert.get());
    sqlite3_clear_bindings(insert.get());
    sqlite3_bind_int64(insert.get(), 1, a.at.time_since_epoch().count());
    bindText(insert.get(), 2, a.kind);
    bindText(insert.get(), 3, a.zh);
    bindText(insert.get(), 4, a.en);
    if (a.ticket) sqlite3_bind_int64(insert.get(), 5, static_cast<sqlite3_int64>(*a.ticket));
    if (a.window) sqlite3_bind_int(insert.get(), 6, *a.window);
    bindText(insert.get(), 7, a.device);
    bindText(insert.get(), 8, a.queue);
    if (a.followUp) bindText(insert.get(), 9, a.followUp->closed ? "closed" : "open");
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
      ServiceError e = sqliteError(db_, "insert");
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return e;
    }
    ids.push_back(sqlite3_last_insert_rowid(db_));
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    ServiceError e = sqliteError(db_, "commit");
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  }
  for (std::size_t i = 0; i < alarms.size(); ++i) alarms[i].id = ids[i];
  return true;
}

Outcome<Alarm> AlarmBook::find(std::int64_t id) const {
  Statement select(db_, fmt::format("SELECT {} FROM alarms WHERE id = ?", kColumns));
  if (!select) return sqliteError(db_, "prepare");
  sqlite3_bind_int64(select.get(), 1, id);
  const int rc = sqlite3_step(select.get());
  if (rc == SQLITE_ROW) return readRow(select.get());
  if (rc == SQLITE_DONE) return errors::notFound(fmt::format("alarm {}", id));
  return sqliteError(db_, "read");
}

Outcome<Alarm> AlarmBook::acknowledge(std::int64_t id, core::TimePoint at, const std::string& by) {
  auto alarm = find(id);
  if (!alarm) return alarm;
  if (alarm.value().acknowledged) return alarm;
  Statement update(db_, "UPDATE alarms SET acked_at_ms = ?, acked_by = ? WHERE id = ? AND acked_at_ms IS NULL");
  if (!update) return sqliteError(db_, "prepare");
  sqlite3_bind_int64(update.get(), 1, at.time_since_epoch().count());
  bindText(update.get(), 2, by);
  sqlite3_bind_int64(update.get(), 3, id);
  if (sqlite3_step(update.get()) != SQLITE_DONE) return sqliteError(db_, "acknowledge");
  return find(id);
}

Outcome<Alarm> AlarmBook::closeFollowUp(std::int64_t id, const std::string& note, core::TimePoint at,
                                        const std::string& by) {
  auto alarm = find(id);
  if (!alarm) return alarm;
  if (!alarm.value().followUp)
    return errors::invalidArgument(fmt::format("alarm {} ({}) has no follow-up", id, alarm.value().kind));
  if (alarm.value().followUp->closed) {
    return ServiceError{"illegal_transition", fmt::format("告警 {} 的回访已办结", id),
                        fmt::format("the follow-up of alarm {} is already closed", id)};
  }
  if (note.find_first_not_of(" \t\r\n") == std::string::npos)
    return errors::invalidArgument("\"note\" must say how the resident was followed up");
  if (characters(note) > 500) return errors::invalidArgument("\"note\" is longer than 500 characters");
  // Closing a follow-up also acknowledges the alarm: the manager has clearly seen it.
  Statement update(db_,
                   "UPDATE alarms SET follow_up = 'closed', follow_up_note = ?, closed_at_ms = ?, closed_by = ?, "
                   "acked_at_ms = COALESCE(acked_at_ms, ?), acked_by = COALESCE(acked_by, ?) "
                   "WHERE id = ? AND follow_up = 'open'");
  if (!update) return sqliteError(db_, "prepare");
  bindText(update.get(), 1, note);
  sqlite3_bind_int64(update.get(), 2, at.time_since_epoch().count());
  bindText(update.get(), 3, by);
  sqlite3_bind_int64(update.get(), 4, at.time_since_epoch().count());
  bindText(update.get(), 5, by);
  sqlite3_bind_int64(update.get(), 6, id);
  if (sqlite3_step(update.get()) != SQLITE_DONE) return sqliteError(db_, "close follow-up");
  return find(id);
}

Outcome<std::vector<Alarm>> AlarmBook::current(core::TimePoint since, std::size_t limit) const {
  // The newest `limit` of them, returned oldest first.
  Statement select(db_, fmt::format("SELECT {} FROM (SELECT {} FROM alarms WHERE at_ms >= ? OR acked_at_ms IS NULL "
                                    "OR follow_up = 'open' ORDER BY id DESC LIMIT ?) ORDER BY id",
                                    kColumns, kColumns));
  if (!select) return sqliteError(db_, "prepare");
  sqlite3_bind_int64(select.get(), 1, since.time_since_epoch().count());
  sqlite3_bind_int64(select.get(), 2, static_cast<sqlite3_int64>(limit));
  std::vector<Alarm> alarms;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) alarms.push_back(readRow(select.get()));
  if (rc != SQLITE_DONE) return sqliteError(db_, "read");
  return alarms;
}

}  // namespace jiujin::service
