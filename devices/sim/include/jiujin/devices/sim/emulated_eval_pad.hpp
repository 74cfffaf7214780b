#pragma once
// An evaluation pad: idle until prompted, takes one rating while prompting, times out.
#include <optional>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/sim/emulated_device.hpp"
#include "jiujin/devices/sim/sim_config.hpp"

namespace jiujin::devices::sim {

class EmulatedEvalPad final : public EmulatedDevice {
 public:
  EmulatedEvalPad(std::string id, std::uint8_t address, drivers::Profile profile);
  /// A resident presses a rating key: accepted only while prompting; returns the new
  /// rating sequence number.
  drivers::Expected<std::uint16_t, SimError> rate(drivers::Rating rating, SimClock::time_point now);
  drivers::PadState state(SimClock::time_point now);
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t address) const override;
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;
  void beforeRead(SimClock::time_point now) override;
  void publishStatus();

  const drivers::EvalPadMap& map_;
  drivers::PadStatus status_;
  std::optional<drivers::PadPrompt> prompt_;
  SimClock::time_point deadline_{};
};

}  // namespace jiujin::devices::sim
