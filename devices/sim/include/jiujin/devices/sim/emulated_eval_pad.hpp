#pragma once
// An evaluation pad: idle until prompted, takes one rating while prompting, times out.
#include <optional>
#include <string>

#include "jiujin/devices/sim/emulated_device.hpp"

namespace jiujin::devices::sim {

/// What the master asked the pad to show.
struct PadPrompt {
  std::string ticket;
  std::string clerkNumber;
  std::string clerkName;
  int timeoutSeconds = 0;
};

class EmulatedEvalPad final : public EmulatedDevice {
 public:
  EmulatedEvalPad(std::string id, std::uint8_t address, DeviceProfile profile);
  /// A resident presses a rating key: accepted only while prompting; returns the new
  /// rating sequence number.
  SimResult<std::uint16_t> rate(Rating rating, SimClock::time_point now);
  PadState state(SimClock::time_point now);
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t address) const override;
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;
  void beforeRead(SimClock::time_point now) override;
  std::optional<PadPrompt> readPrompt() const;
  void publishStatus();

  const EvalPadLayout& layout_;
  PadState state_ = PadState::Idle;
  std::optional<Rating> rating_;  ///< the last accepted rating
  std::uint16_t ratingSeq_ = 0;
  std::optional<PadPrompt> prompt_;
  SimClock::time_point deadline_{};
};

}  // namespace jiujin::devices::sim
