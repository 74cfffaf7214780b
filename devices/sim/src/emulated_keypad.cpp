#include "jiujin/devices/sim/emulated_keypad.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace jiujin::devices::sim {

EmulatedKeypad::EmulatedKeypad(std::string id, std::uint8_t address, DeviceProfile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      layout_(std::get<KeypadLayout>(this->profile().layout)) {}

SimResult<std::uint16_t> EmulatedKeypad::press(std::string_view key) {
  const auto it = layout_.keys.find(key);
  if (it == layout_.keys.end()) return SimError{fmt::format("{} has no key \"{}\"", id(), key)};
  if (fifo_.size() >= layout_.fifoDepth) {
    return SimError{fmt::format("{}: key FIFO full, the press is lost", id())};
  }
  // Sequences run 1..65535 and start again at 1: 0 never names a press.
  lastSeq_ = lastSeq_ == 0xFFFF ? 1 : static_cast<std::uint16_t>(lastSeq_ + 1);
  fifo_.push_back(Press{lastSeq_, it->first, it->second});
  publishFifo();
  return lastSeq_;
}

bool EmulatedKeypad::writable(std::uint16_t address) const {
  const auto& number = layout_.currentNumber;
  return address == layout_.ack || address == layout_.waitingCount ||
         (address >= number.address && address < number.address + number.registers);
}

void EmulatedKeypad::afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point) {
  if (!touches(first, count, layout_.ack)) return;
  // Drop the acknowledged press and every older one; an unknown sequence changes nothing, so
  // repeating an acknowledgement is harmless.
  const std::uint16_t acknowledged = registerAt(layout_.ack);
  const auto it = std::find_if(fifo_.begin(), fifo_.end(),
                               [&](const Press& p) { return p.seq == acknowledged; });
  if (it == fifo_.end()) return;
  fifo_.erase(fifo_.begin(), it + 1);
  publishFifo();
}

void EmulatedKeypad::publishFifo() {
  setRegister(layout_.fifoCount, static_cast<std::uint16_t>(fifo_.size()));
  for (std::uint16_t i = 0; i < layout_.fifoDepth; ++i) {
    const auto entry = static_cast<std::uint16_t>(layout_.fifoFirstEntry + 2 * i);
    const bool used = i < fifo_.size();
    setRegister(entry, used ? fifo_[i].seq : 0);
    setRegister(static_cast<std::uint16_t>(entry + 1), used ? fifo_[i].code : 0);
  }
}

std::string EmulatedKeypad::describe(SimClock::time_point) {
  std::string presses;
  for (const auto& p : fifo_) presses += fmt::format("{}{}:{}", presses.empty() ? "" : ",", p.seq, p.key);
  return fmt::format("{} pending={} fifo={}", describeShown(), fifo_.size(), presses.empty() ? "-" : presses);
}

std::string EmulatedKeypad::describeShown() const {
  const auto number = textIn(layout_.currentNumber);
  return fmt::format("number={} waiting={}", quotedText(number ? number.value() : "?"),
                     registerAt(layout_.waitingCount));
}

void EmulatedKeypad::powerCycle() {
  EmulatedDevice::powerCycle();
  fifo_.clear();
  lastSeq_ = 0;
}

}  // namespace jiujin::devices::sim
