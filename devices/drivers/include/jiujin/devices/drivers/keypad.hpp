#pragma once
// Caller keypad (呼叫器): a FIFO of key events with sequence numbers, an acknowledgement
// register, and a small display of the current number and the waiting count.
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"

namespace jiujin::devices::drivers {

struct KeyEvent {
  std::uint16_t seq = 0;   ///< 1..65535, then 1 again; 0 is never used
  Key key = Key::Unknown;
  std::uint16_t code = 0;  ///< the raw code, kept for keys the profile does not name
  bool operator==(const KeyEvent&) const = default;
};

/// The sequence number after `seq` (skips 0).
std::uint16_t nextKeySeq(std::uint16_t seq);
/// The code `key` has in `map`; Unknown has none.
std::optional<std::uint16_t> keyCode(Key key, const KeypadMap& map);

/// The one read that polls the FIFO (count and every entry).
RegisterRead keypadPollRead(const KeypadMap& map);
/// The events in the FIFO, oldest first. A count above the depth is an error value.
Expected<std::vector<KeyEvent>> decodeKeypadFifo(const RegisterBlock& block, const KeypadMap& map);
/// Drops `seq` and every older event from the FIFO.
RegisterWrite encodeKeypadAck(std::uint16_t seq, const KeypadMap& map);

/// The keypad's side: the registers that hold `events` (unused entries zero).
std::vector<RegisterWrite> encodeKeypadFifo(std::span<const KeyEvent> events, const KeypadMap& map);

struct KeypadDisplay {
  std::string currentNumber;  ///< e.g. "A001", empty when none
  int waitingCount = 0;
  bool operator==(const KeypadDisplay&) const = default;
};
Expected<std::vector<RegisterWrite>> encodeKeypadDisplay(const KeypadDisplay& display,
                                                         const KeypadMap& map);
Expected<KeypadDisplay> decodeKeypadDisplay(const RegisterBlock& block, const KeypadMap& map);

/// Remembers the sequence numbers already handled, so a press seen on two polls (because an
/// acknowledgement was lost) is acted on once. Remembers a set, not a high-water mark, so a
/// keypad that restarts its numbering after a power cycle is still heard.
class KeyEventDeduper {
 public:
  explicit KeyEventDeduper(std::size_t memory = 64) : memory_(memory) {}
  /// The events of `fifo` not handled before, and marks them handled.
  std::vector<KeyEvent> fresh(std::span<const KeyEvent> fifo);

 private:
  std::size_t memory_;
  std::deque<std::uint16_t> handled_;
};

}  // namespace jiujin::devices::drivers
