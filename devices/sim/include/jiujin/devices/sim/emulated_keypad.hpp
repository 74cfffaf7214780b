#pragma once
// A caller keypad: presses queue in a FIFO with sequence numbers until acknowledged.
#include <deque>
#include <optional>

#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/sim/emulated_device.hpp"

namespace jiujin::devices::sim {

class EmulatedKeypad final : public EmulatedDevice {
 public:
  EmulatedKeypad(std::string id, std::uint8_t address, drivers::Profile profile);
  /// A press of `key`: its sequence number, or nothing when the FIFO is full (the press is
  /// lost, as on the real keypad).
  std::optional<std::uint16_t> press(drivers::Key key);
  std::size_t pending() const { return fifo_.size(); }
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t address) const override;
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;
  void publishFifo();

  const drivers::KeypadMap& map_;
  std::deque<drivers::KeyEvent> fifo_;
  std::uint16_t lastSeq_ = 0;
};

}  // namespace jiujin::devices::sim
