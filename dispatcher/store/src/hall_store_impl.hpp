#pragma once
// HallStore's private parts, shared by its source files.
#include <memory>
#include <optional>
#include <string>

#include "hall_lock.hpp"
#include "jiujin/store/database.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::store {

struct HallStore::Impl {
  std::unique_ptr<HallLock> lock;  // released last: declared first
  Database db;
  StoreOptions options;
  Seq lastSeq = 0;
  int eventsSinceSnapshot = 0;
  std::string currentDay;  // the hall day the next event belongs to ("" before any)

  Statement insertEvent;
  Statement upsertTicket;
  Statement insertSnapshot;
  Statement markExpired;
  Statement deleteOlderSnapshots;
};

/// The journal's `day` of a time with no open day to go by.
std::string dayOf(core::TimePoint at);

}  // namespace jiujin::store
