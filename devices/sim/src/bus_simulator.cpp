#include "jiujin/devices/sim/bus_simulator.hpp"

#include <fmt/format.h>

#include <set>

#include "jiujin/devices/sim/emulated_displays.hpp"
#include "jiujin/devices/sim/emulated_eval_pad.hpp"
#include "jiujin/devices/sim/emulated_keypad.hpp"

namespace jiujin::devices::sim {

namespace {

SimError unknownDevice(std::string_view id) {
  return SimError{fmt::format("no device \"{}\" is simulated", id)};
}

std::optional<SimError> checkBus(const SimBusConfig& b, const std::set<std::string>& seen) {
  if (b.id.empty() || b.id.find('/') != std::string::npos || b.id.front() == '.') {
    return SimError{fmt::format("bus id \"{}\" cannot name a file in the runtime directory", b.id)};
  }
  if (seen.contains(b.id)) return SimError{fmt::format("bus \"{}\" is configured twice", b.id)};
  if (b.baud <= 0) return SimError{fmt::format("bus {}: baud must be positive", b.id)};
  if (b.parity != 'N' && b.parity != 'E' && b.parity != 'O') {
    return SimError{fmt::format("bus {}: parity must be N, E or O", b.id)};
  }
  return std::nullopt;
}

}  // namespace

SimResult<std::unique_ptr<BusSimulator>> BusSimulator::create(std::vector<SimBusConfig> buses,
                                                              std::vector<SimDeviceConfig> devices,
                                                              const DeviceProfiles& profiles,
                                                              SimulatorOptions options) {
  std::set<std::string> busIds;
  for (const auto& b : buses) {
    if (auto error = checkBus(b, busIds)) return *error;
    busIds.insert(b.id);
  }
  std::set<std::string> deviceIds;
  std::set<std::pair<std::string, int>> addresses;
  std::map<std::string, std::vector<std::unique_ptr<EmulatedDevice>>> byBus;
  for (const auto& d : devices) {
    if (!deviceIds.insert(d.id).second) return SimError{fmt::format("device \"{}\" is configured twice", d.id)};
    if (!busIds.contains(d.bus)) return SimError{fmt::format("device {}: no bus \"{}\"", d.id, d.bus)};
    if (d.address < 1 || d.address > 247) {
      return SimError{fmt::format("device {}: address {} is outside 1..247", d.id, d.address)};
    }
    if (!addresses.insert({d.bus, d.address}).second) {
      return SimError{fmt::format("device {}: address {} is already used on bus {}", d.id, d.address, d.bus)};
    }
    const DeviceProfile* profile = profiles.find(d.profile);
    if (!profile) return SimError{fmt::format("device {}: no profile \"{}\"", d.id, d.profile)};
    byBus[d.bus].push_back(makeEmulatedDevice(d.id, static_cast<std::uint8_t>(d.address), *profile));
  }
  std::error_code ec;
  std::filesystem::create_directories(options.runtimeDir, ec);
  if (ec) {
    return SimError{fmt::format("runtime directory {}: {}", options.runtimeDir.string(), ec.message())};
  }
  std::unique_ptr<BusSimulator> sim(new BusSimulator);
  sim->history_ = std::make_unique<DisplayHistory>(options.historyPerBus);
  for (auto& b : buses) {
    const auto link = options.runtimeDir / b.id;
    const auto id = b.id;
    auto bus = SimBus::open(std::move(b), link, options, std::move(byBus[id]), sim->history_.get());
    if (!bus) return bus.error();
    sim->buses_.push_back(std::move(bus).value());
    sim->buses_.back()->forEachDevice(
        [&](const SimBus::Slot& s) { sim->busOfDevice_[s.device->id()] = sim->buses_.back().get(); });
  }
  return sim;
}

SimBus* BusSimulator::busOf(std::string_view device) const {
  const auto it = busOfDevice_.find(device);
  return it == busOfDevice_.end() ? nullptr : it->second;
}

SimBus* BusSimulator::bus(std::string_view id) const {
  for (const auto& b : buses_) {
    if (b->config().id == id) return b.get();
  }
  return nullptr;
}

std::vector<BusSimulator::BusInfo> BusSimulator::buses() const {
  std::vector<BusInfo> out;
  for (const auto& b : buses_) out.push_back({b->config().id, b->link(), b->ptyName()});
  return out;
}

std::vector<BusSimulator::DeviceInfo> BusSimulator::devices() const {
  std::vector<DeviceInfo> out;
  for (const auto& b : buses_) {
    b->forEachDevice([&](const SimBus::Slot& s) {
      out.push_back(DeviceInfo{s.device->id(), b->config().id, s.device->address(),
                               s.device->profile().kind(), s.device->profile().name,
                               std::vector<Fault>(s.faults.begin(), s.faults.end()), s.requests,
                               s.answered});
    });
  }
  return out;
}

SimResult<std::string> BusSimulator::show(std::string_view device) const {
  SimBus* b = busOf(device);
  if (!b) return unknownDevice(device);
  std::string line;
  b->withDevice(device, [&](SimBus::Slot& s) { line = s.device->describe(SimClock::now()); });
  return line;
}

std::optional<WindowShown> BusSimulator::windowShown(std::string_view device) const {
  std::optional<WindowShown> shown;
  if (SimBus* b = busOf(device)) {
    b->withDevice(device, [&](SimBus::Slot& s) {
      if (auto* d = dynamic_cast<EmulatedWindowDisplay*>(s.device.get())) shown = d->shown();
    });
  }
  return shown;
}

std::optional<StripShown> BusSimulator::stripShown(std::string_view device) const {
  std::optional<StripShown> shown;
  if (SimBus* b = busOf(device)) {
    b->withDevice(device, [&](SimBus::Slot& s) {
      if (auto* d = dynamic_cast<EmulatedMainStrip*>(s.device.get())) shown = d->shown();
    });
  }
  return shown;
}

SimResult<std::uint16_t> BusSimulator::press(std::string_view keypad, std::string_view key) {
  SimBus* b = busOf(keypad);
  if (!b) return unknownDevice(keypad);
  SimResult<std::uint16_t> result = SimError{fmt::format("{} is not a keypad", keypad)};
  b->withDevice(keypad, [&](SimBus::Slot& s) {
    auto* k = dynamic_cast<EmulatedKeypad*>(s.device.get());
    if (!k) return;
    if (s.faults.contains(Fault::Absent)) {
      result = SimError{fmt::format("{} is absent", keypad)};
    } else {
      result = k->press(key);
    }
  });
  return result;
}

SimResult<std::uint16_t> BusSimulator::rate(std::string_view pad, Rating rating) {
  SimBus* b = busOf(pad);
  if (!b) return unknownDevice(pad);
  SimResult<std::uint16_t> result = SimError{fmt::format("{} is not an evaluation pad", pad)};
  b->withDevice(pad, [&](SimBus::Slot& s) {
    auto* p = dynamic_cast<EmulatedEvalPad*>(s.device.get());
    if (!p) return;
    if (s.faults.contains(Fault::Absent)) {
      result = SimError{fmt::format("{} is absent", pad)};
    } else {
      result = p->rate(rating, SimClock::now());
    }
  });
  return result;
}

std::optional<SimError> BusSimulator::injectFault(std::string_view device, Fault fault) {
  SimBus* b = busOf(device);
  if (!b) return unknownDevice(device);
  b->withDevice(device, [&](SimBus::Slot& s) { s.faults.insert(fault); });
  return std::nullopt;
}

std::optional<SimError> BusSimulator::clearFault(std::string_view device, std::optional<Fault> fault) {
  SimBus* b = busOf(device);
  if (!b) return unknownDevice(device);
  b->withDevice(device, [&](SimBus::Slot& s) {
    const bool wasAbsent = s.faults.contains(Fault::Absent);
    if (fault) {
      s.faults.erase(*fault);
    } else {
      s.faults.clear();
    }
    if (wasAbsent && !s.faults.contains(Fault::Absent)) {
      s.device->powerCycle();
      b->recordShown(s);
    }
  });
  return std::nullopt;
}

std::optional<SimError> BusSimulator::vanishPort(std::string_view id,
                                                 std::optional<std::chrono::milliseconds> returnAfter) {
  SimBus* b = bus(id);
  if (!b) return SimError{fmt::format("no bus \"{}\" is simulated", id)};
  return b->vanishPort(returnAfter);
}

std::optional<SimError> BusSimulator::restorePort(std::string_view id) {
  SimBus* b = bus(id);
  if (!b) return SimError{fmt::format("no bus \"{}\" is simulated", id)};
  return b->restorePort();
}

}  // namespace jiujin::devices::sim
