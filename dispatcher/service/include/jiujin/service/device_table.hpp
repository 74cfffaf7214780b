#pragma once
// The health of the hall's devices as their gateways and kiosks report it. Live news, not
// hall state: it is not journaled, and a restarted dispatcher learns it again from reports.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service {

struct DeviceHealth {
  std::string id;      ///< as in the hall file, e.g. "kp-3"; a kiosk printer: "<kiosk>/printer"
  std::string kind;    ///< window_display main_strip keypad eval_pad printer
  std::optional<int> window;
  std::string bus;
  std::string status;  ///< online offline error; printers: ok near_end out offline
  std::string detail;  ///< free text from the reporter
  core::TimePoint since;
  std::string reportedBy;  ///< the client that reported it
  /// Times the device went offline, into error or out of paper since the dispatcher started
  /// (kept by the dispatcher, not reported: the monitor's error count).
  int faults = 0;
  bool operator==(const DeviceHealth&) const = default;
};

nlohmann::json toJson(const DeviceHealth& device);

/// A device of the hall file ([[device]]): a device report must name one, as configured.
struct ConfiguredDevice {
  std::string id;
  std::string kind;  ///< window_display main_strip keypad eval_pad
  std::optional<int> window;
  std::string bus;
  bool operator==(const ConfiguredDevice&) const = default;
};

/// Reads a "device_report" body; refuses unknown fields, statuses and kinds, a device that
/// is not in the hall file (not_found) and a kind, window or bus other than the configured
/// one. The report carries the configured kind, window and bus.
Outcome<DeviceHealth> deviceReportFromJson(const nlohmann::json& body, const std::vector<ConfiguredDevice>& configured);
/// Reads a "printer_status" body: a kiosk's printer "<kiosk>/printer"; a `window`, if given,
/// must be one of `definition`'s.
Outcome<DeviceHealth> printerStatusFromJson(const nlohmann::json& body, const core::HallDefinition& definition);

class DeviceTable {
 public:
  /// Printers are not in the hall file; past this many, a report of a new one is refused so
  /// that made-up ids cannot fill the table and the manager's alarms.
  static constexpr std::size_t kMaxPrinters = 64;

  /// Whether `status` is a fault a person must see to (offline, error, paper out).
  static bool isFault(const std::string& status);
  /// Refuses a report of a printer the table does not know yet when it is full.
  std::optional<ServiceError> refusal(const DeviceHealth& device) const;
  /// Records a report. Returns the previous status if it changed (or "" for a new device),
  /// nothing if the status is unchanged (then nothing is published).
  std::optional<std::string> report(DeviceHealth device);
  nlohmann::json toJson() const;
  const std::map<std::string, DeviceHealth>& devices() const { return devices_; }

 private:
  std::map<std::string, DeviceHealth> devices_;
};

}  // namespace jiujin::service
