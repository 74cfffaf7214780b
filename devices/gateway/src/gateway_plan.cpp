#include "jiujin/devices/gateway/gateway_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/wire_time.hpp"

namespace jiujin::devices::gateway {

namespace {

using std::chrono::milliseconds;

Parity parityOf(char parity) {
  switch (parity) {
    case 'E': return Parity::Even;
    case 'O': return Parity::Odd;
    default: return Parity::None;
  }
}

/// The interval at which `count` reads of `each` take `share` of the line, or `floor`.
milliseconds stretched(milliseconds floor, int count, std::chrono::microseconds each, double share) {
  if (count == 0 || share <= 0) return floor;
  const auto needed = std::chrono::duration<double, std::micro>(static_cast<double>(count) * each.count() / share);
  return std::max(floor, std::chrono::ceil<milliseconds>(needed));
}

double loadOf(int count, std::chrono::microseconds each, milliseconds interval) {
  if (count == 0) return 0;
  return static_cast<double>(count) * static_cast<double>(each.count()) /
         static_cast<double>(std::chrono::microseconds(interval).count());
}

void planPolling(PlannedBus& bus, const GatewayPlan& plan, const config::BusConfig& config,
                 const PlanOptions& options) {
  const SerialSettings serial = serialSettingsOf(config);
  int keypads = 0, pads = 0, checked = 0;
  std::chrono::microseconds padRead{0};
  for (const auto& id : bus.devices) {
    const PlannedDevice& d = plan.devices.at(id);
    if (std::holds_alternative<drivers::KeypadMap>(d.profile.map)) {
      ++keypads;
    } else if (const auto* pad = std::get_if<drivers::EvalPadMap>(&d.profile.map)) {
      ++pads;
      ++checked;  // an idle pad is checked like a display
      padRead = std::max(padRead, readTime(drivers::padPollRead(*pad).count, serial));
    } else {
      ++checked;
    }
  }
  // A keypad's "key pending" check is one register; its FIFO is read only when a key waits.
  const auto pendingCheck = readTime(1, serial);
  const auto check = std::max(pendingCheck, padRead);
  const milliseconds floor{std::max(config.pollIntervalMs, 10)};
  const auto padFloor = std::chrono::ceil<milliseconds>(floor * options.padIntervalFactor);
  bus.keypadPollInterval = stretched(floor, keypads, pendingCheck, options.keypadShare);
  bus.padPollInterval = stretched(padFloor, pads, padRead, options.padShare);
  bus.displayCheckInterval = stretched(options.displayCheckInterval, checked, check, options.displayCheckShare);
  bus.plannedPollLoad = loadOf(keypads, pendingCheck, bus.keypadPollInterval) +
                        loadOf(checked, check, bus.displayCheckInterval);
}

}  // namespace

drivers::DeviceKind driverKindOf(config::DeviceKind kind) {
  switch (kind) {
    case config::DeviceKind::WindowDisplay: return drivers::DeviceKind::WindowDisplay;
    case config::DeviceKind::MainStrip: return drivers::DeviceKind::MainStrip;
    case config::DeviceKind::Keypad: return drivers::DeviceKind::Keypad;
    case config::DeviceKind::EvalPad: return drivers::DeviceKind::EvalPad;
  }
  return drivers::DeviceKind::WindowDisplay;
}

SerialSettings serialSettingsOf(const config::BusConfig& bus) {
  return SerialSettings{bus.baud, bus.dataBits, parityOf(bus.parity), bus.stopBits};
}

drivers::Expected<GatewayPlan, PlanError> planGateway(const config::HallConfig& hall,
                                                      const drivers::ProfileLibrary& profiles,
                                                      const PlanOptions& options) {
  GatewayPlan plan;
  for (const auto& clerk : hall.clerks) plan.clerkNames[clerk.id] = clerk.name;

  for (const auto& b : hall.buses) {
    PlannedBus bus;
    bus.id = b.id;
    const ModbusTimeouts timeouts{milliseconds(b.responseTimeoutMs), milliseconds(20)};
    std::string port = b.port;
    if (options.runtimeDir) port = *options.runtimeDir + "/" + b.id;
    if (!port.empty()) {
      bus.rtu = RtuLinkSettings{port, serialSettingsOf(b), timeouts, true};
    } else if (!b.tcpHost.empty()) {
      bus.tcp = TcpLinkSettings{b.tcpHost, b.tcpPort, timeouts};
    } else {
      return PlanError{fmt::format("bus {} names neither a serial port nor a TCP gateway", b.id)};
    }
    plan.buses.push_back(std::move(bus));
  }

  for (const auto& d : hall.devices) {
    const auto bus = std::find_if(plan.buses.begin(), plan.buses.end(), [&](const auto& b) { return b.id == d.bus; });
    if (bus == plan.buses.end()) return PlanError{fmt::format("device {} is on unknown bus {}", d.id, d.bus)};
    const std::string profileName = d.profile.empty() ? std::string(config::defaultProfile(d.kind)) : d.profile;
    const drivers::Profile* profile = profiles.find(profileName);
    if (!profile) {
      if (const auto* problem = profiles.problemFor(profileName))
        return PlanError{fmt::format("device {}: its profile {} cannot be used: {}", d.id, profileName, problem->message)};
      return PlanError{fmt::format("device {}: no register-map profile named {}", d.id, profileName)};
    }
    if (profile->kind() != driverKindOf(d.kind)) {
      return PlanError{fmt::format("device {} is a {} but profile {} is for a {}", d.id, config::toString(d.kind),
                                   profileName, drivers::toString(profile->kind()))};
    }
    if (config::belongsToWindow(d.kind) && !d.window)
      return PlanError{fmt::format("device {} ({}) names no window", d.id, config::toString(d.kind))};
    plan.devices.emplace(d.id, PlannedDevice{d.id, d.bus, d.kind, d.address, d.window, *profile, d.transferTo});
    bus->devices.push_back(d.id);
  }

  for (auto& bus : plan.buses) {
    const auto config = std::find_if(hall.buses.begin(), hall.buses.end(), [&](const auto& b) { return b.id == bus.id; });
    planPolling(bus, plan, *config, options);
  }
  return plan;
}

}  // namespace jiujin::devices::gateway
