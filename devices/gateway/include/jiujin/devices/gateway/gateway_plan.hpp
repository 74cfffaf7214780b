#pragma once
// What the gateway drives, worked out once from the hall file: every bus with its link
// settings and poll intervals, every device with its register map and window. Pure: no
// I/O beyond what the caller already loaded.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/devices/drivers/expected.hpp"
#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices::gateway {

struct PlannedDevice {
  std::string id;
  std::string bus;
  config::DeviceKind kind = config::DeviceKind::WindowDisplay;
  int slave = 1;
  std::optional<int> window;
  drivers::Profile profile;
  core::TransferTarget transferTo = core::WindowKind::Issuing;  ///< keypads: where 转移 sends the ticket
};

struct PlannedBus {
  std::string id;
  /// Set for an RTU line; otherwise `tcp` is.
  std::optional<RtuLinkSettings> rtu;
  std::optional<TcpLinkSettings> tcp;
  std::vector<std::string> devices;  ///< ids, in hall-file order
  /// How often each keypad is asked "key pending?" (one register): one round over the bus's
  /// keypads. At least the hall's poll_interval_ms; stretched when the round would take more
  /// than its share of the line (see PlanOptions). A keypad's FIFO is read only when a key waits.
  std::chrono::milliseconds keypadPollInterval{200};
  /// How often a pad is read while a rating is awaited for its window (otherwise it is only
  /// checked, with the displays).
  std::chrono::milliseconds padPollInterval{400};
  /// How often each idle display, strip and pad is checked (content sequence, presence), at
  /// the lowest class: a write that is due always goes first.
  std::chrono::milliseconds displayCheckInterval{2000};
  /// Share of the wire the polls are planned to use (0..1), for the monitor and the docs.
  double plannedPollLoad = 0;
};

struct PlanOptions {
  /// Polls never take more than these shares of a line. The keypads' "key pending" round may
  /// take most of it: a clerk's press waits for at most one round, and everything urgent (a
  /// call's display write, a pressed key's read) goes before the round anyway. Pads count as
  /// if all awaited a rating at once; checks of idle devices share what is left.
  double keypadShare = 0.85;
  double padShare = 0.10;
  double displayCheckShare = 0.05;
  /// Pads are read less often than keypads: a rating may wait a moment, a call may not.
  double padIntervalFactor = 2.0;
  std::chrono::milliseconds displayCheckInterval{2000};
  /// Replaces every bus's port with <runtimeDir>/<bus id> (the simulator's symlinks).
  std::optional<std::string> runtimeDir;
};

struct GatewayPlan {
  std::vector<PlannedBus> buses;
  std::map<std::string, PlannedDevice> devices;
  std::map<std::string, std::string> clerkNames;  ///< clerk id → name, for the pads
};

struct PlanError {
  std::string message;
};

/// The drivers' name for a configured device kind.
drivers::DeviceKind driverKindOf(config::DeviceKind kind);

/// Every device's profile must be in `profiles` and match its kind; every bus must name a
/// port or a TCP gateway.
drivers::Expected<GatewayPlan, PlanError> planGateway(const config::HallConfig& hall,
                                                      const drivers::ProfileLibrary& profiles,
                                                      const PlanOptions& options = {});

/// The serial settings a bus configuration names.
SerialSettings serialSettingsOf(const config::BusConfig& bus);

}  // namespace jiujin::devices::gateway
