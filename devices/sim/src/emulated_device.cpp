#include "jiujin/devices/sim/emulated_device.hpp"

#include "jiujin/devices/sim/emulated_displays.hpp"
#include "jiujin/devices/sim/emulated_eval_pad.hpp"
#include "jiujin/devices/sim/emulated_keypad.hpp"

namespace jiujin::devices::sim {

using namespace drivers;

EmulatedDevice::EmulatedDevice(std::string id, std::uint8_t address, Profile profile)
    : id_(std::move(id)),
      address_(address),
      profile_(std::move(profile)),
      registers_(registerSpan(profile_), 0) {}

ResponsePdu EmulatedDevice::handle(const RequestPdu& request, SimClock::time_point now) {
  const auto function = static_cast<std::uint8_t>(functionOf(request));
  auto inRange = [&](std::uint32_t first, std::uint32_t count) {
    return first + count <= registers_.size();
  };
  if (const auto* read = std::get_if<ReadHoldingRegisters>(&request)) {
    if (!inRange(read->address, read->count)) {
      return ExceptionReply{function, ExceptionCode::IllegalDataAddress};
    }
    beforeRead(now);
    const auto first = registers_.begin() + read->address;
    return ReadHoldingRegistersReply{{first, first + read->count}};
  }
  std::uint16_t address = 0;
  std::vector<std::uint16_t> values;
  if (const auto* single = std::get_if<WriteSingleRegister>(&request)) {
    address = single->address;
    values = {single->value};
  } else {
    const auto& multi = std::get<WriteMultipleRegisters>(request);
    address = multi.address;
    values = multi.values;
  }
  if (!inRange(address, values.size())) {
    return ExceptionReply{function, ExceptionCode::IllegalDataAddress};
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!writable(static_cast<std::uint16_t>(address + i))) {
      return ExceptionReply{function, ExceptionCode::IllegalDataAddress};
    }
  }
  std::copy(values.begin(), values.end(), registers_.begin() + address);
  const auto count = static_cast<std::uint16_t>(values.size());
  afterWrite(address, count, now);
  if (std::holds_alternative<WriteSingleRegister>(request)) {
    return WriteSingleRegisterReply{address, values.front()};
  }
  return WriteMultipleRegistersReply{address, count};
}

void EmulatedDevice::powerCycle() { std::fill(registers_.begin(), registers_.end(), 0); }

void EmulatedDevice::store(const std::vector<RegisterWrite>& writes) {
  for (const auto& w : writes) {
    std::copy(w.values.begin(), w.values.end(), registers_.begin() + w.address);
  }
}

std::unique_ptr<EmulatedDevice> makeEmulatedDevice(std::string id, std::uint8_t address,
                                                   Profile profile) {
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
