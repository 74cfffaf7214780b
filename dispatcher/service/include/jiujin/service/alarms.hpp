#pragma once
// Alarms for the hall manager (电子监察): a resident waiting longer than the target, a device
// gone silent, a printer out of paper, a bad rating. Published as "alarm.<kind>" news.
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/events.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/service/device_table.hpp"

namespace jiujin::service {

struct Alarm {
  std::string kind;  ///< wait_over_target device_offline paper_out paper_low bad_rating
  core::TimePoint at;
  std::string zh;
  std::string en;
  std::optional<core::TicketId> ticket;
  std::optional<core::WindowNumber> window;
  std::string device;
};

nlohmann::json toJson(const Alarm& alarm);

/// Decides when to raise alarms and remembers the recent ones for snapshots.
class AlarmDesk {
 public:
  /// Tickets whose wait passed the hall's target since the last look (each raised once).
  std::vector<Alarm> checkWaits(const core::Hall& hall, core::TimePoint now);
  /// A bad rating in a committed event.
  std::optional<Alarm> checkEvent(const core::Hall& hall, const core::Event& event);
  /// A device whose status changed to something a person must see to.
  std::optional<Alarm> checkDevice(const DeviceHealth& device);

  void remember(const Alarm& alarm);
  nlohmann::json recent() const;

 private:
  std::set<core::TicketId> waitAlarmed_;
  std::deque<Alarm> recent_;
};

}  // namespace jiujin::service
