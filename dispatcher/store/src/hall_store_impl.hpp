#pragma once
// HallStore's private parts, shared by its source files.
#include <memory>
#include <optional>
#include <string>

#include "case_bodies.hpp"
#include "hall_lock.hpp"
#include "jiujin/store/alarm_table.hpp"
#include "jiujin/store/booking_table.hpp"
#include "jiujin/store/audit_trail.hpp"
#include "jiujin/store/reply_table.hpp"
#include "jiujin/store/database.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::store {

struct HallStore::Impl {
  Impl(std::unique_ptr<HallLock> l, Database d, StoreOptions o)
      : lock(std::move(l)), db(std::move(d)), options(std::move(o)) {}
  Impl(const Impl&) = delete;  // the tables below point at `db`
  Impl& operator=(const Impl&) = delete;

  std::unique_ptr<HallLock> lock;  // released last: declared first
  Database db;
  StoreOptions options;
  Seq lastSeq = 0;
  int eventsSinceSnapshot = 0;
  std::string currentDay;  // the hall day the next event belongs to ("" before any)
  CaseBodies caseBodies;   // each open case's JSON, encoded once a change

  Statement insertEvent;
  Statement upsertTicket;
  Statement insertSnapshot;
  Statement markExpired;
  Statement deleteOlderSnapshots;
  Statement upsertCase;

  // Tables written in the batch's transaction beside the journal (they refer to `db`).
  AuditTrail audit{db};
  AlarmTable alarms{db};
  BookingTable bookings{db};
  ReplyTable replies{db};
  /// The open batch transaction: begun by the first write of a batch, ended by append().
  std::optional<Transaction> batch;
};

/// The journal's `day` of a time with no open day to go by.
std::string dayOf(core::TimePoint at);

}  // namespace jiujin::store
