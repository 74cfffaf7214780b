#include "jiujin/devices/sim/emulated_device.hpp"

#include <algorithm>

#include "jiujin/devices/sim/emulated_displays.hpp"
#include "jiujin/devices/sim/emulated_eval_pad.hpp"
#include "jiujin/devices/sim/emulated_keypad.hpp"

namespace jiujin::devices::sim {

EmulatedDevice::EmulatedDevice(std::string id, std::uint8_t address, DeviceProfile profile)
    : id_(std::move(id)),
      address_(address),
      profile_(std::move(profile)),
      registers_(profile_.registerCount, 0) {}

DeviceAnswer EmulatedDevice::handle(const rtu::Request& request, SimClock::time_point now) {
  // A vendor's firmware that takes one register per write does not know 0x10; none takes
  // more registers in one frame than its largest.
  if (request.function == rtu::Function::WriteMultipleRegisters && profile_.protocol.writeFunction == 0x06)
    return {rtu::Exception::IllegalFunction, {}};
  if (request.count > profile_.protocol.maxFrameRegisters) return {rtu::Exception::IllegalDataValue, {}};
  const bool inMap = std::uint32_t{request.address} + request.count <= registers_.size();
  if (!inMap) return {rtu::Exception::IllegalDataAddress, {}};
  if (request.function == rtu::Function::ReadHoldingRegisters) {
    beforeRead(now);
    const auto first = registers_.begin() + request.address;
    return {std::nullopt, {first, first + request.count}};
  }
  for (std::uint16_t i = 0; i < request.count; ++i) {
    if (!writable(static_cast<std::uint16_t>(request.address + i))) {
      return {rtu::Exception::IllegalDataAddress, {}};
    }
  }
  std::copy(request.values.begin(), request.values.end(), registers_.begin() + request.address);
  afterWrite(request.address, request.count, now);
  return {};
}

void EmulatedDevice::powerCycle() { std::fill(registers_.begin(), registers_.end(), 0); }

SimResult<std::string> EmulatedDevice::textIn(const TextField& field) const {
  return readRegisterText(std::span(registers_).subspan(field.address, field.registers), field.encoding,
                          field.byteOrder);
}

std::unique_ptr<EmulatedDevice> makeEmulatedDevice(std::string id, std::uint8_t address,
                                                   DeviceProfile profile) {
  switch (profile.kind()) {
    case DeviceKind::WindowDisplay:
      return std::make_unique<EmulatedWindowDisplay>(std::move(id), address, std::move(profile));
    case DeviceKind::MainStrip:
      return std::make_unique<EmulatedMainStrip>(std::move(id), address, std::move(profile));
    case DeviceKind::Keypad:
      return std::make_unique<EmulatedKeypad>(std::move(id), address, std::move(profile));
    case DeviceKind::EvalPad:
      return std::make_unique<EmulatedEvalPad>(std::move(id), address, std::move(profile));
  }
  return nullptr;
}

std::string quotedText(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c == '\n' ? ' ' : c);
  }
  out.push_back('"');
  return out;
}

}  // namespace jiujin::devices::sim
