#pragma once
// The hall's alarms in its database (table `alarms`): each raised alarm gets an id, and a
// manager's acknowledgement or a closed 回访 follow-up is kept with who and when, so a
// restarted dispatcher still shows what is unacknowledged and what is still to follow up.
// Only the SQL lives here; when an alarm may be acknowledged or closed is the service's rule.
// Writes go into the caller's transaction (the store's batch).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/state.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::store {

struct AlarmAcknowledgement {
  core::TimePoint at;
  std::string by;  ///< the client that acknowledged
  bool operator==(const AlarmAcknowledgement&) const = default;
};

/// 回访: a bad rating is followed up by the manager, who closes it with a note.
struct FollowUp {
  bool closed = false;
  std::string note;
  std::optional<core::TimePoint> closedAt;
  std::string closedBy;
  bool operator==(const FollowUp&) const = default;
};

struct Alarm {
  std::int64_t id = 0;  ///< given by the table; 0 until recorded
  /// wait_over_target window_idle queue_overflow device_offline paper_out paper_low bad_rating
  /// case_due_soon case_overdue
  std::string kind;
  core::TimePoint at;
  std::string zh;
  std::string en;
  std::optional<core::TicketId> ticket;
  std::optional<core::WindowNumber> window;
  std::string device;
  std::string queue;
  std::string caseNumber;  ///< case_due_soon, case_overdue: the case (办件编号)
  std::optional<AlarmAcknowledgement> acknowledged;
  std::optional<FollowUp> followUp;
  bool operator==(const Alarm&) const = default;
};

class AlarmTable {
 public:
  explicit AlarmTable(Database& db) : db_(&db) {}

  /// Inserts new alarms and gives each its id.
  StoreStatus record(std::vector<Alarm>& alarms);
  StoreResult<std::optional<Alarm>> find(std::int64_t id) const;
  /// Sets the acknowledgement of an alarm not yet acknowledged.
  StoreStatus acknowledge(std::int64_t id, core::TimePoint at, const std::string& by);
  /// Closes an open follow-up with its note; also acknowledges the alarm if it was not.
  StoreStatus closeFollowUp(std::int64_t id, const std::string& note, core::TimePoint at, const std::string& by);
  /// Alarms raised since `since`, plus older ones still unacknowledged or with an open
  /// follow-up; the newest `limit` of them, oldest first.
  StoreResult<std::vector<Alarm>> current(core::TimePoint since, std::size_t limit) const;

 private:
  Database* db_;
};

}  // namespace jiujin::store
