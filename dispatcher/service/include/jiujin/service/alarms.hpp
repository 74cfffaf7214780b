#pragma once
// Alarms for the hall manager (电子监察): a resident waiting longer than the target, a window
// idle while its queues wait, a queue over its overflow threshold, a device gone silent, a
// printer out of paper, a bad rating (which opens a 回访 follow-up). The desk decides when to
// raise one; the book (alarm_book.hpp) keeps them durable with their acknowledgements.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/events.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/store/alarm_table.hpp"

namespace jiujin::service {

// The alarm itself is a row of the store's alarm table.
using store::Alarm;
using store::AlarmAcknowledgement;
using store::FollowUp;

nlohmann::json toJson(const Alarm& alarm);

/// Decides when to raise alarms. Each condition raises once and re-arms when it clears.
class AlarmDesk {
 public:
  /// Tickets whose wait passed the hall's target since the last look.
  std::vector<Alarm> checkWaits(const core::Hall& hall, core::TimePoint now);
  /// Open windows with a clerk, idle past the hall's limit while a queue they serve waits.
  std::vector<Alarm> checkIdleWindows(const core::Hall& hall, core::TimePoint now);
  /// Queues whose length reached the hall's overflow threshold.
  std::vector<Alarm> checkQueues(const core::Hall& hall, core::TimePoint now);
  /// A bad rating in an executed event (it opens a follow-up); a case due soon or overdue
  /// (the core notices each once, so each alarm is raised once, restarts included).
  std::optional<Alarm> checkEvent(const core::Hall& hall, const core::Event& event);
  /// A device whose status changed to something a person must see to.
  std::optional<Alarm> checkDevice(const DeviceHealth& device);

 private:
  std::set<core::TicketId> waitAlarmed_;
  std::map<core::WindowNumber, core::TimePoint> idleAlarmed_;  ///< idle since, when alarmed
  std::set<core::QueueId> overflowing_;
};

}  // namespace jiujin::service
