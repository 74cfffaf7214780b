#include "jiujin/devices/drivers/keypad.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "field_codec.hpp"

namespace jiujin::devices::drivers {

std::uint16_t nextKeySeq(std::uint16_t seq) {
  return seq == 0xFFFF ? std::uint16_t{1} : static_cast<std::uint16_t>(seq + 1);
}

std::optional<std::uint16_t> keyCode(Key key, const KeypadMap& map) {
  const auto it = map.keyCodes.find(key);
  if (it == map.keyCodes.end()) return std::nullopt;
  return it->second;
}

RegisterRead keypadPollRead(const KeypadMap& map) {
  const std::uint16_t first = std::min(map.fifoCount, map.fifoFirstEntry);
  const std::uint32_t end = std::max<std::uint32_t>(map.fifoCount + 1u,
                                                    map.fifoFirstEntry + 2u * map.fifoDepth);
  return {first, static_cast<std::uint16_t>(end - first)};
}

Expected<std::vector<KeyEvent>> decodeKeypadFifo(const RegisterBlock& block, const KeypadMap& map) {
  if (auto missing = requireRegisters(block, map.fifoCount, 1, "fifo_count")) return *missing;
  const std::uint16_t count = block[map.fifoCount];
  if (count > map.fifoDepth) {
    return CodecError{CodecErrorCode::ValueOutOfRange,
                      fmt::format("keypad reports {} events, its FIFO holds {}", count, map.fifoDepth)};
  }
  if (auto missing = requireRegisters(block, map.fifoFirstEntry,
                                      static_cast<std::uint16_t>(2 * count), "fifo_entries")) {
    return *missing;
  }
  std::vector<KeyEvent> events;
  for (std::uint16_t i = 0; i < count; ++i) {
    const auto at = static_cast<std::uint16_t>(map.fifoFirstEntry + 2 * i);
    const std::uint16_t code = block[static_cast<std::uint16_t>(at + 1)];
    events.push_back(KeyEvent{block[at], detail::byCode(map.keyCodes, code).value_or(Key::Unknown), code});
  }
  return events;
}

RegisterWrite encodeKeypadAck(std::uint16_t seq, const KeypadMap& map) { return {map.ack, {seq}}; }

std::vector<RegisterWrite> encodeKeypadFifo(std::span<const KeyEvent> events, const KeypadMap& map) {
  detail::RegisterImage image;
  const auto shown = std::min<std::size_t>(events.size(), map.fifoDepth);
  image[map.fifoCount] = static_cast<std::uint16_t>(shown);
  for (std::uint16_t i = 0; i < map.fifoDepth; ++i) {
    const auto at = static_cast<std::uint16_t>(map.fifoFirstEntry + 2 * i);
    image[at] = i < shown ? events[i].seq : 0;
    image[static_cast<std::uint16_t>(at + 1)] = i < shown ? events[i].code : 0;
  }
  return coalesceWrites(image);
}

Expected<std::vector<RegisterWrite>> encodeKeypadDisplay(const KeypadDisplay& display,
                                                         const KeypadMap& map) {
  if (display.waitingCount < 0 || display.waitingCount > 0xFFFF) {
    return CodecError{CodecErrorCode::ValueOutOfRange, "waiting count must be 0..65535"};
  }
  detail::RegisterImage image;
  if (auto error = detail::putText(image, map.currentNumber, display.currentNumber, "current_number", TextFit::Whole))
    return *error;
  image[map.waitingCount] = static_cast<std::uint16_t>(display.waitingCount);
  return coalesceWrites(image);
}

Expected<KeypadDisplay> decodeKeypadDisplay(const RegisterBlock& block, const KeypadMap& map) {
  auto number = detail::readText(block, map.currentNumber, "current_number");
  if (!number) return number.error();
  if (auto missing = requireRegisters(block, map.waitingCount, 1, "waiting_count")) return *missing;
  return KeypadDisplay{std::move(number).value(), block[map.waitingCount]};
}

std::vector<KeyEvent> KeyEventDeduper::fresh(std::span<const KeyEvent> fifo) {
  auto handled = [&](std::uint16_t seq) {
    return std::find(unacknowledged_.begin(), unacknowledged_.end(), seq) != unacknowledged_.end();
  };
  // Handled events are the oldest in the FIFO; one after an unknown event means the numbers
  // started again (power cycle): they are not the events we handled.
  const auto firstUnknown = std::find_if(fifo.begin(), fifo.end(), [&](const KeyEvent& e) { return !handled(e.seq); });
  const bool restarted = std::any_of(firstUnknown, fifo.end(), [&](const KeyEvent& e) { return handled(e.seq); });
  if (restarted) unacknowledged_.clear();
  std::vector<KeyEvent> out;
  for (const auto& event : fifo) {
    if (handled(event.seq)) continue;
    out.push_back(event);
    unacknowledged_.push_back(event.seq);
  }
  // Bounded even if acknowledgements never get through: more than the deepest FIFO (62
  // entries fit one read) can never be waiting at once.
  while (unacknowledged_.size() > 2 * kMaxRegistersPerRead) unacknowledged_.pop_front();
  return out;
}

void KeyEventDeduper::acknowledged(std::uint16_t seq) {
  const auto it = std::find(unacknowledged_.begin(), unacknowledged_.end(), seq);
  if (it != unacknowledged_.end()) unacknowledged_.erase(unacknowledged_.begin(), it + 1);
}

}  // namespace jiujin::devices::drivers
