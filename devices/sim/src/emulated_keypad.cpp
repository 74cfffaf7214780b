#include "jiujin/devices/sim/emulated_keypad.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace jiujin::devices::sim {

using namespace drivers;

EmulatedKeypad::EmulatedKeypad(std::string id, std::uint8_t address, Profile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      map_(std::get<KeypadMap>(this->profile().map)) {}

std::optional<std::uint16_t> EmulatedKeypad::press(Key key) {
  const auto code = keyCode(key, map_);
  if (!code || fifo_.size() >= map_.fifoDepth) return std::nullopt;
  lastSeq_ = nextKeySeq(lastSeq_);
  fifo_.push_back(KeyEvent{lastSeq_, key, *code});
  publishFifo();
  return lastSeq_;
}

bool EmulatedKeypad::writable(std::uint16_t address) const {
  const auto& n = map_.currentNumber;
  return address == map_.ack || address == map_.waitingCount ||
         (address >= n.address && address < n.address + n.registers);
}

void EmulatedKeypad::afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point) {
  if (!touches(first, count, map_.ack)) return;
  // Drop the acknowledged event and all older ones; an unknown sequence changes nothing, so
  // repeating an acknowledgement is harmless.
  const std::uint16_t acked = registers()[map_.ack];
  const auto it = std::find_if(fifo_.begin(), fifo_.end(),
                               [&](const KeyEvent& e) { return e.seq == acked; });
  if (it == fifo_.end()) return;
  fifo_.erase(fifo_.begin(), it + 1);
  publishFifo();
}

void EmulatedKeypad::publishFifo() {
  const std::vector<KeyEvent> events(fifo_.begin(), fifo_.end());
  store(encodeKeypadFifo(events, map_));
}

std::string EmulatedKeypad::describe(SimClock::time_point) {
  const auto display = decodeKeypadDisplay(registers(), map_);
  std::string seqs;
  for (const auto& e : fifo_) seqs += fmt::format("{}{}:{}", seqs.empty() ? "" : ",", e.seq, toString(e.key));
  return fmt::format("number={} waiting={} pending={} fifo={}",
                     quotedText(display ? display->currentNumber : "?"),
                     display ? display->waitingCount : 0, fifo_.size(), seqs.empty() ? "-" : seqs);
}

std::string EmulatedKeypad::describeShown() const {
  const auto display = decodeKeypadDisplay(registers(), map_);
  return fmt::format("number={} waiting={}", quotedText(display ? display->currentNumber : "?"),
                     display ? display->waitingCount : 0);
}

void EmulatedKeypad::powerCycle() {
  EmulatedDevice::powerCycle();
  fifo_.clear();
  lastSeq_ = 0;
}

}  // namespace jiujin::devices::sim
