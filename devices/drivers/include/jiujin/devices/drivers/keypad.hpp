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

/// Tells fresh key events from ones already handled, the way the keypad's FIFO behaves: an
/// event stays in the FIFO until an acknowledgement of it (or of a newer one) is written, so a
/// press is seen on every poll until then and must be acted on once. Once an acknowledgement
/// of S is confirmed written, the keypad holds nothing up to S: whatever it shows next is new,
/// even under a number seen before — a keypad that was power-cycled numbers from 1 again
/// (docs/devices.md, "jiujin-keypad-v1"). Remembered are only the events handled and not yet
/// confirmed acknowledged; a FIFO in which such an event follows an unknown one is a restarted
/// keypad's (handled events are always the oldest), and everything in it is fresh.
class KeyEventDeduper {
 public:
  /// The events of `fifo` (oldest first) not handled before, and marks them handled.
  std::vector<KeyEvent> fresh(std::span<const KeyEvent> fifo);
  /// An acknowledgement of `seq` was written and answered: `seq` and every event handled
  /// before it have left the keypad.
  void acknowledged(std::uint16_t seq);
  /// Events handled and not yet confirmed acknowledged, oldest first.
  const std::deque<std::uint16_t>& unacknowledged() const { return unacknowledged_; }

 private:
  std::deque<std::uint16_t> unacknowledged_;
};

}  // namespace jiujin::devices::drivers
