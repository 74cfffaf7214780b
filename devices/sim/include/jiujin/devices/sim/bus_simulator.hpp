#pragma once
// The whole simulated hall wiring: one SimBus per configured bus, every configured device on
// it, and the operations a test or the demo uses — press keys, rate, read what displays show
// now or showed since a cursor, inject and clear faults. Thread-safe.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/sim/device_profile.hpp"
#include "jiujin/devices/sim/display_history.hpp"
#include "jiujin/devices/sim/emulated_displays.hpp"
#include "jiujin/devices/sim/fault.hpp"
#include "jiujin/devices/sim/sim_bus.hpp"
#include "jiujin/devices/sim/sim_config.hpp"

namespace jiujin::devices::sim {

class BusSimulator {
 public:
  /// Checks the configuration (unique ids, addresses 1..247 unique per bus, known profiles),
  /// creates the runtime directory and opens every bus. Buses serve at once.
  static SimResult<std::unique_ptr<BusSimulator>> create(std::vector<SimBusConfig> buses,
                                                         std::vector<SimDeviceConfig> devices,
                                                         const DeviceProfiles& profiles,
                                                         SimulatorOptions options);

  struct BusInfo {
    std::string id;
    std::filesystem::path link;  ///< stable path the gateway opens
    std::string pty;             ///< /dev/pts/N behind it now; empty while vanished
  };
  std::vector<BusInfo> buses() const;

  struct DeviceInfo {
    std::string id;
    std::string bus;
    int address = 0;
    DeviceKind kind = DeviceKind::WindowDisplay;
    std::string profile;
    std::vector<Fault> faults;
    std::uint64_t requests = 0;
    std::uint64_t answered = 0;
  };
  std::vector<DeviceInfo> devices() const;

  /// What a device shows or holds, one line of key=value pairs (see docs/devices.md).
  SimResult<std::string> show(std::string_view device) const;
  std::optional<WindowShown> windowShown(std::string_view device) const;
  std::optional<StripShown> stripShown(std::string_view device) const;
  /// Every content change the devices received, in order (see DisplayHistory).
  const DisplayHistory& history() const { return *history_; }

  /// A press of the key the keypad's profile names `key` ("call_next", "recall", …): its
  /// sequence number; an error if the keypad has no such key or its FIFO is full.
  SimResult<std::uint16_t> press(std::string_view keypad, std::string_view key);
  /// A rating pressed on a pad: the new rating sequence; an error unless it is prompting.
  SimResult<std::uint16_t> rate(std::string_view pad, Rating rating);

  std::optional<SimError> injectFault(std::string_view device, Fault fault);
  /// Clears one fault, or every fault when none is named. Clearing `absent` powers the
  /// device up blank, as when it is plugged back in.
  std::optional<SimError> clearFault(std::string_view device, std::optional<Fault> fault = {});

  std::optional<SimError> vanishPort(std::string_view bus,
                                     std::optional<std::chrono::milliseconds> returnAfter = {});
  std::optional<SimError> restorePort(std::string_view bus);

 private:
  BusSimulator() = default;
  SimBus* busOf(std::string_view device) const;
  SimBus* bus(std::string_view id) const;

  // Declared before the buses: their workers record into it until they are joined.
  std::unique_ptr<DisplayHistory> history_;
  std::vector<std::unique_ptr<SimBus>> buses_;
  std::map<std::string, SimBus*, std::less<>> busOfDevice_;
};

}  // namespace jiujin::devices::sim
