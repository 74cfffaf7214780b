#pragma once
// A caller keypad: presses queue in a FIFO with sequence numbers until acknowledged. Its keys
// are the ones its profile names, with the profile's codes.
#include <deque>
#include <string>
#include <string_view>

#include "jiujin/devices/sim/emulated_device.hpp"

namespace jiujin::devices::sim {

class EmulatedKeypad final : public EmulatedDevice {
 public:
  EmulatedKeypad(std::string id, std::uint8_t address, DeviceProfile profile);
  /// A press of the key the profile names `key` (e.g. "call_next"): its sequence number, or an
  /// error when the keypad has no such key or its FIFO is full (the press is lost, as on the
  /// real keypad).
  SimResult<std::uint16_t> press(std::string_view key);
  std::size_t pending() const { return fifo_.size(); }
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  struct Press {
    std::uint16_t seq = 0;
    std::string key;
    std::uint16_t code = 0;
  };

  bool writable(std::uint16_t address) const override;
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;
  void publishFifo();

  const KeypadLayout& layout_;
  std::deque<Press> fifo_;
  std::uint16_t lastSeq_ = 0;
};

}  // namespace jiujin::devices::sim
