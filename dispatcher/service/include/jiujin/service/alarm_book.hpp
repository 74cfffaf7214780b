#pragma once
// The manager's rules for the hall's durable alarms: recording raised ones, acknowledging,
// closing a 回访 follow-up with a note. The rows live in the store (store/alarm_table.hpp)
// and every write goes into the batch's transaction, so an acknowledgement is durable exactly
// when the reply that reports it is (and a retried request after a crash gets that reply).
#include <cstdint>
#include <string>
#include <vector>

#include "jiujin/core/time.hpp"
#include "jiujin/service/alarms.hpp"
#include "jiujin/service/wire.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::service {

class AlarmBook {
 public:
  explicit AlarmBook(store::HallStore& store) : store_(&store) {}

  /// Records new alarms in the batch and gives each its id.
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
  store::HallStore* store_;
};

}  // namespace jiujin::service
