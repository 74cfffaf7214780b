#pragma once
// The hall's alarms kept durable in its SQLite file (table `alarms`): each raised alarm gets an
// id, and a manager's acknowledgement or a closed 回访 follow-up is recorded with who and when.
// A restarted dispatcher still shows what is unacknowledged and what is still to follow up.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/time.hpp"
#include "jiujin/service/alarms.hpp"
#include "jiujin/service/wire.hpp"

struct sqlite3;

namespace jiujin::service {

class AlarmBook {
 public:
  /// Opens (and creates if needed) the alarm table in the SQLite file at `path`.
  static Outcome<std::unique_ptr<AlarmBook>> open(const std::filesystem::path& path);
  ~AlarmBook();
  AlarmBook(const AlarmBook&) = delete;
  AlarmBook& operator=(const AlarmBook&) = delete;

  /// Records new alarms in one transaction and gives each its id.
  Outcome<bool> record(std::vector<Alarm>& alarms);
  /// Marks an alarm acknowledged. Acknowledging twice keeps the first acknowledgement.
  Outcome<Alarm> acknowledge(std::int64_t id, core::TimePoint at, const std::string& by);
  /// Closes an alarm's follow-up with the manager's note (required, at most 500 characters).
  Outcome<Alarm> closeFollowUp(std::int64_t id, const std::string& note, core::TimePoint at, const std::string& by);
  Outcome<Alarm> find(std::int64_t id) const;
  /// What a manager must see: alarms raised since `since`, plus older ones still
  /// unacknowledged or with an open follow-up; oldest first, at most `limit`.
  Outcome<std::vector<Alarm>> current(core::TimePoint since, std::size_t limit = 500) const;

 private:
  explicit AlarmBook(sqlite3* db);
  sqlite3* db_;
};

}  // namespace jiujin::service
