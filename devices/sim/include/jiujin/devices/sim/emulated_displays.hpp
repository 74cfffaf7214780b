#pragma once
// The LED window display and the main strip: they show what their content sequence commits.
#include <optional>
#include <string>

#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/window_display.hpp"
#include "jiujin/devices/sim/emulated_device.hpp"

namespace jiujin::devices::sim {

class EmulatedWindowDisplay final : public EmulatedDevice {
 public:
  EmulatedWindowDisplay(std::string id, std::uint8_t address, drivers::Profile profile);
  /// What the display shows; unset until content is committed (and after a power cycle).
  const std::optional<drivers::WindowShown>& shown() const { return shown_; }
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t) const override { return true; }
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;

  const drivers::WindowDisplayMap& map_;
  std::optional<drivers::WindowShown> shown_;
  std::string unreadable_;  ///< why the last committed content could not be shown
};

class EmulatedMainStrip final : public EmulatedDevice {
 public:
  EmulatedMainStrip(std::string id, std::uint8_t address, drivers::Profile profile);
  const std::optional<drivers::StripShown>& shown() const { return shown_; }
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t) const override { return true; }
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;

  const drivers::MainStripMap& map_;
  std::optional<drivers::StripShown> shown_;
  std::string unreadable_;
};

}  // namespace jiujin::devices::sim
