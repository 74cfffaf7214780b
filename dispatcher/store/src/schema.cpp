#include "schema.hpp"

#include <array>

#include <fmt/format.h>

namespace jiujin::store {

namespace {

struct Migration {
  int version;
  const char* purpose;
  const char* sql;
};

constexpr std::array kMigrations{
    Migration{1, "journal and snapshots (recovery)", R"sql(
      CREATE TABLE journal (
        seq       INTEGER PRIMARY KEY,  -- 1, 2, 3 … gap-free, assigned by the store
        day       TEXT    NOT NULL,     -- the hall day it belongs to, YYYY-MM-DD
        at_ms     INTEGER NOT NULL,     -- hall-local milliseconds since the epoch
        type      TEXT    NOT NULL,     -- "ticket.called" …
        ticket_id INTEGER,
        window_no INTEGER,
        payload   TEXT    NOT NULL      -- the event as protocol JSON
      );
      CREATE INDEX journal_by_ticket ON journal(ticket_id) WHERE ticket_id IS NOT NULL;
      CREATE TABLE snapshot (
        seq        INTEGER PRIMARY KEY,  -- the state after journal row `seq`
        day        TEXT,
        at_ms      INTEGER NOT NULL,
        definition TEXT    NOT NULL,     -- HallDefinition JSON in force
        state      TEXT    NOT NULL      -- HallState JSON
      );
    )sql"},
    Migration{2, "ticket history (reports)", R"sql(
      CREATE TABLE ticket (
        id               INTEGER PRIMARY KEY,
        day              TEXT    NOT NULL,
        number           TEXT    NOT NULL,
        item             TEXT    NOT NULL,
        queue            TEXT    NOT NULL,
        channel          TEXT    NOT NULL,
        priority         TEXT    NOT NULL,
        state            TEXT    NOT NULL,
        window_no        INTEGER,
        clerk            TEXT,
        issued_ms        INTEGER NOT NULL,
        called_ms        INTEGER,
        started_ms       INTEGER,
        ended_ms         INTEGER,
        recalls          INTEGER NOT NULL,
        evaluation       TEXT    NOT NULL,
        rating           TEXT,
        transferred_from INTEGER,
        transferred_to   INTEGER,
        request_key      TEXT    NOT NULL,
        last_seq         INTEGER NOT NULL   -- the journal row that last changed it
      );
      -- Reports are per day (a day holds at most a few thousand tickets), so one index
      -- serves item/queue/window/clerk queries too and keeps each commit small.
      CREATE INDEX ticket_by_day ON ticket(day);
    )sql"},
    // Until schema 3 the service created the audit and alarm tables itself on a second
    // connection; IF NOT EXISTS adopts them as they are.
    Migration{3, "audit record, alarms and recent replies in the store's transactions", R"sql(
      CREATE TABLE IF NOT EXISTS audit_log (
        row    INTEGER PRIMARY KEY,
        at_ms  INTEGER NOT NULL,
        client TEXT NOT NULL,
        role   TEXT NOT NULL,
        clerk  TEXT NOT NULL,
        type   TEXT NOT NULL,
        body   TEXT NOT NULL,
        ok     INTEGER NOT NULL,
        result TEXT NOT NULL,
        hash   TEXT NOT NULL
      );
      CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
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
      CREATE TABLE reply (
        key   TEXT PRIMARY KEY,   -- client name, newline, request id
        at_ms INTEGER NOT NULL,
        text  TEXT NOT NULL       -- the reply frame as sent
      );
    )sql"},
    Migration{4, "journal by day and type (statistics of a period read the period, not the journal)", R"sql(
      CREATE INDEX journal_by_day_type ON journal(day, type);
    )sql"},
    Migration{5, "the case register (办件台账) and alarms about cases", R"sql(
      CREATE TABLE cases (
        id            INTEGER PRIMARY KEY,
        number        TEXT NOT NULL UNIQUE,
        item          TEXT NOT NULL,
        state         TEXT NOT NULL,
        channel       TEXT NOT NULL,
        window_no     INTEGER NOT NULL,
        clerk         TEXT,
        registered_ms INTEGER NOT NULL,
        due_date      TEXT,              -- YYYY-MM-DD, the promised date
        decided_day   TEXT,              -- YYYY-MM-DD
        on_time       INTEGER,           -- 1 or 0 once decided
        closed_ms     INTEGER,           -- collected or rejected
        anonymised    INTEGER NOT NULL DEFAULT 0,
        last_seq      INTEGER NOT NULL,
        body          TEXT NOT NULL      -- the case as protocol JSON, applicant included
      );
      CREATE INDEX cases_by_state ON cases(state, id);
      CREATE INDEX cases_by_item ON cases(item, id);
      CREATE INDEX cases_by_clerk ON cases(clerk, id);
      CREATE INDEX cases_by_window ON cases(window_no, id);
      CREATE INDEX cases_by_due ON cases(due_date, id);
      CREATE INDEX cases_by_state_due ON cases(state, due_date, id);  -- open cases by promised date
      CREATE INDEX cases_by_decided ON cases(decided_day);
      ALTER TABLE alarms ADD COLUMN case_number TEXT NOT NULL DEFAULT '';
    )sql"},
    Migration{6, "bookings (预约): slots booked ahead, cancelled, checked in", R"sql(
      CREATE TABLE bookings (
        code          TEXT PRIMARY KEY,   -- 8 random digits, the resident's key
        day           TEXT NOT NULL,      -- YYYY-MM-DD of the slot
        item          TEXT NOT NULL,
        queue         TEXT NOT NULL,
        start_ms      INTEGER NOT NULL,
        end_ms        INTEGER NOT NULL,
        phone_digest  TEXT NOT NULL,      -- keyed digest of the number; the number is never stored
        phone_masked  TEXT NOT NULL,      -- 138****5678, for the manager
        made_ms       INTEGER NOT NULL,
        state         TEXT NOT NULL,      -- booked cancelled checked_in
        cancelled_ms  INTEGER,
        checked_in_ms INTEGER,
        ticket        INTEGER,            -- the ticket its check-in issued
        ticket_number TEXT NOT NULL DEFAULT '',
        late          INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX bookings_by_day ON bookings(day, start_ms);
      CREATE INDEX bookings_by_phone ON bookings(phone_digest, day);
    )sql"},
};

}  // namespace

int knownSchemaVersion() { return kMigrations.back().version; }

StoreStatus migrate(Database& db, int target) {
  auto current = db.queryInteger("PRAGMA user_version");
  if (!current.ok()) return current.error();
  for (const Migration& step : kMigrations) {
    if (step.version <= current.value() || step.version > target) continue;
    auto transaction = Transaction::begin(db);
    if (!transaction.ok()) return transaction.error();
    if (auto s = db.exec(step.sql); !s.ok()) {
      return StoreError{s.error().code, fmt::format("migration to schema {} ({}) failed: {}", step.version,
                                                    step.purpose, s.error().message)};
    }
    if (auto s = db.exec(fmt::format("PRAGMA user_version = {}", step.version)); !s.ok()) return s.error();
    if (auto s = transaction.value().commit(); !s.ok()) return s.error();
  }
  return Done{};
}

}  // namespace jiujin::store
