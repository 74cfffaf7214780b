#include "jiujin/service/alarm_book.hpp"

#include <fmt/format.h>

namespace jiujin::service {

namespace {

ServiceError fromStore(const store::StoreError& e) { return errors::storageFailed(fmt::format("alarms: {}", e.message)); }

/// UTF-8 code points in `s` (the note limit is in characters people count, not bytes).
std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Outcome<bool> AlarmBook::record(std::vector<Alarm>& alarms) {
  if (alarms.empty()) return true;
  if (auto s = store_->beginBatch(); !s.ok()) return fromStore(s.error());
  if (auto s = store_->alarms().record(alarms); !s.ok()) return fromStore(s.error());
  return true;
}

Outcome<Alarm> AlarmBook::find(std::int64_t id) const {
  auto found = store_->alarms().find(id);
  if (!found.ok()) return fromStore(found.error());
  if (!found.value()) return errors::notFound(fmt::format("alarm {}", id));
  return *found.value();
}

Outcome<Alarm> AlarmBook::acknowledge(std::int64_t id, core::TimePoint at, const std::string& by) {
  auto alarm = find(id);
  if (!alarm) return alarm;
  if (alarm.value().acknowledged) return alarm;
  if (auto s = store_->beginBatch(); !s.ok()) return fromStore(s.error());
  if (auto s = store_->alarms().acknowledge(id, at, by); !s.ok()) return fromStore(s.error());
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
  if (auto s = store_->beginBatch(); !s.ok()) return fromStore(s.error());
  if (auto s = store_->alarms().closeFollowUp(id, note, at, by); !s.ok()) return fromStore(s.error());
  return find(id);
}

Outcome<std::vector<Alarm>> AlarmBook::current(core::TimePoint since, std::size_t limit) const {
  auto alarms = store_->alarms().current(since, limit);
  if (!alarms.ok()) return fromStore(alarms.error());
  return std::move(alarms).value();
}

}  // namespace jiujin::service
